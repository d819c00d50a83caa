import type { FakePositionInput } from '@precog/kalshi-client/testing';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netRealizedPnl } from '../position-manager/stored-position';
import { freshStore, startExchange } from './__fixtures__/harness';
import { syncPositions } from './positions';
import type { SyncResult } from './types';

// A sync clock behind the exchange's (which is real time): exit times must still follow entries.
const NOW = Date.parse('2020-01-01T00:00:00Z');
const clock = { now: () => NOW };

/** The exchange's positions at one moment: a fake exchange holding exactly these. */
async function syncFrom(store: Store, positions: FakePositionInput[]): Promise<SyncResult> {
  const ex = await startExchange({ positions });
  try {
    return await syncPositions(ex.client, store, { clock, pageSize: 2 });
  } finally {
    await ex.close();
  }
}

async function versions(store: Store, ticker: string) {
  const r = await store.query<{
    position_key: string;
    side: string;
    quantity: Decimal;
    status: string;
    row_current_ind: boolean;
    stop_loss_price: Decimal | null;
  }>(
    'SELECT position_key, side, quantity, status, row_current_ind, stop_loss_price FROM positions WHERE ticker = $1 ORDER BY row_start_ts, id',
    [ticker],
  );
  return r.rows.map((v) => ({
    key: v.position_key,
    side: v.side,
    qty: v.quantity.toString(),
    status: v.status,
    current: v.row_current_ind,
    stop: v.stop_loss_price?.toFixed(2) ?? null,
  }));
}

const counts = (r: SyncResult) => ({
  inserted: r.inserted,
  versioned: r.versioned,
  unchanged: r.unchanged,
  closed: r.closed,
  items: r.items,
});

describe('syncPositions: the position rule through opens, changes, closes and re-entries', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });
  afterAll(async () => {
    await store.close();
  });

  let a: string;
  let b: string;

  it('opens a position with a fresh key per market holding contracts; a flat market never seen held is kept closed, side unknown', async () => {
    const result = await syncFrom(store, [
      { ticker: 'MKT-A', position: '10', marketExposure: '5.6', feesPaid: '0.12', totalTraded: '5.6' },
      { ticker: 'MKT-B', position: '-4', marketExposure: '1.8' },
      { ticker: 'MKT-F', position: '0', realizedPnl: '2.5' },
    ]);
    expect(counts(result)).toEqual({ inserted: 3, versioned: 0, unchanged: 0, closed: 0, items: 3 });
    const [pa] = await store.positions.current({ ticker: 'MKT-A' });
    expect(pa).toMatchObject({
      ticker: 'MKT-A',
      side: 'yes',
      status: 'open',
      subaccount: 0,
      platformId: 'kalshi',
    });
    expect(
      [pa!.quantity, pa!.entryPrice, pa!.marketExposure, pa!.feesPaid, pa!.totalTraded].map(String),
    ).toEqual(['10', '0.56', '5.6', '0.12', '5.6']);
    expect(pa!.positionKey).toMatch(/^POS-[0-9a-f-]{36}$/);
    expect(pa!.lastCheckTime).toEqual(new Date(NOW));
    expect(pa!.metadata).toMatchObject({ ticker: 'MKT-A', position_fp: '10' });
    a = pa!.positionKey;
    const [pb] = await store.positions.current({ ticker: 'MKT-B' });
    expect([pb!.side, pb!.quantity.toString(), pb!.entryPrice?.toString()]).toEqual(['no', '4', '0.45']);
    b = pb!.positionKey;
    // The exchange's flat record of a past position: its figures exactly, no side to tell.
    const [pf] = await store.positions.current({ ticker: 'MKT-F' });
    expect([pf!.side, pf!.quantity.toString(), pf!.status, pf!.realizedPnl?.toString()]).toEqual([
      null,
      '0',
      'closed',
      '2.5',
    ]);
  });

  it('a re-run with nothing new writes nothing', async () => {
    const result = await syncFrom(store, [
      { ticker: 'MKT-A', position: '10', marketExposure: '5.6', feesPaid: '0.12', totalTraded: '5.6' },
      { ticker: 'MKT-B', position: '-4', marketExposure: '1.8' },
      { ticker: 'MKT-F', position: '0', realizedPnl: '2.5' },
    ]);
    expect(counts(result)).toEqual({ inserted: 0, versioned: 0, unchanged: 3, closed: 0, items: 3 });
    expect(await versions(store, 'MKT-A')).toHaveLength(1);
  });

  it('a change keeps the key and the position manager fields; a market back at zero closes it', async () => {
    // The position manager sets a stop on A's current version.
    const [pa] = await store.positions.current({ ticker: 'MKT-A' });
    const { id: _i, rowCurrentInd: _c, rowStartTs: _s, rowEndTs: _e, ...row } = pa!;
    await store.positions.upsertVersions([{ ...row, stopLossPrice: '0.40' }]);

    const result = await syncFrom(store, [
      { ticker: 'MKT-A', position: '15', marketExposure: '8.4', feesPaid: '0.2', totalTraded: '8.4' },
      { ticker: 'MKT-B', position: '0', realizedPnl: '1.2', feesPaid: '0.05' },
      { ticker: 'MKT-C', position: '3', marketExposure: '0.99' },
    ]);
    expect(counts(result)).toEqual({ inserted: 1, versioned: 2, unchanged: 0, closed: 1, items: 3 });
    expect(await versions(store, 'MKT-A')).toEqual([
      { key: a, side: 'yes', qty: '10', status: 'open', current: false, stop: null },
      { key: a, side: 'yes', qty: '10', status: 'open', current: false, stop: '0.40' },
      { key: a, side: 'yes', qty: '15', status: 'open', current: true, stop: '0.40' },
    ]);
    expect(await versions(store, 'MKT-B')).toEqual([
      { key: b, side: 'no', qty: '4', status: 'open', current: false, stop: null },
      { key: b, side: 'no', qty: '0', status: 'closed', current: true, stop: null },
    ]);
    const [closed] = await store.positions.current({ positionKey: b });
    // The exit time is when the exchange last changed the position.
    const updated = (closed!.metadata as { last_updated_ts: string }).last_updated_ts;
    // realized_pnl is the exchange's figure exactly (before fees), fees_paid beside it; net 1.15.
    expect([
      closed!.realizedPnl?.toString(),
      closed!.feesPaid?.toString(),
      netRealizedPnl(closed!)?.toString(),
      closed!.marketExposure?.toString(),
      closed!.exitTime,
    ]).toEqual(['1.2', '0.05', '1.15', '0', new Date(updated)]);
  });

  it('a re-entry and a flip through zero are new positions; a market no longer reported closes', async () => {
    const result = await syncFrom(store, [
      { ticker: 'MKT-A', position: '-3', marketExposure: '1.2' },
      { ticker: 'MKT-B', position: '6', marketExposure: '3' },
    ]);
    // A: old key closed, new key opened; B: new key (re-entry); C: absent, closed.
    expect(counts(result)).toEqual({ inserted: 2, versioned: 2, unchanged: 0, closed: 2, items: 2 });
    const a2 = await versions(store, 'MKT-A');
    expect(a2.slice(3).map(({ key, ...rest }) => ({ sameKey: key === a, ...rest }))).toEqual([
      { sameKey: true, side: 'yes', qty: '0', status: 'closed', current: true, stop: '0.40' },
      { sameKey: false, side: 'no', qty: '3', status: 'open', current: true, stop: null },
    ]);
    const b2 = await versions(store, 'MKT-B');
    expect(b2).toHaveLength(3);
    expect(b2[2]!.key).not.toBe(b);
    expect(b2[2]).toMatchObject({ side: 'yes', qty: '6', status: 'open', current: true });
    expect((await versions(store, 'MKT-C')).map((v) => [v.qty, v.status, v.current])).toEqual([
      ['3', 'open', false],
      ['0', 'closed', true],
    ]);
    // C's exit time falls back to the sync clock, which is behind its entry: it is the entry time.
    const [c] = await store.positions.current({ ticker: 'MKT-C' });
    expect(c!.exitTime).toEqual(c!.entryTime);
    // One open position per market, each with its own key.
    const open = await store.positions.current({ status: 'open' });
    expect(open.map((p) => p.ticker).sort()).toEqual(['MKT-A', 'MKT-B']);
    expect(new Set(open.map((p) => p.positionKey)).size).toBe(2);
  });

  it('an interrupted walk closes nothing; the re-run does', async () => {
    const ex = await startExchange({
      positions: [{ ticker: 'MKT-A', position: '-3', marketExposure: '1.2' }],
    });
    try {
      const abort = new AbortController();
      abort.abort();
      await expect(syncPositions(ex.client, store, { signal: abort.signal })).rejects.toMatchObject({
        name: 'SyncInterruptedError',
      });
      expect((await store.positions.current({ status: 'open' })).map((p) => p.ticker).sort()).toEqual([
        'MKT-A',
        'MKT-B',
      ]);
      const result = await syncPositions(ex.client, store, { clock });
      expect(counts(result)).toEqual({ inserted: 0, versioned: 1, unchanged: 1, closed: 1, items: 1 });
    } finally {
      await ex.close();
    }
  });
});

describe('syncPositions when another writer opened the same position meanwhile', () => {
  it('re-reads the store and versions the position the other writer opened', async () => {
    const store = await freshStore();
    const ex = await startExchange({ positions: [{ ticker: 'MKT-R', position: '2', marketExposure: '1' }] });
    try {
      let raced = false;
      // A second, real sync runs just before our first write: it opens MKT-R first.
      const racing: Store = Object.create(store, {
        positions: {
          value: new Proxy(store.positions, {
            get(target, prop, receiver) {
              if (prop === 'upsertVersions' && !raced) {
                raced = true;
                return async (...args: Parameters<typeof target.upsertVersions>) => {
                  await syncPositions(ex.client, store, { clock });
                  return target.upsertVersions(...args);
                };
              }
              const value = Reflect.get(target, prop, receiver);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          }),
        },
      });
      const result = await syncPositions(ex.client, racing, { clock });
      expect(counts(result)).toEqual({ inserted: 0, versioned: 0, unchanged: 1, closed: 0, items: 1 });
      const rows = await store.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM positions WHERE ticker = 'MKT-R'",
      );
      expect(rows.rows[0]!.n).toBe('1');
    } finally {
      await ex.close();
      await store.close();
    }
  });
});

describe('entry price', () => {
  it('is the exposure per contract rounded half up to 4 places', () => {
    expect(new Decimal('1').div(3).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString()).toBe('0.3333');
  });
});
