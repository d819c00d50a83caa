import type { Clock, KalshiStream } from '@precog/kalshi-client';
import { z } from 'zod';
import { ManagersError } from '../errors';
import type { Logger } from '../logger';
import type { SyncClient, SyncStore } from '../sync/types';
import type { LagSummary } from './lag';

/** A recorder option that cannot work (no market named, a bad interval, fills without a client...). */
export class MarketRecorderError extends ManagersError {
  override readonly name: string = 'MarketRecorderError';
  /** The option at fault (`tickers`, `flushIntervalMs`, ...). */
  readonly option: string;

  constructor(message: string, option: string, options?: { cause?: unknown }) {
    super(message, options);
    this.option = option;
  }
}

/** What the recorder needs of a store (an opened, migrated `Store` fits). */
export type MarketRecorderStore = SyncStore;

/** Options of {@link createMarketRecorder}. */
export interface MarketRecorderOptions {
  /** Where versions and trades go. */
  store: MarketRecorderStore;
  /** The WebSocket stream to subscribe on (`client.stream()`). The recorder never closes it. */
  stream: KalshiStream;
  /**
   * The REST client: resolves `seriesTicker` / `eventTicker` to markets, writes each market's
   * REST snapshot as its baseline version at `start()` (the stream carries no status, title or
   * event), and reconciles fills and positions after a reconnect. Without it the markets must
   * already be in the store, named by `tickers`, and `fills` is refused.
   */
  client?: SyncClient | undefined;
  /** Markets to record. At least one of `tickers`, `seriesTicker`, `eventTicker`. */
  tickers?: readonly string[] | undefined;
  /** Record every open market of this series (resolved over REST at `start()`). */
  seriesTicker?: string | undefined;
  /** Record every open market of this event (resolved over REST at `start()`). */
  eventTicker?: string | undefined;
  /** Record `ticker` messages (last price, YES bid/ask, volume, open interest). Default true. */
  ticker?: boolean | undefined;
  /** Record the top of the local books of `orderbook_delta` (YES/NO bids and asks). Default true. */
  orderbook?: boolean | undefined;
  /**
   * Store the account's fills from the `fill` channel as trades, and reconcile fills and
   * positions over REST after a reconnect. Needs a signed stream and `client`. Default false.
   */
  fills?: boolean | undefined;
  /** Longest time a change waits before its batch is written, in ms. Default 200. */
  flushIntervalMs?: number | undefined;
  /** A batch is written as soon as this many markets changed. Default 500. */
  maxBatchSize?: number | undefined;
  /** Platform id of the rows. Default `kalshi`. */
  platformId?: string | undefined;
  /** Subaccount of stored fills and reconciled positions (0 = primary). Default 0. */
  subaccount?: number | undefined;
  /** Structural logger. Default: silent. */
  logger?: Logger | undefined;
  /** Time and timers (the flush timer, lag). Default: the system clock. */
  clock?: Clock | undefined;
}

/** Counts of a recorder's run so far. */
export interface MarketRecorderSummary {
  /** Markets being recorded. */
  markets: number;
  /** Versions written at `start()` from the REST snapshot of each market (new or changed ones). */
  seeded: number;
  /** `ticker` messages and book changes received for recorded markets. */
  updates: number;
  /** Updates that changed nothing in the market's row: nothing written for them. */
  identical: number;
  /** Updates merged into a row that a later update of the same market replaced before its batch was written. */
  coalesced: number;
  /** Book changes skipped because the book was stale (its snapshot rewrites the top when it comes). */
  staleSkipped: number;
  /** Market versions written from the stream (new versions of changed markets). */
  versions: number;
  /** Batches written (one `upsertVersions` each). */
  batches: number;
  /** Batches that failed (their rows are kept and written with the next batch). */
  failedBatches: number;
  /** Items the subscriptions' queues dropped (0: the recorder reads events, not queues). */
  dropped: number;
  /** Fills from the `fill` channel. */
  fills: { seen: number; inserted: number; duplicates: number; corrected: number; invalid: number };
  /** REST reconciles of fills and positions run after a reconnect. */
  reconciles: number;
  /** From the exchange's time of each committed update (its receipt when it had none) to its commit. */
  lag: LagSummary;
}

const positiveInt = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be positive`);

const optionsSchema = z.object({
  tickers: z.array(z.string().min(1, 'tickers must not contain an empty ticker')).optional(),
  seriesTicker: z.string().min(1).optional(),
  eventTicker: z.string().min(1).optional(),
  flushIntervalMs: positiveInt('flushIntervalMs').optional(),
  maxBatchSize: positiveInt('maxBatchSize').optional(),
  subaccount: z.number().int().nonnegative().optional(),
});

/** Checks the options; throws {@link MarketRecorderError} naming the first bad one. */
export function checkOptions(options: MarketRecorderOptions): void {
  const parsed = optionsSchema.safeParse({
    tickers: options.tickers,
    seriesTicker: options.seriesTicker,
    eventTicker: options.eventTicker,
    flushIntervalMs: options.flushIntervalMs,
    maxBatchSize: options.maxBatchSize,
    subaccount: options.subaccount,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = String(issue?.path[0] ?? 'options');
    throw new MarketRecorderError(`market recorder: ${option}: ${issue?.message ?? 'invalid'}`, option);
  }
  const { tickers, seriesTicker, eventTicker } = parsed.data;
  if ((tickers?.length ?? 0) === 0 && seriesTicker === undefined && eventTicker === undefined)
    throw new MarketRecorderError(
      'market recorder: name tickers, a seriesTicker or an eventTicker',
      'tickers',
    );
  if (!options.client && (seriesTicker !== undefined || eventTicker !== undefined))
    throw new MarketRecorderError(
      'market recorder: seriesTicker and eventTicker need a REST client',
      'client',
    );
  if (options.fills && !options.client)
    throw new MarketRecorderError(
      'market recorder: fills need a REST client to reconcile after a reconnect',
      'client',
    );
  if (options.ticker === false && options.orderbook === false && !options.fills)
    throw new MarketRecorderError('market recorder: ticker, orderbook and fills are all off', 'ticker');
}
