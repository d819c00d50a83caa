import type { Store } from '@precog/scd2-store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, startExchange } from './__fixtures__/harness';
import { syncPositions } from './positions';

const TICKERS = ['P-A', 'P-B', 'P-C'] as const;

/** One moment of the exchange: a signed position per market, or the market not reported at all. */
const snapshot = fc.record({
  'P-A': fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  'P-B': fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  'P-C': fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
});

describe('syncPositions follows the position rule for any sequence of exchange states', () => {
  let store: Store;
  let run = 0;
  beforeAll(async () => {
    store = await freshStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('one open position per held market, same key while held on one side, a new key after zero or a flip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(snapshot, { minLength: 1, maxLength: 4 }), async (states) => {
        // Each run is its own subaccount, so runs sharing the store never see each other.
        run += 1;
        const subaccount = run;
        const openings = new Map<string, number>();
        let previous: Record<string, number | undefined> = {};
        for (const state of states) {
          const ex = await startExchange({
            positions: TICKERS.filter((t) => state[t] !== undefined).map((t) => ({
              ticker: t,
              position: String(state[t]),
              marketExposure: String(Math.abs(state[t] ?? 0)),
            })),
          });
          try {
            await syncPositions(ex.client, store, { subaccount });
            const open = await store.positions.current({ subaccount, status: 'open' });
            // The store's open positions are exactly the markets held now, on the right side.
            expect(open.map((p) => [p.ticker, p.side, p.quantity.toString()]).sort()).toEqual(
              TICKERS.filter((t) => (state[t] ?? 0) !== 0)
                .map((t) => [t, (state[t] ?? 0) > 0 ? 'yes' : 'no', String(Math.abs(state[t] ?? 0))])
                .sort(),
            );
            for (const t of TICKERS) {
              const before = previous[t] ?? 0;
              const now = state[t] ?? 0;
              if (now !== 0 && (before === 0 || Math.sign(before) !== Math.sign(now))) {
                openings.set(t, (openings.get(t) ?? 0) + 1);
              }
            }
            // A re-run of the same state writes nothing.
            const again = await syncPositions(ex.client, store, { subaccount });
            expect([again.inserted, again.versioned, again.closed]).toEqual([0, 0, 0]);
          } finally {
            await ex.close();
          }
          previous = state;
        }
        // Every opening got its own key, and each key's versions form one open-then-closed life.
        for (const t of TICKERS) {
          const rows = await store.query<{ position_key: string; status: string; row_current_ind: boolean }>(
            'SELECT position_key, status, row_current_ind FROM positions WHERE ticker = $1 AND subaccount = $2 ORDER BY row_start_ts, id',
            [t, subaccount],
          );
          const keys = [...new Set(rows.rows.map((r) => r.position_key))];
          expect(keys.length).toBe(openings.get(t) ?? 0);
          for (const key of keys) {
            const life = rows.rows.filter((r) => r.position_key === key).map((r) => r.status);
            // Once over, a key never reopens: later versions only carry the exchange's final
            // figures of the flat record (same key, still closed or settled).
            const firstClosed = life.indexOf('closed');
            if (firstClosed !== -1) {
              const after = life.slice(firstClosed);
              expect(after.filter((status) => status !== 'closed' && status !== 'settled')).toEqual([]);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
