import type { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import type { Logger } from '../logger';

/** @deprecated Use {@link Logger}, the one logger type of the package. */
export type SyncLogger = Logger;

/** What the sync services need of a Kalshi client (a `KalshiClient` fits). */
export type SyncClient = Pick<KalshiClient, 'portfolio' | 'markets' | 'historical'>;

/** What the sync services need of a store (an opened, migrated `Store` fits). */
export type SyncStore = Pick<
  Store,
  'markets' | 'positions' | 'accountBalance' | 'trades' | 'settlements' | 'ingestErrors' | 'syncMarks'
>;

/** The thing being synchronised. */
export type SyncStage = 'balance' | 'positions' | 'fills' | 'settlements' | 'markets';

/** Every stage, in the order {@link syncAll} runs them. */
export const SYNC_STAGES: readonly SyncStage[] = ['balance', 'positions', 'fills', 'settlements', 'markets'];

/**
 * Counts of one sync. SCD2 stages (balance, positions, markets) fill `inserted` (new keys),
 * `versioned` (a changed key got a new version) and `unchanged`; append-only stages (fills,
 * settlements) fill `inserted` and `duplicates` (already stored). Unused counts stay 0.
 */
export interface SyncCounts {
  inserted: number;
  versioned: number;
  unchanged: number;
  duplicates: number;
  /** Fills only: stored fills the exchange sent again with other figures, recorded as corrections. */
  corrected: number;
}

/**
 * An item a sync could not parse or store: recorded in `ingest_errors` and skipped, the rest of
 * its page is written. The CLI names each one after the run and exits non-zero.
 */
export interface SyncInvalidItem {
  /** `fill`, `position`, `settlement`, `market`. */
  kind: string;
  /** The fill id, the ticker... when the item has one. */
  id: string | undefined;
  /** The offending field (`yes_price_dollars`), or `(item)`. */
  path: string;
  /** Why it was refused. */
  reason: string;
}

/** Progress of one stage, reported after each page has been written to the store. */
export interface SyncProgress extends SyncCounts {
  stage: SyncStage;
  /** Pages fetched and written so far (1 for the balance). */
  pages: number;
  /** Items received so far. */
  items: number;
  /** True on the last report of the stage. */
  done: boolean;
}

/** The result of one stage. */
export interface SyncResult extends SyncCounts {
  stage: SyncStage;
  /** Pages fetched (1 for the balance). */
  pages: number;
  /** Items received from the exchange. */
  items: number;
  /** Positions only: open positions the exchange no longer reports, closed in the store. Else 0. */
  closed: number;
  /** Items kept aside (malformed, or a value the store cannot hold), in the order met. */
  invalid: SyncInvalidItem[];
}

/** Options shared by every sync service. */
export interface SyncOptions {
  /** Items per page asked of the exchange (`limit`), 1–1000. Default: the exchange's default (100). */
  pageSize?: number | undefined;
  /** Called after each page is written, and once more with `done: true`. */
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /**
   * Stops the sync between pages: what was written stays, the call rejects with
   * `SyncInterruptedError` (its `result` holds the counts so far). A re-run completes the job.
   */
  signal?: AbortSignal | undefined;
  /** Structural logger. Default: no-op. */
  logger?: Logger | undefined;
  /** Platform id stored on every row. Default `kalshi`. */
  platformId?: string | undefined;
  /** Subaccount stored on balance, positions and fills (0 = the primary account). Default 0. */
  subaccount?: number | undefined;
  /**
   * Re-read everything (both sides of the historical cutoff) instead of starting from the stored
   * high-water marks. Default false: fills and settlements are read from the mark less the
   * overlap; the archives of settled positions and markets are read only when the cutoff moved
   * past their mark. With `full`, `syncMarkets` also reads the archive of settled markets.
   */
  full?: boolean | undefined;
  /** Seconds re-read before a high-water mark, so nothing at the boundary is missed. Default 3600. */
  overlapSeconds?: number | undefined;
  /** Time source (ms since epoch) for `lastCheckTime` of positions. Default `Date.now`. */
  clock?: { now(): number } | undefined;
}

/** Filters of {@link syncMarkets}. */
export interface SyncMarketsOptions extends SyncOptions {
  /** Only markets in this lifecycle state (`open`, `closed`, `settled`, ...). Default: all. */
  status?: 'unopened' | 'open' | 'paused' | 'closed' | 'settled' | undefined;
  /** Only markets of this series (for example `KXNFLGAME`). Default: all. */
  seriesTicker?: string | undefined;
  /** Only markets of this event. Default: all. */
  eventTicker?: string | undefined;
}
