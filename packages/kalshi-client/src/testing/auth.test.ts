import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { edKeys, kalshiSign, makeExchange, manualClock, rsaKeys, send } from './__fixtures__/harness';
import { createFakeExchange } from './index';

describe('fake exchange signature checks', () => {
  it('accepts RSA-PSS and Ed25519 signatures over timestamp + METHOD + path', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'rsa' })).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'ed' })).status).toBe(200);
  });

  it('signs the path without the query string', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const ok = await send(exchange, clock, 'GET', '/portfolio/fills?limit=5');
    expect(ok.status).toBe(200);
    const withQuery = await send(exchange, clock, 'GET', '/portfolio/fills?limit=5', {
      signPath: '/trade-api/v2/portfolio/fills?limit=5',
    });
    expect(withQuery.status).toBe(401);
    expect(withQuery.json).toEqual({
      error: {
        code: 'authentication_error',
        message: 'authentication_error',
        details: 'INCORRECT_API_KEY_SIGNATURE',
      },
    });
  });

  it('answers a missing signature with Kalshi body', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const res = await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'none' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: { code: 'signature_is_missing_from_headers', message: 'signature is missing from headers' },
    });
  });

  it('names a missing key id and a missing timestamp', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const noKey = await send(exchange, clock, 'GET', '/portfolio/balance', {
      key: 'none',
      headers: { 'KALSHI-ACCESS-SIGNATURE': 'abc', 'KALSHI-ACCESS-TIMESTAMP': String(clock.now()) },
    });
    expect(noKey.json.error.code).toBe('key_is_missing_from_headers');
    const noTs = await send(exchange, clock, 'GET', '/portfolio/balance', {
      key: 'none',
      headers: { 'KALSHI-ACCESS-SIGNATURE': 'abc', 'KALSHI-ACCESS-KEY': 'rsa-key' },
    });
    expect(noTs.json.error.code).toBe('timestamp_is_missing_from_headers');
  });

  it('rejects an unknown key id', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const res = await send(exchange, clock, 'GET', '/portfolio/balance', {
      keyId: '00000000-0000-0000-0000-000000000000',
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: { code: 'authentication_error', message: 'authentication_error', details: 'NOT_FOUND' },
    });
  });

  it('rejects a signature made by another key, or with the wrong PSS salt length', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const wrongKey = await send(exchange, clock, 'GET', '/portfolio/balance', {
      key: 'ed',
      keyId: 'rsa-key',
    });
    expect(wrongKey.json.error.details).toBe('INCORRECT_API_KEY_SIGNATURE');
    const ts = String(clock.now());
    const res = await exchange.handle({
      method: 'GET',
      path: '/trade-api/v2/portfolio/balance',
      query: new URLSearchParams(),
      headers: {
        'kalshi-access-key': 'rsa-key',
        'kalshi-access-timestamp': ts,
        'kalshi-access-signature': kalshiSign(
          rsaKeys.privateKey,
          ts,
          'GET',
          '/trade-api/v2/portfolio/balance',
          20,
        ),
      },
    });
    expect(res.status).toBe(401);
  });

  it('expires timestamps further than the tolerance from its clock, either way', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const expired = {
      error: { code: 'header_timestamp_expired', message: 'header timestamp expired' },
    };
    for (const skew of [-30_000, 30_000, -300_000]) {
      const res = await send(exchange, clock, 'GET', '/portfolio/balance', { ts: clock.now() + skew });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(expired);
    }
    for (const skew of [-5_000, 5_000]) {
      expect(
        (await send(exchange, clock, 'GET', '/portfolio/balance', { ts: clock.now() + skew })).status,
      ).toBe(200);
    }
    const garbage = await exchange.handle({
      method: 'GET',
      path: '/trade-api/v2/portfolio/balance',
      query: new URLSearchParams(),
      headers: {
        'KALSHI-ACCESS-KEY': 'rsa-key',
        'KALSHI-ACCESS-TIMESTAMP': 'soon',
        'KALSHI-ACCESS-SIGNATURE': 'x',
      },
    });
    expect(JSON.parse(garbage.body)).toEqual(expired);
  });

  it('serves market data without signature but still checks one that is sent', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    expect((await send(exchange, clock, 'GET', '/markets', { key: 'none' })).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/markets', { keyId: 'nobody' })).status).toBe(401);
  });

  it('requires signatures everywhere with requireAuth "all"', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { requireAuth: 'all' });
    expect((await send(exchange, clock, 'GET', '/markets', { key: 'none' })).status).toBe(401);
    expect((await send(exchange, clock, 'GET', '/markets')).status).toBe(200);
  });

  it('accepts a private key as the registered key, and refuses other key types', () => {
    expect(() => createFakeExchange({ keys: [{ id: 'k', publicKey: edKeys.privateKey }] })).not.toThrow();
    expect(() =>
      createFakeExchange({
        keys: [
          {
            id: 'k',
            publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey,
          },
        ],
      }),
    ).toThrow('fake exchange keys must be RSA or Ed25519, got ec');
  });

  it('logs every request with its status and key', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    await send(exchange, clock, 'GET', '/portfolio/balance?x=1');
    await send(exchange, clock, 'GET', '/markets', { key: 'none' });
    expect(exchange.requests).toEqual([
      {
        method: 'GET',
        path: '/trade-api/v2/portfolio/balance',
        query: 'x=1',
        status: 200,
        keyId: 'rsa-key',
        time: clock.now(),
      },
      {
        method: 'GET',
        path: '/trade-api/v2/markets',
        query: '',
        status: 200,
        keyId: undefined,
        time: clock.now(),
      },
    ]);
  });
});
