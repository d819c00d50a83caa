import Decimal from 'decimal.js';
import { type FeeRounding, roundFeeUp } from '../../trading-rules/fees';
import {
  type ExchangeState,
  type FillState,
  type MarketState,
  makeId,
  ONE,
  type OrderState,
  type PositionState,
  rawFee,
  ZERO,
} from './state';

/** Price one pays per contract of the side an order buys: YES for a bid, NO for an ask. */
export function sidePrice(side: 'bid' | 'ask', yesPrice: Decimal): Decimal {
  return side === 'bid' ? yesPrice : ONE.minus(yesPrice);
}

export function positionOf(state: ExchangeState, ticker: string, now: number): PositionState {
  let position = state.positions.get(ticker);
  if (!position) {
    position = {
      seq: state.nextSeq++,
      ticker,
      position: ZERO,
      exposure: ZERO,
      realizedPnl: ZERO,
      feesPaid: ZERO,
      totalTraded: ZERO,
      lastUpdated: now,
    };
    state.positions.set(ticker, position);
  }
  return position;
}

/** Contracts of an order of `side` that would close an existing opposite position. */
export function closingCount(
  state: ExchangeState,
  ticker: string,
  side: 'bid' | 'ask',
  count: Decimal,
): Decimal {
  const held = state.positions.get(ticker)?.position ?? ZERO;
  const opposite = side === 'bid' ? Decimal.max(held.neg(), 0) : Decimal.max(held, 0);
  return Decimal.min(count, opposite);
}

/** Books one fill: cash, netting, cost basis, realized P&L, fee, the fill record. */
export function applyFill(
  state: ExchangeState,
  market: MarketState,
  order: OrderState,
  yesPrice: Decimal,
  count: Decimal,
  isTaker: boolean,
  rounding: FeeRounding,
  now: number,
): FillState {
  const position = positionOf(state, market.ticker, now);
  const ps = sidePrice(order.side, yesPrice);
  // Kalshi rounds per order: the order's exact fees accumulate, and each fill pays the growth of the rounded total.
  order.feeAccrued = order.feeAccrued.plus(
    rawFee(state, market, yesPrice, count, isTaker ? 'taker' : 'maker'),
  );
  const charged = roundFeeUp(order.feeAccrued, rounding);
  const fee = charged.minus(order.feeCharged);
  order.feeCharged = charged;

  const held = position.position;
  const heldAbs = held.abs();
  const opposite = order.side === 'bid' ? held.lt(0) : held.gt(0);
  const closing = opposite ? Decimal.min(count, heldAbs) : ZERO;
  let cash = count.times(ps).neg().minus(fee);
  if (closing.gt(0)) {
    // A YES and a NO contract together are worth exactly $1: netting pays it out now.
    cash = cash.plus(closing);
    const basisClosed = position.exposure.times(closing).div(heldAbs);
    position.realizedPnl = position.realizedPnl.plus(closing.times(ONE.minus(ps))).minus(basisClosed);
    position.exposure = position.exposure.minus(basisClosed);
  }
  const opening = count.minus(closing);
  if (opening.gt(0)) position.exposure = position.exposure.plus(opening.times(ps));
  position.position = held.plus(order.side === 'bid' ? count : count.neg());
  if (position.position.isZero()) position.exposure = ZERO;
  position.feesPaid = position.feesPaid.plus(fee);
  position.totalTraded = position.totalTraded.plus(count.times(ps));
  position.lastUpdated = now;
  state.balance = state.balance.plus(cash);

  market.openInterest = Decimal.max(0, market.openInterest.plus(position.position.abs()).minus(heldAbs));
  market.volume = market.volume.plus(count);
  market.previousPrice = market.lastPrice;
  market.lastPrice = yesPrice;

  order.fillCount = order.fillCount.plus(count);
  order.remainingCount = order.remainingCount.minus(count);
  order.lastUpdateTime = now;
  if (isTaker) {
    order.takerFillCost = order.takerFillCost.plus(count.times(ps));
    order.takerFees = order.takerFees.plus(fee);
  } else {
    order.makerFillCost = order.makerFillCost.plus(count.times(ps));
    order.makerFees = order.makerFees.plus(fee);
  }
  const fill: FillState = {
    seq: state.nextSeq++,
    fillId: makeId('fill', ++state.ids.fill),
    orderId: order.orderId,
    ticker: market.ticker,
    side: order.side,
    count,
    price: yesPrice,
    isTaker,
    fee,
    time: now,
  };
  state.fills.push(fill);
  return fill;
}

/** Resting orders of the account on a market. */
export function restingOrders(state: ExchangeState, ticker: string): OrderState[] {
  return state.orders.filter((o) => o.ticker === ticker && o.status === 'resting');
}

export function crosses(side: 'bid' | 'ask', limit: Decimal, price: Decimal): boolean {
  return side === 'bid' ? price.lte(limit) : price.gte(limit);
}

export function releaseReserve(state: ExchangeState, order: OrderState, count: Decimal): void {
  if (order.reserved.isZero() || order.remainingCount.lte(0)) return;
  // The reserve covers the whole resting remainder: each contract leaving it frees its share.
  const release = Decimal.min(order.reserved, order.reserved.times(count).div(order.remainingCount));
  order.reserved = order.reserved.minus(release);
  state.balance = state.balance.plus(release);
}

/**
 * Cash held back while `order` rests: what its contracts that would open a position cost at its
 * limit, plus the largest maker fee its remainder could pay.
 */
export function reserveFor(
  state: ExchangeState,
  market: MarketState,
  order: OrderState,
  rounding: FeeRounding,
): Decimal {
  const opening = order.remainingCount.minus(
    closingCount(state, order.ticker, order.side, order.remainingCount),
  );
  const fee = roundFeeUp(rawFee(state, market, order.price, order.remainingCount, 'maker'), rounding);
  return opening.times(sidePrice(order.side, order.price)).plus(fee);
}

/** Recomputes the cash held for every resting order of a market after its position changed. */
export function refreshReserves(state: ExchangeState, market: MarketState, rounding: FeeRounding): void {
  for (const order of restingOrders(state, market.ticker)) {
    state.balance = state.balance.plus(order.reserved);
    order.reserved = reserveFor(state, market, order, rounding);
    state.balance = state.balance.minus(order.reserved);
  }
}

/** Cancels the resting remainder of an order; returns the contracts removed. */
export function cancelOrder(state: ExchangeState, order: OrderState, now: number): Decimal {
  const reduced = order.remainingCount;
  releaseReserve(state, order, reduced);
  order.remainingCount = ZERO;
  order.status = 'canceled';
  order.lastUpdateTime = now;
  return reduced;
}

/** Reduces a resting order to `newRemaining` contracts (0 cancels it). */
export function reduceOrder(
  state: ExchangeState,
  order: OrderState,
  newRemaining: Decimal,
  now: number,
): void {
  if (newRemaining.lte(0)) {
    cancelOrder(state, order, now);
    return;
  }
  releaseReserve(state, order, order.remainingCount.minus(newRemaining));
  order.remainingCount = newRemaining;
  order.lastUpdateTime = now;
}

/** Cancels resting orders whose `expiration_time` has passed. */
export function expireOrders(state: ExchangeState, now: number): void {
  for (const order of state.orders) {
    if (
      order.status === 'resting' &&
      order.expirationTime !== undefined &&
      order.expirationTime * 1000 <= now
    ) {
      cancelOrder(state, order, now);
    }
  }
}
