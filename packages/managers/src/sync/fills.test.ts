import type { FakeFillInput } from '@precog/kalshi-client/testing';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { SyncInterruptedError } from './errors';
import { syncFills } from './fills';
import type { SyncProgress } from './types';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const TICKER = 'KXNFLGAME-26NOV29KCLV-KC';

/** 23 fills with distinct counts 1..23, prices 0.40..0.62, fees 0.0100..0.0330. */
function fills(n = 23): FakeFillInput[] {
  return Array.from({ length: n }, (_, i) => ({
    ticker: TICKER,
    side: i % 4 === 3 ? ('ask' as const) : ('bid' as const),
    count: String(i + 1),
    price: new Decimal('0.40').plus(new Decimal(i).div(100)).toFixed(2),
    fee: new Decimal('0.0100').plus(new Decimal(i).div(1000)).toFixed(4),
    fillId: `fill-${String(i + 1).padStart(3, '0')}`,
    orderId: `order-${i + 1}`,
    isTaker: i % 2 === 0,
    time: T0 + i * 60_000,
  }));
}

const SUM_COUNT = '276'; // 1 + ... + 23
const SUM_FEES = new Decimal('0.0100').times(23).plus(new Decimal('0.001').times(253)).toFixed(4); // 0.4830

async function totals(store: Store) {
  const r = await store.query<{ n: string; ids: string; qty: Decimal; fees: Decimal }>(
    'SELECT count(*)::text AS n, count(DISTINCT external_trade_id)::text AS ids, sum(quantity) AS qty, sum(fees) AS fees FROM trades',
  );
  const row = r.rows[0]!;
  return { n: Number(row.n), ids: Number(row.ids), qty: row.qty?.toString(), fees: row.fees?.toFixed(4) };
}

describe('syncFills', () => {
  let ex: TestExchange;
  let store: Store;

  beforeEach(async () => {
    ex = await startExchange({
      markets: [{ ticker: TICKER, eventTicker: 'KXNFLGAME-26NOV29KCLV' }],
      fills: fills(),
    });
    store = await freshStore();
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  it('stores every fill once, page by page, with the exact mapping, and reports progress per page', async () => {
    const progress: SyncProgress[] = [];
    const result = await syncFills(ex.client, store, { pageSize: 5, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({
      stage: 'fills',
      // Five live pages, then one (empty) page of GET /historical/fills.
      pages: 6,
      items: 23,
      inserted: 23,
      versioned: 0,
      unchanged: 0,
      duplicates: 0,
      corrected: 0,
      closed: 0,
      invalid: [],
    });
    expect(progress.map((p) => [p.pages, p.items, p.inserted, p.done])).toEqual([
      [1, 5, 5, false],
      [2, 10, 10, false],
      [3, 15, 15, false],
      [4, 20, 20, false],
      [5, 23, 23, false],
      [6, 23, 23, false],
      [6, 23, 23, true],
    ]);
    expect(await totals(store)).toEqual({ n: 23, ids: 23, qty: SUM_COUNT, fees: SUM_FEES });

    const [buy] = await store.trades.list({ externalTradeId: 'fill-001' });
    expect(buy).toMatchObject({
      externalTradeId: 'fill-001',
      platformId: 'kalshi',
      subaccount: 0,
      ticker: TICKER,
      side: 'yes',
      action: 'buy',
      orderId: 'order-1',
      isTaker: true,
      executedAt: new Date(T0),
    });
    expect([buy!.price.toFixed(4), buy!.quantity.toFixed(2), buy!.fees.toFixed(4)]).toEqual([
      '0.4000',
      '1.00',
      '0.0100',
    ]);
    expect(buy!.metadata).toMatchObject({ fill_id: 'fill-001', yes_price_dollars: '0.4', count_fp: '1' });

    // An `ask` fill sells YES: action sell, side yes, at the YES price.
    const [sell] = await store.trades.list({ externalTradeId: 'fill-004' });
    expect([sell!.action, sell!.side, sell!.price.toFixed(4), sell!.isTaker]).toEqual([
      'sell',
      'yes',
      '0.4300',
      false,
    ]);
  });

  it('a re-run stores nothing new: every fill is a duplicate', async () => {
    await syncFills(ex.client, store, { pageSize: 10 });
    const again = await syncFills(ex.client, store, { pageSize: 10 });
    expect([again.inserted, again.duplicates, again.pages]).toEqual([0, 23, 3]);
    expect(await totals(store)).toEqual({ n: 23, ids: 23, qty: SUM_COUNT, fees: SUM_FEES });
  });

  it('a 502 and a 429 in the middle of pagination lose nothing and duplicate nothing', async () => {
    const bad = ex.exchange.injectFault({ kind: 'html', status: 502, path: '/portfolio/fills', nth: 2 });
    const limited = ex.exchange.injectFault({
      kind: 'status',
      status: 429,
      path: '/portfolio/fills',
      nth: 4,
    });
    const result = await syncFills(ex.client, store, { pageSize: 4 });
    expect([bad.triggered, limited.triggered]).toEqual([1, 1]);
    expect([result.pages, result.items, result.inserted, result.duplicates]).toEqual([7, 23, 23, 0]);
    expect(await totals(store)).toEqual({ n: 23, ids: 23, qty: SUM_COUNT, fees: SUM_FEES });
  });

  it('an interruption keeps the pages written; a re-run completes the job', async () => {
    const abort = new AbortController();
    const error = await syncFills(ex.client, store, {
      pageSize: 5,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.pages === 2) abort.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncInterruptedError);
    expect((error as SyncInterruptedError).result).toMatchObject({
      stage: 'fills',
      pages: 2,
      items: 10,
      inserted: 10,
    });
    expect((error as Error).message).toBe(
      'fills sync interrupted after 2 page(s): 10 inserted, 0 versioned, 0 unchanged, 0 duplicates kept',
    );
    expect((await totals(store)).n).toBe(10);

    const rest = await syncFills(ex.client, store, { pageSize: 5 });
    expect([rest.inserted, rest.duplicates]).toEqual([13, 10]);
    expect(await totals(store)).toEqual({ n: 23, ids: 23, qty: SUM_COUNT, fees: SUM_FEES });
  });

  it('an abort while a page request hangs interrupts it at once, keeping the pages written', async () => {
    ex.exchange.injectFault({ kind: 'timeout', path: '/portfolio/fills', nth: 2 });
    const abort = new AbortController();
    const error = await syncFills(ex.client, store, {
      pageSize: 5,
      signal: abort.signal,
      // Aborts once the sync has gone on to request page 2, which never answers.
      onProgress: (p) => {
        if (p.pages === 1) setTimeout(() => abort.abort(), 0);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncInterruptedError);
    expect((error as SyncInterruptedError).result).toMatchObject({ pages: 1, inserted: 5 });
    expect((error as Error).cause).toMatchObject({ name: 'KalshiAbortError' });
    expect((await totals(store)).n).toBe(5);
  });

  it('a failure the client gives up on keeps the pages already written', async () => {
    ex.exchange.injectFault({
      kind: 'status',
      status: 500,
      path: '/portfolio/fills',
      nth: 3,
      times: Number.POSITIVE_INFINITY,
    });
    await expect(syncFills(ex.client, store, { pageSize: 5 })).rejects.toMatchObject({
      name: 'KalshiServerError',
    });
    expect((await totals(store)).n).toBe(10);
    ex.exchange.clearFaults();
    const rest = await syncFills(ex.client, store, { pageSize: 5 });
    expect([rest.inserted, rest.duplicates]).toEqual([13, 10]);
  });

  it('filters by ticker and time', async () => {
    const result = await syncFills(ex.client, store, { ticker: TICKER, since: new Date(T0 + 20 * 60_000) });
    expect([result.inserted, result.pages]).toEqual([3, 1]);
    const rows = await store.trades.list();
    expect(rows.map((r) => r.externalTradeId).sort()).toEqual(['fill-021', 'fill-022', 'fill-023']);
  });

  it('an aborted signal stops the sync before the first request', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(syncFills(ex.client, store, { signal: abort.signal })).rejects.toBeInstanceOf(
      SyncInterruptedError,
    );
    expect(ex.exchange.requests.filter((r) => r.path.endsWith('/portfolio/fills'))).toHaveLength(0);
  });
});
