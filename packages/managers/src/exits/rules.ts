// The exit-rule contract: the rules' settings (ExitConfig), what the evaluator is given
// (position, trailing stop, context) and what it answers (triggers, decision).
import Decimal from 'decimal.js';
import { ONE, ZERO } from '../internal/decimal';
import type { Position } from '../positions/position';
import type { ExitCondition, ExitPriority } from './conditions';
import type { TrailingStopState } from './trailing-stop';

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
  /**
   * Oldest snapshot (by `MarketSnapshot.observedAt`) the rules act on, ms: an older one is not
   * evaluated (`notEvaluated: 'stale_snapshot'`), and entries refuse it. Default 120000
   * (trading.yaml `data_freshness.max_price_age_seconds`); null: no limit.
   */
  maxSnapshotAgeMs: number | null;
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
  maxSnapshotAgeMs: 120_000,
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
  /**
   * The position's own stop-loss price in the side's space (`positions.stop_loss_price`): when
   * set, `stop_loss` fires at a bid at or below it instead of at `entry × (1 − stopLossPct)`.
   */
  stopLossPrice?: Decimal | null;
  /**
   * The position's own target price in the side's space (`positions.target_price`): when set,
   * `profit_target` fires at a bid at or above it instead of at `entry × (1 + profitTargetPct)`.
   */
  targetPrice?: Decimal | null;
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
  /**
   * Why no rule was evaluated (the decision is `hold` and the trailing stop did not move), or
   * null when they were: `stale_snapshot` — the prices are older than `maxSnapshotAgeMs` (read
   * the market again); `market_not_trading` — the market is closed, determined or settled (nothing
   * can be sold; the position ends at settlement).
   */
  notEvaluated: ExitNotEvaluatedReason | null;
}

/** Why {@link ExitDecision.notEvaluated}. */
export type ExitNotEvaluatedReason = 'stale_snapshot' | 'market_not_trading';
