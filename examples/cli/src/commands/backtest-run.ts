// `precog backtest`: the options turned into a backtest (strategy, model, window), run on the
// store, recorded on the versions tested. The replay, fills and report are @precog/managers'.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  BacktestInputError,
  type BacktestReport,
  DEFAULT_MIN_EDGE,
  EdgeKellyStrategy,
  type EdgeKellyStrategyConfig,
  type EdgeStrategyOptions,
  edgeStrategy,
  exitConfig,
  ModelManager,
  parseProbabilitiesCsv,
  type RunBacktestOptions,
  recordBacktestRun,
  runBacktest,
  StrategyManager,
  shrinkProbability,
} from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { userCwd } from '../cli/context';
import { UsageError } from '../cli/exit-codes';

/** The options of `precog backtest`, as commander parses them. */
export interface BacktestCliOptions {
  strategy?: string;
  model?: string;
  probabilities?: string;
  minEdge?: string;
  contracts?: string;
  exits: 'none' | 'strategy';
  from?: string;
  to?: string;
  plot?: string;
  latencyMs: string;
  sizeCap: boolean;
  bankroll: string;
  record: boolean;
}

/** A backtest's report and the run id it was recorded as (null with `--no-record`). */
export interface BacktestOutcome {
  report: BacktestReport;
  runId: number | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `2026-05-01` (midnight UTC) or an ISO 8601 timestamp with a zone. */
export function parseWindowDate(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`${flag}: '${value}' is not a date (YYYY-MM-DD or an ISO 8601 time)`);
  }
  return date;
}

function decimalOption(flag: string, value: string | undefined): Decimal | undefined {
  if (value === undefined) return undefined;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(value))
    throw new UsageError(`${flag}: '${value}' is not a decimal number`);
  return new Decimal(value);
}

function splitRef(flag: string, ref: string): [string, string] {
  const at = ref.lastIndexOf('@');
  if (at <= 0 || at === ref.length - 1) throw new UsageError(`${flag}: "${ref}" is not name@version`);
  return [ref.slice(0, at), ref.slice(at + 1)];
}

function readProbabilities(file: string): Map<string, Decimal> {
  let text: string;
  try {
    text = readFileSync(resolve(userCwd(), file), 'utf8');
  } catch (error) {
    throw new UsageError(`--probabilities: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return parseProbabilitiesCsv(text);
  } catch (error) {
    throw new UsageError(`--probabilities ${file}: ${(error as Error).message}`);
  }
}

/** Runs `precog backtest` on an open store. */
export async function runBacktestCommand(
  store: Store,
  options: BacktestCliOptions,
): Promise<BacktestOutcome> {
  const from = parseWindowDate('--from', options.from);
  const to = parseWindowDate('--to', options.to);
  const minEdgeFlag = decimalOption('--min-edge', options.minEdge);
  const contracts = decimalOption('--contracts', options.contracts);
  if (contracts?.lte(0)) throw new UsageError('--contracts must be positive');
  const bankroll = decimalOption('--bankroll', options.bankroll) ?? new Decimal(0);
  if (!/^\d+$/.test(options.latencyMs))
    throw new UsageError(`--latency-ms: '${options.latencyMs}' is not a whole number`);
  if (options.probabilities === undefined) {
    throw new UsageError(
      options.model === undefined
        ? 'give the model as --probabilities FILE.csv (ticker,probability), optionally with --model name@version to record against'
        : "--model: a stored model's forecasts are not computed by the backtester; give them as --probabilities FILE.csv with --model",
    );
  }
  const table = readProbabilities(options.probabilities);

  let strategyId: number | null = null;
  let strategyRef: [string, string] | null = null;
  let config: EdgeKellyStrategyConfig | null = null;
  let modelId: number | null = null;
  let modelLabel = options.probabilities;
  if (options.strategy !== undefined) {
    strategyRef = splitRef('--strategy', options.strategy);
    const version = await new StrategyManager(store.strategies).find(...strategyRef);
    strategyId = version.id;
    config = version.parsed as EdgeKellyStrategyConfig;
  }
  if (options.model !== undefined) {
    const version = await new ModelManager(store.models).find(...splitRef('--model', options.model));
    modelId = version.id;
    modelLabel = `${version.name}@${version.version} (${options.probabilities})`;
  }
  if (contracts === undefined && bankroll.isZero())
    throw new UsageError('Kelly sizing needs --bankroll <dollars>; or give --contracts N');

  try {
    let strategy: RunBacktestOptions['strategy'];
    let minEdge: Decimal.Value | undefined;
    const probability = (ticker: string) => table.get(ticker) ?? null;
    if (config !== null && strategyRef !== null && contracts === undefined) {
      // The engine's own strategy object, as `precog run` builds it from the stored version.
      const own =
        minEdgeFlag === undefined
          ? config
          : { ...config, minEdge: { ...config.minEdge, strategy: minEdgeFlag } };
      minEdge = own.minEdge.strategy ?? own.minEdge.global;
      strategy = new EdgeKellyStrategy({ name: strategyRef[0], version: strategyRef[1], config: own });
    } else {
      // A fixed size N: the documented edge rule (docs/backtest.md), with the strategy's settings.
      const edge: Omit<EdgeStrategyOptions, 'probability'> = {
        label: strategyRef === null ? 'edge' : strategyRef.join('@'),
        exits: options.exits === 'none' ? null : (config?.exits ?? exitConfig()),
        trailingStop: config?.trailingStop ?? null,
        minEdge:
          minEdgeFlag ??
          (config === null
            ? DEFAULT_MIN_EDGE
            : (config.minEdge.strategy ?? config.minEdge.global ?? DEFAULT_MIN_EDGE)),
        ...(contracts === undefined ? {} : { contracts }),
        ...(config === null ? {} : { sizing: config.sizing }),
      };
      minEdge = edge.minEdge;
      const shrink = config?.shrink ?? new Decimal(0);
      strategy = edgeStrategy({
        ...edge,
        probability: (ticker) => {
          const p = table.get(ticker);
          return p === undefined ? null : shrinkProbability(p, shrink);
        },
      });
    }
    const report = await runBacktest(store, {
      strategy,
      probability,
      model: modelLabel,
      from,
      to,
      exits: options.exits,
      latencyMs: Number(options.latencyMs),
      capToDisplayedSize: options.sizeCap,
      bankroll,
    });
    const runId = options.record
      ? await recordBacktestRun(store, report, {
          strategyId,
          modelId,
          options: {
            probabilities: options.probabilities,
            minEdge: minEdge === undefined ? null : new Decimal(minEdge).toFixed(),
            contracts: contracts?.toFixed() ?? null,
            exits: options.exits,
            latencyMs: Number(options.latencyMs),
            sizeCap: options.sizeCap,
            bankroll: bankroll.toFixed(),
          },
        })
      : null;
    return { report, runId };
  } catch (error) {
    if (BacktestInputError.isInstance(error) && error instanceof BacktestInputError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}
