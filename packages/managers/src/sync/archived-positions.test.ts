// syncPositions across the historical cutoff: settled positions archived under
// GET /historical/positions are stored too, once, with the exchange's figures exactly.
import type { Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, postgresStores } from '../__fixtures__/stores';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { syncPositions } from './positions';
import type { SyncResult } from './types';

const E1 = 'KXNFLGAME-26NOV29KCLV';
const KC = `${E1}-KC`;
const LV = `${E1}-LV`;
const E2 = 'KXNFLGAME-26NOV30DENBUF';
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

/** Every version of every position, per ticker: [status, side, quantity, realized, fees, traded, current]. */
async function table(store: Store) {
  const r = await store.query<Record<string, { toString(): string } | string | boolean | null>>(
    `SELECT ticker, position_key, status, side, quantity, realized_pnl, fees_paid, total_traded, row_current_ind
       FROM positions ORDER BY ticker, row_start_ts, id`,
  );
  const out: Record<string, (string | boolean | null)[][]> = {};
  const keys: Record<string, Set<string>> = {};
  const columns = [
    'status',
    'side',
    'quantity',
    'realized_pnl',
    'fees_paid',
    'total_traded',
    'row_current_ind',
  ];
  for (const row of r.rows) {
    const t = row.ticker as string;
    const version = columns.map((c) => {
      const v = row[c];
      return v === null || typeof v === 'boolean' || typeof v === 'string' ? v : v!.toString();
    });
    out[t] = [...(out[t] ?? []), version];
    keys[t] = (keys[t] ?? new Set<string>()).add(row.position_key as string);
  }
  return { versions: out, keys: Object.fromEntries(Object.entries(keys).map(([t, k]) => [t, k.size])) };
}

const counts = (r: SyncResult) => [r.items, r.inserted, r.versioned, r.unchanged, r.closed, r.invalid.length];
/** Walks of the archive: first-page requests of GET /historical/positions. */
const archiveReads = (ex: TestExchange) =>
  ex.exchange.requests.filter((r) => r.path.endsWith('/historical/positions') && !r.query.includes('cursor='))
    .length;

describe.each(backends)('syncPositions across the historical cutoff (%s)', (backend) => {
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
      positions: [
        {
          ticker: KC,
          position: '10',
          marketExposure: '6',
          realizedPnl: '-0.08',
          feesPaid: '0.24',
          totalTraded: '8.32',
        },
        { ticker: LV, position: '-3', marketExposure: '1.74', feesPaid: '0.061234', totalTraded: '1.74' },
        { ticker: DEN, position: '2', marketExposure: '1', feesPaid: '0.03', totalTraded: '1' },
        // Traded and flat again, not settled: the live list keeps it.
        {
          ticker: BUF,
          position: '0',
          marketExposure: '0',
          realizedPnl: '0.12',
          feesPaid: '0.02',
          totalTraded: '2.1',
        },
      ],
    });
    ({ store, dispose } = await openBackend(backend));
  });
  afterEach(async () => {
    await ex.close();
    await dispose();
  });

  /** Settles the KC/LV event and archives its positions (the cutoff moves past the settlement). */
  function settleAndArchiveE1(when?: { path: string; nth: number }) {
    ex.exchange.settle(KC, 'yes');
    ex.exchange.settle(LV, 'no');
    ex.exchange.setHistoricalCutoff({ positionsLastUpdated: Date.now() + 1000 }, when);
  }

  it('stores every position exactly once from an empty store: archived ones settled, with the exchange figures', async () => {
    settleAndArchiveE1();
    const result = await syncPositions(ex.client, store, { pageSize: 1 });
    // 2 live (DEN held, BUF flat) + 2 archived (KC, LV), each a new position.
    expect(counts(result)).toEqual([4, 4, 0, 0, 0, 0]);
    const { versions, keys } = await table(store);
    expect(keys).toEqual({ [BUF]: 1, [DEN]: 1, [KC]: 1, [LV]: 1 });
    expect(versions).toEqual({
      // KC: 10 YES at cost 6 paid $10: −0.08 + 10 − 6 = 3.92 before fees, fees 0.24 beside it.
      [KC]: [['settled', null, '0', '3.92', '0.24', '8.32', true]],
      // LV: 3 NO at cost 1.74 paid $3: 1.26, fees to the 6th decimal.
      [LV]: [['settled', null, '0', '1.26', '0.061234', '1.74', true]],
      [DEN]: [['open', 'yes', '2', '0', '0.03', '1', true]],
      [BUF]: [['closed', null, '0', '0.12', '0.02', '2.1', true]],
    });
    expect(archiveReads(ex)).toBe(1);

    // A re-run: nothing new; the cutoff did not move, so the archive is not read again.
    const again = await syncPositions(ex.client, store, { pageSize: 1 });
    expect(counts(again)).toEqual([2, 0, 0, 2, 0, 0]);
    expect(archiveReads(ex)).toBe(1);
    // `full` reads it again, and still writes nothing.
    const full = await syncPositions(ex.client, store, { pageSize: 1, full: true });
    expect(counts(full)).toEqual([4, 0, 0, 4, 0, 0]);
    expect(archiveReads(ex)).toBe(2);
    expect((await table(store)).versions).toEqual(versions);
  });

  it('a position held in the store and archived since is closed on its own key as settled', async () => {
    const first = await syncPositions(ex.client, store);
    expect(counts(first)).toEqual([4, 4, 0, 0, 0, 0]);
    const before = await table(store);
    expect(before.versions[KC]).toEqual([['open', 'yes', '10', '-0.08', '0.24', '8.32', true]]);

    settleAndArchiveE1();
    const second = await syncPositions(ex.client, store);
    // KC and LV left the live list: closed (settled) with the archive's figures, same keys.
    expect(counts(second)).toEqual([4, 0, 2, 2, 2, 0]);
    const { versions, keys } = await table(store);
    expect(keys).toEqual({ [BUF]: 1, [DEN]: 1, [KC]: 1, [LV]: 1 });
    expect(versions[KC]).toEqual([
      ['open', 'yes', '10', '-0.08', '0.24', '8.32', false],
      ['settled', 'yes', '0', '3.92', '0.24', '8.32', true],
    ]);
    expect(versions[LV]).toEqual([
      ['open', 'no', '3', '0', '0.061234', '1.74', false],
      ['settled', 'no', '0', '1.26', '0.061234', '1.74', true],
    ]);
  });

  it('the cutoff moving in the middle of the live walk: each position stored once, as the archive has it', async () => {
    ex.exchange.settle(KC, 'yes');
    ex.exchange.settle(LV, 'no');
    // The event is archived just before the second live page is served: LV (third in the live
    // order) is then never listed live, KC was listed live (flat) and is archived too.
    ex.exchange.setHistoricalCutoff(
      { positionsLastUpdated: Date.now() + 1000 },
      { path: '/portfolio/positions', nth: 2 },
    );
    const result = await syncPositions(ex.client, store, { pageSize: 1 });
    // Live: KC (flat), then DEN and BUF after the move; archive: KC and LV.
    expect([result.items, result.invalid]).toEqual([5, []]);
    const { versions, keys } = await table(store);
    expect(keys).toEqual({ [BUF]: 1, [DEN]: 1, [KC]: 1, [LV]: 1 });
    expect(versions[KC]).toEqual([['settled', null, '0', '3.92', '0.24', '8.32', true]]);
    expect(versions[LV]).toEqual([['settled', null, '0', '1.26', '0.061234', '1.74', true]]);
    expect(versions[DEN]).toEqual([['open', 'yes', '2', '0', '0.03', '1', true]]);
    // And a re-run finds everything in place.
    const again = await syncPositions(ex.client, store, { pageSize: 1 });
    expect([again.inserted, again.versioned]).toEqual([0, 0]);
  });

  it('an incremental run reads the archive again only once the cutoff moved', async () => {
    settleAndArchiveE1();
    await syncPositions(ex.client, store);
    await syncPositions(ex.client, store);
    expect(archiveReads(ex)).toBe(1);
    ex.exchange.settle(DEN, 'no');
    ex.exchange.settle(BUF, 'yes');
    ex.exchange.setHistoricalCutoff({ positionsLastUpdated: Date.now() + 2000 });
    const result = await syncPositions(ex.client, store);
    expect(archiveReads(ex)).toBe(2);
    const { versions, keys } = await table(store);
    expect(keys).toEqual({ [BUF]: 1, [DEN]: 1, [KC]: 1, [LV]: 1 });
    // DEN: 2 YES at cost 1, settled NO: −1 before fees. BUF's closed record becomes settled.
    expect(versions[DEN]).toEqual([
      ['open', 'yes', '2', '0', '0.03', '1', false],
      ['settled', 'yes', '0', '-1', '0.03', '1', true],
    ]);
    expect(versions[BUF]).toEqual([
      ['closed', null, '0', '0.12', '0.02', '2.1', false],
      ['settled', null, '0', '0.12', '0.02', '2.1', true],
    ]);
    expect([result.versioned, result.closed, result.inserted]).toEqual([2, 1, 0]);
  });
});

describe('syncPositions: a malformed archived position', () => {
  it('is kept aside by ticker, closes nothing, holds the mark back; the re-run after the fix stores it once', async () => {
    const store = await freshStore();
    const ex = await startExchange({
      markets: [
        { ticker: KC, eventTicker: E1, yesBid: '0.58', yesAsk: '0.60' },
        { ticker: LV, eventTicker: E1, yesBid: '0.40', yesAsk: '0.42' },
      ],
      positions: [
        { ticker: KC, position: '10', marketExposure: '6', feesPaid: '0.24', totalTraded: '6' },
        { ticker: LV, position: '-3', marketExposure: '1.74', feesPaid: '0.06', totalTraded: '1.74' },
      ],
    });
    try {
      await syncPositions(ex.client, store);
      ex.exchange.settle(KC, 'yes');
      ex.exchange.settle(LV, 'no');
      ex.exchange.setHistoricalCutoff({ positionsLastUpdated: Date.now() + 1000 });
      ex.exchange.setPositionWire(KC, { realized_pnl_dollars: 'lots' });
      const bad = await syncPositions(ex.client, store);
      expect(bad.invalid).toEqual([
        { kind: 'position', id: KC, path: 'realized_pnl_dollars', reason: expect.any(String) },
      ]);
      // LV is settled; KC, kept aside, stays open rather than closed without its figures.
      const statuses = async () =>
        (await store.positions.current()).map((p) => [p.ticker, p.status, p.realizedPnl?.toString()]).sort();
      expect(await statuses()).toEqual([
        [KC, 'open', '0'],
        [LV, 'settled', '1.26'],
      ]);
      const errors = await store.ingestErrors.list({ stream: 'positions' });
      expect(errors.map((e) => [e.itemId, e.itemPath])).toEqual([[KC, 'realized_pnl_dollars']]);
      // The mark stays where the first run left it (the epoch cutoff), so the re-run reads the archive.
      expect(await store.syncMarks.get('positions:archive')).toEqual(new Date(0));

      ex.exchange.setPositionWire(KC);
      const fixed = await syncPositions(ex.client, store);
      expect([fixed.invalid, fixed.versioned, fixed.closed]).toEqual([[], 1, 1]);
      expect(await statuses()).toEqual([
        [KC, 'settled', '4'],
        [LV, 'settled', '1.26'],
      ]);
      const keys = await store.query<{ n: string }>(
        'SELECT count(DISTINCT position_key)::text AS n FROM positions',
      );
      expect(keys.rows[0]!.n).toBe('2');
    } finally {
      await ex.close();
      await store.close();
    }
  });
});
