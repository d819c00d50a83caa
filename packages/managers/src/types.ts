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
   * The market's price grid in YES-price terms (Kalshi `price_ranges`, parsed with
   * `parsePriceRanges` from `@precog/kalshi-client`). Absent means the classic one-cent grid.
   * NO prices live on the mirror image of this grid (a NO price p is a YES price 1 − p).
   */
  priceRanges?: readonly PriceRange[] | null;
}
