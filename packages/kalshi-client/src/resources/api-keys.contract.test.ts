import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE, contract, contractServer } from '../__fixtures__/contract';
import { rsaKeys } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiInvalidParamsError, KalshiResponseValidationError } from '../core/errors';
import type { Logger } from '../core/logger';
import { SecretString } from '../core/secret';

const { server, route, client } = contractServer();
const KEY_ID = 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c';
// A private key as the exchange would return it (a real PEM: the test checks none of its lines leak).
const GENERATED_PEM = rsaKeys().privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const PUBLIC_PEM = rsaKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString();
const pemLine = GENERATED_PEM.split('\n')[1] as string;

function capturingLogger(lines: string[]): Logger {
  const push = (o: unknown, m?: string) => lines.push(JSON.stringify(o) + (m ?? ''));
  return { debug: push, info: push, warn: push, error: push };
}

describe('api keys', () => {
  contract('getApiKeys', 'lists keys, restrictions optional, region expiry as a Date', async () => {
    const seen = route('get', '/api_keys', {
      api_keys: [
        { api_key_id: KEY_ID, name: 'sync-bot', scopes: ['read', 'write'] },
        { api_key_id: 'k-2', name: 'desk', scopes: ['read'], subaccount: 2, fcm_subtrader_id: null },
      ],
      api_key_region_expiration_ts: 1796083200,
      surprise: 'ignored',
    });
    const keys = await client().apiKeys.list({ fcm_subtrader_id: 'u123_desk1' });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.query.toString()).toBe('fcm_subtrader_id=u123_desk1');
    expect(keys).toEqual({
      api_keys: [
        {
          api_key_id: KEY_ID,
          name: 'sync-bot',
          scopes: ['read', 'write'],
          subaccount: undefined,
          fcm_subtrader_id: undefined,
        },
        { api_key_id: 'k-2', name: 'desk', scopes: ['read'], subaccount: 2, fcm_subtrader_id: undefined },
      ],
      api_key_region_expiration_ts: new Date('2026-12-01T00:00:00Z'),
    });
  });

  contract('createApiKey', 'POSTs the public key and scopes, returns the new id', async () => {
    const seen = route('post', '/api_keys', { api_key_id: KEY_ID }, 201);
    const result = await client().apiKeys.create({
      name: ' sync-bot ',
      public_key: PUBLIC_PEM,
      scopes: ['read', 'write::trade'],
      subaccount: 3,
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toEqual({
      name: 'sync-bot',
      public_key: PUBLIC_PEM,
      scopes: ['read', 'write::trade'],
      subaccount: 3,
    });
    expect(result).toEqual({ api_key_id: KEY_ID, warning: undefined });
  });

  contract(
    'createApiKey',
    'refuses a private key or bad fields before sending, echoing nothing',
    async () => {
      route('post', '/api_keys', { api_key_id: KEY_ID }, 201);
      const asPublic = await client()
        .apiKeys.create({ name: 'oops', public_key: GENERATED_PEM })
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      expect(asPublic).toBeInstanceOf(KalshiInvalidParamsError);
      expect(asPublic?.message).toBe(
        'apiKeys.create: public_key holds a PRIVATE key; send only the public key (nothing was sent)',
      );
      expect(JSON.stringify(asPublic)).not.toContain(pemLine);
      await expect(client().apiKeys.create({ name: 'x', public_key: 'not a key' })).rejects.toThrow(
        'apiKeys.create: public_key is not a PEM public key',
      );
      await expect(
        client().apiKeys.create({ name: 'x', public_key: PUBLIC_PEM, scopes: ['write'] }),
      ).rejects.toThrow('apiKeys.create: scopes: the write scope needs the read scope too');
      await expect(
        client().apiKeys.create({ name: 'x', public_key: PUBLIC_PEM, subaccount: 64 }),
      ).rejects.toThrow(KalshiInvalidParamsError);
      await expect(client().apiKeys.create({ name: '  ', public_key: PUBLIC_PEM })).rejects.toThrow(
        'apiKeys.create: name: must not be empty',
      );
    },
  );

  contract(
    'generateApiKey',
    'returns the private key as a SecretString that reveals it exactly',
    async () => {
      const seen = route(
        'post',
        '/api_keys/generate',
        { api_key_id: KEY_ID, private_key: GENERATED_PEM },
        201,
      );
      const key = await client().apiKeys.generate({ name: 'bot-2', scopes: ['read'] });
      expect(seen[0]?.body).toEqual({ name: 'bot-2', scopes: ['read'] });
      expect(key.api_key_id).toBe(KEY_ID);
      expect(key.warning).toBeUndefined();
      expect(key.private_key).toBeInstanceOf(SecretString);
      expect(key.private_key.reveal()).toBe(GENERATED_PEM);
    },
  );

  contract(
    'generateApiKey',
    'hands the SecretString straight to a new client, which signs with it',
    async () => {
      route('post', '/api_keys/generate', { api_key_id: 'key-123', private_key: GENERATED_PEM }, 201);
      const key = await client().apiKeys.generate({ name: 'bot-2' });
      const seen = route('get', '/api_keys', { api_keys: [] });
      const bot = new KalshiClient({ apiKeyId: key.api_key_id, privateKey: key.private_key, maxRetries: 0 });
      expect((await bot.apiKeys.list()).api_keys).toEqual([]);
      expect(seen[0]?.signed).toBe(true);
    },
  );

  contract('generateApiKey', 'keeps the private key out of logs, JSON, inspection and spreads', async () => {
    route('post', '/api_keys/generate', { api_key_id: KEY_ID, private_key: GENERATED_PEM }, 201);
    const lines: string[] = [];
    const kalshi = client({ logger: capturingLogger(lines) });
    const key = await kalshi.apiKeys.generate({ name: 'bot-2' });
    const shown = [
      JSON.stringify(key),
      String(key.private_key),
      `${key.private_key}`,
      inspect(key, { depth: 5 }),
      inspect(key, { depth: 5, showHidden: true }),
      JSON.stringify({ ...key.private_key }),
      JSON.stringify(structuredClone(key)),
      ...lines,
    ];
    for (const text of shown) expect(text).not.toContain(pemLine);
    expect(JSON.stringify(key)).toBe(`{"api_key_id":"${KEY_ID}","private_key":"[redacted]"}`);
    expect(inspect(key.private_key)).toBe('SecretString([redacted])');
    expect(lines.length).toBeGreaterThan(0);
  });

  contract('generateApiKey', 'withholds a malformed body holding the key from the error', async () => {
    route('post', '/api_keys/generate', { api_key_id: 42, private_key: GENERATED_PEM }, 201);
    const error = (await client()
      .apiKeys.generate({ name: 'bot-2' })
      .catch((e: unknown) => e)) as KalshiResponseValidationError;
    expect(error).toBeInstanceOf(KalshiResponseValidationError);
    expect(error.message).toBe(
      'POST /trade-api/v2/api_keys/generate returned an unexpected body at api_key_id (invalid_type; body withheld: it holds a secret)',
    );
    expect(error.body).toBeUndefined();
    expect(error.cause).toBeUndefined();
    const everything = [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
      String(error.stack),
    ];
    for (const text of everything) expect(text).not.toContain(pemLine);
  });

  contract('generateApiKey', 'withholds a cut-off body that is not JSON', async () => {
    const cutOff = JSON.stringify({ api_key_id: KEY_ID, private_key: GENERATED_PEM }).slice(0, 300);
    server.use(http.post(`${BASE}/api_keys/generate`, () => new HttpResponse(cutOff, { status: 201 })));
    const error = (await client()
      .apiKeys.generate({ name: 'bot-2' })
      .catch((e: unknown) => e)) as KalshiResponseValidationError;
    expect(error).toBeInstanceOf(KalshiResponseValidationError);
    expect(error.code).toBe('invalid_json');
    expect(error.body).toBeUndefined();
    expect(error.cause).toBeUndefined();
    expect([JSON.stringify(error), inspect(error, { depth: 8 })].join('\n')).not.toContain(pemLine);
  });

  contract('deleteApiKey', 'DELETEs the key by id', async () => {
    const seen = route('delete', `/api_keys/${KEY_ID}`, undefined, 204);
    await client().apiKeys.delete(KEY_ID);
    expect(seen.map((s) => [s.method, s.path])).toEqual([['DELETE', `/trade-api/v2/api_keys/${KEY_ID}`]]);
    await expect(client().apiKeys.delete(' ')).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });
});

describe('SecretString', () => {
  it('prints [redacted] everywhere and reveals only on request', () => {
    const secret = new SecretString('TOPSECRET');
    expect(`${secret}`).toBe('[redacted]');
    expect(String(secret)).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(Object.keys(secret)).toEqual([]);
    expect(inspect({ secret })).toBe('{ secret: SecretString([redacted]) }');
    expect(secret.reveal()).toBe('TOPSECRET');
    expect(SecretString.isInstance(secret)).toBe(true);
    expect(SecretString.isInstance({ ...secret })).toBe(false);
    expect(SecretString.isInstance('TOPSECRET')).toBe(false);
  });
});
