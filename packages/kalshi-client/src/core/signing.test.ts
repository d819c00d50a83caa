import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ed25519Keys, rsaKeys, verifyKalshiSignature } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiConfigError } from './errors';
import { kalshiAuthHeaders, loadPrivateKey, signKalshiRequest } from './signing';

function headersOf(h: Record<string, string>): Headers {
  return new Headers(h);
}

describe('signKalshiRequest', () => {
  it('produces an RSA-PSS SHA-256 signature over timestamp + METHOD + path, verified by node:crypto', () => {
    const { privateKey, publicKey } = rsaKeys();
    const h = kalshiAuthHeaders('key-1', privateKey, 1795564800123, 'get', '/trade-api/v2/portfolio/balance');
    expect(h['KALSHI-ACCESS-KEY']).toBe('key-1');
    expect(h['KALSHI-ACCESS-TIMESTAMP']).toBe('1795564800123');
    expect(
      verifyKalshiSignature(publicKey, headersOf({ ...h }), 'GET', '/trade-api/v2/portfolio/balance'),
    ).toBe(true);
    expect(
      verifyKalshiSignature(publicKey, headersOf({ ...h }), 'POST', '/trade-api/v2/portfolio/balance'),
    ).toBe(false);
  });

  it('ignores the query string of the path it is given', () => {
    const { privateKey, publicKey } = rsaKeys();
    const signature = signKalshiRequest(
      privateKey,
      1795564800000,
      'GET',
      '/trade-api/v2/markets?limit=5&cursor=abc',
    );
    const h = headersOf({ 'KALSHI-ACCESS-TIMESTAMP': '1795564800000', 'KALSHI-ACCESS-SIGNATURE': signature });
    expect(verifyKalshiSignature(publicKey, h, 'GET', '/trade-api/v2/markets')).toBe(true);
  });

  it('uses a fresh salt each time (PSS), so two signatures of the same text differ yet both verify', () => {
    const { privateKey } = rsaKeys();
    const a = signKalshiRequest(privateKey, 1, 'GET', '/x');
    const b = signKalshiRequest(privateKey, 1, 'GET', '/x');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(256);
  });

  it('signs the same text with Ed25519 keys', () => {
    const { privateKey, publicKey } = ed25519Keys();
    const h = kalshiAuthHeaders(
      'key-2',
      privateKey,
      1795564800000,
      'DELETE',
      '/trade-api/v2/portfolio/events/orders/o-1',
    );
    expect(
      verifyKalshiSignature(
        publicKey,
        headersOf({ ...h }),
        'DELETE',
        '/trade-api/v2/portfolio/events/orders/o-1',
      ),
    ).toBe(true);
    expect(Buffer.from(h['KALSHI-ACCESS-SIGNATURE'], 'base64')).toHaveLength(64);
  });
});

describe('loadPrivateKey', () => {
  it('reads PKCS#8 and PKCS#1 PEM text, including literal \\n escapes', () => {
    const { privateKey } = rsaKeys();
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(loadPrivateKey(pkcs8).asymmetricKeyType).toBe('rsa');
    expect(loadPrivateKey(pkcs1).asymmetricKeyType).toBe('rsa');
    expect(loadPrivateKey(pkcs1.replace(/\n/g, '\\n')).asymmetricKeyType).toBe('rsa');
    expect(loadPrivateKey(Buffer.from(pkcs8)).asymmetricKeyType).toBe('rsa');
  });

  it('rejects unreadable text without echoing it', () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END PRIVATE KEY-----';
    let error: unknown;
    try {
      loadPrivateKey(secret);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KalshiConfigError);
    expect((error as Error).message).toBe(
      'the Kalshi private key could not be parsed (expected PEM, PKCS#1 or PKCS#8)',
    );
    expect(JSON.stringify(error)).not.toContain('TOPSECRET');
    expect(String((error as Error).cause)).not.toContain('TOPSECRET');
  });

  it('rejects public keys and unsupported key types', () => {
    expect(() => loadPrivateKey(rsaKeys().publicKey)).toThrow(
      'the Kalshi key must be a private key, got a public key',
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => loadPrivateKey(ec)).toThrow('unsupported Kalshi key type ec (expected rsa or ed25519)');
  });
});

describe('client credentials', () => {
  it('reads the key once from privateKeyPath', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kalshi-key-'));
    const file = join(dir, 'demo.pem');
    writeFileSync(file, rsaKeys().privateKey.export({ type: 'pkcs1', format: 'pem' }));
    expect(() => new KalshiClient({ apiKeyId: 'k', privateKeyPath: file })).not.toThrow();
    expect(() => new KalshiClient({ apiKeyId: 'k', privateKeyPath: join(dir, 'missing.pem') })).toThrow(
      `cannot read the Kalshi private key file ${join(dir, 'missing.pem')}`,
    );
  });

  it('requires the key id and the key together', () => {
    expect(() => new KalshiClient({ apiKeyId: 'k' })).toThrow(
      'apiKeyId was given without privateKey or privateKeyPath',
    );
    expect(() => new KalshiClient({ privateKey: rsaKeys().privateKey })).toThrow(
      'a private key was given without apiKeyId',
    );
  });

  it('rejects an unknown environment or tier', () => {
    expect(() => new KalshiClient({ environment: 'staging' as 'demo' })).toThrow(
      'unknown Kalshi environment "staging"',
    );
    expect(() => new KalshiClient({ rateLimit: { tier: 'platinum' as 'basic' } })).toThrow(KalshiConfigError);
  });

  it('builds limiters from explicit buckets or none at all', () => {
    const explicit = new KalshiClient({
      rateLimit: {
        read: { tokensPerSecond: 50, bucketSize: 100 },
        write: { tokensPerSecond: 20 },
        headroomTokens: 0,
      },
    });
    expect(explicit.rateLimiter?.read.limit).toEqual({ tokensPerSecond: 50, bucketSize: 100 });
    expect(explicit.rateLimiter?.write.limit).toEqual({ tokensPerSecond: 20, bucketSize: 20 });
    expect(new KalshiClient({ rateLimit: false, circuitBreaker: false }).rateLimiter).toBeUndefined();
  });
});
