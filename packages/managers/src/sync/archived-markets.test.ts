// syncMarkets across the historical cutoff: markets settled before `market_settled_ts` are read
// from GET /historical/markets when settled (or closed) markets are asked for, or with `full`.
import type { Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, postgresStores } from '../__fixtures__/stores';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { syncMarkets } from './markets';
import type { SyncResult } from './types';

const E1 = 'KXNFLGAME-26NOV29KCLV';
const E2 = 'KXNFLGAME-26NOV30DENBUF';
const KC = `${E1}-KC`;
const LV = `${E1}-LV`;
const DEN = `${E2}-DEN`;
const BUF = `${E2}-BUF`;

const backends = ['pglite', ...(DATABASE_URL === undefined ? [] : ['postgresql'])] as const;

async function openBackend(backend: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const store = await freshStore();
    return { store, dispose: () => store.close() };
  }
  const { stores, dispose } = await postgresStores(1);
  return { store: stores[0]!, dispose };
}

/** Current markets: ticker → [status, result], and the number of versions of each. */
async function stored(store: Store) {
  const r = await store.query<{ ticker: string; status: string; result: string; n: string }>(
    `SELECT m.ticker, m.status, m.result,
            (SELECT count(*) FROM markets v WHERE v.ticker = m.ticker)::text AS n
       FROM markets m WHERE m.row_current_ind ORDER BY m.ticker`,
  );
  return Object.fromEntries(r.rows.map((row) => [row.ticker, [row.status, row.result, Number(row.n)]]));
}

const counts = (r: SyncResult) => [r.items, r.inserted, r.versioned, r.unchanged, r.invalid.length];
const archiveWalks = (ex: TestExchange) =>
  ex.exchange.requests.filter((r) => r.path.endsWith('/historical/markets') && !r.query.includes('cursor='))
    .length;

describe.each(backends)('syncMarkets across the historical cutoff (%s)', (backend) => {
  let ex: TestExchange;
  let store: Store;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ex = await startExchange({
      markets: [
        { ticker: KC, eventTicker: E1, yesBid: '0.58', yesAsk: '0.60' },
        { ticker: LV, eventTicker: E1, yesBid: '0.40', yesAsk: '0.42' },
        { ticker: DEN, eventTicker: E2, yesBid: '0.48', yesAsk: '0.50' },
        { ticker: BUF, eventTicker: E2, yesBid: '0.50', yesAsk: '0.52' },
      ],
    });
    ({ store, dispose } = await openBackend(backend));
    ex.exchange.settle(KC, 'yes');
    ex.exchange.settle(LV, 'no');
    ex.exchange.setHistoricalCutoff({ marketSettled: Date.now() + 1000 });
  });
  afterEach(async () => {
    await ex.close();
    await dispose();
  });

  it('settled markets older than the cutoff come from the archive, with their result, once', async () => {
    const result = await syncMarkets(ex.client, store, { status: 'settled', pageSize: 1 });
    // The live list has no settled market left: both come from GET /historical/markets.
    expect(counts(result)).toEqual([2, 2, 0, 0, 0]);
    expect(await stored(store)).toEqual({ [KC]: ['finalized', 'yes', 1], [LV]: ['finalized', 'no', 1] });
    expect(archiveWalks(ex)).toBe(1);
    // Again: the cutoff did not move, the archive is not read; with `full` it is, and writes nothing.
    expect(counts(await syncMarkets(ex.client, store, { status: 'settled' }))).toEqual([0, 0, 0, 0, 0]);
    expect(archiveWalks(ex)).toBe(1);
    expect(counts(await syncMarkets(ex.client, store, { status: 'settled', full: true }))).toEqual([
      2, 0, 0, 2, 0,
    ]);
    expect(archiveWalks(ex)).toBe(2);
  });

  it('without a settled/closed filter or full, only the live markets are read', async () => {
    const result = await syncMarkets(ex.client, store);
    expect(counts(result)).toEqual([2, 2, 0, 0, 0]);
    expect(Object.keys(await stored(store))).toEqual([BUF, DEN]);
    expect(archiveWalks(ex)).toBe(0);
    // `full` (precog sync --full) reads both sides.
    const full = await syncMarkets(ex.client, store, { full: true });
    expect(counts(full)).toEqual([4, 2, 0, 2, 0]);
    expect(Object.keys(await stored(store))).toEqual([KC, LV, BUF, DEN]);
  });

  it('the event filter reaches the archive, and its mark is its own', async () => {
    const one = await syncMarkets(ex.client, store, { status: 'settled', eventTicker: E1 });
    expect(counts(one)).toEqual([2, 2, 0, 0, 0]);
    const other = await syncMarkets(ex.client, store, { status: 'closed', eventTicker: E2 });
    expect(counts(other)).toEqual([0, 0, 0, 0, 0]);
    expect(archiveWalks(ex)).toBe(2);
    const marks = await store.query<{ stream: string }>(
      'SELECT stream FROM sync_high_water_marks ORDER BY stream',
    );
    expect(marks.rows.map((r) => r.stream)).toEqual([
      `markets:archive:event=${E1}`,
      `markets:archive:event=${E2}`,
    ]);
  });
});
