import type { PriceRange } from '@precog/kalshi-client';
import type Decimal from 'decimal.js';

/** The side of a binary contract. A YES contract pays $1 if the market resolves yes, a NO contract if it resolves no. */
export type Side = 'yes' | 'no';

/** Epoch milliseconds (UTC). Every function here takes time as a value: nothing reads a clock by itself. */
export type EpochMs = number;

/**
 * One tick of a market's top of book, in dollars, each side in its own price space.
 * `null` means there is no order at that level (an empty side of the book).
 *
 * Kalshi quotes both legs: `yes_bid_dollars`, `yes_ask_dollars`, `no_bid_dollars`,
 * `no_ask_dollars`. When only the YES book is known use {@link snapshotFromYesBook}, which
 * derives the NO leg (`no_bid = 1 − yes_ask`, `no_ask = 1 − yes_bid`).
 */
export interface MarketSnapshot {
  /** Market ticker, e.g. `KXNFLGAME-26NOV26KCBUF-KC`. */
  ticker: string;
  /** Best bid for YES: what a YES holder can sell at right now. */
  yesBid: Decimal | null;
  /** Best ask for YES: what buying YES costs right now. */
  yesAsk: Decimal | null;
  /** Best bid for NO: what a NO holder can sell at right now. */
  noBid: Decimal | null;
  /** Best ask for NO: what buying NO costs right now. */
  noAsk: Decimal | null;
  /** Contracts traded (the feed's volume figure); `null`/absent when unknown (the volume check is then skipped). */
  volume?: Decimal | null;
  /** When trading closes (epoch ms); `null`/absent when unknown (time-to-close exits are then skipped). */
  closeTime?: EpochMs | null;
  /**
   * When these prices were observed (epoch ms): the time of the REST response or of the stream
   * message they come from. Exits hold instead of acting on a snapshot older than
   * `ExitConfig.maxSnapshotAgeMs`, and entries refuse one (an entry also refuses a snapshot
   * without a time). `null`/absent: unknown.
   */
  observedAt?: EpochMs | null;
  /**
   * The market's status as Kalshi reports it (`active`, `closed`, `determined`, `settled`,
   * `finalized`, ...). Only {@link TRADING_STATUSES} trade: exits hold on any other (a closed or
   * settled market cannot be sold into; it settles), and entries refuse it. `null`/absent: unknown
   * (treated as trading).
   */
  status?: string | null;
  /**
   * The market's price grid in YES-price terms (Kalshi `price_ranges`, parsed with
   * `parsePriceRanges` from `@precog/kalshi-client`). Absent means the classic one-cent grid.
   * NO prices live on the mirror image of this grid (a NO price p is a YES price 1 − p).
   */
  priceRanges?: readonly PriceRange[] | null;
}

/** Market statuses in which orders trade (Kalshi's `active`; `open` is the list filter's name for it). */
export const TRADING_STATUSES: readonly string[] = Object.freeze(['active', 'open']);

/** Whether a snapshot's market trades now: its status is unknown or one of {@link TRADING_STATUSES}. */
export function isTrading(snapshot: Pick<MarketSnapshot, 'status'>): boolean {
  const status = snapshot.status ?? null;
  return status === null || TRADING_STATUSES.includes(status.toLowerCase());
}

/**
 * Whether a snapshot is too old to act on at `now`: older than `maxAgeMs` (`null`: no limit). A
 * snapshot without a time is stale only when `requireTime` (entries require one; exits do not).
 */
export function isStale(
  snapshot: Pick<MarketSnapshot, 'observedAt'>,
  now: EpochMs,
  maxAgeMs: number | null,
  requireTime = false,
): boolean {
  if (maxAgeMs === null) return false;
  const at = snapshot.observedAt ?? null;
  if (at === null) return requireTime;
  return now - at > maxAgeMs;
}
