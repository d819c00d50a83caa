import type { PriceRange } from '@precog/kalshi-client';
import { describe, expect, it } from 'vitest';
import { d, TAPERED } from '../__fixtures__/builders';
import { TradingConfigError } from '../errors';
import { type ExitPlan, planExitOrders } from './execution-plan';

const ladder = (plan: ExitPlan) =>
  plan.steps.map((s) => `${s.attempt}:${s.kind}@${s.limitPrice}/${s.waitBeforeNextMs}`);

describe('planExitOrders', () => {
  it('CRITICAL: IOC at the bid, then sweeps down to the protected floor (25 % under the bid)', () => {
    const plan = planExitOrders({ priority: 'CRITICAL', side: 'yes', quantity: d(10), bid: d('0.55') });
    expect(ladder(plan)).toEqual([
      '1:limit@0.55/5000',
      '2:market@0.42/5000',
      '3:market@0.42/5000',
      '4:market@0.42/null',
    ]);
    // 0.55 × 0.75 = 0.4125, rounded up onto the grid.
    expect(plan.floorPrice.toString()).toBe('0.42');
    expect(
      plan.steps.every((s) => s.timeInForce === 'immediate_or_cancel' && s.reduceOnly && s.action === 'sell'),
    ).toBe(true);
  });
  it('HIGH: bid, two one-tick walks, then a sweep', () => {
    const plan = planExitOrders({ priority: 'HIGH', side: 'no', quantity: d(3), bid: d('0.55') });
    expect(ladder(plan)).toEqual([
      '1:limit@0.55/10000',
      '2:limit@0.54/10000',
      '3:limit@0.53/10000',
      '4:market@0.42/null',
    ]);
    expect(plan.steps.map((s) => [s.side, s.count.toString()])[0]).toEqual(['no', '3']);
  });
  it('sweep floor: HIGH/CRITICAL sweeps never sell at $0.01 unless asked to', () => {
    const bid = d('0.40');
    const floor = (extra: object) =>
      planExitOrders({
        priority: 'CRITICAL',
        side: 'yes',
        quantity: d(1),
        bid,
        ...extra,
      }).floorPrice.toString();
    expect(floor({})).toBe('0.3');
    expect(floor({ sweepFloorPct: d('0.10') })).toBe('0.36');
    expect(floor({ floorPrice: d('0.38') })).toBe('0.38');
    expect(floor({ sweepFloorPct: null })).toBe('0.01');
    // On the tapered grid the floor rounds up onto 0.001 ticks under 0.10.
    expect(
      planExitOrders({
        priority: 'HIGH',
        side: 'yes',
        quantity: d(1),
        bid: d('0.091'),
        priceRanges: TAPERED,
      }).floorPrice.toString(),
    ).toBe('0.069');
  });
  it('MEDIUM: walks five ticks to its floor and then alerts', () => {
    const plan = planExitOrders({ priority: 'MEDIUM', side: 'yes', quantity: d(5), bid: d('0.55') });
    expect(ladder(plan)).toEqual([
      '1:limit@0.55/30000',
      '2:limit@0.54/30000',
      '3:limit@0.53/30000',
      '4:limit@0.52/30000',
      '5:limit@0.51/30000',
      '6:limit@0.5/null',
    ]);
    expect([plan.floorPrice.toString(), plan.onExhausted]).toEqual(['0.5', 'alert']);
  });
  it('LOW: stops walking at the bottom of the grid', () => {
    const plan = planExitOrders({ priority: 'LOW', side: 'yes', quantity: d(5), bid: d('0.03') });
    expect(ladder(plan)).toEqual(['1:limit@0.03/60000', '2:limit@0.02/60000', '3:limit@0.01/null']);
  });
  it('never goes below a caller floor, which is rounded up onto the grid', () => {
    const plan = planExitOrders({
      priority: 'HIGH',
      side: 'yes',
      quantity: d(5),
      bid: d('0.55'),
      floorPrice: d('0.535'),
    });
    expect(ladder(plan)).toEqual(['1:limit@0.55/10000', '2:limit@0.54/10000', '3:market@0.54/null']);
  });
  it('walks on the NO mirror of the grid and honours overrides', () => {
    // YES prices 0.50–0.95 step 0.05 → NO prices 0.05–0.50 step 0.05.
    const grid: PriceRange[] = [
      { start: d('0.01'), end: d('0.50'), step: d('0.01') },
      { start: d('0.50'), end: d('0.95'), step: d('0.05') },
    ];
    const plan = planExitOrders({
      priority: 'LOW',
      side: 'no',
      quantity: d(1),
      bid: d('0.42'),
      priceRanges: grid,
      execution: { maxWalks: 2, waitMs: 1 },
    });
    // 0.42 is off the NO grid: it starts at 0.40 (rounded down: never above the bid).
    expect(ladder(plan)).toEqual(['1:limit@0.4/1', '2:limit@0.35/1', '3:limit@0.3/null']);
  });
  it('uses deci-cent ticks where the grid has them', () => {
    const plan = planExitOrders({
      priority: 'MEDIUM',
      side: 'yes',
      quantity: d(1),
      bid: d('0.093'),
      priceRanges: TAPERED,
    });
    expect(plan.steps.map((s) => s.limitPrice.toString())).toEqual([
      '0.093',
      '0.092',
      '0.091',
      '0.09',
      '0.089',
      '0.088',
    ]);
  });
  it('refuses an empty exit or a nonsense schedule', () => {
    expect(() => planExitOrders({ priority: 'LOW', side: 'yes', quantity: d(0), bid: d('0.5') })).toThrow(
      'exit quantity must be positive, got 0',
    );
    expect(() =>
      planExitOrders({
        priority: 'LOW',
        side: 'yes',
        quantity: d(1),
        bid: d('0.5'),
        execution: { ticksPerWalk: 0 },
      }),
    ).toThrow(TradingConfigError);
  });
});
