import Decimal from 'decimal.js';
import { type FeeRounding, tradingFee } from '../../trading-rules/fees';
import {
  applyFill,
  cancelOrder,
  closingCount,
  crosses,
  refreshReserves,
  releaseReserve,
  reserveFor,
  restingOrders,
  sidePrice,
} from './ledger';
import {
  type ExchangeState,
  type FillState,
  feeScheduleOf,
  type Level,
  type MarketState,
  makeId,
  type OrderState,
  type TimeInForce,
  ZERO,
} from './state';

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
  // Fills happen at the limit or better: the fee is largest at the price nearest to 0.50 on that side.
  const feePrice =
    params.side === 'bid' ? Decimal.min(params.price, '0.5') : Decimal.max(params.price, '0.5');
  const feeBound = tradingFee({
    ...feeScheduleOf(state, market),
    price: feePrice,
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
      order.reserved = reserveFor(state, market, order, rounding);
      state.balance = state.balance.minus(order.reserved);
    } else {
      order.remainingCount = ZERO;
      order.status =
        order.fillCount.gt(0) && order.fillCount.eq(order.initialCount) ? 'executed' : 'canceled';
    }
  }
  if (order.remainingCount.isZero() && order.status === 'resting') {
    order.status = order.fillCount.gt(0) ? 'executed' : 'canceled';
  }
  if (fills.length > 0) refreshReserves(state, market, rounding);
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
    order.reserved = reserveFor(state, market, order, rounding);
    state.balance = state.balance.minus(order.reserved);
  } else {
    order.status = 'executed';
  }
  if (fills.length > 0) refreshReserves(state, market, rounding);
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
  if (fills.length > 0) refreshReserves(state, market, rounding);
  return fills;
}
