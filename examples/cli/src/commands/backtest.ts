// `precog backtest`: a strategy replayed over the store's market history (see docs/backtest.md).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BacktestReport, backtestReportToJson, equityCurveSvg } from '@precog/managers';
import { type Command, Option } from 'commander';
import { loadCliContext, userCwd } from '../cli/context';
import { UsageError } from '../cli/exit-codes';
import { globalOptionsOf } from '../cli/global-options';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openCliStore } from '../cli/store';
import { type BacktestCliOptions, runBacktestCommand } from './backtest-run';

const d = (value: { toFixed(): string } | null) => (value === null ? '-' : value.toFixed());

/** The text report. */
export function renderBacktest(
  report: BacktestReport,
  runId: number | null,
  plot: string | undefined,
): string {
  const window = `${report.from?.toISOString() ?? 'start'} → ${report.to?.toISOString() ?? 'end'}`;
  const lines = [
    `backtest ${report.strategy} with ${report.model}, ${window}: ${report.versions} market versions replayed`,
    `trades        ${report.trades.length} (${report.settlements.length} settled, ${report.open.length} open)`,
    `fees          ${report.fees.toFixed()}`,
    `net P&L       ${report.pnl.toFixed()} (realized ${report.realizedPnl.toFixed()}, open at marks ${report.unrealizedPnl.toFixed()})`,
    `max drawdown  ${report.maxDrawdown.toFixed()}`,
    `max exposure  ${report.maxExposure.toFixed()}`,
    `hit rate      ${report.hitRate === null ? '-' : report.hitRate.toSignificantDigits(4).toFixed()} (${report.wins} won, ${report.losses} lost)`,
    `Brier         model ${d(report.brier.model)}, market ${d(report.brier.market)} (${report.brier.count} entries scored)`,
  ];
  const unfilled = Object.entries(report.unfilled);
  if (unfilled.length > 0) lines.push(`unfilled      ${unfilled.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (report.trades.length > 0) {
    lines.push(
      '',
      formatTable(
        ['TIME', 'TICKER', 'ACTION', 'SIDE', 'COUNT', 'PRICE', 'FEES'],
        report.trades.map((t) => [
          new Date(t.time).toISOString(),
          t.ticker,
          t.action,
          t.side,
          t.count.toFixed(),
          t.price.toFixed(),
          t.fees.toFixed(),
        ]),
      ),
    );
  }
  if (runId !== null) lines.push('', `recorded as backtest run ${runId}`);
  if (plot !== undefined) lines.push(`equity curve written to ${plot}`);
  return lines.join('\n');
}

/** Registers `precog backtest`. */
export function register(program: Command): void {
  program
    .command('backtest')
    .description("replay a strategy over the store's market history, with Kalshi's fees and settlement")
    .option(
      '--strategy <name@version>',
      "a stored strategy version (edge_kelly), run as the engine runs it (Kelly-sized); with --contracts N, the fixed-size edge rule with the version's min edge and exit rules",
    )
    .option(
      '--model <name@version>',
      'the stored model version the probabilities file comes from (recorded with the run)',
    )
    .option(
      '--probabilities <file.csv>',
      'the model as a CSV of ticker,probability (the probability that YES wins)',
    )
    .option(
      '--min-edge <decimal>',
      "smallest edge to enter, fee included (default: the strategy's, else 0.05)",
    )
    .option('--contracts <n>', 'fixed entry size in contracts instead of Kelly sizing')
    .addOption(
      new Option(
        '--exits <mode>',
        "'none': hold every entry to settlement; 'strategy': the strategy's exit rules",
      )
        .choices(['none', 'strategy'])
        .default('strategy'),
    )
    .option('--from <date>', 'start of the window (YYYY-MM-DD, UTC, or an ISO time)')
    .option('--to <date>', 'end of the window, exclusive')
    .option('--plot <file.svg>', 'write the equity curve as SVG')
    .option('--latency-ms <ms>', 'delay between a decision and its fill', '0')
    .option('--no-size-cap', 'do not cap fills by the displayed size')
    .option('--bankroll <dollars>', 'starting cash (Kelly sizing bets against it)', '0')
    .option('--no-record', 'do not record the results on the strategy/model versions (backtest_runs)')
    .action(
      runAction(async (options: BacktestCliOptions, command: Command) => {
        const context = loadCliContext(command);
        const cli = await openCliStore(context, { migrate: true });
        try {
          const { report, runId } = await runBacktestCommand(cli.store, options);
          if (options.plot !== undefined) {
            try {
              writeFileSync(resolve(userCwd(), options.plot), equityCurveSvg(report));
            } catch (error) {
              throw new UsageError(
                `--plot: cannot write ${options.plot} (${(error as NodeJS.ErrnoException).code})`,
              );
            }
          }
          printResult(globalOptionsOf(command), backtestReportToJson(report), () =>
            renderBacktest(report, runId, options.plot),
          );
        } finally {
          await cli.close();
        }
      }),
    );
}
