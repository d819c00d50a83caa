import { afterEach, describe, expect, it } from 'vitest';
import { KalshiClient, KalshiInsufficientBalanceError, KalshiOrderAlreadyExistsError } from '../index';
import { edKeys, rsaKeys } from './__fixtures__/harness';
import { createFakeExchange, type FakeExchangeOptions, nflMarkets } from './index';

const KC = 'KXNFLGAME-26NOV29KCLV-KC';
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: FakeExchangeOptions = {}, clientOptions: Record<string, unknown> = {}) {
  const nfl = nflMarkets({
    games: [{ away: 'KC', home: 'LV', kickoff: Date.UTC(2026, 10, 29, 18), homeWinProbability: '0.30' }],
    fillsPerGame: 0,
  });
  const exchange = createFakeExchange({
    ...nfl,
    balance: '500',
    keys: [
      { id: 'rsa-key', publicKey: rsaKeys.publicKey },
      { id: 'ed-key', publicKey: edKeys.publicKey },
    ],
    ...options,
  });
  const server = await exchange.listen();
  servers.push(server);
  const client = new KalshiClient({
    baseUrl: server.url,
    apiKeyId: 'rsa-key',
    privateKey: rsaKeys.privateKey,
    retryInitialDelayMs: 1,
    retryMaxDelayMs: 5,
    ...clientOptions,
  });
  return { exchange, server, client };
}

describe('KalshiClient against the fake exchange', () => {
  it('reads every resource the fake serves', async () => {
    const { client } = await start();
    expect((await client.exchange.getStatus()).trading_active).toBe(true);
    expect((await client.exchange.getSchedule()).maintenance_windows).toEqual([]);
    const market = await client.markets.get(KC);
    expect([market.yes_bid_dollars?.toString(), market.yes_ask_dollars?.toString()]).toEqual([
      '0.69',
      '0.71',
    ]);
    const book = await client.markets.getOrderbook(KC, { depth: 1 });
    expect(book.yes_dollars.map((l) => [l.price.toString(), l.count.toString()])).toEqual([['0.69', '250']]);
    expect(book.no_dollars.map((l) => [l.price.toString(), l.count.toString()])).toEqual([['0.29', '250']]);
    const events = await client.events.list({ series_ticker: 'KXNFLGAME' });
    expect(events.items.map((e) => e.event_ticker)).toEqual(['KXNFLGAME-26NOV29KCLV']);
    const event = await client.events.get('KXNFLGAME-26NOV29KCLV');
    expect(event.markets.map((m) => m.ticker)).toEqual([KC, 'KXNFLGAME-26NOV29KCLV-LV']);
    const series = await client.series.get('KXNFLGAME');
    expect(series.fee_type).toBe('quadratic');
    expect((await client.series.list()).map((s) => s.ticker)).toEqual(['KXNFLGAME']);
    expect((await client.account.getLimits()).usage_tier).toBe('basic');
    expect((await client.account.getEndpointCosts()).default_cost).toBe(10);
    await client.syncRateLimits();
    expect((await client.portfolio.getSettlements()).items).toEqual([]);
    expect((await client.markets.listTrades({ ticker: KC })).items).toEqual([]);
  });

  it('places, lists, amends, decreases and cancels orders', async () => {
    const { client, exchange } = await start();
    const resting = await client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '10',
      price: '0.65',
      client_order_id: 'r-1',
    });
    expect([resting.fill_count.toString(), resting.remaining_count.toString()]).toEqual(['0', '10']);
    const order = await client.portfolio.getOrder(resting.order_id);
    expect([order.status, order.yes_price_dollars.toString()]).toEqual(['resting', '0.65']);
    expect((await client.portfolio.listOrders({ status: 'resting' })).items).toHaveLength(1);
    // The house's 250 contracts at 0.65 (the fifth bid level) were there first.
    expect((await client.portfolio.getOrderQueuePosition(resting.order_id)).toString()).toBe('250');
    expect(
      (await client.portfolio.getQueuePositions({ market_tickers: [KC] })).map((q) => [
        q.order_id,
        q.queue_position_fp.toString(),
      ]),
    ).toEqual([[resting.order_id, '250']]);
    const decreased = await client.orders.decrease(resting.order_id, { reduce_by: '4' });
    expect(decreased.remaining_count.toString()).toBe('6');
    const amended = await client.orders.amend(resting.order_id, {
      ticker: KC,
      side: 'bid',
      price: '0.66',
      count: '6',
    });
    expect(amended.remaining_count?.toString()).toBe('6');
    const cancelled = await client.orders.cancel(resting.order_id);
    expect(cancelled.reduced_by.toString()).toBe('6');
    await expect(
      client.orders.create({ ticker: KC, side: 'bid', count: '1', price: '0.65', client_order_id: 'r-1' }),
    ).rejects.toBeInstanceOf(KalshiOrderAlreadyExistsError);
    await expect(
      client.orders.create({ ticker: KC, side: 'bid', count: '10000', price: '0.65' }),
    ).rejects.toBeInstanceOf(KalshiInsufficientBalanceError);
    const batch = await client.orders.batchCreate([
      { ticker: KC, side: 'bid', count: '1', price: '0.50' },
      { ticker: KC, side: 'bid', count: '1', price: '0.505' },
    ]);
    expect(batch.map((b) => b.error?.code ?? 'ok')).toEqual(['ok', 'invalid_price']);
    const ids = exchange
      .snapshot()
      .orders.filter((o) => o.status === 'resting')
      .map((o) => o.orderId);
    expect(await client.orders.batchCancel(ids)).toHaveLength(1);
    await client.orders.cancelAll();
    expect(exchange.snapshot().orders.every((o) => o.status !== 'resting')).toBe(true);
  });

  it('fills, keeps positions and settles with exact money', async () => {
    const { client, exchange } = await start();
    await client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '20',
      price: '0.71',
      time_in_force: 'immediate_or_cancel',
    });
    // 20 × 0.71 = 14.20; fee ceil(0.07 × 20 × 0.71 × 0.29) = ceil(0.28826) = 0.29
    expect((await client.portfolio.getBalance()).balance_dollars.toString()).toBe('485.51');
    const positions = await client.portfolio.getPositions();
    expect(
      positions.items.map((p) => [
        p.position_fp.toString(),
        p.market_exposure_dollars?.toString(),
        p.fees_paid_dollars?.toString(),
      ]),
    ).toEqual([['20', '14.2', '0.29']]);
    exchange.settle(KC, 'no');
    const [settlement] = (await client.portfolio.getSettlements()).items;
    expect(settlement?.market_result).toBe('no');
    expect((await client.portfolio.getBalance()).balance_dollars.toString()).toBe('485.51');
  });

  it('recovers from a persistent clock skew through the Date header', async () => {
    const { client, exchange } = await start({}, { apiKeyId: 'ed-key', privateKey: edKeys.privateKey });
    exchange.injectFault({ kind: 'clock-skew', skewMs: 90_000, times: Number.POSITIVE_INFINITY });
    const balance = await client.portfolio.getBalance();
    expect(balance.balance_dollars.toString()).toBe('500');
    const statuses = exchange.requests.map((r) => r.status);
    expect(statuses).toEqual([401, 200]);
  });

  it('retries a failed page in the middle of a walk and reads every item once', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ticker: `KXT-${i}-Y`, eventTicker: `KXT-${i}` }));
    const { client, exchange } = await start({ markets: many, series: [], events: [] });
    exchange.injectFault({ kind: 'status', status: 503, path: '/markets', nth: 3 });
    const seen: string[] = [];
    for await (const m of client.markets.list({ series_ticker: 'KXT', limit: 2 })) seen.push(m.ticker);
    expect(seen).toEqual(many.map((m) => m.ticker));
    expect(exchange.requests.filter((r) => r.path.endsWith('/markets')).map((r) => r.status)).toEqual([
      200, 200, 503, 200, 200,
    ]);
  });
});
