import type { FakeFillInput } from '@precog/kalshi-client/testing';
import type { Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { syncFills } from './fills';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;
const TICKER = 'KXDECI-26NOV29-A';

/** Ten fills a minute apart on a deci-cent market: fill-01 .. fill-10. */
function fills(): FakeFillInput[] {
  return Array.from({ length: 10 }, (_, i) => ({
    ticker: TICKER,
    side: 'bid' as const,
    count: '1.33',
    price: '0.051',
    fee: '0.0012',
    fillId: `fill-${String(i + 1).padStart(2, '0')}`,
    orderId: `order-${i + 1}`,
    time: T0 + (i + 1) * MIN,
  }));
}

async function storedIds(store: Store): Promise<string[]> {
  const r = await store.query<{ id: string }>('SELECT external_trade_id AS id FROM trades ORDER BY 1');
  return r.rows.map((row) => row.id);
}

const ALL = fills().map((f) => f.fillId as string);

describe('syncFills across the historical cutoff', () => {
  let ex: TestExchange;
  let store: Store;

  beforeEach(async () => {
    ex = await startExchange({
      markets: [{ ticker: TICKER, eventTicker: 'KXDECI-26NOV29' }],
      fills: fills(),
    });
    store = await freshStore();
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  it('stores every fill exactly once from an empty store: the archived ones and the live ones', async () => {
    ex.exchange.setHistoricalCutoff({ tradesCreated: T0 + 6 * MIN });
    const result = await syncFills(ex.client, store, { pageSize: 3 });
    expect(await storedIds(store)).toEqual(ALL);
    expect([result.items, result.inserted, result.duplicates, result.invalid]).toEqual([10, 10, 0, []]);
    const paths = ex.exchange.requests.map((r) => r.path.replace('/trade-api/v2', ''));
    expect(paths.filter((p) => p === '/historical/fills')).toHaveLength(2);
    const [row] = await store.trades.list({ externalTradeId: 'fill-01' });
    expect([row?.price.toFixed(), row?.quantity.toFixed(), row?.fees.toFixed()]).toEqual([
      '0.051',
      '1.33',
      '0.0012',
    ]);
  });

  it('loses nothing when the cutoff moves while the live side is paged', async () => {
    ex.exchange.setHistoricalCutoff({ tradesCreated: T0 + 3 * MIN });
    const result = await syncFills(ex.client, store, {
      pageSize: 2,
      onProgress: (p) => {
        // After the first live page (fill-10, fill-09), everything up to fill-08 is archived.
        if (p.pages === 1 && !p.done) ex.exchange.setHistoricalCutoff({ tradesCreated: T0 + 9 * MIN });
      },
    });
    expect(await storedIds(store)).toEqual(ALL);
    expect(result.inserted).toBe(10);
  });

  it('recovers from a 502 on either side of the cutoff', async () => {
    ex.exchange.setHistoricalCutoff({ tradesCreated: T0 + 6 * MIN });
    const live = ex.exchange.injectFault({ kind: 'html', status: 502, path: '/portfolio/fills', nth: 2 });
    const old = ex.exchange.injectFault({ kind: 'html', status: 502, path: '/historical/fills', nth: 2 });
    const cutoff = ex.exchange.injectFault({ kind: 'html', status: 502, path: '/historical/cutoff' });
    const result = await syncFills(ex.client, store, { pageSize: 2 });
    expect([live.triggered, old.triggered, cutoff.triggered]).toEqual([1, 1, 1]);
    expect(await storedIds(store)).toEqual(ALL);
    expect([result.inserted, result.duplicates]).toEqual([10, 0]);
  });

  it('reads from the high-water mark less the overlap on the next run, and everything with full', async () => {
    await syncFills(ex.client, store);
    expect(await store.syncMarks.get('fills')).toEqual(new Date(T0 + 10 * MIN));
    const incremental = await syncFills(ex.client, store, { overlapSeconds: 150 });
    // From fill-10's time less 150 s: fill-08 (at -120 s) onwards.
    expect([incremental.items, incremental.duplicates]).toEqual([3, 3]);
    const full = await syncFills(ex.client, store, { full: true });
    expect([full.items, full.duplicates]).toEqual([10, 10]);
  });

  it('keeps a malformed fill mid-page aside, stores the rest, and stores it once after the exchange fixes it', async () => {
    ex.exchange.setFillWire('fill-05', { yes_price_dollars: 'n/a' });
    const first = await syncFills(ex.client, store, { pageSize: 4 });
    expect(await storedIds(store)).toEqual(ALL.filter((id) => id !== 'fill-05'));
    expect(first.invalid).toEqual([
      { kind: 'fill', id: 'fill-05', path: 'yes_price_dollars', reason: expect.stringContaining('n/a') },
    ]);
    const errors = await store.ingestErrors.list({ stream: 'fills' });
    expect(errors.map((e) => [e.itemKind, e.itemId, e.itemPath])).toEqual([
      ['fill', 'fill-05', 'yes_price_dollars'],
    ]);
    expect(JSON.parse(errors[0]?.rawJson ?? '{}').yes_price_dollars).toBe('n/a');
    // The mark did not move past a bad item: the re-run reads it again.
    expect(await store.syncMarks.get('fills')).toBeUndefined();

    ex.exchange.setFillWire('fill-05');
    const second = await syncFills(ex.client, store, { pageSize: 4 });
    expect([second.inserted, second.duplicates, second.invalid]).toEqual([1, 9, []]);
    expect(await storedIds(store)).toEqual(ALL);
    const third = await syncFills(ex.client, store, { full: true });
    expect([third.inserted, third.corrected]).toEqual([0, 0]);
  });

  it('keeps aside a fill the store cannot hold (a 7th decimal, a NUL byte) without stopping the run', async () => {
    ex.exchange.setFillWire('fill-03', { fee_cost: '0.0012345' });
    ex.exchange.setFillWire('fill-07', { order_id: 'order\u00007' });
    const result = await syncFills(ex.client, store, { pageSize: 4 });
    expect(result.invalid.map((i) => [i.id, i.path])).toEqual([
      ['fill-07', 'order_id'],
      ['fill-03', 'fees'],
    ]);
    expect(await storedIds(store)).toEqual(ALL.filter((id) => id !== 'fill-03' && id !== 'fill-07'));
  });

  it('records a fill that comes back with another fee and count as a correction readers see', async () => {
    await syncFills(ex.client, store);
    ex.exchange.setFillWire('fill-02', { fee_cost: '0.002400', count_fp: '2.66' });
    const result = await syncFills(ex.client, store, { full: true });
    expect([result.inserted, result.corrected, result.duplicates]).toEqual([0, 1, 9]);
    const [original] = await store.trades.list({ externalTradeId: 'fill-02' });
    const [current] = await store.trades.current({ externalTradeId: 'fill-02' });
    expect([original?.fees.toFixed(), original?.quantity.toFixed()]).toEqual(['0.0012', '1.33']);
    expect([current?.fees.toFixed(), current?.quantity.toFixed()]).toEqual(['0.0024', '2.66']);
    const again = await syncFills(ex.client, store, { full: true });
    expect([again.corrected, again.duplicates]).toEqual([0, 10]);
  });
});
