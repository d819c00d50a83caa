import Decimal from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import type { Market, MarketInput } from '../repositories/markets';
import type { Versioned } from './definition';

/** The tracked fields the property varies; everything else is fixed. */
interface Values {
  status: string;
  yesBid: string | null;
  volume: string;
}

interface ModelVersion {
  values: Values;
  start: number;
  end: number | null;
}

const valuesArb = fc.record({
  status: fc.constantFrom('active', 'closed'),
  yesBid: fc.constantFrom(null, '0.1', '0.10', '0.2', '0.9999'),
  volume: fc.constantFrom('0', '5', '5.00', '7.5'),
});

const batchArb = fc.record({
  rows: fc.array(fc.record({ key: fc.integer({ min: 0, max: 4 }), values: valuesArb }), { maxLength: 8 }),
  gapMs: fc.integer({ min: 1, max: 5_000 }),
});

function same(a: Values, b: Values): boolean {
  const dec = (x: string | null) => (x === null ? null : new Decimal(x).toFixed());
  return a.status === b.status && dec(a.yesBid) === dec(b.yesBid) && dec(a.volume) === dec(b.volume);
}

function normalise(v: Values) {
  return {
    status: v.status,
    yesBid: v.yesBid === null ? null : new Decimal(v.yesBid).toFixed(),
    volume: new Decimal(v.volume).toFixed(),
  };
}

function stored(row: Versioned<Market>) {
  return {
    values: { status: row.status, yesBid: row.yesBid?.toFixed() ?? null, volume: row.volume!.toFixed() },
    start: row.rowStartTs.getTime(),
    end: row.rowEndTs?.getTime() ?? null,
  };
}

describe.each(backendNames)('SCD2 engine against an in-memory model on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('current, as-of and history reads equal the model; intervals are contiguous, non-empty, one current', async () => {
    const store = t.store;
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 6 }), async (batches) => {
        const prefix = uid('P');
        const ticker = (k: number) => `${prefix}-${k}`;
        const model = new Map<string, ModelVersion[]>();
        let now = Date.UTC(2026, 0, 1);
        const probes: number[] = [now - 1];
        for (const batch of batches) {
          now += batch.gapMs;
          const last = new Map<string, Values>();
          for (const row of batch.rows) {
            last.set(ticker(row.key), row.values);
          }
          let expected = { inserted: 0, versioned: 0, unchanged: 0 };
          for (const [key, values] of last) {
            const versions = model.get(key) ?? [];
            const current = versions.at(-1);
            if (current === undefined) {
              versions.push({ values, start: now, end: null });
              expected = { ...expected, inserted: expected.inserted + 1 };
            } else if (same(current.values, values)) {
              expected = { ...expected, unchanged: expected.unchanged + 1 };
            } else {
              current.end = now;
              versions.push({ values, start: now, end: null });
              expected = { ...expected, versioned: expected.versioned + 1 };
            }
            model.set(key, versions);
          }
          const input: MarketInput[] = batch.rows.map((row) => ({
            ticker: ticker(row.key),
            eventTicker: 'EV',
            title: null,
            ...row.values,
          }));
          const result = await store.markets.upsertVersions(input, { at: new Date(now) });
          expect(result).toEqual(expected);
          probes.push(now - 1, now, now + 1);
        }

        for (const k of [0, 1, 2, 3, 4]) {
          const key = ticker(k);
          const versions = model.get(key) ?? [];
          const history = (await store.markets.history({ ticker: key })).map(stored);
          expect(history).toEqual(versions.map((v) => ({ ...v, values: normalise(v.values) })));
          // Invariants, checked on what the database holds.
          for (let i = 0; i < history.length; i += 1) {
            const v = history[i]!;
            if (i < history.length - 1) {
              expect(v.end).toBe(history[i + 1]!.start);
              expect(v.end!).toBeGreaterThan(v.start);
            } else {
              expect(v.end).toBeNull();
            }
          }
          const current = await store.markets.current({ ticker: key });
          expect(current.length).toBe(versions.length === 0 ? 0 : 1);
          for (const at of probes) {
            const expectedAt = versions.find((v) => v.start <= at && (v.end === null || v.end > at));
            const actual = (await store.markets.asOf(new Date(at), { ticker: key })).map(stored);
            expect(actual).toEqual(
              expectedAt === undefined ? [] : [{ ...expectedAt, values: normalise(expectedAt.values) }],
            );
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
