import Decimal from 'decimal.js';
import { ManagersError } from '../errors';
import {
  compare,
  compareDifferenceUnits,
  compareUnits,
  floorTo,
  ONE,
  priceUnits,
  ZERO,
} from '../internal/decimal';
import { executableAsk, executableBid } from '../market';
import type { Position } from '../positions/position';
import type { EpochMs, MarketSnapshot } from '../types';
import { EXIT_PRIORITY, type ExitCondition, type ExitPriority } from './conditions';
import { stepTrailingStop, type TrailingStopState } from './trailing-stop';

/** One partial-exit stage: sell `exitFraction` of the original size once the profit reaches `profitThreshold`. */
export interface PartialExitStage {
  /** Stage name, recorded with the exit (e.g. `first_target`). */
  name: string;
  /** Price return (fraction of entry) at which the stage fires, inclusive. */
  profitThreshold: Decimal;
  /** Fraction of the position's `entryQuantity` (the original size, not the remainder) to sell. */
  exitFraction: Decimal;
}

/** Exit rules. Start from {@link DEFAULT_EXIT_CONFIG} (or {@link exitConfig}); null turns a rule off. */
export interface ExitConfig {
  /** Stop loss as a loss fraction: exits when `pnlPct ≤ −stopLossPct`. Default 0.15. */
  stopLossPct: Decimal | null;
  /** Profit target: exits the whole position when `pnlPct ≥ profitTargetPct`. Default 0.25. */
  profitTargetPct: Decimal | null;
  /** `time_based_urgent` when less than this many ms remain before close. Default 300000 (5 min). */
  urgentBeforeCloseMs: number | null;
  /** `time_based_urgent` when at most this many ms remain AND the position is down `losingPnlPct`. Default 600000 (10 min). */
  losingBeforeCloseMs: number | null;
  /** Loss fraction for the late-game rule above. Default 0.20. */
  losingPnlPct: Decimal;
  /** `time_based_urgent` once the position has been open this long (ms). Default null (off). */
  maxHoldMs: number | null;
  /** `liquidity_dried_up` when the held side's spread (ask − bid) exceeds this, dollars. Default 0.03. */
  maxSpread: Decimal | null;
  /** `liquidity_dried_up` when the market volume is below this many contracts. Default 50. */
  minVolume: Decimal | null;
  /** Partial-exit stages, each fires at most once. Default [] (off); the reference uses +0.15 → 50 %, +0.25 → 25 %. */
  partialExits: readonly PartialExitStage[];
  /** Increment partial-exit sizes are rounded down to (1 or 0.01 contracts). Default 1. */
  contractIncrement: Decimal;
  /** `early_exit` when the re-computed edge is below this (and not below `edgeDisappearedBelow`). Default 0.02. */
  earlyExitEdge: Decimal | null;
  /** `edge_disappeared` when the re-computed edge is below this. Default 0. */
  edgeDisappearedBelow: Decimal | null;
}

/** The reference design's exit rules. */
export const DEFAULT_EXIT_CONFIG: Readonly<ExitConfig> = Object.freeze({
  stopLossPct: new Decimal('0.15'),
  profitTargetPct: new Decimal('0.25'),
  urgentBeforeCloseMs: 5 * 60_000,
  losingBeforeCloseMs: 10 * 60_000,
  losingPnlPct: new Decimal('0.20'),
  maxHoldMs: null,
  maxSpread: new Decimal('0.03'),
  minVolume: new Decimal(50),
  partialExits: Object.freeze([]) as readonly PartialExitStage[],
  contractIncrement: ONE,
  earlyExitEdge: new Decimal('0.02'),
  edgeDisappearedBelow: ZERO,
});

/** {@link DEFAULT_EXIT_CONFIG} with some rules overridden. */
export function exitConfig(overrides: Partial<ExitConfig> = {}): ExitConfig {
  return { ...DEFAULT_EXIT_CONFIG, ...overrides };
}

/** Facts from outside the position that some exit rules need. */
export interface ExitContext {
  /** A close-all circuit breaker is open (`RiskState`'s `closeAllRequired`). */
  circuitBreakerOpen?: boolean;
  /** The held side's edge re-computed now (`sideEdge(...).edge`); absent/null skips the edge rules. */
  currentEdge?: Decimal | null;
  /** A better opportunity wants the capital (the `rebalance` rule fires only for a profitable position). */
  betterOpportunity?: boolean;
}

/** What {@link evaluateExit} looks at for one position. */
export interface ExitEvaluationInput {
  position: Position;
  /** The position's trailing stop, or null/absent when it has none. */
  trailingStop?: TrailingStopState | null;
  /** Names of the partial-exit stages already executed for this position. */
  partialStagesDone?: readonly string[];
}

/** One exit rule that fired. */
export interface ExitTrigger {
  condition: ExitCondition;
  priority: ExitPriority;
  /** Contracts this rule would sell. */
  quantity: Decimal;
  /** One line saying why, with the numbers. */
  reason: string;
  /** The partial-exit stage name, for `partial_exit_target`. */
  stage?: string;
}

/** The outcome of {@link evaluateExit}. */
export interface ExitDecision {
  /** `exit` when a rule fired. */
  action: 'hold' | 'exit';
  /** The rule to execute: the highest priority one, table order within a priority. */
  exit: ExitTrigger | null;
  /** Every other rule that fired (recorded as `conflicting_triggers`). */
  conflictingTriggers: readonly ExitTrigger[];
  /** The trailing stop after this tick (persist it when `trailingStopChange` is not `none`). */
  trailingStop: TrailingStopState | null;
  trailingStopChange: 'none' | 'activated' | 'raised';
  /**
   * The executable bid of the side held that every rule used, null when nobody bids. For P&L
   * figures use `markPosition` with the same snapshot.
   */
  bid: Decimal | null;
}

/**
 * Evaluates every exit rule for one position against one market tick. Pure: the position is
 * valued at the executable bid of the side held (NO bid for NO), the trailing stop is fed that
 * same bid, and time comes from `now`. Every rule that fires is collected; the highest-priority
 * one is returned as `exit`, the rest as `conflictingTriggers`. A snapshot of another market
 * is refused with a {@link ManagersError}.
 *
 * Percent rules are compared as prices (`pnlPct ≤ −0.15` ⇔ `bid ≤ entry × 0.85`), with the
 * threshold prices computed once per position version and config: a tick then costs
 * comparisons, not divisions, which keeps 10,000 positions per tick cheap.
 */
export function evaluateExit(
  input: ExitEvaluationInput,
  snapshot: MarketSnapshot,
  now: EpochMs,
  config: ExitConfig = DEFAULT_EXIT_CONFIG,
  context: ExitContext = NO_CONTEXT,
): ExitDecision {
  const { position } = input;
  if (snapshot.ticker !== position.ticker) {
    throw new ManagersError(
      `snapshot is for ${snapshot.ticker}, not for position ${position.positionKey} on ${position.ticker}`,
    );
  }
  const side = position.side;
  const bid = executableBid(snapshot, side);
  let trailingStop = input.trailingStop ?? null;
  // An open position always holds contracts: applyFill closes it when it reaches zero.
  if (position.status !== 'open') {
    return {
      action: 'hold',
      exit: null,
      conflictingTriggers: NO_TRIGGERS,
      trailingStop,
      trailingStopChange: 'none',
      bid,
    };
  }
  const quantity = position.quantity;
  const entry = position.avgEntryPrice;
  const levels = priceLevels(position, config, trailingStop);

  // The bid as an exact count of 1e-7 units (−1 when it has more places): the rules below
  // compare it with the cached levels as integers, falling back to Decimals.
  const bidUnits = priceUnits(bid);

  let trailingStopChange: ExitDecision['trailingStopChange'] = 'none';
  let trailingTriggered = false;
  if (trailingStop !== null) {
    const quiet =
      bid === null ? QUIET_NEEDS_STEP : quietTrailingStop(levels, trailingStop, bid, bidUnits, entry);
    if (quiet !== QUIET_NEEDS_STEP) {
      trailingTriggered = quiet === QUIET_TRIGGERED;
    } else {
      const update = stepTrailingStop(
        trailingStop,
        side,
        bid,
        entry,
        now,
        snapshot.priceRanges,
        levels.activation,
      );
      trailingStop = update.state;
      trailingStopChange = update.change;
      trailingTriggered = update.triggered;
    }
  }

  // Allocated on the first rule that fires: most ticks fire none.
  let triggers: ExitTrigger[] | null = null;

  // CRITICAL
  if (
    bid !== null &&
    levels.stopLoss !== null &&
    compareUnits(bid, bidUnits, levels.stopLoss, levels.stopLossUnits) <= 0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'stop_loss',
      `${side} bid ${bid} ≤ ${levels.stopLoss} (${pctText(bid, entry)} from entry ${entry}, stop ${config.stopLossPct})`,
    );
  }
  if (context.circuitBreakerOpen === true) {
    triggers = fire(triggers, quantity, 'circuit_breaker', 'a close-all circuit breaker is open');
  }

  // HIGH
  if (trailingTriggered && trailingStop !== null) {
    triggers = fire(
      triggers,
      quantity,
      'trailing_stop',
      `${side} bid ${bid} touched the trailing stop ${trailingStop.currentStopPrice}`,
    );
  }
  const closeTime = snapshot.closeTime ?? null;
  const left = closeTime === null ? null : closeTime - now;
  if (left !== null && config.urgentBeforeCloseMs !== null && left < config.urgentBeforeCloseMs) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `${Math.max(left, 0)} ms left before close, under ${config.urgentBeforeCloseMs} ms`,
    );
  } else if (
    left !== null &&
    bid !== null &&
    config.losingBeforeCloseMs !== null &&
    left <= config.losingBeforeCloseMs &&
    compareUnits(bid, bidUnits, levels.lateLoss, levels.lateLossUnits) <= 0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `${left} ms left before close and ${pctText(bid, entry)} from entry (late-game loss)`,
    );
  } else if (config.maxHoldMs !== null && now - position.openedAt >= config.maxHoldMs) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `held ${now - position.openedAt} ms, at least the maximum ${config.maxHoldMs} ms`,
    );
  }
  if (bid === null) {
    triggers = fire(triggers, quantity, 'liquidity_dried_up', `no ${side} bid to sell into`);
  } else {
    const ask = executableAsk(snapshot, side);
    const volume = snapshot.volume ?? null;
    if (
      config.maxSpread !== null &&
      ask !== null &&
      compareDifferenceUnits(ask, priceUnits(ask), bid, bidUnits, config.maxSpread, levels.maxSpreadUnits) > 0
    ) {
      triggers = fire(
        triggers,
        quantity,
        'liquidity_dried_up',
        `${side} spread ${ask.minus(bid)} wider than ${config.maxSpread}`,
      );
    } else if (config.minVolume !== null && volume !== null && compare(volume, config.minVolume) < 0) {
      triggers = fire(
        triggers,
        quantity,
        'liquidity_dried_up',
        `volume ${volume} below ${config.minVolume} contracts`,
      );
    }
  }

  // MEDIUM
  if (
    bid !== null &&
    levels.profitTarget !== null &&
    compareUnits(bid, bidUnits, levels.profitTarget, levels.profitTargetUnits) >= 0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'profit_target',
      `${side} bid ${bid} ≥ ${levels.profitTarget} (+${pctText(bid, entry)} from entry ${entry}, target ${config.profitTargetPct})`,
    );
  }
  if (bid !== null && levels.partials.length > 0) {
    const done = input.partialStagesDone ?? [];
    for (const [i, stage] of config.partialExits.entries()) {
      if (done.includes(stage.name) || compare(bid, levels.partials[i] as Decimal) < 0) continue;
      const size = Decimal.min(
        floorTo(position.entryQuantity.times(stage.exitFraction), config.contractIncrement),
        quantity,
      );
      if (compare(size, ZERO) > 0) {
        triggers = fire(
          triggers,
          size,
          'partial_exit_target',
          `stage ${stage.name}: +${pctText(bid, entry)} reached ${stage.profitThreshold}`,
          stage.name,
        );
        break;
      }
    }
  }

  // LOW
  const edge = context.currentEdge ?? null;
  if (edge !== null) {
    if (config.edgeDisappearedBelow !== null && compare(edge, config.edgeDisappearedBelow) < 0) {
      triggers = fire(
        triggers,
        quantity,
        'edge_disappeared',
        `edge ${edge} below ${config.edgeDisappearedBelow}`,
      );
    } else if (config.earlyExitEdge !== null && compare(edge, config.earlyExitEdge) < 0) {
      triggers = fire(triggers, quantity, 'early_exit', `edge ${edge} below ${config.earlyExitEdge}`);
    }
  }
  if (context.betterOpportunity === true && bid !== null && compare(bid, entry) > 0) {
    triggers = fire(
      triggers,
      quantity,
      'rebalance',
      'a better opportunity exists and the position is in profit',
    );
  }

  if (triggers === null) {
    return {
      action: 'hold',
      exit: null,
      conflictingTriggers: NO_TRIGGERS,
      trailingStop,
      trailingStopChange,
      bid,
    };
  }
  // `fire` runs in table order, which is priority order: the first trigger wins.
  const exit = triggers[0] as ExitTrigger;
  const conflictingTriggers = triggers.length === 1 ? NO_TRIGGERS : triggers.slice(1);
  return { action: 'exit', exit, conflictingTriggers, trailingStop, trailingStopChange, bid };
}

/** The price return as text for a reason line (only built when a rule fires). */
function pctText(bid: Decimal | null, entry: Decimal): string {
  if (bid === null || entry.isZero()) return 'n/a';
  return bid.minus(entry).div(entry).toSignificantDigits(4).toString();
}

/** The default {@link ExitContext}: no circuit breaker, no edge, no better opportunity (shared, never mutated). */
const NO_CONTEXT: ExitContext = Object.freeze({});

/** The `conflictingTriggers` of a decision where at most one rule fired (shared, never mutated). */
const NO_TRIGGERS: readonly ExitTrigger[] = Object.freeze([]);

/**
 * Appends one fired rule, creating the list on the first one, and returns the list; a
 * module-level function so a hot loop allocates no closure per position.
 */
function fire(
  triggers: ExitTrigger[] | null,
  quantity: Decimal,
  condition: ExitCondition,
  reason: string,
  stage?: string,
): ExitTrigger[] {
  const trigger: ExitTrigger = { condition, priority: EXIT_PRIORITY[condition], quantity, reason };
  if (stage !== undefined) trigger.stage = stage;
  if (triggers === null) return [trigger];
  triggers.push(trigger);
  return triggers;
}

/** The price at which each percent rule fires for one position version under one config. */
interface PriceLevels {
  config: ExitConfig;
  trailingConfig: TrailingStopState['config'] | null;
  /** `entry × (1 − stopLossPct)`. */
  stopLoss: Decimal | null;
  /** `entry × (1 + profitTargetPct)`. */
  profitTarget: Decimal | null;
  /** `entry × (1 − losingPnlPct)`. */
  lateLoss: Decimal;
  /** `entry × (1 + profitThreshold)` per partial stage. */
  partials: Decimal[];
  /** `entry × (1 + activationThreshold)` of the trailing stop, while it is not armed. */
  activation: Decimal | null;
  /** {@link priceUnits} of the levels above (−1 when null or not representable). */
  stopLossUnits: number;
  profitTargetUnits: number;
  lateLossUnits: number;
  activationUnits: number;
  /** {@link priceUnits} of `config.maxSpread`. */
  maxSpreadUnits: number;
  /** The trailing-stop entry price last seen, and whether it equals the position's average entry. */
  stateEntry: Decimal | null;
  stateEntrySame: boolean;
  /** The trailing-stop peak last seen, and its {@link priceUnits}. */
  peak: Decimal | null;
  peakUnits: number;
  /** The trailing stop price last seen, and its {@link priceUnits}. */
  stop: Decimal | null;
  stopUnits: number;
}

/** {@link quietTrailingStop} results. */
const QUIET_HELD = 0;
const QUIET_TRIGGERED = 1;
const QUIET_NEEDS_STEP = 2;

/**
 * The trailing-stop step for the common ticks where its state does not change: an unarmed stop
 * the bid does not arm (and whose entry price is the position's), or an armed stop the bid does
 * not lift to a new peak. Returns whether the bid touches the stop then, or
 * {@link QUIET_NEEDS_STEP} when `stepTrailingStop` must run (it gives the same result on the
 * quiet ticks: this only skips its allocations and Decimal comparisons).
 */
function quietTrailingStop(
  levels: PriceLevels,
  state: TrailingStopState,
  bid: Decimal,
  bidUnits: number,
  entry: Decimal,
): number {
  // Keyed on the Decimals themselves (immutable), not on the state object, so a state edited
  // in place is still read afresh.
  const peak = state.peakPrice;
  const stop = state.currentStopPrice;
  if (levels.stateEntry !== state.entryPrice) {
    levels.stateEntry = state.entryPrice;
    levels.stateEntrySame = entry === state.entryPrice || compare(entry, state.entryPrice) === 0;
  }
  if (levels.peak !== peak) {
    levels.peak = peak;
    levels.peakUnits = priceUnits(peak);
  }
  if (levels.stop !== stop) {
    levels.stop = stop;
    levels.stopUnits = priceUnits(stop);
  }
  if (!state.active) {
    const activation = levels.activation;
    if (activation === null || !levels.stateEntrySame) return QUIET_NEEDS_STEP;
    return compareUnits(bid, bidUnits, activation, levels.activationUnits) < 0
      ? QUIET_HELD
      : QUIET_NEEDS_STEP;
  }
  if (peak === null || compareUnits(bid, bidUnits, peak, levels.peakUnits) > 0) return QUIET_NEEDS_STEP;
  return stop !== null && compareUnits(bid, bidUnits, stop, levels.stopUnits) <= 0
    ? QUIET_TRIGGERED
    : QUIET_HELD;
}

// Positions are immutable values (a fill makes a new object), so levels cached per position
// object stay right for as long as the config and trailing-stop settings are the same.
const levelCache = new WeakMap<Position, PriceLevels>();

function priceLevels(
  position: Position,
  config: ExitConfig,
  trailing: TrailingStopState | null,
): PriceLevels {
  const trailingConfig = trailing === null || trailing.active ? null : trailing.config;
  const cached = levelCache.get(position);
  if (cached !== undefined && cached.config === config && cached.trailingConfig === trailingConfig)
    return cached;
  const entry = position.avgEntryPrice;
  const stopLoss = config.stopLossPct === null ? null : entry.times(ONE.minus(config.stopLossPct));
  const profitTarget = config.profitTargetPct === null ? null : entry.times(ONE.plus(config.profitTargetPct));
  const lateLoss = entry.times(ONE.minus(config.losingPnlPct));
  const activation =
    trailingConfig === null || !entry.gt(ZERO)
      ? null
      : entry.times(ONE.plus(trailingConfig.activationThreshold));
  const levels: PriceLevels = {
    config,
    trailingConfig,
    stopLoss,
    profitTarget,
    lateLoss,
    partials: config.partialExits.map((stage) => entry.times(ONE.plus(stage.profitThreshold))),
    activation,
    stopLossUnits: priceUnits(stopLoss),
    profitTargetUnits: priceUnits(profitTarget),
    lateLossUnits: priceUnits(lateLoss),
    activationUnits: priceUnits(activation),
    maxSpreadUnits: priceUnits(config.maxSpread),
    stateEntry: null,
    stateEntrySame: false,
    peak: null,
    peakUnits: -1,
    stop: null,
    stopUnits: -1,
  };
  levelCache.set(position, levels);
  return levels;
}
