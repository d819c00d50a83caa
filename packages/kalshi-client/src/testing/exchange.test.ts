import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeExchange, type FakeExchangeOptions } from './index';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');

function signWith(key: KeyObject, ts: string, method: string, path: string): string {
  const msg = Buffer.from(`${ts}${method}${path}`);
  if (key.asymmetricKeyType === 'ed25519') return sign(null, msg, key).toString('base64');
  return sign('sha256', msg, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }).toString(
    'base64',
  );
}

const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const clock = { now: () => now };

function setup(options: FakeExchangeOptions = {}) {
  return createFakeExchange({
    clock,
    keys: [
      { id: 'rsa-key', publicKey: rsa.publicKey },
      { id: 'ed-key', publicKey: ed.publicKey.export({ type: 'spki', format: 'pem' }) as string },
    ],
    markets: [
      {
        ticker: 'KXNFLGAME-26NOV29KCLV-KC',
        eventTicker: 'KXNFLGAME-26NOV29KCLV',
        yesBid: '0.60',
        yesAsk: '0.62',
        yesBidSize: '50',
        yesAskSize: '5',
        extraLevels: 2,
      },
    ],
    balance: '100',
    ...options,
  });
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function call(
  base: string,
  method: string,
  path: string,
  opts: { body?: unknown; key?: 'rsa' | 'ed' | 'none'; ts?: number } = {},
) {
  const url = new URL(`${base}${path}`);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.key !== 'none') {
    const ts = String(opts.ts ?? now);
    const key = opts.key === 'ed' ? ed.privateKey : rsa.privateKey;
    headers['KALSHI-ACCESS-KEY'] = opts.key === 'ed' ? 'ed-key' : 'rsa-key';
    headers['KALSHI-ACCESS-TIMESTAMP'] = ts;
    headers['KALSHI-ACCESS-SIGNATURE'] = signWith(key, ts, method, url.pathname);
  }
  const res = await fetch(url, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

describe('fake exchange over HTTP', () => {
  it('serves a signed balance and a taker order with exact fills, fee and balance', async () => {
    const exchange = setup();
    const server = await exchange.listen();
    servers.push(server);
    const balance = await call(server.url, 'GET', '/portfolio/balance', { key: 'ed' });
    expect(balance.json).toEqual({
      balance: 10000,
      balance_breakdown: [{ balance: '100.0000', exchange_index: 0 }],
      balance_dollars: '100.0000',
      portfolio_value: 0,
      updated_ts: Math.floor(now / 1000),
    });
    const created = await call(server.url, 'POST', '/portfolio/events/orders', {
      body: {
        ticker: 'KXNFLGAME-26NOV29KCLV-KC',
        client_order_id: 'c1',
        side: 'bid',
        count: '10.00',
        price: '0.6300',
        time_in_force: 'immediate_or_cancel',
        self_trade_prevention_type: 'taker_at_cross',
      },
    });
    expect(created.status).toBe(201);
    // 5 @ 0.62 and 5 @ 0.63: fee = ceil(0.07 × (5×0.62×0.38 + 5×0.63×0.37)) = ceil(0.16403) = 0.17
    expect(created.json).toEqual({
      average_fee_paid: '0.0170',
      average_fill_price: '0.6250',
      client_order_id: 'c1',
      fill_count: '10.00',
      order_id: '00000000-0000-4000-8000-000000000001',
      remaining_count: '0.00',
      ts_ms: now,
    });
    const after = await call(server.url, 'GET', '/portfolio/balance');
    // 100 − 6.25 − 0.17
    expect(after.json.balance_dollars).toBe('93.5800');
  });
});
