import { isOnPriceGrid, type PriceRange } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d, mirrorRanges, TAPERED } from '../__fixtures__/builders';
import { TradingConfigError } from '../errors';
import type { Side } from '../types';
import {
  initTrailingStop,
  type TrailingStopConfig,
  type TrailingStopState,
  updateTrailingStop,
  validateTrailingStopConfig,
} from './trailing-stop';

const MILLI: PriceRange[] = [{ start: d('0'), end: d('1'), step: d('0.001') }];
const percent = (value: string, tightening?: TrailingStopConfig['tightening']): TrailingStopConfig => ({
  activationThreshold: d('0.10'),
  distance: { kind: 'percent', value: d(value) },
  tightening: tightening ?? null,
});
const REFERENCE_TIGHTENING = { rate: d('0.01'), every: d('0.05'), floor: d('0.02') };

/** Feeds bids in order; returns the final state and each step's result. */
function feed(state: TrailingStopState, side: Side, bids: (string | null)[], ranges?: readonly PriceRange[]) {
  const steps = [];
  let s = state;
  for (const [i, b] of bids.entries()) {
    const r = updateTrailingStop(s, {
      side,
      bid: b === null ? null : d(b),
      now: i,
      priceRanges: ranges ?? null,
    });
    steps.push(r);
    s = r.state;
  }
  return { state: s, steps };
}

describe('updateTrailingStop', () => {
  it('arms at exactly the activation threshold and reproduces the guide (entry 0.60 → stop 0.627)', () => {
    const start = initTrailingStop('0.60', percent('0.05'));
    const { steps, state } = feed(start, 'yes', ['0.65', '0.66'], MILLI);
    expect(steps.map((s) => s.change)).toEqual(['none', 'activated']);
    expect([state.active, state.activationPrice?.toString(), state.currentStopPrice?.toString()]).toEqual([
      true,
      '0.66',
      '0.627',
    ]);
    expect([state.activatedAt, state.peakTimestamp, state.currentDistance?.toString()]).toEqual([
      1,
      1,
      '0.05',
    ]);
  });
  it('tightens per 5 % of profit above activation down to the floor (peak 0.90 → stop 0.882)', () => {
    const start = initTrailingStop('0.60', percent('0.05', REFERENCE_TIGHTENING));
    const bids = ['0.66', '0.69', '0.72', '0.75', '0.78', '0.90'];
    const { steps } = feed(start, 'yes', bids, MILLI);
    expect(steps.map((s) => s.state.currentDistance?.toString())).toEqual([
      '0.05',
      '0.04',
      '0.03',
      '0.02',
      '0.02',
      '0.02',
    ]);
    expect(steps.at(-1)?.state.currentStopPrice?.toString()).toBe('0.882');
  });
  it('rounds the stop up onto the cent grid, toward the market', () => {
    const { state } = feed(initTrailingStop('0.60', percent('0.05')), 'yes', ['0.66']);
    expect(state.currentStopPrice?.toString()).toBe('0.63');
    const tight = feed(initTrailingStop('0.60', percent('0.05', REFERENCE_TIGHTENING)), 'yes', [
      '0.66',
      '0.90',
    ]);
    expect(tight.state.currentStopPrice?.toString()).toBe('0.89');
  });
  it('rounds down instead when rounding up would reach the peak', () => {
    const { state } = feed(initTrailingStop('0.50', percent('0.01')), 'yes', ['0.55']);
    // 0.55 × 0.99 = 0.5445: up is 0.55 (the bid itself), so 0.54
    expect(state.currentStopPrice?.toString()).toBe('0.54');
  });
  it('never lowers the stop and triggers when the bid touches it', () => {
    const { steps } = feed(initTrailingStop('0.50', percent('0.10')), 'yes', [
      '0.60',
      '0.70',
      '0.65',
      '0.64',
      '0.63',
    ]);
    expect(steps.map((s) => [s.state.currentStopPrice?.toString(), s.triggered])).toEqual([
      ['0.54', false],
      ['0.63', false],
      ['0.63', false],
      ['0.63', false],
      ['0.63', true],
    ]);
  });
  it('trails by a price distance', () => {
    const cfg: TrailingStopConfig = {
      activationThreshold: d('0.1'),
      distance: { kind: 'price', value: d('0.05') },
    };
    const { state } = feed(initTrailingStop('0.50', cfg), 'yes', ['0.70']);
    expect(state.currentStopPrice?.toString()).toBe('0.65');
  });
  it('trails by grid ticks, across the tapered grid boundary', () => {
    const cfg: TrailingStopConfig = { activationThreshold: d('0'), distance: { kind: 'ticks', value: 3 } };
    expect(feed(initTrailingStop('0.50', cfg), 'yes', ['0.70']).state.currentStopPrice?.toString()).toBe(
      '0.67',
    );
    // 0.901 → 0.900 (deci-cent ticks) → 0.89 → 0.88 (cent ticks)
    expect(
      feed(initTrailingStop('0.80', cfg), 'yes', ['0.901'], TAPERED).state.currentStopPrice?.toString(),
    ).toBe('0.88');
  });
  it('rounds a NO stop on the mirror of the YES grid', () => {
    // YES grid: cents up to 0.50, then 0.05 steps. NO prices 0.05..0.50 live on 0.05 steps.
    const grid: PriceRange[] = [
      { start: d('0.01'), end: d('0.50'), step: d('0.01') },
      { start: d('0.50'), end: d('0.95'), step: d('0.05') },
    ];
    const cfg: TrailingStopConfig = {
      activationThreshold: d('0.1'),
      distance: { kind: 'price', value: d('0.08') },
    };
    const no = feed(initTrailingStop('0.40', cfg), 'no', ['0.50'], grid).state;
    const yes = feed(initTrailingStop('0.40', cfg), 'yes', ['0.50'], grid).state;
    // raw 0.42 in both spaces: YES stays 0.42 on the cent grid; NO 0.42 is YES 0.58 → 0.55 → NO 0.45
    expect([yes.currentStopPrice?.toString(), no.currentStopPrice?.toString()]).toEqual(['0.42', '0.45']);
    expect(isOnPriceGrid(d(1).minus(no.currentStopPrice ?? 0), grid)).toBe(true);
  });
  it('ignores a tick without a bid', () => {
    const armed = feed(initTrailingStop('0.50', percent('0.10')), 'yes', ['0.60']).state;
    const r = updateTrailingStop(armed, { side: 'yes', bid: null, now: 9 });
    expect(r).toEqual({ state: armed, change: 'none', triggered: false });
  });
  it('measures activation from the current average entry until armed, then keeps its own', () => {
    const s = initTrailingStop('0.50', percent('0.05'));
    const r1 = updateTrailingStop(s, { side: 'yes', bid: d('0.54'), entryPrice: d('0.48'), now: 1 });
    expect([r1.change, r1.state.entryPrice.toString()]).toEqual(['activated', '0.48']);
    const r2 = updateTrailingStop(s, { side: 'yes', bid: d('0.54'), entryPrice: d('0.52'), now: 1 });
    expect([r2.change, r2.state.entryPrice.toString()]).toEqual(['none', '0.52']);
    const r3 = updateTrailingStop(r1.state, { side: 'yes', bid: d('0.60'), entryPrice: d('0.70'), now: 2 });
    expect(r3.state.entryPrice.toString()).toBe('0.48');
  });
});

describe('validateTrailingStopConfig', () => {
  it.each([
    [
      { activationThreshold: d('-0.1'), distance: { kind: 'percent', value: d('0.05') } },
      'activationThreshold',
    ],
    [{ activationThreshold: d('0.1'), distance: { kind: 'percent', value: d('1') } }, 'in (0, 1)'],
    [{ activationThreshold: d('0.1'), distance: { kind: 'price', value: d('0') } }, 'positive'],
    [{ activationThreshold: d('0.1'), distance: { kind: 'ticks', value: 1.5 } }, 'whole number'],
    [
      {
        activationThreshold: d('0.1'),
        distance: { kind: 'ticks', value: 2 },
        tightening: REFERENCE_TIGHTENING,
      },
      'percent and price distances only',
    ],
    [
      {
        activationThreshold: d('0.1'),
        distance: { kind: 'percent', value: d('0.01') },
        tightening: REFERENCE_TIGHTENING,
      },
      '0 < floor ≤ the initial distance',
    ],
  ] as [TrailingStopConfig, string][])('refuses %o', (config, message) => {
    expect(() => validateTrailingStopConfig(config)).toThrow(TradingConfigError);
    expect(() => initTrailingStop('0.5', config)).toThrow(message);
  });
});

// ---- properties -------------------------------------------------------------------------------

const cents = (lo: number, hi: number) =>
  fc.integer({ min: lo, max: hi }).map((c) => new Decimal(c).div(100));
const configArb: fc.Arbitrary<TrailingStopConfig> = fc.oneof(
  fc.record({
    activationThreshold: cents(0, 30),
    distance: cents(1, 30).map((v) => ({ kind: 'percent' as const, value: v })),
    tightening: fc.constantFrom(null, { rate: d('0.01'), every: d('0.05'), floor: d('0.01') }),
  }),
  fc.record({
    activationThreshold: cents(0, 30),
    distance: cents(1, 20).map((v) => ({ kind: 'price' as const, value: v })),
  }),
  fc.record({
    activationThreshold: cents(0, 30),
    distance: fc.integer({ min: 1, max: 8 }).map((v) => ({ kind: 'ticks' as const, value: v })),
  }),
);
const gridArb = fc.constantFrom<readonly PriceRange[] | null>(null, TAPERED);
const bidsArb = fc.array(fc.option(cents(1, 99), { nil: null, freq: 8 }), { minLength: 1, maxLength: 40 });

/** Whether a bid is at or below a stop (false when either is missing). */
function touched(bid: Decimal | null, stop: Decimal | null): boolean {
  if (bid === null || stop === null) return false;
  return bid.lte(stop);
}

describe('trailing stop properties', () => {
  it('never loosens, stays armed, and sits on the grid below the peak', () => {
    fc.assert(
      fc.property(
        cents(5, 90),
        configArb,
        bidsArb,
        gridArb,
        fc.constantFrom<Side>('yes', 'no'),
        (entry, cfg, bids, grid, side) => {
          let s = initTrailingStop(entry, cfg);
          for (const [i, bid] of bids.entries()) {
            const next = updateTrailingStop(s, { side, bid, now: i, priceRanges: grid }).state;
            if (s.active) {
              expect(next.active).toBe(true);
              if (s.currentStopPrice !== null)
                expect(next.currentStopPrice?.gte(s.currentStopPrice)).toBe(true);
            }
            const stop = next.currentStopPrice;
            if (stop !== null) {
              expect(stop.lt(next.peakPrice as Decimal)).toBe(true);
              const yesImage = side === 'yes' ? stop : d(1).minus(stop);
              expect(isOnPriceGrid(yesImage, grid)).toBe(true);
            }
            s = next;
          }
        },
      ),
    );
  });

  it('triggers exactly when an armed stop is touched by the bid', () => {
    fc.assert(
      fc.property(cents(5, 90), configArb, bidsArb, gridArb, (entry, cfg, bids, grid) => {
        let s = initTrailingStop(entry, cfg);
        for (const [i, bid] of bids.entries()) {
          const r = updateTrailingStop(s, { side: 'yes', bid, now: i, priceRanges: grid });
          const before = s.active && touched(bid, s.currentStopPrice);
          const after = touched(bid, r.state.currentStopPrice);
          expect(r.triggered).toBe(before);
          expect(r.triggered).toBe(after);
          s = r.state;
        }
      }),
    );
  });

  it('a NO position behaves as the mirror of a YES one', () => {
    const asymmetric: PriceRange[] = [
      { start: d('0.01'), end: d('0.60'), step: d('0.01') },
      { start: d('0.60'), end: d('0.98'), step: d('0.02') },
    ];
    fc.assert(
      fc.property(
        cents(5, 90),
        configArb,
        bidsArb,
        fc.constantFrom<readonly PriceRange[] | null>(null, TAPERED, asymmetric),
        (entry, cfg, bids, grid) => {
          // The YES trade on grid G and the NO trade on the mirror of G see the same numbers.
          let yes = initTrailingStop(entry, cfg);
          let no = initTrailingStop(entry, cfg);
          const noGrid = grid === null ? null : mirrorRanges(grid);
          for (const [i, bid] of bids.entries()) {
            const ry = updateTrailingStop(yes, { side: 'yes', bid, now: i, priceRanges: grid });
            const rn = updateTrailingStop(no, { side: 'no', bid, now: i, priceRanges: noGrid });
            expect([rn.change, rn.triggered, rn.state.currentStopPrice?.toString()]).toEqual([
              ry.change,
              ry.triggered,
              ry.state.currentStopPrice?.toString(),
            ]);
            yes = ry.state;
            no = rn.state;
          }
        },
      ),
    );
  });
});
