// Results recorded on the strategy and model versions tested (`backtest_runs`), so moving a
// version from testing to active is decided from evidence.
import type { BacktestRunInput, Json, Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { backtestReportToJson } from './json';
import type { BacktestReport } from './report';

/** Which stored versions a run tested, and the options it ran with. */
export interface RecordBacktestParams {
  /** `strategies.strategy_id` of the version tested; null when not a stored version. */
  strategyId: number | null;
  /** `probability_models.model_id`; null for a model given as a probabilities file. */
  modelId: number | null;
  /** The run's options, as JSON (stored as given). */
  options: { [key: string]: Json };
}

const score = (d: Decimal | null) => (d === null ? null : d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP));

/** The `backtest_runs` row of a report (hit rate and Brier scores rounded half up to 6 places). */
export function backtestRunRow(report: BacktestReport, params: RecordBacktestParams): BacktestRunInput {
  const json = backtestReportToJson(report);
  return {
    strategyId: params.strategyId,
    modelId: params.modelId,
    strategyLabel: report.strategy,
    modelLabel: report.model,
    windowFrom: report.from,
    windowTo: report.to,
    versionsReplayed: report.versions,
    trades: report.trades.length,
    fees: report.fees,
    netPnl: report.pnl,
    maxDrawdown: report.maxDrawdown,
    hitRate: score(report.hitRate),
    brierModel: score(report.brier.model),
    brierMarket: score(report.brier.market),
    metrics: {
      pnl: json.pnl,
      fees: json.fees,
      realizedPnl: json.realizedPnl,
      unrealizedPnl: json.unrealizedPnl,
      maxDrawdown: json.maxDrawdown,
      maxExposure: json.maxExposure,
      wins: json.wins,
      losses: json.losses,
      hitRate: json.hitRate,
      brierModel: json.brier.model,
      brierMarket: json.brier.market,
      brierCount: json.brier.count,
      entries: json.trades.length,
      exits: json.exits.length,
      settled: json.settlements.length,
      open: json.open.length,
      unfilled: json.unfilled,
    },
    options: params.options,
  };
}

/** Appends the run to `backtest_runs`; returns its `runId`. */
export async function recordBacktestRun(
  store: Pick<Store, 'backtestRuns' | 'query'>,
  report: BacktestReport,
  params: RecordBacktestParams,
): Promise<number> {
  await store.backtestRuns.insert([backtestRunRow(report, params)]);
  const last = await store.query<{ run_id: number }>('SELECT max(run_id) AS run_id FROM backtest_runs');
  return last.rows[0]?.run_id ?? 0;
}
