// The fill model: an order fills at once, at the executable side of the book the replay shows
// (the ask of the side to buy, the bid of the side to sell), for no more than the contracts
// displayed there, and pays Kalshi's taker fee rounded up to the cent per order.
import { type FeeSchedule, takerFee } from '@precog/kalshi-client';
import type Decimal from 'decimal.js';
import { ZERO } from '../internal/decimal';
import type { Side } from '../types';
import type { ReplayedMarket } from './replay';

/** An order the backtester fills: buy (`enter`) or sell (`exit`) `count` contracts of `side`. */
export interface SimulatedOrder {
  ticker: string;
  side: Side;
  action: 'buy' | 'sell';
  count: Decimal;
  /** Worst price accepted (a buy fills at an ask ≤ it, a sell at a bid ≥ it); null accepts any. */
  limitPrice: Decimal | null;
}

/** Why an order did not fill. */
export type FillRejection = 'market_not_open' | 'no_quote' | 'price_moved' | 'no_size';

/** What {@link simulateFill} did. */
export type SimulatedFill =
  | { filled: true; price: Decimal; count: Decimal; fee: Decimal }
  | { filled: false; reason: FillRejection };

/** Options of {@link simulateFill}. */
export interface FillModelOptions {
  /** Cap the count by the size displayed at the price (when the version records it). Default true. */
  capToDisplayedSize?: boolean | undefined;
  /** The series' fee schedule. Default: Kalshi's general table (taker 0.07, rounded up to the cent per order). */
  feeSchedule?: FeeSchedule | undefined;
}

/**
 * Contracts displayed at the price an order of `side`/`action` would take. A NO buy takes the
 * YES bids (NO ask = 1 − YES bid) and a NO sell the YES asks, so every size is a YES-book size.
 */
function displayedSize(market: ReplayedMarket, side: Side, action: 'buy' | 'sell'): Decimal | null {
  const takesYesAsk = (side === 'yes') === (action === 'buy');
  return takesYesAsk ? market.yesAskSize : market.yesBidSize;
}

function executablePrice(market: ReplayedMarket, side: Side, action: 'buy' | 'sell'): Decimal | null {
  if (action === 'buy') return side === 'yes' ? market.yesAsk : market.noAsk;
  return side === 'yes' ? market.yesBid : market.noBid;
}

/**
 * Fills `order` against one market version: only while the market is `active`, at the ask (buy)
 * or bid (sell) of the order's side, refused when that price is worse than the limit, capped by
 * the displayed size, with the taker fee of the whole order rounded up to the cent once.
 */
export function simulateFill(
  market: ReplayedMarket,
  order: SimulatedOrder,
  options: FillModelOptions = {},
): SimulatedFill {
  if (market.status !== 'active') return { filled: false, reason: 'market_not_open' };
  const price = executablePrice(market, order.side, order.action);
  if (price === null || price.lte(ZERO) || price.gte(1)) return { filled: false, reason: 'no_quote' };
  if (order.limitPrice !== null) {
    const worse = order.action === 'buy' ? price.gt(order.limitPrice) : price.lt(order.limitPrice);
    if (worse) return { filled: false, reason: 'price_moved' };
  }
  let count = order.count;
  if (options.capToDisplayedSize ?? true) {
    const size = displayedSize(market, order.side, order.action);
    if (size?.lt(count)) count = size;
  }
  if (count.lte(ZERO)) return { filled: false, reason: 'no_size' };
  return { filled: true, price, count, fee: takerFee(price, count, options.feeSchedule) };
}
