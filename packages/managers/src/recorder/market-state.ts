// The pure core of the market recorder: a market's current row, and what a `ticker` message or a
// book's top changes in it. No I/O here; the recorder batches the rows this produces.
import type { OrderBook, TickerUpdate } from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import Decimal from 'decimal.js';

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

/** The fields of a market row the stream can change (prices in dollars, counts in contracts). */
export const STREAMED_FIELDS = [
  'yesBid',
  'yesAsk',
  'noBid',
  'noAsk',
  'lastPrice',
  'volume',
  'openInterest',
] as const;

type StreamedField = (typeof STREAMED_FIELDS)[number];

/** The streamed part of a market row. */
export type StreamedPrices = Partial<Record<StreamedField, Decimal | null>>;

/**
 * The prices a `ticker` message carries, mapped like the REST sync maps a market: YES bid and ask
 * as sent, NO bid = 1 − YES ask and NO ask = 1 − YES bid (a binary contract), last price,
 * volume and open interest. Fields the message leaves out are left out.
 */
export function pricesOfTicker(msg: TickerUpdate): StreamedPrices {
  const prices: StreamedPrices = {};
  if (msg.yes_bid_dollars !== undefined) {
    prices.yesBid = msg.yes_bid_dollars;
    prices.noAsk = ONE.minus(msg.yes_bid_dollars);
  }
  if (msg.yes_ask_dollars !== undefined) {
    prices.yesAsk = msg.yes_ask_dollars;
    prices.noBid = ONE.minus(msg.yes_ask_dollars);
  }
  if (msg.price_dollars !== undefined) prices.lastPrice = msg.price_dollars;
  if (msg.volume_fp !== undefined) prices.volume = msg.volume_fp;
  if (msg.open_interest_fp !== undefined) prices.openInterest = msg.open_interest_fp;
  return prices;
}

/**
 * The top of a local book as market prices, with Kalshi's REST convention for an empty side: no
 * YES bid is a YES bid of 0, no NO bid is a YES ask of 1. YES ask = 1 − best NO bid, NO ask =
 * 1 − best YES bid.
 */
export function pricesOfBook(book: OrderBook): StreamedPrices {
  const yesBid = book.bestBid('yes')?.price ?? ZERO;
  const noBid = book.bestBid('no')?.price ?? ZERO;
  return { yesBid, noBid, yesAsk: ONE.minus(noBid), noAsk: ONE.minus(yesBid) };
}

function same(a: MarketInput[StreamedField], b: MarketInput[StreamedField]): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  return new Decimal(a).eq(b);
}

/** True when `prices` would change at least one streamed field of `row` (compared as numbers, 0.45 = 0.4500). */
export function changes(row: MarketInput, prices: StreamedPrices): boolean {
  for (const field of STREAMED_FIELDS) {
    const value = prices[field];
    if (value !== undefined && !same(row[field], value)) return true;
  }
  return false;
}

/** `row` with `prices` applied (a new object; `row` is not touched). */
export function applyPrices(row: MarketInput, prices: StreamedPrices): MarketInput {
  const next: MarketInput = { ...row };
  for (const field of STREAMED_FIELDS) {
    const value = prices[field];
    if (value !== undefined) next[field] = value;
  }
  return next;
}
