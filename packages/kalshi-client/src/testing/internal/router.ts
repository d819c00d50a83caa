import type { FakeRequest } from '../types';
import { routeCandlesticks } from './candlesticks';
import { historicalRoute } from './historical';
import { expireOrders } from './ledger';
import { routeLiveData } from './live-data';
import { routeOrderGroups } from './order-groups';
import {
  amend,
  batchCancel,
  batchCreate,
  cancelAll,
  cancelOne,
  createOrder,
  decrease,
  isWire,
  type OrderContext,
  parseJsonBody,
} from './orders-routes';
import * as read from './read-routes';
import { jsonResponse, nestedError, type WireResponse } from './wire-errors';

/** What the account endpoints report about the rate limiter. */
export interface LimitsInfo {
  read: { capacity: number; refill: number };
  write: { capacity: number; refill: number };
  usageTier: string;
  defaultCost: number;
  costTable: ReadonlyArray<{ method: string; path: string; cost: number }>;
}

/** Dispatches one authenticated, rate-limited request (`path` after `/trade-api/v2`). */
export function route(
  ctx: OrderContext,
  limits: LimitsInfo,
  method: string,
  path: string,
  request: FakeRequest,
): WireResponse {
  const { state, now } = ctx;
  expireOrders(state, now);
  const q = request.query;
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  const withBody = (fn: (body: Record<string, unknown>) => WireResponse): WireResponse => {
    const body = parseJsonBody(request.body);
    return isWire(body) ? body : fn(body);
  };
  const [a, b, c, d, e] = seg;
  const groups = routeOrderGroups(state, method, seg, () => parseJsonBody(request.body), now);
  if (groups) return groups;
  const live = routeLiveData(state, method, seg, q);
  if (live) return live;
  const candles = routeCandlesticks(state, method, seg, q);
  if (candles) return candles;
  if (method === 'GET') {
    if (a === 'exchange' && b === 'status' && !c) return read.exchangeStatus(state);
    if (a === 'historical' && b === 'positions' && !c) return read.listPositions(state, q, true);
    if (a === 'historical' && b === 'markets' && !c) return read.listMarkets(state, q, true);
    if (a === 'historical') return historicalRoute(state, q, b, c);
    if (a === 'exchange' && b === 'schedule' && !c) return read.exchangeSchedule();
    if (a === 'exchange' && b === 'user_data_timestamp' && !c) {
      return jsonResponse(200, { as_of_time: new Date(now).toISOString() });
    }
    if (a === 'markets' && !b) return read.listMarkets(state, q);
    if (a === 'markets' && b === 'trades' && !c) return read.listTrades(state, q);
    if (a === 'markets' && b && !c) return read.getMarket(state, b);
    if (a === 'markets' && b && c === 'orderbook' && !d) return read.getOrderbook(state, b, q);
    if (a === 'events' && !b) return read.listEvents(state, q);
    if (a === 'events' && b && !c) return read.getEvent(state, b);
    if (a === 'series' && !b) return read.listSeries(state, q);
    if (a === 'series' && b && !c) return read.getSeries(state, b);
    if (a === 'account' && b === 'limits' && !c) {
      return jsonResponse(200, {
        grants: [],
        read: { bucket_capacity: limits.read.capacity, refill_rate: limits.read.refill },
        usage_tier: limits.usageTier,
        write: { bucket_capacity: limits.write.capacity, refill_rate: limits.write.refill },
      });
    }
    if (a === 'account' && b === 'endpoint_costs' && !c) {
      return jsonResponse(200, { default_cost: limits.defaultCost, endpoint_costs: limits.costTable });
    }
    if (a === 'portfolio') {
      if (b === 'balance' && !c) return read.getBalance(state, now);
      if (b === 'positions' && !c) return read.listPositions(state, q);
      if (b === 'fills' && !c) return read.listFills(state, q);
      if (b === 'settlements' && !c) return read.listSettlements(state, q);
      if (b === 'orders' && !c) return read.listOrders(state, q);
      if (b === 'orders' && c === 'queue_positions' && !d) return read.listQueuePositions(state, q);
      if (b === 'orders' && c && !d) return read.getOrder(state, c);
      if (b === 'orders' && c && d === 'queue_position' && !e) return read.getQueuePosition(state, c);
    }
  }
  if (a === 'portfolio' && b === 'events' && c === 'orders') {
    if (method === 'POST' && !d) {
      return withBody((body) => {
        const outcome = createOrder(ctx, body);
        return isWire(outcome) ? outcome : jsonResponse(outcome.status, outcome.result);
      });
    }
    if (method === 'DELETE' && !d) return cancelAll(ctx);
    if (d === 'batched' && !e) {
      if (method === 'POST') return withBody((body) => batchCreate(ctx, body));
      if (method === 'DELETE') return withBody((body) => batchCancel(ctx, body));
    }
    if (method === 'DELETE' && d && !e) return cancelOne(ctx, d);
    if (method === 'POST' && d && e === 'amend' && seg.length === 5)
      return withBody((body) => amend(ctx, d, body));
    if (method === 'POST' && d && e === 'decrease' && seg.length === 5) {
      return withBody((body) => decrease(ctx, d, body));
    }
  }
  if (a === 'portfolio' && b === 'orders' && method !== 'GET') {
    // Kalshi retired the V1 order writes in June 2026.
    return nestedError(
      410,
      'deprecated_v1_order_endpoint',
      'this endpoint is deprecated; use /portfolio/events/orders',
      {
        service: 'exchange',
      },
    );
  }
  return nestedError(404, 'not_found', 'not found');
}
