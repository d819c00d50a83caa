import Decimal from 'decimal.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalshiClient } from '../index';
import {
  edKeys,
  KC,
  kalshiSign,
  makeExchange,
  manualClock,
  orderBody,
  rsaKeys,
} from './__fixtures__/harness';
import { createFakeExchange, nflMarkets } from './index';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function signedFetch(url: string, method = 'GET', body?: unknown, init: RequestInit = {}) {
  const u = new URL(url);
  const ts = String(Date.now());
  return fetch(u, {
    method,
    headers: {
      'content-type': 'application/json',
      'KALSHI-ACCESS-KEY': 'rsa-key',
      'KALSHI-ACCESS-TIMESTAMP': ts,
      'KALSHI-ACCESS-SIGNATURE': kalshiSign(rsaKeys.privateKey, ts, method, u.pathname),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...init,
  });
}

describe('fake exchange over a real HTTP server', () => {
  it('serves signed requests on 127.0.0.1 with Kalshi bodies', async () => {
    const exchange = makeExchange({ now: () => Date.now() });
    const server = await exchange.listen();
    servers.push(server);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/trade-api/v2`);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    const balance = await signedFetch(`${server.url}/portfolio/balance`);
    expect(balance.status).toBe(200);
    expect(balance.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await balance.json()) as { balance: number }).balance).toBe(10000);
    const created = await signedFetch(
      `${server.url}/portfolio/events/orders`,
      'POST',
      orderBody({ count: '2' }),
    );
    expect(created.status).toBe(201);
    const cancelAll = await signedFetch(`${server.url}/portfolio/events/orders`, 'DELETE');
    expect(cancelAll.status).toBe(204);
    expect(await cancelAll.text()).toBe('');
  });

  it('hangs on a timeout fault until the client aborts, and drops the connection on disconnect', async () => {
    const exchange = makeExchange({ now: () => Date.now() });
    const server = await exchange.listen();
    servers.push(server);
    exchange.injectFault({ kind: 'timeout' });
    await expect(
      signedFetch(`${server.url}/portfolio/balance`, 'GET', undefined, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    exchange.injectFault({ kind: 'disconnect' });
    await expect(signedFetch(`${server.url}/portfolio/balance`)).rejects.toThrow('fetch failed');
    expect((await signedFetch(`${server.url}/portfolio/balance`)).status).toBe(200);
  });

  it('closes while a request still hangs', async () => {
    const exchange = makeExchange({ now: () => Date.now() });
    const server = await exchange.listen({ port: 0 });
    exchange.injectFault({ kind: 'timeout' });
    const hanging = signedFetch(`${server.url}/portfolio/balance`).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect(await hanging).toBeInstanceOf(Error);
  });

  it('drives KalshiClient end to end: balance, markets, an order, fills, settlement', async () => {
    const nfl = nflMarkets({
      games: [{ away: 'KC', home: 'LV', kickoff: Date.UTC(2026, 10, 29, 18), homeWinProbability: '0.30' }],
    });
    const exchange = createFakeExchange({
      ...nfl,
      balance: '250',
      keys: [{ id: 'ed-key', publicKey: edKeys.publicKey }],
    });
    const server = await exchange.listen();
    servers.push(server);
    const client = new KalshiClient({
      baseUrl: server.url,
      apiKeyId: 'ed-key',
      privateKey: edKeys.privateKey,
    });
    const balance = await client.portfolio.getBalance();
    expect(balance.balance_dollars.toString()).toBe('250');
    const markets = [];
    for await (const m of client.markets.list({ series_ticker: 'KXNFLGAME', limit: 1 }))
      markets.push(m.ticker);
    expect(markets).toEqual(['KXNFLGAME-26NOV29KCLV-KC', 'KXNFLGAME-26NOV29KCLV-LV']);
    const order = await client.orders.create({
      ticker: 'KXNFLGAME-26NOV29KCLV-KC',
      side: 'bid',
      count: '10',
      price: '0.71',
      time_in_force: 'immediate_or_cancel',
    });
    expect(order.fill_count.toString()).toBe('10');
    const fills = await client.portfolio.getFills();
    expect(
      fills.items.map((f) => [
        f.ticker,
        f.count_fp.toString(),
        f.yes_price_dollars.toString(),
        f.fee_cost?.toString(),
      ]),
    ).toEqual([['KXNFLGAME-26NOV29KCLV-KC', '10', '0.71', '0.15']]);
    const positions = await client.portfolio.getPositions();
    expect(positions.items.map((p) => [p.ticker, p.position_fp.toString()])).toEqual([
      ['KXNFLGAME-26NOV29KCLV-KC', '10'],
    ]);
    exchange.settle('KXNFLGAME-26NOV29KCLV-KC', 'yes');
    const after = await client.portfolio.getBalance();
    // 250 − 10 × 0.71 − ceil(0.07 × 10 × 0.71 × 0.29) + 10 = 250 − 7.10 − 0.15 + 10
    expect(after.balance_dollars.toString()).toBe('252.75');
    expect(new Decimal(after.balance_dollars).toFixed(4)).toBe('252.7500');
  });
});

describe('fake exchange as msw handlers', () => {
  const clock = manualClock();
  const exchange = makeExchange(clock);
  const base = 'https://external-api.demo.kalshi.co/trade-api/v2';
  const server = setupServer(...exchange.handlers(base));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers through msw with the same core handler', async () => {
    const res = await fetch(`${base}/markets/${KC}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { market: { ticker: string } }).market.ticker).toBe(KC);
    const unsigned = await fetch(`${base}/portfolio/balance`);
    expect(unsigned.status).toBe(401);
    const ts = String(clock.now());
    const cancel = await fetch(`${base}/portfolio/events/orders`, {
      method: 'DELETE',
      headers: {
        'KALSHI-ACCESS-KEY': 'rsa-key',
        'KALSHI-ACCESS-TIMESTAMP': ts,
        'KALSHI-ACCESS-SIGNATURE': kalshiSign(
          rsaKeys.privateKey,
          ts,
          'DELETE',
          '/trade-api/v2/portfolio/events/orders',
        ),
      },
    });
    expect(cancel.status).toBe(204);
    const posted = await fetch(`${base}/portfolio/events/orders`, { method: 'POST', body: '{}' });
    expect(posted.status).toBe(401);
    exchange.injectFault({ kind: 'disconnect' });
    await expect(fetch(`${base}/markets`)).rejects.toThrow();
  });

  it('hangs a timeout fault through msw until the fetch is aborted', async () => {
    exchange.injectFault({ kind: 'timeout', path: '/exchange/status' });
    await expect(fetch(`${base}/exchange/status`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect((await fetch(`${base}/exchange/status`)).status).toBe(200);
  });

  it('takes the msw module from the caller when given', async () => {
    const msw = await import('msw');
    const handlers = exchange.handlers('https://elsewhere.test/trade-api/v2', { msw });
    expect(handlers).toHaveLength(1);
    server.use(...handlers);
    const res = await fetch('https://elsewhere.test/trade-api/v2/exchange/status');
    expect(await res.json()).toEqual({ exchange_active: true, trading_active: true });
  });
});
