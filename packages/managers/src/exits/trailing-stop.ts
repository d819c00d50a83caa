import type { PriceRange } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { TradingConfigError } from '../errors';
import { compare, compareUnits, dec, ONE, priceUnits, ZERO } from '../internal/decimal';
import { roundSidePrice, ticksBelow } from '../internal/grid';
import type { EpochMs, Side } from '../types';

/** How far below the peak the stop trails, in the side's own price space. */
export type TrailDistance =
  /** A fraction of the peak: stop = peak × (1 − value). */
  | { kind: 'percent'; value: Decimal }
  /** Dollars: stop = peak − value. */
  | { kind: 'price'; value: Decimal }
  /** Grid ticks: stop = the price `value` ticks below the peak on the market's grid. */
  | { kind: 'ticks'; value: number };

/**
 * Tightening (percent and price distances only): every `every` of profit above the activation
 * threshold (measured at the peak) takes `rate` off the distance, never below `floor`. Rate and
 * floor are in the distance's unit (a fraction for percent, dollars for price).
 */
export interface TrailTightening {
  /** Distance removed per step. Reference: 0.01. */
  rate: Decimal;
  /** Profit (fraction of entry) per step. Reference: 0.05. */
  every: Decimal;
  /** Smallest distance. Reference: 0.02. */
  floor: Decimal;
}

/** Trailing-stop settings; snapshotted into the state when the position opens. */
export interface TrailingStopConfig {
  /**
   * Profit, as a fraction of the entry price, at which the stop arms (inclusive):
   * `(bid − entry) / entry ≥ activationThreshold`. Reference: 0.10.
   */
  activationThreshold: Decimal;
  /** Trail distance. Reference: 5 % of the peak. */
  distance: TrailDistance;
  /** Optional tightening as profit grows; null/absent for a fixed distance. */
  tightening?: TrailTightening | null;
}

/**
 * A position's trailing-stop state (the reference design's `trailing_stop_state` shape), plain
 * data for persistence. Prices are in the price space of the side held.
 */
export interface TrailingStopState {
  /** True once armed; never goes back to false. */
  active: boolean;
  /** Entry price the profit is measured from (the position's average entry while not yet armed). */
  entryPrice: Decimal;
  /** When the stop armed, else null. */
  activatedAt: EpochMs | null;
  /** The bid at which it armed, else null. */
  activationPrice: Decimal | null;
  /** Highest bid seen since arming, else null. */
  peakPrice: Decimal | null;
  /** When that peak was seen, else null. */
  peakTimestamp: EpochMs | null;
  /** The stop, on the market's grid; never lowered. Null until armed. */
  currentStopPrice: Decimal | null;
  /** The distance in force (unit of `config.distance.kind`), else null. */
  currentDistance: Decimal | null;
  /** The settings in force for this position (later config changes do not alter it). */
  config: TrailingStopConfig;
}

/** Validates a trailing-stop config; throws {@link TradingConfigError} naming the option. */
export function validateTrailingStopConfig(config: TrailingStopConfig): TrailingStopConfig {
  if (config.activationThreshold.isNegative()) {
    throw new TradingConfigError(
      `activationThreshold must be zero or more, got ${config.activationThreshold.toString()}`,
      'trailingStop.activationThreshold',
    );
  }
  const { distance } = config;
  const bad =
    distance.kind === 'ticks'
      ? !Number.isInteger(distance.value) || distance.value < 1
      : distance.value.lte(ZERO) || (distance.kind === 'percent' && distance.value.gte(ONE));
  if (bad) {
    throw new TradingConfigError(
      `trailing distance (${distance.kind}) must be ${distance.kind === 'ticks' ? 'a whole number of ticks ≥ 1' : distance.kind === 'percent' ? 'in (0, 1)' : 'positive'}, got ${distance.value.toString()}`,
      'trailingStop.distance.value',
    );
  }
  const t = config.tightening;
  if (t != null) {
    if (distance.kind === 'ticks') {
      throw new TradingConfigError(
        'tightening applies to percent and price distances only',
        'trailingStop.tightening',
      );
    }
    if (t.rate.isNegative() || t.every.lte(ZERO) || t.floor.lte(ZERO) || t.floor.gt(distance.value)) {
      throw new TradingConfigError(
        'tightening needs rate ≥ 0, every > 0 and 0 < floor ≤ the initial distance',
        'trailingStop.tightening',
      );
    }
  }
  return config;
}

/**
 * Builds a state with one fixed property order, so every state object shares one V8 hidden
 * class (a spread would make a second shape and slow down the hot evaluation loop).
 */
function makeState(base: TrailingStopState, changes: Partial<TrailingStopState>): TrailingStopState {
  const next = { ...base, ...changes };
  return {
    active: next.active,
    entryPrice: next.entryPrice,
    activatedAt: next.activatedAt,
    activationPrice: next.activationPrice,
    peakPrice: next.peakPrice,
    peakTimestamp: next.peakTimestamp,
    currentStopPrice: next.currentStopPrice,
    currentDistance: next.currentDistance,
    config: next.config,
  };
}

/** A fresh, unarmed trailing stop for a position entered at `entryPrice`. */
export function initTrailingStop(entryPrice: Decimal.Value, config: TrailingStopConfig): TrailingStopState {
  validateTrailingStopConfig(config);
  return {
    active: false,
    entryPrice: dec(entryPrice),
    activatedAt: null,
    activationPrice: null,
    peakPrice: null,
    peakTimestamp: null,
    currentStopPrice: null,
    currentDistance: null,
    config,
  };
}

/** The distance in force at a given peak (with tightening applied). */
function distanceAt(config: TrailingStopConfig, entry: Decimal, peak: Decimal): Decimal {
  const { distance, tightening } = config;
  const initial = distance.kind === 'ticks' ? new Decimal(distance.value) : distance.value;
  if (tightening == null || entry.isZero()) return initial;
  const above = peak.minus(entry).div(entry).minus(config.activationThreshold);
  const steps = above.isNegative() ? ZERO : above.div(tightening.every).floor();
  return Decimal.max(initial.minus(steps.times(tightening.rate)), tightening.floor);
}

/**
 * The stop for a peak: trail by the distance, then round onto the grid toward the market (up,
 * in the side's own space). If rounding up would reach the peak itself, round down instead, so
 * a freshly set stop is always below the bid that set it.
 */
function stopFor(
  config: TrailingStopConfig,
  distance: Decimal,
  peak: Decimal,
  side: Side,
  ranges: readonly PriceRange[] | null | undefined,
): Decimal | null {
  if (config.distance.kind === 'ticks') return ticksBelow(peak, distance.toNumber(), side, ranges);
  const raw = config.distance.kind === 'percent' ? peak.times(ONE.minus(distance)) : peak.minus(distance);
  const up = roundSidePrice(raw, side, ranges, 'up');
  if (up?.lt(peak)) return up;
  return roundSidePrice(raw, side, ranges, 'down');
}

/** Input of {@link updateTrailingStop}. */
export interface TrailingStopTick {
  /** Side held; prices are in its space. */
  side: Side;
  /** The executable bid of the side held (YES bid for YES, NO bid for NO); null when nobody bids. */
  bid: Decimal | null;
  /** The position's current average entry (used while the stop is not armed). */
  entryPrice?: Decimal;
  /** Time of this tick. */
  now: EpochMs;
  /** The market's price grid (YES terms); absent = one-cent grid. */
  priceRanges?: readonly PriceRange[] | null;
}

/** Result of {@link updateTrailingStop}. */
export interface TrailingStopUpdate {
  /** The new state (the input is not changed). */
  state: TrailingStopState;
  /** `activated` when it armed on this tick, `raised` when the stop moved up, else `none`. */
  change: 'none' | 'activated' | 'raised';
  /** True when the stop is armed and the bid is at or below it (`bid ≤ stop`). */
  triggered: boolean;
}

/**
 * Feeds one bid to a trailing stop. Arms when the profit reaches the activation threshold
 * (inclusive); on a new peak recomputes the stop and keeps the higher of the old and new (the
 * stop only ever moves in the position's favour); triggers when the bid touches the stop. A
 * tick without a bid changes nothing and triggers nothing (there is nothing to sell into: the
 * liquidity rule covers that case).
 */
export function updateTrailingStop(state: TrailingStopState, tick: TrailingStopTick): TrailingStopUpdate {
  return stepTrailingStop(state, tick.side, tick.bid, -1, tick.entryPrice, tick.now, tick.priceRanges, null);
}

/**
 * What the exit evaluator keeps per position between ticks so that a quiet tick (the state does
 * not change) costs integer comparisons: the activation price `entry × (1 + activationThreshold)`
 * of an unarmed stop, and the last peak, stop and entry seen with their {@link priceUnits}.
 * Keyed on the Decimals themselves (immutable), not on the state object, so a state edited in
 * place is still read afresh.
 * @internal
 */
export interface TrailingStepCache {
  /** `entry × (1 + activationThreshold)` for a positive entry while the stop is unarmed, else null. */
  activation: Decimal | null;
  /** {@link priceUnits} of `activation`. */
  activationUnits: number;
  /** The state's entry price last seen, and whether it equals the position's average entry. */
  stateEntry: Decimal | null;
  stateEntrySame: boolean;
  /** The peak last seen, and its {@link priceUnits}. */
  peak: Decimal | null;
  peakUnits: number;
  /** The stop price last seen, and its {@link priceUnits}. */
  stop: Decimal | null;
  stopUnits: number;
  /** The result of a quiet step, reused from tick to tick (null until the first). */
  quiet: { state: TrailingStopState; change: 'none'; triggered: boolean } | null;
}

/**
 * The result of a step that leaves the state as it is. With a cache the object is the cache's
 * own, reused on every quiet tick (the evaluator reads it before the next step): a quiet tick
 * allocates nothing.
 */
function unchanged(
  state: TrailingStopState,
  triggered: boolean,
  cache: TrailingStepCache | null,
): TrailingStopUpdate {
  if (cache === null) return { state, change: 'none', triggered };
  const quiet = cache.quiet;
  if (quiet === null) {
    cache.quiet = { state, change: 'none', triggered };
    return cache.quiet;
  }
  quiet.state = state;
  quiet.triggered = triggered;
  return quiet;
}

/** Whether the entry the profit is measured from is the state's own (cached per entry Decimal). */
function sameEntry(cache: TrailingStepCache | null, state: TrailingStopState, entry: Decimal): boolean {
  if (cache === null) return entry === state.entryPrice || compare(entry, state.entryPrice) === 0;
  if (cache.stateEntry !== state.entryPrice) {
    cache.stateEntry = state.entryPrice;
    cache.stateEntrySame = entry === state.entryPrice || compare(entry, state.entryPrice) === 0;
  }
  return cache.stateEntrySame;
}

/**
 * The one definition of a trailing-stop step, behind {@link updateTrailingStop} (no cache) and
 * the exit evaluator (with its per-position {@link TrailingStepCache}, and `bidUnits`, the bid's
 * {@link priceUnits}; −1 compares as Decimals). With a cache, a quiet tick (an unarmed stop the
 * bid does not arm, or an armed stop the bid neither lifts nor touches differently) is decided
 * by integer comparisons against the cached levels, and its result object is the cache's own
 * (reused: read it before the next step); the result is the same either way.
 * @internal
 */
export function stepTrailingStop(
  state: TrailingStopState,
  side: Side,
  bid: Decimal | null,
  bidUnits: number,
  entryPrice: Decimal | undefined,
  now: EpochMs,
  priceRanges: readonly PriceRange[] | null | undefined,
  cache: TrailingStepCache | null,
): TrailingStopUpdate {
  if (bid === null) return unchanged(state, false, cache);
  const { config } = state;
  if (!state.active) {
    const entry = entryPrice ?? state.entryPrice;
    // (bid − entry) / entry ≥ threshold, compared as prices: bid ≥ entry × (1 + threshold).
    // A cached activation price implies a positive entry (the evaluator only caches one then).
    const activation = cache?.activation ?? null;
    const armed =
      activation !== null
        ? compareUnits(bid, bidUnits, activation, (cache as TrailingStepCache).activationUnits) >= 0
        : compare(entry, ZERO) > 0 && compare(bid, entry.times(ONE.plus(config.activationThreshold))) >= 0;
    if (!armed) {
      return sameEntry(cache, state, entry)
        ? unchanged(state, false, cache)
        : { state: makeState(state, { entryPrice: entry }), change: 'none', triggered: false };
    }
    const distance = distanceAt(config, entry, bid);
    const stop = stopFor(config, distance, bid, side, priceRanges);
    const next = makeState(state, {
      active: true,
      entryPrice: entry,
      activatedAt: now,
      activationPrice: bid,
      peakPrice: bid,
      peakTimestamp: now,
      currentStopPrice: stop,
      currentDistance: distance,
    });
    return { state: next, change: 'activated', triggered: stop !== null && compare(bid, stop) <= 0 };
  }
  const peak = state.peakPrice as Decimal;
  const previousStop = state.currentStopPrice;
  let peakUnits = -1;
  let stopUnits = -1;
  if (cache !== null) {
    if (cache.peak !== peak) {
      cache.peak = peak;
      cache.peakUnits = priceUnits(peak);
    }
    if (cache.stop !== previousStop) {
      cache.stop = previousStop;
      cache.stopUnits = priceUnits(previousStop);
    }
    peakUnits = cache.peakUnits;
    stopUnits = cache.stopUnits;
  }
  if (compareUnits(bid, bidUnits, peak, peakUnits) > 0) {
    const distance = distanceAt(config, state.entryPrice, bid);
    const candidate = stopFor(config, distance, bid, side, priceRanges);
    const raise = candidate !== null && (previousStop === null || compare(candidate, previousStop) > 0);
    const next = makeState(state, {
      peakPrice: bid,
      peakTimestamp: now,
      currentStopPrice: raise ? candidate : previousStop,
      currentDistance: raise ? distance : state.currentDistance,
    });
    const stop = next.currentStopPrice;
    return {
      state: next,
      change: raise ? 'raised' : 'none',
      triggered: stop !== null && compare(bid, stop) <= 0,
    };
  }
  return unchanged(
    state,
    previousStop !== null && compareUnits(bid, bidUnits, previousStop, stopUnits) <= 0,
    cache,
  );
}
