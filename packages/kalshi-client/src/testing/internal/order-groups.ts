import Decimal from 'decimal.js';
import { fp } from './format';
import { cancelOrder } from './ledger';
import type { ExchangeState, OrderState } from './state';
import { exchangeError, flatBadRequest, jsonResponse, type WireResponse } from './wire-errors';

/** Kalshi measures an order group's matched contracts over a rolling 15-second window. */
export const ORDER_GROUP_WINDOW_MS = 15_000;

/** One order group of the fake account. */
export interface OrderGroupState {
  id: string;
  /** Contracts that may match inside the rolling window; exceeding it triggers the group. */
  contractsLimit: Decimal;
  /** Triggered: every order of the group was canceled and new ones are refused until a reset. */
  triggered: boolean;
  /** Fills with a smaller sequence number no longer count (set at creation and by a reset). */
  countFromSeq: number;
  orderIds: string[];
  subaccount: number;
}

/** A change of an order group, as the `order_group_updates` channel reports it. */
export interface OrderGroupEvent {
  eventType: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';
  groupId: string;
  /** The group's limit (`created` and `limit_updated` only). */
  contractsLimit?: Decimal;
  time: number;
}

interface OrderGroupBook {
  groups: Map<string, OrderGroupState>;
  next: number;
  /** Every change, oldest first (the WebSocket streams it from a cursor). */
  events: OrderGroupEvent[];
}

// Kept beside the exchange state rather than inside it: order groups are an add-on the core
// matching engine never needs to know about.
const books = new WeakMap<ExchangeState, OrderGroupBook>();

function bookOf(state: ExchangeState): OrderGroupBook {
  let book = books.get(state);
  if (!book) {
    book = { groups: new Map(), next: 0, events: [] };
    books.set(state, book);
  }
  return book;
}

/** Every order group change so far, oldest first. */
export function orderGroupEventsOf(state: ExchangeState): readonly OrderGroupEvent[] {
  return bookOf(state).events;
}

function record(state: ExchangeState, event: OrderGroupEvent): void {
  bookOf(state).events.push(event);
}

/** Every order group of the fake, oldest first. */
export function orderGroupsOf(state: ExchangeState): OrderGroupState[] {
  return [...bookOf(state).groups.values()];
}

const COUNT_TEXT = /^\d+(\.\d{1,2})?$/;

type Json = Record<string, unknown>;

/** Reads `contracts_limit` (whole number) or `contracts_limit_fp` (text); both must agree when given. */
function limitFrom(body: Json): Decimal | WireResponse {
  const whole = body.contracts_limit;
  const text = body.contracts_limit_fp;
  let limit: Decimal | undefined;
  if (whole !== undefined && whole !== null) {
    if (typeof whole !== 'number' || !Number.isInteger(whole) || whole < 1) {
      return flatBadRequest('contracts_limit must be a positive whole number');
    }
    limit = new Decimal(whole);
  }
  if (text !== undefined && text !== null) {
    if (typeof text !== 'string' || !COUNT_TEXT.test(text) || new Decimal(text).lt(1)) {
      return flatBadRequest('contracts_limit_fp must be a count of at least 1 with up to 2 decimals');
    }
    if (limit && !limit.eq(text)) return flatBadRequest('contracts_limit and contracts_limit_fp differ');
    limit = new Decimal(text);
  }
  return limit ?? flatBadRequest('contracts_limit or contracts_limit_fp is required');
}

function isWire(value: unknown): value is WireResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

/** Contracts of the group's orders matched within the window ending at `now`. */
export function matchedInWindow(state: ExchangeState, group: OrderGroupState, now: number): Decimal {
  const ids = new Set(group.orderIds);
  return state.fills
    .filter((f) => ids.has(f.orderId) && f.seq >= group.countFromSeq && f.time > now - ORDER_GROUP_WINDOW_MS)
    .reduce((sum, f) => sum.plus(f.count), new Decimal(0));
}

function cancelGroupOrders(state: ExchangeState, group: OrderGroupState, now: number): void {
  for (const id of group.orderIds) {
    const order = state.ordersById.get(id);
    if (order && order.status === 'resting') cancelOrder(state, order, now);
  }
}

/** Cancels every resting order of the group and refuses new ones until a reset. */
export function triggerGroup(state: ExchangeState, group: OrderGroupState, now: number): void {
  if (!group.triggered) record(state, { eventType: 'triggered', groupId: group.id, time: now });
  group.triggered = true;
  cancelGroupOrders(state, group, now);
}

/** Triggers every group whose matched contracts exceed its limit (called after any matching). */
export function enforceOrderGroupLimits(state: ExchangeState, now: number): void {
  for (const group of bookOf(state).groups.values()) {
    if (!group.triggered && matchedInWindow(state, group, now).gt(group.contractsLimit)) {
      triggerGroup(state, group, now);
    }
  }
}

/**
 * Checks the `order_group_id` of a new order: undefined when there is none, the group when it
 * accepts orders, or the error answer (unknown group, or triggered and not reset).
 */
export function groupForNewOrder(
  state: ExchangeState,
  groupId: unknown,
): OrderGroupState | undefined | WireResponse {
  if (groupId === undefined || groupId === null) return undefined;
  if (typeof groupId !== 'string') return flatBadRequest('order_group_id must be a string');
  const group = bookOf(state).groups.get(groupId);
  if (!group) return exchangeError(404, 'order_group_not_found');
  if (group.triggered) return exchangeError(400, 'order_group_triggered');
  return group;
}

/** Puts a just-placed order into its group and applies the group's limit to its fills. */
export function joinGroup(
  state: ExchangeState,
  group: OrderGroupState,
  order: OrderState,
  now: number,
): void {
  order.orderGroupId = group.id;
  group.orderIds.push(order.orderId);
  if (matchedInWindow(state, group, now).gt(group.contractsLimit)) triggerGroup(state, group, now);
}

function groupBody(group: OrderGroupState): Json {
  return {
    contracts_limit_fp: fp(group.contractsLimit),
    exchange_index: 0,
    id: group.id,
    is_auto_cancel_enabled: true,
  };
}

/** Routes `/portfolio/order_groups*`; undefined when the path is not one of them. */
export function routeOrderGroups(
  state: ExchangeState,
  method: string,
  seg: readonly string[],
  body: () => Json | WireResponse,
  now: number,
): WireResponse | undefined {
  const [a, b, id, action] = seg;
  if (a !== 'portfolio' || b !== 'order_groups') return undefined;
  const book = bookOf(state);
  if (method === 'GET' && id === undefined) {
    return jsonResponse(200, { order_groups: [...book.groups.values()].map(groupBody) });
  }
  if (method === 'POST' && id === 'create' && action === undefined) {
    const json = body();
    if (isWire(json)) return json;
    const limit = limitFrom(json);
    if (isWire(limit)) return limit;
    const subaccount = typeof json.subaccount === 'number' ? json.subaccount : 0;
    book.next += 1;
    const group: OrderGroupState = {
      id: `00000000-0000-4096-8000-${book.next.toString(16).padStart(12, '0')}`,
      contractsLimit: limit,
      triggered: false,
      countFromSeq: state.nextSeq,
      orderIds: [],
      subaccount,
    };
    book.groups.set(group.id, group);
    record(state, { eventType: 'created', groupId: group.id, contractsLimit: limit, time: now });
    return jsonResponse(201, { exchange_index: 0, order_group_id: group.id, subaccount });
  }
  if (id === undefined || seg.length > 4) return undefined;
  const group = book.groups.get(id);
  if (!group) return exchangeError(404, 'not_found');
  if (method === 'GET' && action === undefined) {
    return jsonResponse(200, {
      contracts_limit_fp: fp(group.contractsLimit),
      exchange_index: 0,
      is_auto_cancel_enabled: true,
      orders: [...group.orderIds],
    });
  }
  if (method === 'DELETE' && action === undefined) {
    cancelGroupOrders(state, group, now);
    book.groups.delete(id);
    record(state, { eventType: 'deleted', groupId: id, time: now });
    return jsonResponse(200, {});
  }
  if (method === 'PUT' && action === 'trigger') {
    triggerGroup(state, group, now);
    return jsonResponse(200, {});
  }
  if (method === 'PUT' && action === 'reset') {
    group.triggered = false;
    group.countFromSeq = state.nextSeq;
    record(state, { eventType: 'reset', groupId: id, time: now });
    return jsonResponse(200, {});
  }
  if (method === 'PUT' && action === 'limit') {
    const json = body();
    if (isWire(json)) return json;
    const limit = limitFrom(json);
    if (isWire(limit)) return limit;
    group.contractsLimit = limit;
    record(state, { eventType: 'limit_updated', groupId: id, contractsLimit: limit, time: now });
    if (matchedInWindow(state, group, now).gt(limit)) triggerGroup(state, group, now);
    return jsonResponse(200, {});
  }
  return undefined;
}
