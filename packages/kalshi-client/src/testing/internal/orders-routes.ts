import Decimal from 'decimal.js';
import type { FeeRounding } from '../../trading-rules/fees';
import { isOnPriceGrid } from '../../trading-rules/prices';
import { fp } from './format';
import { cancelOrder, reduceOrder } from './ledger';
import { amendOrder, placeOrder } from './matching';
import { enforceOrderGroupLimits, groupForNewOrder, joinGroup } from './order-groups';
import type { ExchangeState, FillState, OrderState, TimeInForce } from './state';
import { exchangeError, flatBadRequest, jsonResponse, nestedError, type WireResponse } from './wire-errors';

export interface OrderContext {
  state: ExchangeState;
  rounding: FeeRounding;
  now: number;
  newClientOrderId: () => string;
}

type Json = Record<string, unknown>;

/** Money per contract in responses: 4 decimals, up to 6 when needed. */
function perContract(value: Decimal): string {
  const six = value.toFixed(6, Decimal.ROUND_HALF_EVEN);
  return six.endsWith('00') ? value.toFixed(4, Decimal.ROUND_HALF_EVEN) : six;
}

const TIME_IN_FORCE = new Set(['good_till_canceled', 'immediate_or_cancel', 'fill_or_kill']);
const STP = new Set(['taker_at_cross', 'maker']);
const COUNT_TEXT = /^\d+(\.\d{1,2})?$/;
const PRICE_TEXT = /^\d+(\.\d{1,6})?$/;

/** A request body error in Kalshi's flat shape, worded like its Go JSON decoder. */
function typeError(model: string, field: string, got: unknown, want: string): WireResponse {
  const kind = typeof got === 'number' ? 'number' : typeof got === 'boolean' ? 'bool' : 'object';
  return flatBadRequest(
    `json: cannot unmarshal ${kind} into Go struct field ${model}.${field} of type ${want}`,
  );
}

export function parseJsonBody(body: string | undefined): Json | WireResponse {
  if (body === undefined || body.trim() === '') return flatBadRequest('EOF');
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return flatBadRequest('json: cannot unmarshal non-object into request body');
    }
    return parsed as Json;
  } catch (cause) {
    return flatBadRequest(`invalid character in request body: ${(cause as Error).message}`);
  }
}

function isWire(value: unknown): value is WireResponse {
  return (
    typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'headers' in value
  );
}

function strField(
  body: Json,
  model: string,
  field: string,
  required: boolean,
): string | undefined | WireResponse {
  const value = body[field];
  if (value === undefined || value === null) {
    return required ? flatBadRequest(`missing required field ${field}`) : undefined;
  }
  if (typeof value !== 'string') return typeError(model, field, value, 'string');
  return value;
}

function boolField(body: Json, model: string, field: string): boolean | WireResponse {
  const value = body[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') return typeError(model, field, value, 'bool');
  return value;
}

function createResult(order: OrderState, fills: FillState[], now: number): Json {
  const result: Json = {
    client_order_id: order.clientOrderId,
    fill_count: fp(order.fillCount),
    order_id: order.orderId,
    remaining_count: fp(order.remainingCount),
    ts_ms: now,
  };
  if (order.fillCount.gt(0)) {
    const filled = fills.reduce((sum, f) => sum.plus(f.count), new Decimal(0));
    const notional = fills.reduce((sum, f) => sum.plus(f.count.times(f.price)), new Decimal(0));
    const fees = fills.reduce((sum, f) => sum.plus(f.fee), new Decimal(0));
    if (filled.gt(0)) {
      result.average_fee_paid = perContract(fees.div(filled));
      result.average_fill_price = perContract(notional.div(filled));
    }
  }
  return result;
}

/** Validates and executes one CreateOrderV2Request; returns the response item or an error response. */
export function createOrder(ctx: OrderContext, body: Json): { status: number; result: Json } | WireResponse {
  const model = 'CreateOrderV2Request';
  const ticker = strField(body, model, 'ticker', true);
  if (isWire(ticker)) return ticker;
  const side = strField(body, model, 'side', true);
  if (isWire(side)) return side;
  const countText = strField(body, model, 'count', true);
  if (isWire(countText)) return countText;
  const priceText = strField(body, model, 'price', true);
  if (isWire(priceText)) return priceText;
  const tif = strField(body, model, 'time_in_force', true);
  if (isWire(tif)) return tif;
  const stp = strField(body, model, 'self_trade_prevention_type', true);
  if (isWire(stp)) return stp;
  const clientOrderId = strField(body, model, 'client_order_id', false);
  if (isWire(clientOrderId)) return clientOrderId;
  const postOnly = boolField(body, model, 'post_only');
  if (isWire(postOnly)) return postOnly;
  const reduceOnly = boolField(body, model, 'reduce_only');
  if (isWire(reduceOnly)) return reduceOnly;
  const expiration = body.expiration_time;
  if (expiration !== undefined && expiration !== null && typeof expiration !== 'number') {
    return typeError(model, 'expiration_time', expiration, 'int64');
  }
  if (side !== 'bid' && side !== 'ask') return flatBadRequest(`invalid side "${side}": expected bid or ask`);
  if (!TIME_IN_FORCE.has(tif as string)) return flatBadRequest(`invalid time_in_force "${tif}"`);
  if (!STP.has(stp as string)) return flatBadRequest(`invalid self_trade_prevention_type "${stp}"`);
  if (!COUNT_TEXT.test(countText as string) || new Decimal(countText as string).lte(0)) {
    return exchangeError(400, 'invalid_order_count');
  }
  if (!PRICE_TEXT.test(priceText as string)) return exchangeError(400, 'invalid_price');

  const { state, now } = ctx;
  const market = state.markets.get(ticker as string);
  if (!market) return exchangeError(404, 'market_not_found');
  const price = new Decimal(priceText as string);
  if (!isOnPriceGrid(price, market.priceRanges)) return exchangeError(400, 'invalid_price');
  if (!state.exchangeActive || !state.tradingActive) return exchangeError(400, 'trading_is_paused');
  if (market.status !== 'active') return exchangeError(400, 'market_closed');
  const coid = clientOrderId ?? ctx.newClientOrderId();
  if (state.clientOrderIds.has(coid)) return exchangeError(409, 'order_already_exists');
  const group = groupForNewOrder(state, body.order_group_id);
  if (isWire(group)) return group;

  const outcome = placeOrder(
    state,
    market,
    {
      ticker: market.ticker,
      side,
      price,
      count: new Decimal(countText as string),
      clientOrderId: coid,
      timeInForce: tif as TimeInForce,
      postOnly,
      reduceOnly,
      selfTradePrevention: stp as 'taker_at_cross' | 'maker',
      ...(typeof expiration === 'number' ? { expirationTime: expiration } : {}),
    },
    ctx.rounding,
    now,
  );
  if (!outcome.ok) {
    if (outcome.code === 'post_only_cross') {
      return nestedError(400, 'invalid_order', 'invalid order', { details: 'post only cross' });
    }
    if (outcome.code === 'reduce_only') {
      return nestedError(400, 'invalid_order', 'invalid order', {
        details: 'reduce only order would increase position',
      });
    }
    return exchangeError(400, 'insufficient_balance');
  }
  if (group) joinGroup(state, group, outcome.order, now);
  return { status: 201, result: createResult(outcome.order, outcome.fills, now) };
}

function wireToItemError(response: WireResponse): Json {
  const parsed = JSON.parse(response.body) as Json;
  if (parsed.error && typeof parsed.error === 'object') return parsed.error as Json;
  return parsed;
}

export function batchCreate(ctx: OrderContext, body: Json): WireResponse {
  const orders = body.orders;
  if (!Array.isArray(orders)) return flatBadRequest('missing required field orders');
  if (orders.length === 0 || orders.length > 20) return exchangeError(400, 'invalid_batch_size');
  const results = orders.map((item) => {
    if (item === null || typeof item !== 'object')
      return { error: { code: 'bad_request', message: 'bad request' } };
    const outcome = createOrder(ctx, item as Json);
    if (isWire(outcome)) {
      const coid = (item as Json).client_order_id;
      return {
        ...(typeof coid === 'string' ? { client_order_id: coid } : {}),
        error: wireToItemError(outcome),
      };
    }
    return outcome.result;
  });
  return jsonResponse(201, { orders: results });
}

function restingOrder(ctx: OrderContext, orderId: string): OrderState | undefined {
  const order = ctx.state.ordersById.get(orderId);
  return order && order.status === 'resting' ? order : undefined;
}

export function cancelOne(ctx: OrderContext, orderId: string): WireResponse {
  const order = restingOrder(ctx, orderId);
  if (!order) return exchangeError(404, 'not_found');
  const reduced = cancelOrder(ctx.state, order, ctx.now);
  return jsonResponse(200, {
    client_order_id: order.clientOrderId,
    order_id: order.orderId,
    reduced_by: fp(reduced),
    ts_ms: ctx.now,
  });
}

export function batchCancel(ctx: OrderContext, body: Json): WireResponse {
  const items = Array.isArray(body.orders)
    ? body.orders.map((o) => (o && typeof o === 'object' ? (o as Json).order_id : undefined))
    : Array.isArray(body.ids)
      ? body.ids
      : undefined;
  if (!items) return flatBadRequest('missing required field orders');
  if (items.length === 0 || items.length > 20) return exchangeError(400, 'invalid_batch_size');
  const results = items.map((id) => {
    const order = typeof id === 'string' ? restingOrder(ctx, id) : undefined;
    if (!order) {
      return {
        order_id: String(id),
        reduced_by: '0.00',
        error: { code: 'not_found', message: 'not found', service: 'exchange' },
      };
    }
    const reduced = cancelOrder(ctx.state, order, ctx.now);
    return {
      client_order_id: order.clientOrderId,
      order_id: order.orderId,
      reduced_by: fp(reduced),
      ts_ms: ctx.now,
    };
  });
  return jsonResponse(200, { orders: results });
}

export function cancelAll(ctx: OrderContext): WireResponse {
  for (const order of ctx.state.orders)
    if (order.status === 'resting') cancelOrder(ctx.state, order, ctx.now);
  return { status: 204, headers: {}, body: '' };
}

export function amend(ctx: OrderContext, orderId: string, body: Json): WireResponse {
  const model = 'AmendOrderV2Request';
  const ticker = strField(body, model, 'ticker', true);
  if (isWire(ticker)) return ticker;
  const side = strField(body, model, 'side', true);
  if (isWire(side)) return side;
  const priceText = strField(body, model, 'price', true);
  if (isWire(priceText)) return priceText;
  const countText = strField(body, model, 'count', true);
  if (isWire(countText)) return countText;
  const updated = strField(body, model, 'updated_client_order_id', false);
  if (isWire(updated)) return updated;
  const order = restingOrder(ctx, orderId);
  if (!order) return exchangeError(404, 'not_found');
  if (order.ticker !== ticker || order.side !== side) {
    return nestedError(400, 'invalid_order', 'invalid order', {
      details: 'ticker and side must match the order',
    });
  }
  const market = ctx.state.markets.get(order.ticker);
  if (!market) return exchangeError(404, 'market_not_found');
  if (!PRICE_TEXT.test(priceText as string) || !isOnPriceGrid(priceText as string, market.priceRanges)) {
    return exchangeError(400, 'invalid_price');
  }
  if (!COUNT_TEXT.test(countText as string)) return exchangeError(400, 'invalid_order_count');
  const count = new Decimal(countText as string);
  if (count.lte(order.fillCount)) return exchangeError(400, 'invalid_order_count');
  if (updated !== undefined) {
    if (ctx.state.clientOrderIds.has(updated)) return exchangeError(409, 'order_already_exists');
    ctx.state.clientOrderIds.add(updated);
    order.clientOrderId = updated;
  }
  const fills = amendOrder(
    ctx.state,
    market,
    order,
    new Decimal(priceText as string),
    count,
    ctx.rounding,
    ctx.now,
  );
  enforceOrderGroupLimits(ctx.state, ctx.now);
  return jsonResponse(200, createResult(order, fills, ctx.now));
}

export function decrease(ctx: OrderContext, orderId: string, body: Json): WireResponse {
  const model = 'DecreaseOrderV2Request';
  const by = strField(body, model, 'reduce_by', false);
  if (isWire(by)) return by;
  const to = strField(body, model, 'reduce_to', false);
  if (isWire(to)) return to;
  if ((by === undefined) === (to === undefined)) {
    return flatBadRequest('exactly one of reduce_by and reduce_to is required');
  }
  const text = (by ?? to) as string;
  if (!COUNT_TEXT.test(text)) return exchangeError(400, 'invalid_order_count');
  const order = restingOrder(ctx, orderId);
  if (!order) return exchangeError(404, 'not_found');
  const amount = new Decimal(text);
  const target = by !== undefined ? order.remainingCount.minus(amount) : amount;
  if (target.gte(order.remainingCount) && by === undefined) return exchangeError(400, 'invalid_order_count');
  reduceOrder(ctx.state, order, Decimal.max(target, 0), ctx.now);
  return jsonResponse(200, {
    client_order_id: order.clientOrderId,
    order_id: order.orderId,
    remaining_count: fp(order.remainingCount),
    ts_ms: ctx.now,
  });
}

export { isWire };
