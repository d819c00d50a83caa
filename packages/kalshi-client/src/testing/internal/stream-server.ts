import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import Decimal from 'decimal.js';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeStreamFaultKind, FakeStreamFaultOptions, FakeStreamOptions } from '../stream-types';
import { authenticate } from './auth';
import { fp, money6, price4 } from './format';
import { type ExchangeState, ONE } from './state';
import { bookOf } from './wire';

export const WS_PATH = '/trade-api/ws/v2';
const SEQUENCED = new Set([
  'orderbook_delta',
  'trade',
  'market_lifecycle_v2',
  'order_group_updates',
  'multivariate',
  'communications',
]);
const CHANNELS = new Set([...SEQUENCED, 'ticker', 'fill', 'market_positions', 'user_orders']);

type Levels = Map<string, Decimal>;
interface Sub {
  sid: number;
  channel: string;
  tickers: Set<string> | undefined;
  seq: number;
  books: Map<string, { yes: Levels; no: Levels }>;
}
interface Conn {
  socket: WebSocket;
  subs: Map<number, Sub>;
  stalled: boolean;
  fillCursor: number;
  orderTimes: Map<string, number>;
  tickers: Map<string, string>;
  statuses: Map<string, string>;
}

/** The wire book of a market: YES bids under `yes`, YES asks as NO bids (1 − p) under `no`. */
function wireBook(state: ExchangeState, ticker: string): { yes: Levels; no: Levels } | undefined {
  const market = state.markets.get(ticker);
  if (!market) return undefined;
  const { bids, asks } = bookOf(state, market);
  const no: Levels = new Map();
  for (const [p, s] of asks) no.set(price4(ONE.minus(p)), s);
  return { yes: new Map(bids), no };
}

/** The fake exchange's WebSocket: the same commands, channels, sequencing and faults as Kalshi's. */
export class FakeStreamServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Conn>();
  private nextSid = 1;
  private lose = 0;
  private duplicate = 0;
  private refuse: { status: number; times: number } | undefined;
  private readonly pinger: ReturnType<typeof setInterval>;

  constructor(
    private readonly state: ExchangeState,
    private readonly keys: ReadonlyMap<string, KeyObject>,
    private readonly toleranceMs: number,
    private readonly now: () => number,
    options: FakeStreamOptions = {},
  ) {
    this.pinger = setInterval(() => {
      for (const c of this.conns) if (!c.stalled) c.socket.ping('heartbeat');
    }, options.pingIntervalMs ?? 10_000);
    this.pinger.unref();
  }

  /** Open sockets. */
  get connections(): number {
    return this.conns.size;
  }

  /** Handles an HTTP upgrade on the loopback server. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const refuse = (status: number, body: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    };
    if (path !== WS_PATH) {
      refuse(404, '{"error":{"code":"not_found","message":"not found"}}');
      return;
    }
    if (this.refuse && this.refuse.times > 0) {
      this.refuse.times--;
      refuse(this.refuse.status, '{"error":{"code":"authentication_error","message":"refused"}}');
      return;
    }
    const auth = authenticate(
      this.keys,
      this.toleranceMs,
      { method: 'GET', path, query: new URLSearchParams(), headers: req.headers },
      path,
      this.keys.size > 0,
      this.now(),
    );
    if (auth.error) {
      refuse(auth.error.status, auth.error.body);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Injects a fault (see {@link FakeStreamFaultKind}). */
  inject(kind: FakeStreamFaultKind, options: FakeStreamFaultOptions = {}): void {
    if (kind === 'drop-connection') for (const c of [...this.conns]) c.socket.terminate();
    else if (kind === 'lose-message') this.lose++;
    else if (kind === 'duplicate-message') this.duplicate++;
    else if (kind === 'stall') for (const c of this.conns) c.stalled = true;
    else if (kind === 'malformed-frame')
      for (const c of this.conns) c.socket.send('{"type":"orderbook_delta","sid":');
    else this.refuse = { status: options.status ?? 401, times: options.times ?? 1 };
  }

  /** Streams what changed in the exchange's state since the last call to every subscriber. */
  sync(): void {
    for (const conn of this.conns) {
      if (conn.stalled) continue;
      for (const sub of conn.subs.values()) this.syncSub(conn, sub);
      conn.fillCursor = this.state.fills.length;
      for (const o of this.state.orders) conn.orderTimes.set(o.orderId, o.lastUpdateTime);
    }
  }

  /** Stops pinging and closes every socket. */
  close(): void {
    clearInterval(this.pinger);
    for (const c of this.conns) c.socket.terminate();
    this.wss.close();
  }

  private accept(socket: WebSocket): void {
    const conn: Conn = {
      socket,
      subs: new Map(),
      stalled: false,
      fillCursor: this.state.fills.length,
      orderTimes: new Map(this.state.orders.map((o) => [o.orderId, o.lastUpdateTime])),
      tickers: new Map(),
      statuses: new Map([...this.state.markets.values()].map((m) => [m.ticker, m.status])),
    };
    this.conns.add(conn);
    socket.on('close', () => this.conns.delete(conn));
    socket.on('message', (data) => {
      if (conn.stalled) return;
      let cmd: { id?: number; cmd?: string; params?: Record<string, unknown> };
      try {
        cmd = JSON.parse(data.toString());
      } catch {
        this.error(conn, undefined, 1, 'Unable to process message');
        return;
      }
      this.command(conn, cmd);
    });
  }

  private error(conn: Conn, id: number | undefined, code: number, msg: string): void {
    conn.socket.send(JSON.stringify({ id, type: 'error', msg: { code, msg } }));
  }

  private command(
    conn: Conn,
    { id, cmd, params }: { id?: number; cmd?: string; params?: Record<string, unknown> },
  ): void {
    if (cmd === 'list_subscriptions') {
      conn.socket.send(
        JSON.stringify({
          id,
          type: 'ok',
          msg: [...conn.subs.values()].map((s) => ({ channel: s.channel, sid: s.sid })),
        }),
      );
      return;
    }
    if (cmd !== 'subscribe' && cmd !== 'unsubscribe' && cmd !== 'update_subscription') {
      this.error(conn, id, 5, 'Unknown command');
      return;
    }
    if (!params) {
      this.error(conn, id, 2, 'Params required');
      return;
    }
    const tickers =
      (params.market_tickers as string[] | undefined) ??
      (typeof params.market_ticker === 'string' ? [params.market_ticker] : undefined);
    if (tickers?.some((t) => !this.state.markets.has(t))) {
      this.error(conn, id, 16, 'Market not found');
      return;
    }
    if (cmd === 'subscribe') {
      const channels = params.channels as string[] | undefined;
      if (!channels || channels.length === 0) {
        this.error(conn, id, 3, 'Channels required');
        return;
      }
      if (channels.some((c) => !CHANNELS.has(c))) {
        this.error(conn, id, 8, 'Unknown channel name');
        return;
      }
      if (channels.includes('orderbook_delta') && !tickers) {
        this.error(conn, id, 14, 'Market Ticker required');
        return;
      }
      for (const channel of channels) {
        const sub: Sub = {
          sid: this.nextSid++,
          channel,
          tickers: tickers ? new Set(tickers) : undefined,
          seq: 0,
          books: new Map(),
        };
        conn.subs.set(sub.sid, sub);
        conn.socket.send(JSON.stringify({ id, type: 'subscribed', msg: { channel, sid: sub.sid } }));
        if (channel === 'orderbook_delta') for (const t of tickers ?? []) this.snapshot(conn, sub, t);
      }
      return;
    }
    const sids =
      (params.sids as number[] | undefined) ?? (typeof params.sid === 'number' ? [params.sid] : undefined);
    if (!sids || sids.length === 0) {
      this.error(conn, id, 4, 'Subscription IDs required');
      return;
    }
    const subs = sids.map((s) => conn.subs.get(s));
    if (subs.some((s) => s === undefined)) {
      this.error(conn, id, 7, 'Unknown subscription ID');
      return;
    }
    if (cmd === 'unsubscribe') {
      for (const sub of subs as Sub[]) {
        conn.subs.delete(sub.sid);
        conn.socket.send(JSON.stringify({ id, sid: sub.sid, seq: sub.seq, type: 'unsubscribed' }));
      }
      return;
    }
    if (sids.length !== 1) {
      this.error(conn, id, 12, 'Exactly one subscription ID is required');
      return;
    }
    const sub = subs[0] as Sub;
    const action = params.action;
    if (!action) {
      this.error(conn, id, 15, 'Action required');
      return;
    }
    if (!tickers) {
      this.error(conn, id, 14, 'Market Ticker required');
      return;
    }
    if (action === 'add_markets') {
      sub.tickers ??= new Set();
      for (const t of tickers) sub.tickers.add(t);
    } else if (action === 'delete_markets') {
      for (const t of tickers) {
        sub.tickers?.delete(t);
        sub.books.delete(t);
      }
    } else if (action !== 'get_snapshot') {
      this.error(conn, id, 13, 'Unsupported action');
      return;
    }
    conn.socket.send(
      JSON.stringify({
        id,
        sid: sub.sid,
        seq: sub.seq,
        type: 'ok',
        msg: { market_tickers: [...(sub.tickers ?? [])] },
      }),
    );
    if (sub.channel === 'orderbook_delta' && action !== 'delete_markets')
      for (const t of tickers) this.snapshot(conn, sub, t);
  }

  private send(conn: Conn, sub: Sub, type: string, msg: Record<string, unknown>): void {
    const sequenced = SEQUENCED.has(sub.channel);
    const frame: Record<string, unknown> = { type, sid: sub.sid };
    if (sequenced) frame.seq = ++sub.seq;
    frame.msg = msg;
    if (sequenced && this.lose > 0) {
      this.lose--;
      return;
    }
    const text = JSON.stringify(frame);
    conn.socket.send(text);
    if (sequenced && this.duplicate > 0) {
      this.duplicate--;
      conn.socket.send(text);
    }
  }

  private snapshot(conn: Conn, sub: Sub, ticker: string): void {
    const book = wireBook(this.state, ticker);
    if (!book) return;
    sub.books.set(ticker, book);
    const side = (levels: Levels) =>
      [...levels.entries()].sort((a, b) => new Decimal(a[0]).cmp(b[0])).map(([p, s]) => [p, fp(s)]);
    const msg: Record<string, unknown> = { market_ticker: ticker, market_id: ticker };
    if (book.yes.size > 0) msg.yes_dollars_fp = side(book.yes);
    if (book.no.size > 0) msg.no_dollars_fp = side(book.no);
    this.send(conn, sub, 'orderbook_snapshot', msg);
  }

  private wanted(sub: Sub, ticker: string): boolean {
    return sub.tickers === undefined || sub.tickers.has(ticker);
  }

  private syncSub(conn: Conn, sub: Sub): void {
    const now = this.now();
    const newFills = this.state.fills.slice(conn.fillCursor);
    if (sub.channel === 'orderbook_delta') {
      for (const ticker of sub.tickers ?? []) {
        const before = sub.books.get(ticker);
        const after = wireBook(this.state, ticker);
        if (!before || !after) continue;
        for (const side of ['yes', 'no'] as const) {
          const prices = new Set([...before[side].keys(), ...after[side].keys()]);
          for (const p of [...prices].sort()) {
            const delta = (after[side].get(p) ?? new Decimal(0)).minus(before[side].get(p) ?? 0);
            if (delta.isZero()) continue;
            this.send(conn, sub, 'orderbook_delta', {
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
    } else if (sub.channel === 'ticker') {
      for (const m of this.state.markets.values()) {
        if (!this.wanted(sub, m.ticker)) continue;
        const { bids, asks } = bookOf(this.state, m);
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
        if (conn.tickers.get(`${sub.sid}:${m.ticker}`) === key) continue;
        conn.tickers.set(`${sub.sid}:${m.ticker}`, key);
        this.send(conn, sub, 'ticker', {
          ...msg,
          ts: Math.floor(now / 1000),
          ts_ms: now,
          time: new Date(now).toISOString(),
        });
      }
    } else if (sub.channel === 'fill' || sub.channel === 'trade' || sub.channel === 'market_positions') {
      for (const f of newFills) {
        if (!this.wanted(sub, f.ticker)) continue;
        const yesPrice = price4(f.price);
        const noPrice = price4(ONE.minus(f.price));
        if (sub.channel === 'fill') {
          this.send(conn, sub, 'fill', {
            trade_id: f.fillId,
            order_id: f.orderId,
            market_ticker: f.ticker,
            is_taker: f.isTaker,
            side: 'yes',
            action: f.side === 'bid' ? 'buy' : 'sell',
            book_side: f.side,
            yes_price_dollars: yesPrice,
            no_price_dollars: noPrice,
            count_fp: fp(f.count),
            fee_cost: money6(f.fee),
            ts: Math.floor(f.time / 1000),
            ts_ms: f.time,
          });
        } else if (sub.channel === 'trade') {
          this.send(conn, sub, 'trade', {
            trade_id: f.fillId,
            market_ticker: f.ticker,
            yes_price_dollars: yesPrice,
            no_price_dollars: noPrice,
            count_fp: fp(f.count),
            taker_side: f.side === 'bid' ? 'yes' : 'no',
            ts: Math.floor(f.time / 1000),
            ts_ms: f.time,
          });
        } else {
          const p = this.state.positions.get(f.ticker);
          if (p)
            this.send(conn, sub, 'market_position', {
              user_id: this.state.userId,
              market_ticker: p.ticker,
              position_fp: fp(p.position),
              position_cost_dollars: money6(p.exposure),
              realized_pnl_dollars: money6(p.realizedPnl),
              fees_paid_dollars: money6(p.feesPaid),
              volume_fp: fp(p.totalTraded),
            });
        }
      }
    } else if (sub.channel === 'user_orders') {
      for (const o of this.state.orders) {
        if (!this.wanted(sub, o.ticker) || conn.orderTimes.get(o.orderId) === o.lastUpdateTime) continue;
        this.send(conn, sub, 'user_order', {
          order_id: o.orderId,
          user_id: this.state.userId,
          ticker: o.ticker,
          status: o.status,
          side: 'yes',
          book_side: o.side,
          yes_price_dollars: price4(o.price),
          fill_count_fp: fp(o.fillCount),
          remaining_count_fp: fp(o.remainingCount),
          initial_count_fp: fp(o.initialCount),
          client_order_id: o.clientOrderId,
          created_time: new Date(o.createdTime).toISOString(),
          last_update_time: new Date(o.lastUpdateTime).toISOString(),
        });
      }
    } else if (sub.channel === 'market_lifecycle_v2') {
      for (const m of this.state.markets.values()) {
        const before = conn.statuses.get(m.ticker);
        if (before === m.status) continue;
        conn.statuses.set(m.ticker, m.status);
        const event_type =
          before === undefined
            ? 'created'
            : m.status === 'finalized'
              ? 'settled'
              : m.status === 'determined'
                ? 'determined'
                : m.status === 'active'
                  ? 'activated'
                  : 'deactivated';
        const msg: Record<string, unknown> = { market_ticker: m.ticker, event_type };
        if (m.result) msg.result = m.result;
        if (event_type === 'settled') msg.settled_ts = Math.floor(now / 1000);
        this.send(conn, sub, 'market_lifecycle_v2', msg);
      }
    }
  }
}
