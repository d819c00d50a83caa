// `precog record markets [tickers...] [--series <t>] [--event <t>] [--for <seconds>] [--fills]`:
// the market recorder of @precog/managers on the Kalshi WebSocket, writing to the store. The
// wiring only: the recorder does the batching, versioning, fill idempotency and reconciles.

import { createMarketRecorder, MarketRecorderError, type MarketRecorderSummary } from '@precog/managers';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../cli/exit-codes';
import { printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openSyncSession } from '../sync/session';
import { wsUrlOption } from './watch';

interface RecordOptions {
  series?: string;
  event?: string;
  for?: number;
  fills?: boolean;
}

function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    throw new InvalidArgumentError('must be a positive number of seconds');
  return Number(value);
}

/** Resolves after `forSeconds`, at Ctrl-C / SIGTERM, or rejects when the stream closes on an error. */
function untilStopped(forSeconds: number | undefined, failed: Promise<never>): Promise<void> {
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    const timer = forSeconds === undefined ? undefined : setTimeout(() => stop(), forSeconds * 1000);
    stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (timer) clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return Promise.race([stopped, failed]).finally(() => stop());
}

/** The one summary line: `recorded N market versions (M updates) in S s`. */
export function summaryLine(summary: MarketRecorderSummary, elapsedMs: number): string {
  const fills = summary.fills.seen > 0 ? `; ${summary.fills.inserted} new fills stored` : '';
  return `recorded ${summary.versions} market versions (${summary.updates} updates) in ${(elapsedMs / 1000).toFixed(1)} s${fills}`;
}

async function recordMarkets(tickers: string[], options: RecordOptions, command: Command): Promise<void> {
  if (tickers.length === 0 && options.series === undefined && options.event === undefined)
    throw new UsageError('name markets: tickers, --series <ticker> or --event <ticker>');
  const session = await openSyncSession(command, { signed: Boolean(options.fills) });
  const wsUrl = wsUrlOption(command);
  const stream = session.client.stream(wsUrl ? { url: wsUrl } : {});
  const started = Date.now();
  try {
    const failed = new Promise<never>((_, reject) => {
      stream.once('closed', ({ error }) => {
        if (error !== undefined) reject(error);
      });
    });
    failed.catch(() => undefined);
    let recorder: ReturnType<typeof createMarketRecorder>;
    try {
      recorder = createMarketRecorder({
        store: session.store,
        stream,
        client: session.client,
        tickers,
        seriesTicker: options.series,
        eventTicker: options.event,
        fills: Boolean(options.fills),
        logger: session.context.logger,
      });
      await recorder.start();
    } catch (error) {
      // A market the exchange does not list, or a bad combination: the command line's fault.
      if (MarketRecorderError.isInstance(error))
        throw new UsageError(error.message.replace(/^market recorder: /, ''));
      throw error;
    }
    process.stderr.write(
      `precog: recording ${recorder.tickers.length} markets into ${session.where} (Ctrl-C to stop)\n`,
    );
    recorder.on('error', (error) =>
      session.context.logger.warn({ err: error.message }, 'record: a write failed (kept for the next batch)'),
    );
    try {
      await untilStopped(options.for, failed);
    } finally {
      const summary = await recorder.stop();
      printResult(
        session.context.options,
        { ...summary, elapsedMs: Date.now() - started, store: session.where },
        () => summaryLine(summary, Date.now() - started),
      );
    }
  } finally {
    await stream.close();
    await session.close();
  }
}

/** Registers `record markets`. */
export function register(program: Command): void {
  const record = program.command('record').description('record the Kalshi WebSocket into the store');
  record
    .command('markets [tickers...]')
    .description(
      'ticker and top-of-book changes become market versions (micro-batches); ends with a one-line summary',
    )
    .option('--series <ticker>', 'every open market of this series')
    .option('--event <ticker>', 'every open market of this event')
    .option(
      '--fills',
      "also store the account's fills as trades (needs a key); reconciled over REST after a reconnect",
    )
    .option('--for <seconds>', 'stop after this many seconds (default: until Ctrl-C)', seconds)
    .action(
      runAction(async (tickers: string[], options: RecordOptions, command: Command) =>
        recordMarkets(tickers, options, command),
      ),
    );
}
