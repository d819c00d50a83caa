// The recorder against the fake exchange's WebSocket (a real loopback socket, a real signed
// client) and a real store: PGlite always, PostgreSQL too when DATABASE_URL is set.
import type { KalshiStream, KalshiStreamEvents } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, pgliteStore, postgresStores } from '../__fixtures__/stores';
import { startExchange, type TestExchange } from '../sync/__fixtures__/harness';
import { syncFills } from '../sync/fills';
import { createMarketRecorder, type MarketRecorder, type MarketRecorderEvents } from './market-recorder';
import { MarketRecorderError } from './options';

const EVENT = 'KXNFLGAME-26NOV29KCLV';
const KC = `${EVENT}-KC`;
const LV = `${EVENT}-LV`;

type Backend = { name: string; open(): Promise<{ store: Store; dispose(): Promise<void> }> };
const backends: Backend[] = [
  {
    name: 'pglite',
    open: async () => {
      const store = await pgliteStore();
      return { store, dispose: () => store.close() };
    },
  },
];
if (DATABASE_URL !== undefined)
  backends.push({
    name: 'postgres',
    open: async () => {
      const { stores, dispose } = await postgresStores(1);
      return { store: stores[0] as Store, dispose };
    },
  });

function next<E, K extends keyof E>(
  source: { once(event: K, listener: (value: E[K]) => void): unknown },
  event: K,
): Promise<E[K]> {
  return new Promise((resolve) => source.once(event, resolve));
}

/** The current row of a market as plain strings. */
async function current(store: Store, ticker: string) {
  const [row] = await store.markets.current({ ticker });
  if (!row) return undefined;
  const text = (v: { toFixed(n: number): string } | null) => (v === null ? null : v.toFixed(4));
  return {
    status: row.status,
    yesBid: text(row.yesBid),
    yesAsk: text(row.yesAsk),
    noBid: text(row.noBid),
    noAsk: text(row.noAsk),
    lastPrice: text(row.lastPrice),
    volume: row.volume?.toFixed(2) ?? null,
  };
}

describe.each(backends)('market recorder on $name', (backend) => {
  let ex: TestExchange;
  let store: Store;
  let dispose: () => Promise<void>;
  let stream: KalshiStream;
  let recorder: MarketRecorder | undefined;

  /** One round trip on the socket (every frame sent before it handled), then the batch written. */
  async function settle(): Promise<void> {
    await stream.listSubscriptions();
    await recorder?.flush();
  }

  beforeEach(async () => {
    ex = await startExchange({
      markets: [
        { ticker: KC, eventTicker: EVENT, yesBid: '0.45', yesAsk: '0.47', yesBidSize: '10', extraLevels: 1 },
        { ticker: LV, eventTicker: EVENT, yesBid: '0.52', yesAsk: '0.55' },
      ],
      balance: '1000',
      rateLimit: false,
    });
    ({ store, dispose } = await backend.open());
    // A fixed reconnect delay (random → 1): 150 ms during which the socket is down.
    stream = ex.client.stream({ reconnect: { initialDelayMs: 150, maxDelayMs: 150 }, random: () => 1 });
    recorder = undefined;
  });
  afterEach(async () => {
    await recorder?.stop();
    await stream.close();
    await ex.close();
    await dispose();
  });

  it('writes the REST baseline, then each price change from ticker and book as one exact version', async () => {
    recorder = createMarketRecorder({
      store,
      stream,
      client: ex.client,
      eventTicker: EVENT,
      flushIntervalMs: 50,
    });
    await recorder.start();
    expect(recorder.tickers.sort()).toEqual([KC, LV]);
    expect(await current(store, KC)).toEqual({
      status: 'active',
      yesBid: '0.4500',
      yesAsk: '0.4700',
      noBid: '0.5300',
      noAsk: '0.5500',
      lastPrice: expect.any(String),
      volume: expect.any(String),
    });

    ex.exchange.setPrices(KC, { yesBid: '0.40', yesAsk: '0.49' });
    await settle();
    ex.exchange.setPrices(KC, { yesBid: '0.41' });
    await settle();

    const history = await store.markets.history({ ticker: KC });
    expect(
      history.map((v) => [
        v.yesBid?.toFixed(4),
        v.yesAsk?.toFixed(4),
        v.noBid?.toFixed(4),
        v.noAsk?.toFixed(4),
      ]),
    ).toEqual([
      ['0.4500', '0.4700', '0.5300', '0.5500'],
      ['0.4000', '0.4900', '0.5100', '0.6000'],
      ['0.4100', '0.4900', '0.5100', '0.5900'],
    ]);
    expect(history.at(-1)?.status).toBe('active');
    expect(history.at(-1)?.eventTicker).toBe(EVENT);
    expect(history.at(-1)?.metadata).toEqual({ source: 'stream' });
    expect(await store.markets.history({ ticker: LV })).toHaveLength(1);

    const summary = await recorder.stop();
    expect(summary).toMatchObject({
      markets: 2,
      seeded: 2,
      versions: 2,
      batches: 2,
      failedBatches: 0,
      dropped: 0,
    });
    // Each setPrices sends one ticker message and book deltas; the first of each batch made the version.
    expect(summary.updates).toBe(summary.identical + summary.coalesced + 2);
    expect(summary.lag.samples).toBe(summary.updates - summary.identical);
  });

  it('writes nothing for updates that change no stored field (sizes only, or the same state re-sent)', async () => {
    recorder = createMarketRecorder({
      store,
      stream,
      client: ex.client,
      tickers: [KC, LV],
      flushIntervalMs: 50,
    });
    await recorder.start();
    await settle();
    const before = recorder.summary();
    // A new size at the same best price: a ticker message and a book delta, neither moves a price.
    ex.exchange.setPrices(KC, { yesBidSize: '25' });
    await settle();
    // A dropped socket: after the reconnect, every snapshot and ticker is sent again, unchanged.
    ex.exchange.injectStreamFault('drop-connection');
    await next<KalshiStreamEvents, 'reconnected'>(stream, 'reconnected');
    await settle();
    const after = await recorder.stop();
    // A ticker message and a book delta for the size, then a snapshot of each book after the reconnect.
    expect(after.updates - before.updates).toBeGreaterThanOrEqual(4);
    expect(after.identical - before.identical).toBe(after.updates - before.updates);
    expect(after.versions).toBe(0);
    expect(after.batches).toBe(0);
    expect(await store.markets.history({ ticker: KC })).toHaveLength(1);
    expect(await store.markets.history({ ticker: LV })).toHaveLength(1);
  });

  it('skips a stale book after a lost message and records the true top once its snapshot arrives', async () => {
    recorder = createMarketRecorder({
      store,
      stream,
      client: ex.client,
      tickers: [KC],
      ticker: false,
      flushIntervalMs: 50,
    });
    await recorder.start();
    await settle();
    const resynced = next<KalshiStreamEvents, 'resynced'>(stream, 'resynced');
    ex.exchange.injectStreamFault('lose-message');
    ex.exchange.setPrices(KC, { yesBid: '0.40', yesAsk: '0.49' });
    await resynced;
    await settle();
    const summary = await recorder.stop();
    expect(summary.staleSkipped).toBeGreaterThanOrEqual(1);
    expect(await current(store, KC)).toMatchObject({
      yesBid: '0.4000',
      yesAsk: '0.4900',
      noBid: '0.5100',
      noAsk: '0.6000',
    });
    // Every version written is a state the exchange's book really had: never the one with a hole.
    const history = await store.markets.history({ ticker: KC });
    expect(history.at(-1)?.yesBid?.toFixed(4)).toBe('0.4000');
    expect(history.every((v) => v.yesBid?.toFixed(2) === '0.45' || v.yesBid?.toFixed(2) === '0.40')).toBe(
      true,
    );
  });

  it('coalesces the updates of one market between batches into its latest row', async () => {
    recorder = createMarketRecorder({
      store,
      stream,
      client: ex.client,
      tickers: [KC],
      orderbook: false,
      flushIntervalMs: 60_000,
    });
    await recorder.start();
    for (const bid of ['0.30', '0.31', '0.32', '0.33']) ex.exchange.setPrices(KC, { yesBid: bid });
    await stream.listSubscriptions();
    expect(await store.markets.history({ ticker: KC })).toHaveLength(1);
    const summary = await recorder.stop();
    expect(summary).toMatchObject({ updates: 4, identical: 0, coalesced: 3, versions: 1, batches: 1 });
    expect((await current(store, KC))?.yesBid).toBe('0.3300');
  });

  it('writes a batch as soon as maxBatchSize markets changed, without waiting for the interval', async () => {
    recorder = createMarketRecorder({
      store,
      stream,
      client: ex.client,
      tickers: [KC, LV],
      orderbook: false,
      flushIntervalMs: 60_000,
      maxBatchSize: 2,
    });
    await recorder.start();
    const flushed = next<MarketRecorderEvents, 'flush'>(recorder, 'flush');
    ex.exchange.setPrices(KC, { yesBid: '0.30' });
    ex.exchange.setPrices(LV, { yesBid: '0.50' });
    const batch = await flushed;
    expect(batch).toMatchObject({ rows: 2, updates: 2, result: { inserted: 0, versioned: 2, unchanged: 0 } });
  });

  it('stores a fill seen by the stream once, and the REST sync then counts it as a duplicate', async () => {
    recorder = createMarketRecorder({ store, stream, client: ex.client, tickers: [KC], fills: true });
    await recorder.start();
    const stored = next<MarketRecorderEvents, 'fills'>(recorder, 'fills');
    const order = await ex.client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '3',
      price: '0.47',
      time_in_force: 'immediate_or_cancel',
    });
    expect(await stored).toEqual({ seen: 1, inserted: 1, duplicates: 0, corrected: 0, invalid: 0 });
    const rest = await syncFills(ex.client, store);
    expect(rest).toMatchObject({ items: 1, inserted: 0, duplicates: 1, corrected: 0 });
    const trades = await store.trades.current();
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ orderId: order.order_id, ticker: KC, side: 'yes', action: 'buy' });
    expect(trades[0]?.price.toFixed(4)).toBe('0.4700');
    expect(trades[0]?.quantity.toFixed(2)).toBe('3.00');
    expect((await recorder.stop()).fills).toEqual({
      seen: 1,
      inserted: 1,
      duplicates: 0,
      corrected: 0,
      invalid: 0,
    });
  });

  it('reconciles fills and positions over REST after a reconnect: the missed fill stored, the seen one not twice', async () => {
    recorder = createMarketRecorder({ store, stream, client: ex.client, tickers: [KC], fills: true });
    await recorder.start();
    const first = next<MarketRecorderEvents, 'fills'>(recorder, 'fills');
    await ex.client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '2',
      price: '0.47',
      time_in_force: 'immediate_or_cancel',
    });
    await first;
    const reconciled = next<MarketRecorderEvents, 'reconciled'>(recorder, 'reconciled');
    ex.exchange.injectStreamFault('drop-connection');
    await next<KalshiStreamEvents, 'disconnected'>(stream, 'disconnected');
    // While the socket is down (150 ms): a fill the stream never sees.
    const missed = await ex.client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '1',
      price: '0.47',
      time_in_force: 'immediate_or_cancel',
    });
    const result = await reconciled;
    expect(result.fills).toMatchObject({ items: 2, inserted: 1, duplicates: 1, invalid: [] });
    expect(result.positions).toMatchObject({ inserted: 1, invalid: [] });
    const trades = await store.trades.current();
    expect(trades.map((t) => t.quantity.toFixed(2)).sort()).toEqual(['1.00', '2.00']);
    expect(trades.find((t) => t.quantity.eq(1))?.orderId).toBe(missed.order_id);
    const [position] = await store.positions.current({ ticker: KC });
    expect(position?.quantity.toFixed(2)).toBe('3.00');
    const summary = await recorder.stop();
    expect(summary.reconciles).toBe(1);
    expect(summary.fills).toEqual({ seen: 1, inserted: 1, duplicates: 0, corrected: 0, invalid: 0 });
  });

  it('records markets already in the store without a REST client, and refuses one it does not hold', async () => {
    await store.markets.upsertVersions([
      {
        ticker: KC,
        eventTicker: EVENT,
        status: 'active',
        yesBid: '0.45',
        yesAsk: '0.47',
        noBid: '0.53',
        noAsk: '0.55',
      },
    ]);
    const missing = createMarketRecorder({ store, stream, tickers: [KC, LV] });
    await expect(missing.start()).rejects.toThrow(
      `market recorder: the store has no market (give a client to read it) ${LV}`,
    );
    recorder = createMarketRecorder({ store, stream, tickers: [KC], orderbook: false, flushIntervalMs: 50 });
    await recorder.start();
    ex.exchange.setPrices(KC, { yesBid: '0.44' });
    await settle();
    expect(await current(store, KC)).toEqual({
      status: 'active',
      yesBid: '0.4400',
      yesAsk: '0.4700',
      noBid: '0.5300',
      noAsk: '0.5600',
      lastPrice: '0.4600', // the ticker message carries the last price too
      volume: expect.any(String),
    });
    expect((await recorder.stop()).seeded).toBe(0);
  });

  it('refuses a market the exchange does not have, naming it', async () => {
    recorder = createMarketRecorder({ store, stream, client: ex.client, tickers: [KC, 'KXNOPE-1'] });
    await expect(recorder.start()).rejects.toThrow('market recorder: the exchange has no market KXNOPE-1');
  });
});

describe('createMarketRecorder options', () => {
  const store = {} as Store;
  const stream = {} as KalshiStream;

  it('refuses a recorder with no market, a bad interval, or fills without a client', () => {
    const attempt = (o: object) => () => createMarketRecorder({ store, stream, ...o });
    expect(attempt({})).toThrow(MarketRecorderError);
    expect(attempt({})).toThrow('market recorder: name tickers, a seriesTicker or an eventTicker');
    expect(attempt({ tickers: ['A'], flushIntervalMs: 0 })).toThrow(
      'market recorder: flushIntervalMs: flushIntervalMs must be positive',
    );
    expect(attempt({ tickers: ['A'], maxBatchSize: 1.5 })).toThrow(
      'market recorder: maxBatchSize: maxBatchSize must be a whole number',
    );
    expect(attempt({ tickers: ['A'], fills: true })).toThrow(
      'market recorder: fills need a REST client to reconcile after a reconnect',
    );
    expect(attempt({ seriesTicker: 'KXNFLGAME' })).toThrow(
      'market recorder: seriesTicker and eventTicker need a REST client',
    );
    expect(attempt({ tickers: ['A'], ticker: false, orderbook: false })).toThrow(
      'market recorder: ticker, orderbook and fills are all off',
    );
  });
});
