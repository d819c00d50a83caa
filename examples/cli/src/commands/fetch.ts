// `precog fetch-balance | fetch-positions | fetch-fills | fetch-settlements | fetch-markets` and
// `precog sync`: pull from Kalshi into the store through the sync services of @precog/managers.

import { KalshiAuthenticationError, KalshiError, KalshiTimestampExpiredError } from '@precog/kalshi-client';
import {
  type SyncAllResult,
  SyncInterruptedError,
  type SyncMarketsOptions,
  type SyncResult,
  type SyncStage,
  syncAll,
} from '@precog/managers';
import { PrecisionError } from '@precog/scd2-store';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ExitCode } from '../cli/exit-codes';
import { globalOptionsOf } from '../cli/global-options';
import { printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { keptAsideLine, progressReporter, summaryLine } from '../sync/progress';
import { openSyncSession } from '../sync/session';

/**
 * The exchange refused the configured key (HTTP 401): names the variables to check. A
 * `KalshiError` (marker and all), so the CLI exits 4 like any exchange error; the client's error
 * is the cause.
 */
export class KalshiKeyRejectedError extends KalshiError {
  static override readonly errorName: string = 'KalshiKeyRejectedError';
}

function keyRejected(error: unknown, environment: string): unknown {
  // A refused timestamp is a clock skew (the client's KalshiClockSkewError says so), not the key.
  const clockSkew: boolean = KalshiTimestampExpiredError.isInstance(error);
  if (!(error instanceof KalshiAuthenticationError) || clockSkew) return error;
  const ENV = environment.toUpperCase();
  return new KalshiKeyRejectedError(
    `the ${environment} exchange rejected the API key (${error.message}); check KALSHI_${ENV}_API_KEY_ID and KALSHI_${ENV}_PRIVATE_KEY_PATH belong together and to ${environment}`,
    { cause: error },
  );
}

/**
 * The exchange sent a value the store cannot keep exactly (a `PrecisionError` while syncing):
 * bad exchange data, so an exchange error (exit 4), not a database one. The store's error is the
 * cause.
 */
export class KalshiExchangeDataError extends KalshiError {
  static override readonly errorName: string = 'KalshiExchangeDataError';
}

/** What a sync failure is reported as: a key rejection, bad exchange data, or itself. */
export function syncFailure(error: unknown, environment: string): unknown {
  if (error instanceof PrecisionError) {
    return new KalshiExchangeDataError(
      `the exchange sent a value the store cannot keep exactly (${error.message})`,
      { cause: error },
    );
  }
  return keyRejected(error, environment);
}

/** Exit code after Ctrl-C or SIGTERM (128 + SIGINT), as shells report an interrupted command. */
export const INTERRUPTED = 130;

interface FetchOptions {
  pageSize?: number;
  status?: SyncMarketsOptions['status'];
  series?: string;
  event?: string;
  full?: boolean;
}

function pageSize(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > 1000) {
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  }
  return n;
}

/** The JSON of a result: counts, where they went, and how fresh the portfolio reads were. */
function resultJson(result: SyncAllResult, where: string, userData: Date | undefined) {
  return {
    store: where,
    user_data_timestamp: userData?.toISOString() ?? null,
    results: result.results.map((r) => ({ ...r })),
  };
}

/**
 * `GET /exchange/user_data_timestamp` after a portfolio sync: the time up to which the balance,
 * positions and fills read reflect the exchange. Informational: a failure is logged, not fatal.
 */
async function userDataTimestamp(
  client: { exchange: { getUserDataTimestamp(): Promise<Date> } },
  logger: { warn(obj: object, msg: string): void },
): Promise<Date | undefined> {
  try {
    return await client.exchange.getUserDataTimestamp();
  } catch (error) {
    logger.warn({ error: (error as Error).message }, 'could not read user_data_timestamp');
    return undefined;
  }
}

/** Runs the stages with progress and prints the summary (one line per stage, or JSON). */
async function runStages(
  command: Command,
  stages: readonly SyncStage[],
  options: FetchOptions,
): Promise<void> {
  const global = globalOptionsOf(command);
  // Market data is public: only the portfolio stages need a key.
  const signed = stages.some((s) => s !== 'markets');
  const session = await openSyncSession(command, { signed });
  const progress = progressReporter({
    enabled: Boolean(process.stderr.isTTY) && !global.json,
    pageSize: options.pageSize,
  });
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await syncAll(session.client, session.store, {
      stages,
      pageSize: options.pageSize,
      status: options.status,
      seriesTicker: options.series,
      eventTicker: options.event,
      full: options.full ?? false,
      onProgress: (p) => progress.onProgress(p),
      signal: abort.signal,
      logger: session.context.logger,
    });
    progress.stop();
    const userData = signed ? await userDataTimestamp(session.client, session.context.logger) : undefined;
    printResult(global, resultJson(result, session.where, userData), () =>
      [
        ...result.results.map((r: SyncResult) => summaryLine(r)),
        ...(userData === undefined
          ? []
          : [`user data as of ${userData.toISOString()} (user_data_timestamp)`]),
      ].join('\n'),
    );
    const aside = keptAsideLine(result.results);
    if (aside !== undefined) {
      // Everything else is stored; the bad items are named here and kept in ingest_errors.
      process.stderr.write(`${aside}\n`);
      process.exitCode = ExitCode.ItemsKeptAside;
    }
  } catch (error) {
    progress.stop();
    if (!(error instanceof SyncInterruptedError)) throw syncFailure(error, session.context.config.env);
    // Ctrl-C: what was written stays; say so in one line and exit like an interrupted shell command.
    process.stderr.write(`precog: ${error.message}; run the same command again to complete it\n`);
    process.exitCode = INTERRUPTED;
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await session.close();
  }
}

function withFull(command: Command): Command {
  return command.option(
    '--full',
    're-read the whole history (both sides of the historical cutoff) instead of starting from the stored high-water mark',
  );
}

function withPageSize(command: Command): Command {
  return command.option(
    '--page-size <n>',
    'items per page asked of the exchange, 1–1000 (default 100)',
    pageSize,
  );
}

function withMarketFilters(command: Command): Command {
  return command
    .addOption(
      new Option('--status <status>', 'only markets in this state').choices([
        'unopened',
        'open',
        'paused',
        'closed',
        'settled',
      ]),
    )
    .option('--series <ticker>', 'only markets of this series (e.g. KXNFLGAME)')
    .option('--event <ticker>', 'only markets of this event');
}

const SINGLE: ReadonlyArray<{ name: string; stage: SyncStage; description: string }> = [
  {
    name: 'fetch-balance',
    stage: 'balance',
    description: 'store the account balance (an SCD2 version when it changed)',
  },
  {
    name: 'fetch-positions',
    stage: 'positions',
    description: 'store the account positions as SCD2 versions',
  },
  {
    name: 'fetch-fills',
    stage: 'fills',
    description: 'store every fill of the account as a trade (idempotent)',
  },
  {
    name: 'fetch-settlements',
    stage: 'settlements',
    description: 'store the account settlements (idempotent)',
  },
];

/** Registers the fetch-* commands and `sync`. */
export function register(program: Command): void {
  for (const { name, stage, description } of SINGLE) {
    const command = withPageSize(program.command(name).description(description));
    if (stage !== 'balance') withFull(command);
    command.action(
      runAction(async (options: FetchOptions, command: Command) => runStages(command, [stage], options)),
    );
  }
  withMarketFilters(
    withPageSize(
      withFull(program.command('fetch-markets').description('store markets as SCD2 versions (public data)')),
    ),
  ).action(
    runAction(async (options: FetchOptions, command: Command) => runStages(command, ['markets'], options)),
  );
  withMarketFilters(
    withPageSize(
      withFull(
        program
          .command('sync')
          .description('fetch balance, positions, fills, settlements and markets into the store'),
      ),
    ),
  ).action(
    runAction(async (options: FetchOptions, command: Command) =>
      runStages(command, ['balance', 'positions', 'fills', 'settlements', 'markets'], options),
    ),
  );
}
