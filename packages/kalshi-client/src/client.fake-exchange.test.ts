import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519Keys, rsaKeys } from './__fixtures__/helpers';
import { KalshiClient } from './client';
import type { KalshiClientOptions } from './client-options';
import { KalshiAuthenticationError, KalshiNotFoundError } from './core/errors';
import { createFakeExchange, type FakeExchange, type FakeExchangeServer } from './testing/index';

// End to end over real HTTP on loopback: the fake exchange verifies signatures and enforces
// token buckets on its own, so this checks the client against an independent implementation.
const KC = 'KXNFLGAME-26NOV29KCDEN-KC';
const DEN = 'KXNFLGAME-26NOV29KCDEN-DEN';
let exchange: FakeExchange;
let server: FakeExchangeServer;

beforeAll(async () => {
  exchange = createFakeExchange({
    balance: '500',
    keys: [
      { id: 'rsa-key', publicKey: rsaKeys().publicKey },
      { id: 'ed-key', publicKey: ed25519Keys().publicKey },
    ],
    markets: [
      { ticker: KC, eventTicker: 'KXNFLGAME-26NOV29KCDEN', yesBid: '0.60', yesAsk: '0.62', yesAskSize: '50' },
      { ticker: DEN, eventTicker: 'KXNFLGAME-26NOV29KCDEN', yesBid: '0.37', yesAsk: '0.40' },
      ...Array.from({ length: 5 }, (_, i) => ({ ticker: `KXTEST-${i}`, eventTicker: 'KXTEST-E' })),
    ],
  });
  server = await exchange.listen();
});

afterAll(async () => {
  await server.close();
});

function client(options: Partial<KalshiClientOptions> = {}): KalshiClient {
  return new KalshiClient({
    baseUrl: server.url,
    apiKeyId: 'rsa-key',
    privateKey: rsaKeys().privateKey,
    retryInitialDelayMs: 5,
    retryMaxDelayMs: 20,
    ...options,
  });
}

describe('against the fake exchange over HTTP', () => {
  it('reads the balance with an RSA and an Ed25519 key', async () => {
    expect((await client().portfolio.getBalance()).balance.toFixed(2)).toBe('500.00');
    const ed = client({ apiKeyId: 'ed-key', privateKey: ed25519Keys().privateKey });
    expect((await ed.portfolio.getBalance()).balance.toFixed(2)).toBe('500.00');
  });

  it('is refused with a key the exchange does not know', async () => {
    const stranger = client({ apiKeyId: 'nobody', maxRetries: 0 });
    await expect(stranger.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiAuthenticationError);
  });

  it('walks every market page by page', async () => {
    const tickers: string[] = [];
    for await (const market of client().markets.list({ limit: 2 })) tickers.push(market.ticker);
    expect(tickers.sort()).toEqual(
      [DEN, KC, 'KXTEST-0', 'KXTEST-1', 'KXTEST-2', 'KXTEST-3', 'KXTEST-4'].sort(),
    );
  });

  it('places a crossing order that fills, then sees the fill and the position', async () => {
    const c = client();
    const order = await c.orders.create({
      ticker: KC,
      side: 'bid',
      count: '10',
      price: '0.62',
      time_in_force: 'immediate_or_cancel',
    });
    expect(order.fill_count.toFixed(2)).toBe('10.00');
    expect(order.average_fill_price?.toFixed(4)).toBe('0.6200');
    const fills = await c.portfolio.getFills({ ticker: KC }).toArray();
    expect(fills.map((f) => [f.order_id, f.count_fp.toFixed(2), f.yes_price_dollars.toFixed(4)])).toEqual([
      [order.order_id, '10.00', '0.6200'],
    ]);
    const positions = (await c.portfolio.getPositions({ ticker: KC })).items;
    expect(positions.map((p) => [p.ticker, p.position_fp.toFixed(2)])).toEqual([[KC, '10.00']]);
  });

  it('rests an order, finds it, cancels it, and gets 404 cancelling it again', async () => {
    const c = client();
    const order = await c.orders.create({
      ticker: DEN,
      side: 'bid',
      count: '3',
      price: '0.05',
      post_only: true,
    });
    expect(order.remaining_count.toFixed(2)).toBe('3.00');
    const fetched = await c.portfolio.getOrder(order.order_id);
    expect([fetched.status, fetched.yes_price_dollars.toFixed(4)]).toEqual(['resting', '0.0500']);
    const cancelled = await c.orders.cancel(order.order_id);
    expect(cancelled.reduced_by.toFixed(2)).toBe('3.00');
    await expect(c.orders.cancel(order.order_id)).rejects.toBeInstanceOf(KalshiNotFoundError);
  });

  it('rides out a 500, a 429, truncated JSON and an HTML 502 on reads', async () => {
    const c = client();
    exchange.injectFault({ kind: 'status', status: 500, path: '/portfolio/balance' });
    exchange.injectFault({ kind: 'status', status: 429, path: '/exchange/status' });
    exchange.injectFault({ kind: 'truncated-json', path: '/markets' });
    exchange.injectFault({ kind: 'html', path: `/markets/${KC}` });
    expect((await c.portfolio.getBalance()).balance.gt(0)).toBe(true);
    expect((await c.exchange.getStatus()).exchange_active).toBe(true);
    expect((await c.markets.list({ limit: 1 })).items).toHaveLength(1);
    expect((await c.markets.get(KC)).ticker).toBe(KC);
  });

  it('corrects its clock after header_timestamp_expired', async () => {
    const c = client();
    // The exchange's clock runs two minutes ahead for as long as the fault lasts.
    const skew = exchange.injectFault({
      kind: 'clock-skew',
      skewMs: 120_000,
      path: '/portfolio/balance',
      times: Infinity,
    });
    try {
      await c.portfolio.getBalance();
    } finally {
      skew.clear();
    }
    expect(skew.triggered).toBeGreaterThanOrEqual(1);
    expect(c.clockOffsetMs).toBeGreaterThan(118_000);
    expect(c.clockOffsetMs).toBeLessThan(122_000);
  });

  it('places an order exactly once when the first attempt times out', async () => {
    const c = client({ timeoutMs: 300 });
    const before = exchange.snapshot().orders.length;
    exchange.injectFault({ kind: 'timeout', method: 'POST', path: '/portfolio/events/orders' });
    const order = await c.orders.create({
      ticker: DEN,
      side: 'bid',
      count: '1',
      price: '0.04',
      post_only: true,
    });
    const orders = exchange.snapshot().orders;
    expect(orders.length - before).toBe(1);
    expect(order.remaining_count.toFixed(2)).toBe('1.00');
    await c.orders.cancel(order.order_id);
  });

  it('stays inside the exchange token bucket: no 429 while sending as fast as allowed', async () => {
    exchange.resetRateLimits();
    const c = client();
    const first = exchange.requests.length;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 6; i += 1) await c.portfolio.getBalance();
      }),
    );
    const statuses = exchange.requests
      .slice(first)
      .filter((r) => r.path.endsWith('/portfolio/balance'))
      .map((r) => r.status);
    expect(statuses).toHaveLength(48);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });
});
