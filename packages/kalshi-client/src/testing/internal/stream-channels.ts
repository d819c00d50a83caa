// What each WebSocket channel of the fake exchange streams, derived from its state: every
// subscription keeps a baseline (taken when it is made) and streams what changed since.
import Decimal from 'decimal.js';
import { fp, money6, price4 } from './format';
import { orderGroupEventsOf } from './order-groups';
import { type ExchangeState, type MarketState, ONE, type OrderState } from './state';
import { bookOf } from './wire';

/** Price → size of one side of a wire book. */
export type Levels = Map<string, Decimal>;
/** A wire book: YES bids under `yes`, YES asks as NO bids (1 − p) under `no`. */
export interface WireBook {
  yes: Levels;
  no: Levels;
}

/** One subscription (one channel, one sid) and what it has streamed so far. */
export interface StreamSub {
  sid: number;
  channel: string;
  tickers: Set<string> | undefined;
  seq: number;
  /** `orderbook_delta`: the book each market was last streamed with. */
  books: Map<string, WireBook>;
  /** `fill`, `trade`, `market_positions`: fills already streamed. */
  fillCursor: number;
  /** `order_group_updates`: order group changes already streamed. */
  groupCursor: number;
  /** `ticker`, `market_positions`, `user_orders`, `market_lifecycle_v2`: the last value streamed per key. */
  seen: Map<string, string>;
}

/** Sends one data message of a subscription (`seq` and the injected faults are the sender's). */
export type Emit = (type: string, msg: Record<string, unknown>) => void;

/** The wire book of a market (undefined when unknown). */
export function wireBook(state: ExchangeState, ticker: string): WireBook | undefined {
  const market = state.markets.get(ticker);
  if (!market) return undefined;
  const { bids, asks } = bookOf(state, market);
  const no: Levels = new Map();
  for (const [p, s] of asks) no.set(price4(ONE.minus(p)), s);
  return { yes: new Map(bids), no };
}

/** The `orderbook_snapshot` body of a book: each side ascending by price, an empty side omitted. */
export function snapshotMessage(ticker: string, book: WireBook): Record<string, unknown> {
  const side = (levels: Levels) =>
    [...levels.entries()].sort((a, b) => new Decimal(a[0]).cmp(b[0])).map(([p, s]) => [p, fp(s)]);
  const msg: Record<string, unknown> = { market_ticker: ticker, market_id: ticker };
  if (book.yes.size > 0) msg.yes_dollars_fp = side(book.yes);
  if (book.no.size > 0) msg.no_dollars_fp = side(book.no);
  return msg;
}

function positionMessage(state: ExchangeState, ticker: string): Record<string, unknown> | undefined {
  const p = state.positions.get(ticker);
  if (!p) return undefined;
  return {
    user_id: state.userId,
    market_ticker: p.ticker,
    position_fp: fp(p.position),
    position_cost_dollars: money6(p.exposure),
    realized_pnl_dollars: money6(p.realizedPnl),
    fees_paid_dollars: money6(p.feesPaid),
    // Contracts traded (the position's `totalTraded` is in dollars, as REST reports it).
    volume_fp: fp(
      state.fills.filter((f) => f.ticker === ticker).reduce((sum, f) => sum.plus(f.count), new Decimal(0)),
    ),
  };
}

/** What a `user_order` message reports of an order (two changes within one millisecond differ too). */
function orderKey(o: OrderState): string {
  return `${o.status}|${o.fillCount}|${o.remainingCount}|${o.price}|${o.lastUpdateTime}`;
}

/** A new subscription's baseline: it streams changes made after it, not the state it found. */
export function newSub(
  state: ExchangeState,
  sid: number,
  channel: string,
  tickers: Set<string> | undefined,
): StreamSub {
  const sub: StreamSub = {
    sid,
    channel,
    tickers,
    seq: 0,
    books: new Map(),
    fillCursor: state.fills.length,
    groupCursor: orderGroupEventsOf(state).length,
    seen: new Map(),
  };
  if (channel === 'user_orders')
    for (const o of state.orders) sub.seen.set(`order:${o.orderId}`, orderKey(o));
  if (channel === 'market_positions')
    for (const ticker of state.positions.keys())
      sub.seen.set(`position:${ticker}`, JSON.stringify(positionMessage(state, ticker)));
  if (channel === 'market_lifecycle_v2') {
    for (const m of state.markets.values()) sub.seen.set(`status:${m.ticker}`, m.status);
    for (const e of state.events.keys()) sub.seen.set(`event:${e}`, 'created');
  }
  return sub;
}

function wanted(sub: StreamSub, ticker: string): boolean {
  return sub.tickers === undefined || sub.tickers.has(ticker);
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function bookDeltas(state: ExchangeState, sub: StreamSub, now: number, emit: Emit): void {
  for (const ticker of sub.tickers ?? []) {
    const before = sub.books.get(ticker);
    const after = wireBook(state, ticker);
    if (!before || !after) continue;
    for (const side of ['yes', 'no'] as const) {
      const prices = new Set([...before[side].keys(), ...after[side].keys()]);
      for (const p of [...prices].sort()) {
        const delta = (after[side].get(p) ?? new Decimal(0)).minus(before[side].get(p) ?? 0);
        if (delta.isZero()) continue;
        emit('orderbook_delta', {
          market_ticker: ticker,
          market_id: ticker,
          price_dollars: p,
          delta_fp: fp(delta),
          side,
          ts: new Date(now).toISOString(),
          ts_ms: now,
        });
      }
    }
    sub.books.set(ticker, after);
  }
}

function tickers(state: ExchangeState, sub: StreamSub, now: number, emit: Emit): void {
  for (const m of state.markets.values()) {
    if (!wanted(sub, m.ticker)) continue;
    const { bids, asks } = bookOf(state, m);
    const bid = bids.entries().next().value;
    const ask = asks.entries().next().value;
    const msg = {
      market_ticker: m.ticker,
      market_id: m.ticker,
      price_dollars: price4(m.lastPrice),
      yes_bid_dollars: bid ? bid[0] : '0.0000',
      yes_ask_dollars: ask ? ask[0] : '1.0000',
      yes_bid_size_fp: bid ? fp(bid[1]) : '0.00',
      yes_ask_size_fp: ask ? fp(ask[1]) : '0.00',
      volume_fp: fp(m.volume),
      open_interest_fp: fp(m.openInterest),
    };
    const key = JSON.stringify(msg);
    if (sub.seen.get(`ticker:${m.ticker}`) === key) continue;
    sub.seen.set(`ticker:${m.ticker}`, key);
    emit('ticker', { ...msg, ts: seconds(now), ts_ms: now, time: new Date(now).toISOString() });
  }
}

function fills(state: ExchangeState, sub: StreamSub, emit: Emit): void {
  for (const f of state.fills.slice(sub.fillCursor)) {
    if (!wanted(sub, f.ticker)) continue;
    const yesPrice = price4(f.price);
    const noPrice = price4(ONE.minus(f.price));
    if (sub.channel === 'trade') {
      emit('trade', {
        trade_id: f.fillId,
        market_ticker: f.ticker,
        yes_price_dollars: yesPrice,
        no_price_dollars: noPrice,
        count_fp: fp(f.count),
        taker_side: f.side === 'bid' ? 'yes' : 'no',
        ts: seconds(f.time),
        ts_ms: f.time,
      });
      continue;
    }
    const order = state.ordersById.get(f.orderId);
    emit('fill', {
      trade_id: f.fillId,
      order_id: f.orderId,
      ...(order ? { client_order_id: order.clientOrderId } : {}),
      market_ticker: f.ticker,
      is_taker: f.isTaker,
      side: 'yes',
      action: f.side === 'bid' ? 'buy' : 'sell',
      book_side: f.side,
      yes_price_dollars: yesPrice,
      no_price_dollars: noPrice,
      count_fp: fp(f.count),
      fee_cost: money6(f.fee),
      ts: seconds(f.time),
      ts_ms: f.time,
    });
  }
  sub.fillCursor = state.fills.length;
}

function positions(state: ExchangeState, sub: StreamSub, emit: Emit): void {
  for (const ticker of state.positions.keys()) {
    if (!wanted(sub, ticker)) continue;
    const msg = positionMessage(state, ticker);
    const key = JSON.stringify(msg);
    if (!msg || sub.seen.get(`position:${ticker}`) === key) continue;
    sub.seen.set(`position:${ticker}`, key);
    emit('market_position', msg);
  }
}

function userOrders(state: ExchangeState, sub: StreamSub, emit: Emit): void {
  for (const o of state.orders) {
    const key = orderKey(o);
    if (!wanted(sub, o.ticker) || sub.seen.get(`order:${o.orderId}`) === key) continue;
    sub.seen.set(`order:${o.orderId}`, key);
    emit('user_order', {
      order_id: o.orderId,
      user_id: state.userId,
      ticker: o.ticker,
      status: o.status,
      side: 'yes',
      is_yes: true,
      book_side: o.side,
      yes_price_dollars: price4(o.price),
      fill_count_fp: fp(o.fillCount),
      remaining_count_fp: fp(o.remainingCount),
      initial_count_fp: fp(o.initialCount),
      taker_fill_cost_dollars: money6(o.takerFillCost),
      maker_fill_cost_dollars: money6(o.makerFillCost),
      client_order_id: o.clientOrderId,
      ...(o.orderGroupId ? { order_group_id: o.orderGroupId } : {}),
      self_trade_prevention_type: o.selfTradePrevention,
      created_time: new Date(o.createdTime).toISOString(),
      last_update_time: new Date(o.lastUpdateTime).toISOString(),
    });
  }
}

function created(m: MarketState): Record<string, unknown> {
  return {
    market_ticker: m.ticker,
    event_type: 'created',
    open_ts: seconds(m.openTime),
    close_ts: seconds(m.closeTime),
    additional_metadata: {
      title: m.title,
      yes_sub_title: m.yesSubTitle,
      no_sub_title: m.noSubTitle,
      rules_primary: m.rulesPrimary,
      event_ticker: m.eventTicker,
      expected_expiration_ts: seconds(m.expirationTime),
    },
  };
}

/** `market_lifecycle_v2` events of a status change (`determined` then `settled` on a settlement). */
function lifecycleOf(m: MarketState, before: string | undefined, now: number) {
  if (before === undefined) return [created(m)];
  const base = { market_ticker: m.ticker };
  const determined = {
    ...base,
    event_type: 'determined',
    result: m.result,
    determination_ts: seconds(m.settlementTs ?? now),
    settlement_value: m.result === 'yes' ? '1.0000' : '0.0000',
  };
  if (m.status === 'determined') return [determined];
  if (m.status === 'finalized') {
    const settled = { ...base, event_type: 'settled', settled_ts: seconds(m.settlementTs ?? now) };
    return before === 'determined' ? [settled] : [determined, settled];
  }
  if (m.status === 'active') return [{ ...base, event_type: 'activated', is_deactivated: false }];
  return [{ ...base, event_type: 'deactivated', is_deactivated: true }];
}

function lifecycle(state: ExchangeState, sub: StreamSub, now: number, emit: Emit): void {
  for (const e of state.events.values()) {
    if (sub.seen.has(`event:${e.eventTicker}`)) continue;
    sub.seen.set(`event:${e.eventTicker}`, 'created');
    emit('event_lifecycle', {
      event_ticker: e.eventTicker,
      title: e.title,
      subtitle: e.subTitle,
      collateral_return_type: e.mutuallyExclusive ? 'MECNET' : '',
      series_ticker: e.seriesTicker,
      ...(e.strikeDate !== undefined ? { strike_date: seconds(e.strikeDate) } : {}),
    });
  }
  for (const m of state.markets.values()) {
    const before = sub.seen.get(`status:${m.ticker}`);
    if (before === m.status || !wanted(sub, m.ticker)) continue;
    sub.seen.set(`status:${m.ticker}`, m.status);
    for (const msg of lifecycleOf(m, before, now)) emit('market_lifecycle_v2', msg);
  }
}

function orderGroups(state: ExchangeState, sub: StreamSub, emit: Emit): void {
  const events = orderGroupEventsOf(state);
  for (const e of events.slice(sub.groupCursor))
    emit('order_group_updates', {
      event_type: e.eventType,
      order_group_id: e.groupId,
      ...(e.contractsLimit ? { contracts_limit_fp: fp(e.contractsLimit) } : {}),
      ts_ms: e.time,
    });
  sub.groupCursor = events.length;
}

/**
 * Streams what changed for one subscription since its last call. `multivariate` and
 * `communications` have nothing in the fake's state: the exchange's test hooks publish them.
 */
export function streamChanges(state: ExchangeState, sub: StreamSub, now: number, emit: Emit): void {
  if (sub.channel === 'orderbook_delta') bookDeltas(state, sub, now, emit);
  else if (sub.channel === 'ticker') tickers(state, sub, now, emit);
  else if (sub.channel === 'fill' || sub.channel === 'trade') fills(state, sub, emit);
  else if (sub.channel === 'market_positions') positions(state, sub, emit);
  else if (sub.channel === 'user_orders') userOrders(state, sub, emit);
  else if (sub.channel === 'market_lifecycle_v2') lifecycle(state, sub, now, emit);
  else if (sub.channel === 'order_group_updates') orderGroups(state, sub, emit);
}
