// The typed adapter from `position_management.yaml` (as `loadConfig` validates it) to the exit
// rules this package evaluates and executes. The YAML defaults shipped with @precog/config are the
// one place the values are set; DEFAULT_EXIT_CONFIG and EXIT_EXECUTION equal what this adapter
// makes of them (a test proves it).
import type { PositionManagementConfig } from '@precog/config';
import Decimal from 'decimal.js';
import { TradingConfigError } from '../errors';
import { EXIT_CONDITIONS, EXIT_PRIORITY, type ExitPriority } from './conditions';
import type { ExitExecutionParams } from './execution-plan';
import { DEFAULT_EXIT_CONFIG, type ExitConfig } from './rules';
import { type TrailingStopConfig, validateTrailingStopConfig } from './trailing-stop';

/** Options of {@link exitRulesFromConfig}. */
export interface ExitRulesFromConfigOptions {
  /**
   * Which `exit_rules.profit_target` level becomes `profitTargetPct` (the model's confidence in
   * the position). Default `high`.
   */
  confidence?: 'high' | 'medium' | 'low';
  /** Size increment of the market (1 or 0.01 contracts): not a YAML setting. Default 1. */
  contractIncrement?: Decimal;
  /** `ExitConfig.maxHoldMs`: not a YAML setting. Default null (off). */
  maxHoldMs?: number | null;
  /**
   * `ExitConfig.maxSnapshotAgeMs`: lives in trading.yaml, pass
   * `config.trading.data_freshness.max_price_age_seconds * 1000`. Default 120000 (the shipped value).
   */
  maxSnapshotAgeMs?: number | null;
}

/** The exit rules of one `position_management` section, as this package's rule objects. */
export interface ExitRules {
  /** For `evaluateExit`. */
  exits: ExitConfig;
  /** For `initTrailingStop` on a new position; null when `trailing_stop.enabled` is false. */
  trailingStop: TrailingStopConfig | null;
  /** For `planExitOrders` (`execution`), per priority. */
  execution: Readonly<Record<ExitPriority, Readonly<ExitExecutionParams>>>;
}

const PRIORITIES: readonly ExitPriority[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const MINUTE_MS = 60_000;

/** `exit_execution.<priority>.retry_strategy` → whether the walks end in a sweep. */
const SWEEPS: Readonly<Record<string, boolean>> = {
  immediate_market: true,
  walk_then_market: true,
  walk_price: false,
  walk_slowly: false,
};

/**
 * Turns the validated `position_management` section of `loadConfig` into exit rules:
 * `exit_rules` and `liquidity` → {@link ExitConfig}, `exit_rules.trailing_stop` → a percent
 * trailing stop with tightening, `exit_execution` → per-priority {@link ExitExecutionParams}.
 * `exit_priorities` must group the conditions as the evaluator does (the tiers are the
 * reference design's, not a setting). Throws {@link TradingConfigError} naming the option when a
 * value cannot be used.
 *
 * ```ts
 * const config = loadConfig();
 * const rules = exitRulesFromConfig(config.position_management);
 * evaluateExit(input, snapshot, now, rules.exits);
 * ```
 */
export function exitRulesFromConfig(
  section: PositionManagementConfig,
  options: ExitRulesFromConfigOptions = {},
): ExitRules {
  checkPriorities(section.exit_priorities);
  const rules = section.exit_rules;
  const profit = rules.profit_target;
  const late = rules.late_game_loss;
  const exits: ExitConfig = {
    stopLossPct: rules.stop_loss.threshold,
    profitTargetPct: profit.enabled ? profit[`${options.confidence ?? 'high'}_confidence`] : null,
    urgentBeforeCloseMs: rules.time_based_urgent.threshold_minutes * MINUTE_MS,
    losingBeforeCloseMs: late.enabled ? late.minutes_remaining * MINUTE_MS : null,
    losingPnlPct: late.loss_threshold_pct,
    maxHoldMs: options.maxHoldMs === undefined ? DEFAULT_EXIT_CONFIG.maxHoldMs : options.maxHoldMs,
    maxSpread: section.liquidity.max_spread,
    minVolume: new Decimal(section.liquidity.min_volume),
    partialExits: rules.partial_exits.enabled
      ? rules.partial_exits.stages.map((stage) => ({
          name: stage.name,
          profitThreshold: stage.profit_threshold,
          exitFraction: new Decimal(stage.exit_percentage).div(100),
        }))
      : [],
    contractIncrement: options.contractIncrement ?? DEFAULT_EXIT_CONFIG.contractIncrement,
    earlyExitEdge: rules.early_exit.enabled ? rules.early_exit.edge_threshold : null,
    edgeDisappearedBelow: rules.negative_edge.enabled ? rules.negative_edge.threshold : null,
    maxSnapshotAgeMs:
      options.maxSnapshotAgeMs === undefined
        ? DEFAULT_EXIT_CONFIG.maxSnapshotAgeMs
        : options.maxSnapshotAgeMs,
  };
  const trailing = rules.trailing_stop;
  const trailingStop = trailing.enabled
    ? validateTrailingStopConfig({
        activationThreshold: trailing.activation_threshold,
        distance: { kind: 'percent', value: trailing.initial_distance },
        tightening: {
          rate: trailing.tightening_rate,
          every: trailing.tightening_every,
          floor: trailing.floor_distance,
        },
      })
    : null;
  const execution = Object.fromEntries(
    PRIORITIES.map((priority) => [priority, executionOf(section.exit_execution[priority], priority)]),
  ) as Record<ExitPriority, ExitExecutionParams>;
  return { exits, trailingStop, execution };
}

type ExitPlanSection = PositionManagementConfig['exit_execution']['CRITICAL'];

function executionOf(plan: ExitPlanSection, priority: ExitPriority): ExitExecutionParams {
  const thenMarket = SWEEPS[plan.retry_strategy];
  if (thenMarket === undefined) {
    throw new TradingConfigError(
      `retry_strategy must be one of ${Object.keys(SWEEPS).join(', ')}, got ${plan.retry_strategy}`,
      `position_management.exit_execution.${priority}.retry_strategy`,
    );
  }
  return {
    waitMs: plan.timeout_seconds * 1000,
    maxWalks: plan.max_walks ?? 0,
    ticksPerWalk: plan.ticks_per_walk ?? 1,
    thenMarket,
    marketAttempts: thenMarket ? (plan.market_attempts ?? 1) : 0,
  };
}

/** Refuses an `exit_priorities` grouping other than the evaluator's tiers. */
function checkPriorities(groups: PositionManagementConfig['exit_priorities']): void {
  for (const priority of PRIORITIES) {
    const expected = EXIT_CONDITIONS.filter((c) => EXIT_PRIORITY[c] === priority);
    const got = groups[priority];
    if (got.length !== expected.length || got.some((c, i) => c !== expected[i])) {
      throw new TradingConfigError(
        `exit_priorities.${priority} must be [${expected.join(', ')}] (the evaluator's tiers), got [${got.join(', ')}]`,
        `position_management.exit_priorities.${priority}`,
      );
    }
  }
}
