// What every priority tier's evaluator reads for one position on one tick, and how a tier
// records a rule that fired.
import type Decimal from 'decimal.js';
import type { Position } from '../../positions/position';
import type { EpochMs, MarketSnapshot, Side } from '../../types';
import { EXIT_PRIORITY, type ExitCondition } from '../conditions';
import type { PriceLevels } from '../price-levels';
import type { ExitConfig, ExitContext, ExitEvaluationInput, ExitTrigger } from '../rules';
import type { TrailingStopState } from '../trailing-stop';

/** One position on one tick, as {@link evaluateExit}'s tiers see it (built once per evaluation). */
export interface ExitTick {
  input: ExitEvaluationInput;
  position: Position;
  side: Side;
  /** Contracts held. */
  quantity: Decimal;
  /** The position's average entry price. */
  entry: Decimal;
  /** The executable bid of the side held, null when nobody bids. */
  bid: Decimal | null;
  /** {@link priceUnits} of `bid`. */
  bidUnits: number;
  snapshot: MarketSnapshot;
  now: EpochMs;
  config: ExitConfig;
  context: ExitContext;
  levels: PriceLevels;
  /** The trailing stop after this tick's step. */
  trailingStop: TrailingStopState | null;
  /** The step found the bid at or below the stop. */
  trailingTriggered: boolean;
}

/**
 * An {@link ExitTick} with placeholder values, for the evaluator to fill in on every call (it
 * reuses one object: the fields are always assigned before a tier reads them).
 */
export function scratchTick(): ExitTick {
  const none = null as unknown;
  return {
    input: none as ExitEvaluationInput,
    position: none as Position,
    side: 'yes',
    quantity: none as Decimal,
    entry: none as Decimal,
    bid: null,
    bidUnits: -1,
    snapshot: none as MarketSnapshot,
    now: 0,
    config: none as ExitConfig,
    context: none as ExitContext,
    levels: none as PriceLevels,
    trailingStop: null,
    trailingTriggered: false,
  };
}

/** A tier's evaluator: appends the rules of its priority that fire, in table order. */
export type TierEvaluator = (tick: ExitTick, triggers: ExitTrigger[] | null) => ExitTrigger[] | null;

/** The `conflictingTriggers` of a decision where at most one rule fired (shared, never mutated). */
export const NO_TRIGGERS: readonly ExitTrigger[] = Object.freeze([]);

/**
 * Appends one fired rule, creating the list on the first one (most ticks fire none), and
 * returns the list; a module-level function so a hot loop allocates no closure per position.
 */
export function fire(
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

/** The price return as text for a reason line (only built when a rule fires). */
export function pctText(bid: Decimal | null, entry: Decimal): string {
  if (bid === null || entry.isZero()) return 'n/a';
  return bid.minus(entry).div(entry).toSignificantDigits(4).toString();
}
