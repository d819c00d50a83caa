import Decimal from 'decimal.js';
import { type FeeRounding, roundFeeUp, tradingFee } from '../../fees';
import type { FakeFillInput, FakePositionInput, FakeSettlementInput } from '../types';
import { dec } from './format';
import {
  type ExchangeState,
  type FillState,
  feeScheduleOf,
  type Level,
  type MarketState,
  makeId,
  ONE,
  type OrderState,
  type PositionState,
  rawFee,
  type SettlementState,
  type TimeInForce,
  toMs,
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
function applyFill(
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

function crosses(side: 'bid' | 'ask', limit: Decimal, price: Decimal): boolean {
  return side === 'bid' ? price.lte(limit) : price.gte(limit);
}

function releaseReserve(state: ExchangeState, order: OrderState, count: Decimal): void {
  const release = Decimal.min(order.reserved, count.times(sidePrice(order.side, order.price)));
  order.reserved = order.reserved.minus(release);
  state.balance = state.balance.plus(release);
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

export interface PlaceOrderParams {
  ticker: string;
  side: 'bid' | 'ask';
  price: Decimal;
  count: Decimal;
  clientOrderId: string;
  timeInForce: TimeInForce;
  postOnly: boolean;
  reduceOnly: boolean;
  selfTradePrevention: 'taker_at_cross' | 'maker';
  expirationTime?: number;
}

export type PlaceOrderOutcome =
  | { ok: true; order: OrderState; fills: FillState[] }
  | { ok: false; code: 'insufficient_balance' | 'post_only_cross' | 'reduce_only' };

/** The opposite house levels an order of `side` can trade with. */
function houseLevels(market: MarketState, side: 'bid' | 'ask'): Level[] {
  return side === 'bid' ? market.asks : market.bids;
}

/**
 * Matches an order against the book (house liquidity; the account's own opposite resting orders
 * trigger self-trade prevention) and rests, cancels or rejects what is left.
 */
export function placeOrder(
  state: ExchangeState,
  market: MarketState,
  params: PlaceOrderParams,
  rounding: FeeRounding,
  now: number,
): PlaceOrderOutcome {
  let count = params.count;
  if (params.reduceOnly) {
    count = closingCount(state, market.ticker, params.side, count);
    if (count.lte(0)) return { ok: false, code: 'reduce_only' };
  }
  const levels = houseLevels(market, params.side);
  const own = restingOrders(state, market.ticker).filter(
    (o) => o.side !== params.side && crosses(params.side, params.price, o.price),
  );
  const crossesHouse = levels.some((l) => crosses(params.side, params.price, l.price));
  if (params.postOnly && (crossesHouse || own.length > 0)) return { ok: false, code: 'post_only_cross' };

  // Cash check: the contracts that open a position cost their side's price, plus the taker fee.
  const opening = count.minus(closingCount(state, market.ticker, params.side, count));
  const worst = opening.times(sidePrice(params.side, params.price));
  const feeBound = tradingFee({
    ...feeScheduleOf(state, market),
    price: params.price,
    count,
    role: 'taker',
    rounding,
  });
  if (worst.plus(feeBound).gt(state.balance)) return { ok: false, code: 'insufficient_balance' };

  const order: OrderState = {
    seq: state.nextSeq++,
    orderId: makeId('order', ++state.ids.order),
    clientOrderId: params.clientOrderId,
    ticker: market.ticker,
    side: params.side,
    price: params.price,
    initialCount: count,
    fillCount: ZERO,
    remainingCount: count,
    status: 'resting',
    timeInForce: params.timeInForce,
    postOnly: params.postOnly,
    reduceOnly: params.reduceOnly,
    selfTradePrevention: params.selfTradePrevention,
    createdTime: now,
    lastUpdateTime: now,
    takerFillCost: ZERO,
    makerFillCost: ZERO,
    takerFees: ZERO,
    makerFees: ZERO,
    feeAccrued: ZERO,
    feeCharged: ZERO,
    reserved: ZERO,
  };
  if (params.expirationTime !== undefined) order.expirationTime = params.expirationTime;
  state.orders.push(order);
  state.ordersById.set(order.orderId, order);
  state.clientOrderIds.add(order.clientOrderId);

  // Self-trade prevention against the account's own crossing orders.
  let limit = params.price;
  let stoppedBySelf = false;
  if (own.length > 0) {
    if (params.selfTradePrevention === 'maker') {
      for (const o of own) cancelOrder(state, o, now);
    } else {
      // taker_at_cross: trade only at prices strictly better than our own best crossing order.
      const bestOwn = own.reduce((best, o) =>
        params.side === 'bid' ? (o.price.lt(best.price) ? o : best) : o.price.gt(best.price) ? o : best,
      );
      stoppedBySelf = true;
      limit = bestOwn.price;
    }
  }
  const tradable = (l: Level) =>
    stoppedBySelf
      ? params.side === 'bid'
        ? l.price.lt(limit)
        : l.price.gt(limit)
      : crosses(params.side, limit, l.price);

  if (params.timeInForce === 'fill_or_kill') {
    const available = levels.filter(tradable).reduce((sum, l) => sum.plus(l.size), ZERO);
    if (available.lt(count)) {
      order.remainingCount = ZERO;
      order.status = 'canceled';
      return { ok: true, order, fills: [] };
    }
  }

  const fills = takeLiquidity(state, market, order, tradable, rounding, now);

  if (order.remainingCount.gt(0)) {
    if (params.timeInForce === 'good_till_canceled' && !stoppedBySelf) {
      const reserve = order.remainingCount.times(sidePrice(order.side, order.price));
      order.reserved = reserve;
      state.balance = state.balance.minus(reserve);
    } else {
      order.remainingCount = ZERO;
      order.status =
        order.fillCount.gt(0) && order.fillCount.eq(order.initialCount) ? 'executed' : 'canceled';
    }
  }
  if (order.remainingCount.isZero() && order.status === 'resting') {
    order.status = order.fillCount.gt(0) ? 'executed' : 'canceled';
  }
  return { ok: true, order, fills };
}

/** Fills `order` as taker against the house levels that pass `tradable`, best price first. */
export function takeLiquidity(
  state: ExchangeState,
  market: MarketState,
  order: OrderState,
  tradable: (level: Level) => boolean,
  rounding: FeeRounding,
  now: number,
): FillState[] {
  const levels = houseLevels(market, order.side);
  const fills: FillState[] = [];
  while (order.remainingCount.gt(0)) {
    const level = levels[0];
    if (!level || !tradable(level)) break;
    const qty = Decimal.min(level.size, order.remainingCount);
    fills.push(applyFill(state, market, order, level.price, qty, true, rounding, now));
    level.size = level.size.minus(qty);
    if (level.size.lte(0)) levels.shift();
  }
  return fills;
}

/**
 * Amends a resting order to a new price and total count (`count` includes what already filled):
 * the part that now crosses the book fills as taker, the rest keeps resting.
 */
export function amendOrder(
  state: ExchangeState,
  market: MarketState,
  order: OrderState,
  price: Decimal,
  count: Decimal,
  rounding: FeeRounding,
  now: number,
): FillState[] {
  releaseReserve(state, order, order.remainingCount);
  order.price = price;
  order.initialCount = count;
  order.remainingCount = count.minus(order.fillCount);
  order.lastUpdateTime = now;
  const fills = takeLiquidity(
    state,
    market,
    order,
    (l) => crosses(order.side, price, l.price),
    rounding,
    now,
  );
  if (order.remainingCount.gt(0)) {
    order.reserved = order.remainingCount.times(sidePrice(order.side, price));
    state.balance = state.balance.minus(order.reserved);
  } else {
    order.status = 'executed';
  }
  return fills;
}

/** After the house prices move, the account's resting orders they cross fill as maker at their own price. */
export function matchRestingOrders(
  state: ExchangeState,
  market: MarketState,
  rounding: FeeRounding,
  now: number,
): FillState[] {
  const fills: FillState[] = [];
  const resting = restingOrders(state, market.ticker).sort((a, b) =>
    a.side === b.side ? (a.side === 'bid' ? b.price.cmp(a.price) : a.price.cmp(b.price)) || a.seq - b.seq : 0,
  );
  for (const order of resting) {
    const levels = houseLevels(market, order.side);
    while (order.remainingCount.gt(0)) {
      const level = levels[0];
      if (!level || !crosses(order.side, order.price, level.price)) break;
      const qty = Decimal.min(level.size, order.remainingCount);
      releaseReserve(state, order, qty);
      fills.push(applyFill(state, market, order, order.price, qty, false, rounding, now));
      level.size = level.size.minus(qty);
      if (level.size.lte(0)) levels.shift();
    }
    if (order.remainingCount.isZero()) order.status = 'executed';
  }
  return fills;
}

/** Settles a market: pays $1 per winning contract, closes positions, cancels resting orders. */
export function settleMarket(
  state: ExchangeState,
  market: MarketState,
  result: 'yes' | 'no',
  now: number,
): SettlementState {
  for (const order of restingOrders(state, market.ticker)) cancelOrder(state, order, now);
  const position = positionOf(state, market.ticker, now);
  const yesCount = Decimal.max(position.position, 0);
  const noCount = Decimal.max(position.position.neg(), 0);
  const revenue = result === 'yes' ? yesCount : noCount;
  const settlement: SettlementState = {
    seq: state.nextSeq++,
    ticker: market.ticker,
    eventTicker: market.eventTicker,
    result,
    yesCount,
    yesTotalCost: yesCount.gt(0) ? position.exposure : ZERO,
    noCount,
    noTotalCost: noCount.gt(0) ? position.exposure : ZERO,
    revenue,
    feeCost: ZERO,
    settledTime: now,
  };
  state.balance = state.balance.plus(revenue);
  position.realizedPnl = position.realizedPnl.plus(revenue).minus(position.exposure);
  position.position = ZERO;
  position.exposure = ZERO;
  position.lastUpdated = now;
  market.status = 'finalized';
  market.result = result;
  market.settlementTs = now;
  market.updatedTime = now;
  market.bids = [];
  market.asks = [];
  market.openInterest = ZERO;
  market.lastPrice = result === 'yes' ? ONE : ZERO;
  state.settlements.push(settlement);
  return settlement;
}

/** Seeds a starting position. */
export function seedPosition(state: ExchangeState, input: FakePositionInput, now: number): void {
  const position = positionOf(state, input.ticker, now);
  position.position = dec(input.position);
  const market = state.markets.get(input.ticker);
  let exposure = ZERO;
  if (input.marketExposure !== undefined) exposure = dec(input.marketExposure);
  else if (market) {
    const side = position.position.gte(0) ? 'bid' : 'ask';
    const touch = side === 'bid' ? market.asks[0]?.price : market.bids[0]?.price;
    exposure = touch ? position.position.abs().times(sidePrice(side, touch)) : ZERO;
  }
  position.exposure = exposure;
  position.realizedPnl = dec(input.realizedPnl ?? 0);
  position.feesPaid = dec(input.feesPaid ?? 0);
  position.totalTraded = dec(input.totalTraded ?? exposure);
}

/** Seeds a historical fill (history only: positions and balance are left alone). */
export function seedFill(
  state: ExchangeState,
  input: FakeFillInput,
  rounding: FeeRounding,
  now: number,
): void {
  const price = dec(input.price);
  const count = dec(input.count);
  const isTaker = input.isTaker ?? true;
  const market = state.markets.get(input.ticker);
  const schedule = market ? feeScheduleOf(state, market) : {};
  state.fills.push({
    seq: state.nextSeq++,
    fillId: input.fillId ?? makeId('fill', ++state.ids.fill),
    orderId: input.orderId ?? makeId('order', ++state.ids.order),
    ticker: input.ticker,
    side: input.side,
    count,
    price,
    isTaker,
    fee:
      input.fee !== undefined
        ? dec(input.fee)
        : tradingFee({ ...schedule, price, count, role: isTaker ? 'taker' : 'maker', rounding }),
    time: toMs(input.time, now),
  });
}

/** Seeds a historical settlement. */
export function seedSettlement(state: ExchangeState, input: FakeSettlementInput, now: number): void {
  const yesCount = dec(input.yesCount ?? 0);
  const noCount = dec(input.noCount ?? 0);
  const market = state.markets.get(input.ticker);
  state.settlements.push({
    seq: state.nextSeq++,
    ticker: input.ticker,
    eventTicker:
      input.eventTicker ?? market?.eventTicker ?? input.ticker.slice(0, input.ticker.lastIndexOf('-')),
    result: input.result,
    yesCount,
    yesTotalCost: dec(input.yesTotalCost ?? 0),
    noCount,
    noTotalCost: dec(input.noTotalCost ?? 0),
    revenue: input.result === 'yes' ? yesCount : noCount,
    feeCost: dec(input.feeCost ?? 0),
    settledTime: toMs(input.settledTime, now),
  });
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
