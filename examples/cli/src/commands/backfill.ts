// `precog backfill markets --series <ticker> --from <date>`: a series' markets and hourly
// candlesticks into the store as SCD2 versions, for `precog backtest` (see docs/backtest.md).
import { type BackfillResult, backfillMarkets } from '@precog/managers';
import { type Command, Option } from 'commander';
import { globalOptionsOf } from '../cli/global-options';
import { printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openSyncSession } from '../sync/session';
import { parseWindowDate } from './backtest-run';

/** `KXNFLGAME: 120 markets (80 from the archive), 9,400 candles, 9,520 versions written`. */
function progressText(series: string, r: BackfillResult): string {
  return `${series}: ${r.markets} markets (${r.historicalMarkets} from the archive), ${r.candles} candles, ${r.versions} versions written`;
}

/**
 * A progress line on stderr, rewritten after each batch of markets, when stderr is a terminal
 * (long runs: thousands of candle requests); nothing otherwise.
 */
function progressLine(series: string): { update(r: BackfillResult): void; end(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = false;
  return {
    update(r) {
      shown = true;
      process.stderr.write(`\r\u001b[2Kbackfill ${progressText(series, r)}`);
    },
    end() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}

interface BackfillMarketsCliOptions {
  series: string;
  from: string;
  to?: string;
  period: '1' | '60' | '1440';
}

/** Registers `precog backfill markets`. */
export function register(program: Command): void {
  const backfill = program.command('backfill').description('load real Kalshi history into the store');
  backfill
    .command('markets')
    .description("a series' markets (closing from --from on) and their candlesticks, as market versions")
    .requiredOption('--series <ticker>', 'series ticker, e.g. KXNFLGAME')
    .requiredOption(
      '--from <date>',
      'markets closing at or after this date; candles from it on (YYYY-MM-DD, UTC)',
    )
    .option('--to <date>', 'last candle time (default: now)')
    .addOption(
      new Option('--period <minutes>', 'minutes per candle').choices(['1', '60', '1440']).default('60'),
    )
    .action(
      runAction(async (options: BackfillMarketsCliOptions, command: Command) => {
        const from = parseWindowDate('--from', options.from) as Date;
        const to = parseWindowDate('--to', options.to);
        const session = await openSyncSession(command, { signed: false });
        const progress = progressLine(options.series);
        try {
          const result = await backfillMarkets(session.client, session.store, {
            seriesTicker: options.series,
            from,
            to,
            periodMinutes: Number(options.period) as 1 | 60 | 1440,
            onProgress: (r) => progress.update(r),
          });
          printResult(
            globalOptionsOf(command),
            { store: session.where, series: options.series, ...result },
            (r) =>
              `backfilled ${r.series}: ${r.markets} markets (${r.historicalMarkets} from the archive), ${r.candles} candles, ${r.versions} versions written to ${r.store}` +
              (r.skipped > 0 ? ` (${r.skipped} older than the stored history skipped)` : ''),
          );
        } finally {
          progress.end();
          await session.close();
        }
      }),
    );
}
