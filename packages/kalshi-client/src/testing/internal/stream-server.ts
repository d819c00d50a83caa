import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type {
  FakeStreamFaultKind,
  FakeStreamFaultOptions,
  FakeStreamOptions,
  FakeStreamSubscription,
} from '../stream-types';
import { authenticate } from './auth';
import type { ExchangeState } from './state';
import { newSub, type StreamSub, snapshotMessage, streamChanges, wireBook } from './stream-channels';

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

interface Conn {
  socket: WebSocket;
  subs: Map<number, StreamSub>;
  stalled: boolean;
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
  private readonly subscriptions: FakeStreamSubscription[] = [];
  private waiters: Array<{ channel: string; nth: number; resolve: (s: FakeStreamSubscription) => void }> = [];
  private roundTrips = 0;

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
      const now = this.now();
      for (const sub of conn.subs.values())
        streamChanges(this.state, sub, now, (type, msg) => this.send(conn, sub, type, msg));
    }
  }

  /** Sends a data message to every subscriber of `channel` (the test hooks of channels the fake has no state for). */
  broadcast(channel: string, type: string, msg: Record<string, unknown>): void {
    for (const conn of this.conns) {
      if (conn.stalled) continue;
      for (const sub of conn.subs.values()) if (sub.channel === channel) this.send(conn, sub, type, msg);
    }
  }

  /** Resolves once the `nth` subscription to `channel` (counted since the start) was accepted and its snapshots sent. */
  subscribed(channel: string, nth: number): Promise<FakeStreamSubscription> {
    const done = this.subscriptions.filter((s) => s.channel === channel);
    const found = done[nth - 1];
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ channel, nth, resolve }));
  }

  /**
   * Pings every open socket that is not stalled and resolves when each answered (or closed). A
   * client answers a ping after the frames sent before it, so every one of them has been handled.
   */
  roundTrip(): Promise<void> {
    const token = `round-trip-${++this.roundTrips}`;
    const open = [...this.conns].filter((c) => !c.stalled && c.socket.readyState === c.socket.OPEN);
    return Promise.all(
      open.map(
        ({ socket }) =>
          new Promise<void>((resolve) => {
            const done = () => {
              socket.off('pong', onPong);
              socket.off('close', done);
              resolve();
            };
            const onPong = (data: Buffer) => {
              if (data.toString() === token) done();
            };
            socket.on('pong', onPong);
            socket.on('close', done);
            socket.ping(token);
          }),
      ),
    ).then(() => undefined);
  }

  private accepted(subscription: FakeStreamSubscription): void {
    this.subscriptions.push(subscription);
    const count = this.subscriptions.filter((s) => s.channel === subscription.channel).length;
    const ready = this.waiters.filter((w) => w.channel === subscription.channel && w.nth === count);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(subscription);
  }

  /** Stops pinging and closes every socket. */
  close(): void {
    clearInterval(this.pinger);
    for (const c of this.conns) c.socket.terminate();
    this.wss.close();
  }

  private accept(socket: WebSocket): void {
    const conn: Conn = { socket, subs: new Map(), stalled: false };
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
        const sub = newSub(this.state, this.nextSid++, channel, tickers ? new Set(tickers) : undefined);
        conn.subs.set(sub.sid, sub);
        conn.socket.send(JSON.stringify({ id, type: 'subscribed', msg: { channel, sid: sub.sid } }));
        if (channel === 'orderbook_delta') for (const t of tickers ?? []) this.snapshot(conn, sub, t);
        this.accepted({ channel, sid: sub.sid, marketTickers: [...(tickers ?? [])] });
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
      for (const sub of subs as StreamSub[]) {
        conn.subs.delete(sub.sid);
        conn.socket.send(JSON.stringify({ id, sid: sub.sid, seq: sub.seq, type: 'unsubscribed' }));
      }
      return;
    }
    if (sids.length !== 1) {
      this.error(conn, id, 12, 'Exactly one subscription ID is required');
      return;
    }
    const sub = subs[0] as StreamSub;
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

  private send(conn: Conn, sub: StreamSub, type: string, msg: Record<string, unknown>): void {
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

  private snapshot(conn: Conn, sub: StreamSub, ticker: string): void {
    const book = wireBook(this.state, ticker);
    if (!book) return;
    sub.books.set(ticker, book);
    this.send(conn, sub, 'orderbook_snapshot', snapshotMessage(ticker, book));
  }
}
