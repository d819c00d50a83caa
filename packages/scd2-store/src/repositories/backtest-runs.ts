import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

const MONEY = 'numeric(20,6)';
const SCORE = 'numeric(10,6)';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `strategyId` / `modelId`: The versions tested (`strategies.strategy_id`,
 *   `probability_models.model_id`); null when not a stored version (e.g. a probabilities file).
 * - `strategyLabel` / `modelLabel`: What was tested, for people: `name@version`, or a file name.
 * - `windowFrom` / `windowTo`: The replayed window; null for an open end.
 * - `versionsReplayed`: Market versions fed to the strategy.
 * - `fees`, `netPnl`, `maxDrawdown`: Dollars.
 * - `hitRate`, `brierModel`, `brierMarket`: Rounded half up to 6 places; null without a settled trade.
 * - `metrics`: The report's figures as exact decimal strings. `options`: the run's options.
 * - `ranAt`: Default: the database clock.
 */
export const backtestRunsDefinition = {
  table: 'backtest_runs',
  orderBy: 'ran_at',
  generated: [{ field: 'runId', column: 'run_id', type: 'bigint' }],
  columns: [
    { field: 'strategyId', column: 'strategy_id', type: 'bigint', nullable: true },
    { field: 'modelId', column: 'model_id', type: 'bigint', nullable: true },
    { field: 'strategyLabel', column: 'strategy_label', type: 'text' },
    { field: 'modelLabel', column: 'model_label', type: 'text' },
    { field: 'windowFrom', column: 'window_from', type: 'timestamptz', nullable: true },
    { field: 'windowTo', column: 'window_to', type: 'timestamptz', nullable: true },
    { field: 'versionsReplayed', column: 'versions_replayed', type: 'bigint' },
    { field: 'trades', column: 'trades', type: 'integer' },
    { field: 'fees', column: 'fees', type: MONEY },
    { field: 'netPnl', column: 'net_pnl', type: MONEY },
    { field: 'maxDrawdown', column: 'max_drawdown', type: MONEY },
    { field: 'hitRate', column: 'hit_rate', type: SCORE, nullable: true },
    { field: 'brierModel', column: 'brier_model', type: SCORE, nullable: true },
    { field: 'brierMarket', column: 'brier_market', type: SCORE, nullable: true },
    { field: 'metrics', column: 'metrics', type: 'jsonb' },
    { field: 'options', column: 'options', type: 'jsonb' },
    { field: 'ranAt', column: 'ran_at', type: 'timestamptz', sqlDefault: 'now()' },
  ],
} as const satisfies AppendOnlyTableDefinition;

/** One backtest's results, recorded against the strategy and model versions it tested. */
export type BacktestRunInput = InputOf<(typeof backtestRunsDefinition)['columns']>;

/** A stored row of {@link backtestRunsDefinition}. */
export type BacktestRun = RowOf<AppendOnlySpecs<typeof backtestRunsDefinition>>;
