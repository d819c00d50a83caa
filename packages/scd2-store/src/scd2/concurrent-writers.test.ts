import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, openTestStore, type TestStore, uid } from '../../test/support/backends';
import type { MarketInput } from '../repositories/markets';
import type { Store } from '../store';

const onPostgres = DATABASE_URL === undefined || DATABASE_URL === '' ? describe.skip : describe;

function batch(prefix: string, writer: number, round: number): MarketInput[] {
  // Keys 0..29 overlap between the writers; each round changes a different subset of values.
  return Array.from({ length: 30 }, (_, k) => ({
    ticker: `${prefix}-${k}`,
    eventTicker: 'EV',
    status: 'active',
    lastPrice: `0.${String(((k + round * (writer + 1)) % 97) + 1).padStart(2, '0')}`,
    volume: String(round),
  }));
}

onPostgres('two stores (two pools) writing overlapping batches at the same time', () => {
  let t: TestStore;
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    a = t.store;
    b = await t.openAnother();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('keeps one current row per key and contiguous, non-overlapping, non-empty intervals', async () => {
    const prefix = uid('CW');
    const rounds = 12;
    const writes: Promise<unknown>[] = [];
    for (let round = 0; round < rounds; round += 1) {
      writes.push(a.markets.upsertVersions(batch(prefix, 0, round)));
      writes.push(b.markets.upsertVersions(batch(prefix, 1, round)));
    }
    const results = (await Promise.all(writes)) as {
      inserted: number;
      versioned: number;
      unchanged: number;
    }[];
    // Every key was inserted exactly once across both writers.
    expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(30);

    const rows = await a.query<{
      ticker: string;
      row_start_ts: Date;
      row_end_ts: Date | null;
      row_current_ind: boolean;
    }>(
      `SELECT ticker, row_start_ts, row_end_ts, row_current_ind FROM markets WHERE ticker LIKE $1 ORDER BY ticker, row_start_ts`,
      [`${prefix}-%`],
    );
    const byKey = new Map<string, typeof rows.rows>();
    for (const row of rows.rows) {
      byKey.set(row.ticker, [...(byKey.get(row.ticker) ?? []), row]);
    }
    expect(byKey.size).toBe(30);
    const totalVersions = results.reduce((sum, r) => sum + r.inserted + r.versioned, 0);
    expect(rows.rows.length).toBe(totalVersions);
    for (const versions of byKey.values()) {
      expect(versions.filter((v) => v.row_current_ind).length).toBe(1);
      for (let i = 0; i < versions.length; i += 1) {
        const v = versions[i]!;
        if (i < versions.length - 1) {
          expect(v.row_current_ind).toBe(false);
          expect(v.row_end_ts!.getTime()).toBe(versions[i + 1]!.row_start_ts.getTime());
          expect(v.row_end_ts!.getTime()).toBeGreaterThan(v.row_start_ts.getTime());
        } else {
          expect(v.row_current_ind).toBe(true);
          expect(v.row_end_ts).toBeNull();
        }
      }
    }
  });

  it('loses no update: the last committed batch is what is current', async () => {
    const prefix = uid('LU');
    await Promise.all([
      a.markets.upsertVersions(batch(prefix, 0, 1)),
      b.markets.upsertVersions(batch(prefix, 1, 1)),
    ]);
    // Whichever batch committed last must be current, for every key at once (batches are atomic).
    const current = await a.markets.current();
    const mine = current.filter((r) => r.ticker.startsWith(prefix));
    const asMap = (rows: { ticker: string; price: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.ticker, r.price]));
    const fromA = asMap(batch(prefix, 0, 1).map((r) => ({ ticker: r.ticker, price: String(r.lastPrice) })));
    const fromB = asMap(batch(prefix, 1, 1).map((r) => ({ ticker: r.ticker, price: String(r.lastPrice) })));
    const seen = asMap(mine.map((r) => ({ ticker: r.ticker, price: r.lastPrice!.toFixed(2) })));
    expect(Object.keys(seen).length).toBe(30);
    expect([fromA, fromB]).toContainEqual(seen);
  });
});
