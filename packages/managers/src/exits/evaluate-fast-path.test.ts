import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d, held, TAPERED } from '../__fixtures__/builders';
import { evaluateExit } from './evaluate';
import {
  initTrailingStop,
  type TrailingStopConfig,
  type TrailingStopState,
  updateTrailingStop,
} from './trailing-stop';

const NOW = 1_000_000;

/** Every field of a trailing-stop state as text, to compare two states exactly. */
const stateText = (s: TrailingStopState | null) =>
  s === null
    ? null
    : {
        active: s.active,
        entryPrice: s.entryPrice.toString(),
        activatedAt: s.activatedAt,
        activationPrice: s.activationPrice?.toString() ?? null,
        peakPrice: s.peakPrice?.toString() ?? null,
        peakTimestamp: s.peakTimestamp,
        currentStopPrice: s.currentStopPrice?.toString() ?? null,
        currentDistance: s.currentDistance?.toString() ?? null,
      };

// Prices on and off the seven-decimal fast path: whole cents, 1e-7 units, 1e-8 units.
const price = fc.oneof(
  fc.integer({ min: 1, max: 99 }).map((c) => new Decimal(c).div(100)),
  fc.integer({ min: 1, max: 9_999_999 }).map((u) => new Decimal(u).div(1e7)),
  fc.integer({ min: 1, max: 99_999_999 }).map((u) => new Decimal(u).div(1e8)),
);

const trails: TrailingStopConfig[] = [
  { activationThreshold: d('0.10'), distance: { kind: 'percent', value: d('0.05') } },
  { activationThreshold: d('0.05'), distance: { kind: 'price', value: d('0.03') } },
  { activationThreshold: d('0'), distance: { kind: 'ticks', value: 2 } },
];

describe('evaluateExit on the integer fast path', () => {
  it('decides every price rule and trailing stop exactly as Decimal arithmetic does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'yes' | 'no'>('yes', 'no'),
        price,
        fc.constantFrom(...trails),
        fc.constantFrom(null, TAPERED),
        fc.array(fc.tuple(fc.option(price, { nil: null }), price, fc.boolean()), {
          minLength: 1,
          maxLength: 30,
        }),
        (side, entry, trail, grid, ticks) => {
          const position = held(side, 10, entry);
          let state = initTrailingStop(entry, trail);
          let stale = state;
          for (const [i, [bid, spread, reuseStale]] of ticks.entries()) {
            const ask = bid === null ? null : bid.plus(spread.div(10));
            const own = {
              ticker: 'KXNFLGAME-T',
              volume: d(100),
              closeTime: NOW + 3_600_000,
              priceRanges: grid,
            };
            // The snapshot gives the side held exactly `bid` / `ask`.
            const snapshot =
              side === 'yes'
                ? { ...own, yesBid: bid, yesAsk: ask, noBid: null, noAsk: null }
                : { ...own, yesBid: null, yesAsk: null, noBid: bid, noAsk: ask };
            // Sometimes an older state is passed, to exercise the per-state cache refresh.
            const given = reuseStale ? stale : state;
            const now = NOW + i;
            const r = evaluateExit({ position, trailingStop: given }, snapshot, now);
            const ref = updateTrailingStop(given, {
              side,
              bid,
              entryPrice: position.avgEntryPrice,
              now,
              priceRanges: grid,
            });
            expect(stateText(r.trailingStop)).toEqual(stateText(ref.state));
            expect(r.trailingStopChange).toBe(ref.change);

            const e = position.avgEntryPrice;
            const expected = new Set<string>();
            if (bid?.lte(e.times(d('0.85')))) expected.add('stop_loss');
            if (ref.triggered) expected.add('trailing_stop');
            if (bid === null || ask?.minus(bid).gt(d('0.03'))) expected.add('liquidity_dried_up');
            if (bid?.gte(e.times(d('1.25')))) expected.add('profit_target');
            const fired = new Set(
              [r.exit, ...r.conflictingTriggers].flatMap((t) => (t === null ? [] : [t.condition])),
            );
            expect(fired).toEqual(expected);
            stale = state;
            state = r.trailingStop ?? state;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
