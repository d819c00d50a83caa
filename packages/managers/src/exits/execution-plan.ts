import type { PriceRange } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { TradingConfigError } from '../errors';
import { lowestGridPrice, roundSidePrice, ticksBelow } from '../internal/grid';
import type { Side } from '../types';
import type { ExitPriority } from './conditions';

/** How an exit of one priority is worked. */
export interface ExitExecutionParams {
  /** Milliseconds to wait (and re-read the book) between two attempts. */
  waitMs: number;
  /** Limit attempts below the first one, each `ticksPerWalk` ticks lower. */
  maxWalks: number;
  /** Ticks the limit moves down per walk. */
  ticksPerWalk: number;
  /** After the walks, sweep the book down to the floor ("market") instead of giving up. */
  thenMarket: boolean;
  /** How many sweeps to send when `thenMarket` (CRITICAL repeats until filled). */
  marketAttempts: number;
}

/**
 * Per-priority execution (position_management.yaml `exit_execution`): CRITICAL tries the bid
 * once then sweeps (5 s apart, 3 sweeps); HIGH walks twice then sweeps (10 s); MEDIUM walks up to
 * 5 ticks then gives up and alerts (30 s); LOW walks up to 10 ticks patiently (60 s).
 */
export const EXIT_EXECUTION: Readonly<Record<ExitPriority, Readonly<ExitExecutionParams>>> = Object.freeze({
  CRITICAL: Object.freeze({
    waitMs: 5_000,
    maxWalks: 0,
    ticksPerWalk: 1,
    thenMarket: true,
    marketAttempts: 3,
  }),
  HIGH: Object.freeze({ waitMs: 10_000, maxWalks: 2, ticksPerWalk: 1, thenMarket: true, marketAttempts: 1 }),
  MEDIUM: Object.freeze({
    waitMs: 30_000,
    maxWalks: 5,
    ticksPerWalk: 1,
    thenMarket: false,
    marketAttempts: 0,
  }),
  LOW: Object.freeze({ waitMs: 60_000, maxWalks: 10, ticksPerWalk: 1, thenMarket: false, marketAttempts: 0 }),
});

/** Default {@link PlanExitParams.sweepFloorPct}: a sweep sells at most 25 % under the bid that fired. */
export const DEFAULT_SWEEP_FLOOR_PCT = new Decimal('0.25');

/** Parameters of {@link planExitOrders}. */
export interface PlanExitParams {
  priority: ExitPriority;
  /** Side held; every price is in its space (a NO exit is priced in NO dollars). */
  side: Side;
  /** Contracts to sell. */
  quantity: Decimal;
  /** The executable bid of the side held when the exit fired. */
  bid: Decimal;
  /** The market's price grid (YES terms); absent = one-cent grid. */
  priceRanges?: readonly PriceRange[] | null;
  /**
   * Lowest price any attempt may sell at (rounded up onto the grid). Default: for priorities
   * that end in a sweep, `bid × (1 − sweepFloorPct)`; else the bid walked down
   * `maxWalks × ticksPerWalk`.
   */
  floorPrice?: Decimal | null;
  /**
   * How far under the bid that fired a HIGH/CRITICAL sweep may sell, as a fraction of that bid.
   * Default {@link DEFAULT_SWEEP_FLOOR_PCT} (0.25: a stop that fires at 0.40 never sells under
   * 0.30). null: no protection, sweep down to the lowest grid price ($0.01).
   */
  sweepFloorPct?: Decimal | null;
  /** Overrides of {@link EXIT_EXECUTION} for this priority. */
  execution?: Partial<ExitExecutionParams>;
}

/**
 * One order the executor sends. Always an immediate-or-cancel, reduce-only sell of the side held,
 * priced in that side's space. On Kalshi's V2 order endpoints, which speak the YES leg, selling YES
 * at p is an `ask` at p and selling NO at p is a `bid` at 1 − p.
 */
export interface ExitOrderStep {
  /** 1, 2, ... (`exit_attempts.attempt_number`). */
  attempt: number;
  /** `limit` for the bid and the walks, `market` for a sweep (an IOC limit at the floor). */
  kind: 'limit' | 'market';
  action: 'sell';
  side: Side;
  /** Contracts: the plan's quantity; the executor sends what is still unfilled. */
  count: Decimal;
  /** Limit price in the side's space (for a sweep: the floor). */
  limitPrice: Decimal;
  timeInForce: 'immediate_or_cancel';
  reduceOnly: true;
  /** Wait before the next attempt, ms; null on the last attempt. */
  waitBeforeNextMs: number | null;
}

/** The ordered attempts of one exit. */
export interface ExitPlan {
  priority: ExitPriority;
  side: Side;
  quantity: Decimal;
  /** Bid the plan was built from. */
  referenceBid: Decimal;
  /** No attempt sells below this. */
  floorPrice: Decimal;
  steps: ExitOrderStep[];
  /** What to do when every step ran and contracts remain: keep the position open and raise an alert. */
  onExhausted: 'alert';
}

/**
 * The exit ladder the executor follows: an IOC reduce-only sell at the bid, then one walk per
 * attempt `ticksPerWalk` ticks lower on the market's grid, never below the floor, then (CRITICAL
 * and HIGH) sweeps at the floor. Stop at the first attempt that fills the rest; re-plan from a
 * fresh bid if the book moved. An IOC sell only trades against resting bids, so a price above
 * the bid can never fill: every ladder starts at the bid.
 */
export function planExitOrders(params: PlanExitParams): ExitPlan {
  const exec: ExitExecutionParams = { ...EXIT_EXECUTION[params.priority], ...params.execution };
  if (!params.quantity.gt(0)) {
    throw new TradingConfigError(
      `exit quantity must be positive, got ${params.quantity.toString()}`,
      'quantity',
    );
  }
  if (exec.maxWalks < 0 || exec.ticksPerWalk < 1 || exec.marketAttempts < 0 || exec.waitMs < 0) {
    throw new TradingConfigError(
      'exit execution needs maxWalks ≥ 0, ticksPerWalk ≥ 1, marketAttempts ≥ 0, waitMs ≥ 0',
      'execution',
    );
  }
  const { side, priceRanges } = params;
  const start = roundSidePrice(params.bid, side, priceRanges, 'down') ?? lowestGridPrice(side, priceRanges);
  if (start === null) throw new TradingConfigError('the market grid has no price to sell at', 'priceRanges');
  let floor: Decimal;
  if (params.floorPrice != null) {
    floor = roundSidePrice(params.floorPrice, side, priceRanges, 'up') ?? start;
  } else if (exec.thenMarket) {
    const pct = params.sweepFloorPct === undefined ? DEFAULT_SWEEP_FLOOR_PCT : params.sweepFloorPct;
    const lowest = lowestGridPrice(side, priceRanges) ?? start;
    const protectedFloor =
      pct === null
        ? null
        : roundSidePrice(params.bid.times(new Decimal(1).minus(pct)), side, priceRanges, 'up');
    floor = protectedFloor === null || protectedFloor.lt(lowest) ? lowest : protectedFloor;
  } else {
    floor = ticksBelow(start, exec.maxWalks * exec.ticksPerWalk, side, priceRanges) ?? start;
  }
  if (floor.gt(start)) floor = start;

  const prices: { kind: 'limit' | 'market'; price: Decimal }[] = [{ kind: 'limit', price: start }];
  let current = start;
  for (let walk = 1; walk <= exec.maxWalks; walk += 1) {
    const next = ticksBelow(current, exec.ticksPerWalk, side, priceRanges) ?? floor;
    const clamped = next.lt(floor) ? floor : next;
    if (clamped.gte(current)) break;
    current = clamped;
    prices.push({ kind: 'limit', price: current });
  }
  if (exec.thenMarket) {
    for (let i = 0; i < exec.marketAttempts; i += 1) prices.push({ kind: 'market', price: floor });
  }
  const steps = prices.map(
    (p, index): ExitOrderStep => ({
      attempt: index + 1,
      kind: p.kind,
      action: 'sell',
      side,
      count: params.quantity,
      limitPrice: p.price,
      timeInForce: 'immediate_or_cancel',
      reduceOnly: true,
      waitBeforeNextMs: index === prices.length - 1 ? null : exec.waitMs,
    }),
  );
  return {
    priority: params.priority,
    side,
    quantity: params.quantity,
    referenceBid: params.bid,
    floorPrice: floor,
    steps,
    onExhausted: 'alert',
  };
}
