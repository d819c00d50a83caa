import WebSocket from 'ws';
import { type Clock, systemClock, type TimerHandle } from '../core/clock';
import type { Logger } from '../core/logger';
import { noopLogger } from '../core/logger';
import { kalshiAuthHeaders } from '../core/signing';
import { BookManager } from './book-manager';
import { BookSync, type SnapshotFrame } from './book-sync';
import { type KalshiChannel, UNSEQUENCED_PRIVATE_CHANNELS } from './channels';
import { TypedEmitter } from './emitter';
import {
  KALSHI_WS_ERROR_CODES,
  KalshiStreamAuthError,
  KalshiStreamClosedError,
  KalshiStreamCommandError,
  KalshiStreamCommandTimeoutError,
  KalshiStreamConnectionError,
  KalshiStreamError,
} from './errors';
import { type CommandReply, parseFrame, type StreamMessage } from './parse';
import type { KalshiStreamOptions } from './stream-options';
import { type BookUpdate, type SubscribeParams, Subscription, type SubscriptionItem } from './subscription';
import { KALSHI_WS_URLS } from './urls';

/** Events of a {@link KalshiStream}. */
export interface KalshiStreamEvents {
  /** The socket opened (`reconnect`: after a loss). */
  open: { reconnect: boolean };
  /** The socket was lost; books are stale until re-snapshotted. */
  disconnected: { reason: string };
  /** A reconnection is scheduled. */
  reconnecting: { attempt: number; delayMs: number };
  /** Reconnected and every subscription made again. */
  reconnected: { attempt: number };
  /** Messages of a sid were lost; its books are stale and snapshots were asked for. */
  gap: { channel: KalshiChannel; sid: number; expected: number; received: number; tickers: string[] };
  /** Books became stale (gap, disconnect, or a delta that could not apply). */
  stale: { tickers: string[]; reason: 'gap' | 'disconnect' | 'invalid-delta' };
  /** A stale book got its snapshot and equals the exchange's again. */
  resynced: { ticker: string };
  /** Unsequenced private channels may have lost messages: re-read them over REST. */
  reconcile: { channels: KalshiChannel[]; since: Date };
  /** The watchdog found the socket silent for longer than `idleTimeoutMs`. */
  stalled: { silentMs: number };
  /** A non-fatal problem (malformed frame, failed resync) or the fatal error that closed the stream. */
  error: KalshiStreamError | Error;
  /** The stream is closed for good (by `close()` or a fatal error). */
  closed: { error: unknown };
}

interface Pending {
  /** Runs synchronously with the reply, before frames that follow it (a snapshot after `subscribed`). */
  onReply: ((reply: CommandReply) => void) | undefined;
  resolve: (reply: CommandReply) => void;
  reject: (error: unknown) => void;
  timer: TimerHandle;
}

const WS_PATH_FALLBACK = '/trade-api/ws/v2';

/**
 * A Kalshi WebSocket connection: signed upgrade, commands matched to replies by id, typed
 * channels, per-sid sequencing with snapshot resync, a watchdog, jittered reconnection with
 * resubscription, and local order books (`stream.books`).
 *
 * ```ts
 * const stream = kalshi.stream();
 * const books = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: ['KX…'] });
 * for await (const { ticker, book } of books) console.log(ticker, book.bestYesBid());
 * ```
 */
export class KalshiStream extends TypedEmitter<KalshiStreamEvents> {
  /** The books of every `orderbook_delta` subscription. */
  readonly books = new BookManager();
  /** The URL in use. */
  readonly url: string;
  /** Malformed frames received (each also an `error` event). */
  malformedFrames = 0;

  private readonly sync = new BookSync(this.books);
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;
  private socket: WebSocket | undefined;
  private connecting: Promise<void> | undefined;
  private readonly subscriptions = new Set<Subscription>();
  private readonly bySid = new Map<number, Subscription>();
  private readonly pending = new Map<number, Pending>();
  private readonly resyncing = new Set<number>();
  private nextId = 1;
  private lastActivity = 0;
  private watchdog: TimerHandle | undefined;
  private reconnectTimer: TimerHandle | undefined;
  private attempt = 0;
  private disconnectedAt: number | undefined;
  private closedFlag = false;
  private wasConnected = false;

  constructor(private readonly options: KalshiStreamOptions = {}) {
    super();
    this.url = options.url ?? KALSHI_WS_URLS.demo;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? noopLogger;
    this.emitterLogger = this.logger;
    this.random = options.random ?? Math.random;
  }

  /** True while the socket is open. */
  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket (once; later calls wait for the same connection). Rejects with {@link KalshiStreamAuthError} on 401/403. */
  connect(): Promise<void> {
    if (this.closedFlag) return Promise.reject(new KalshiStreamClosedError('the stream is closed'));
    if (this.connected) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /**
   * Subscribes to one channel; resolves when the server confirmed it (its sid known). What arrives
   * with the confirmation (an `orderbook_delta` snapshot) is delivered on the next turn of the
   * event loop, so listeners attached and an iterator started right after `await` see it.
   */
  async subscribe<C extends KalshiChannel>(params: SubscribeParams<C>): Promise<Subscription<C>> {
    await this.connect();
    const capacity =
      this.options.queueCapacity?.[params.channel] ?? this.options.queueCapacity?.default ?? 10_000;
    const sub = new Subscription<C>(params, capacity, {
      unsubscribe: (s) => this.unsubscribeOne(s as unknown as Subscription),
      update: (s, action, tickers) => this.update(s as unknown as Subscription, action, tickers),
    });
    await this.subscribeOnServer(sub as unknown as Subscription);
    this.subscriptions.add(sub as unknown as Subscription);
    sub.release();
    return sub;
  }

  /** `list_subscriptions`: the server's view, `[{ channel, sid }]`. */
  async listSubscriptions(): Promise<Array<{ channel: string; sid: number }>> {
    const reply = await this.command('list_subscriptions', undefined);
    return Array.isArray(reply.msg) ? (reply.msg as Array<{ channel: string; sid: number }>) : [];
  }

  /** Closes the socket for good: pending commands reject, iterators end. Idempotent. */
  async close(): Promise<void> {
    if (this.closedFlag) return;
    this.shutdown(undefined);
  }

  // ── connection ──────────────────────────────────────────────────────────────────────────

  private headers(): Record<string, string> {
    const { apiKeyId, privateKey } = this.options;
    if (!apiKeyId || !privateKey) return {};
    const path = new URL(this.url).pathname || WS_PATH_FALLBACK;
    return { ...kalshiAuthHeaders(apiKeyId, privateKey, this.clock.now(), 'GET', path) };
  }

  private open(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(this.url, {
        headers: this.headers(),
        handshakeTimeout: this.options.connectTimeoutMs ?? 10_000,
        perMessageDeflate: false,
      });
      let settled = false;
      socket.on('unexpected-response', (_req, res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        settled = true;
        socket.terminate();
        const error =
          status === 401 || status === 403
            ? new KalshiStreamAuthError(`the WebSocket upgrade was refused with HTTP ${status}`, {
                status,
                method: 'GET',
                path: new URL(this.url).pathname,
              })
            : new KalshiStreamConnectionError(`the WebSocket upgrade failed with HTTP ${status}`, { status });
        reject(error);
      });
      socket.once('open', () => {
        settled = true;
        if (this.closedFlag) {
          // close() was called while connecting: this socket must not keep the stream (or the process) alive.
          socket.terminate();
          reject(new KalshiStreamClosedError('the stream was closed while connecting'));
          return;
        }
        this.socket = socket;
        this.lastActivity = this.clock.now();
        this.armWatchdog();
        const reconnect = this.wasConnected;
        this.wasConnected = true;
        this.emit('open', { reconnect });
        resolve();
      });
      socket.on('error', (error) => {
        if (!settled) {
          settled = true;
          reject(
            new KalshiStreamConnectionError(`cannot open ${this.url}: ${error.message}`, { cause: error }),
          );
        }
      });
      socket.on('message', (data: WebSocket.RawData) => {
        this.lastActivity = this.clock.now();
        this.onFrame(data.toString());
      });
      socket.on('ping', () => {
        this.lastActivity = this.clock.now();
      });
      socket.on('pong', () => {
        this.lastActivity = this.clock.now();
      });
      socket.on('close', (code) => {
        if (this.socket === socket) this.onLost(`closed (${code})`);
      });
    });
  }

  private armWatchdog(): void {
    const limit = this.options.idleTimeoutMs ?? 30_000;
    if (this.watchdog !== undefined) this.clock.clearTimeout(this.watchdog);
    this.watchdog = this.clock.setTimeout(
      () => {
        this.watchdog = undefined;
        if (!this.socket || this.closedFlag) return;
        const silent = this.clock.now() - this.lastActivity;
        if (silent > limit) {
          this.emit('stalled', { silentMs: silent });
          const socket = this.socket;
          this.onLost(`silent for ${silent} ms`);
          socket.terminate();
          return;
        }
        this.armWatchdog();
      },
      Math.max(1, Math.floor(limit / 2)),
    );
  }

  private onLost(reason: string): void {
    if (this.watchdog !== undefined) this.clock.clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.socket = undefined;
    for (const [id, p] of this.pending) {
      this.clock.clearTimeout(p.timer);
      p.reject(new KalshiStreamConnectionError(`the connection was lost before command ${id} was answered`));
    }
    this.pending.clear();
    this.bySid.clear();
    this.resyncing.clear();
    this.disconnectedAt ??= this.clock.now();
    const stale = this.sync.reset();
    this.emit('disconnected', { reason });
    if (stale.length > 0) this.emit('stale', { tickers: stale, reason: 'disconnect' });
    if (this.closedFlag) return;
    if (this.options.reconnect === false) {
      this.shutdown(new KalshiStreamConnectionError(`the connection was lost (${reason})`));
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const policy = this.options.reconnect || {};
    if (this.attempt >= (policy.maxAttempts ?? Number.POSITIVE_INFINITY)) {
      this.shutdown(new KalshiStreamConnectionError(`gave up after ${this.attempt} reconnection attempts`));
      return;
    }
    const ceiling = Math.min(policy.maxDelayMs ?? 30_000, (policy.initialDelayMs ?? 250) * 2 ** this.attempt);
    const delayMs = Math.floor(this.random() * ceiling);
    this.attempt++;
    const attempt = this.attempt;
    this.emit('reconnecting', { attempt, delayMs });
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.reconnect(attempt);
    }, delayMs);
  }

  private async reconnect(attempt: number): Promise<void> {
    if (this.closedFlag) return;
    try {
      await this.connect();
      for (const sub of this.subscriptions) await this.subscribeOnServer(sub);
    } catch (error) {
      if (KalshiStreamAuthError.isInstance(error)) {
        this.shutdown(error);
        return;
      }
      this.emit('error', error instanceof Error ? error : new KalshiStreamError(String(error)));
      if (this.socket) this.socket.terminate();
      else this.scheduleReconnect();
      return;
    }
    this.attempt = 0;
    const since = new Date(this.disconnectedAt ?? this.clock.now());
    this.disconnectedAt = undefined;
    this.emit('reconnected', { attempt });
    const channels = [...new Set([...this.subscriptions].map((s) => s.channel))].filter((c) =>
      UNSEQUENCED_PRIVATE_CHANNELS.has(c),
    );
    if (channels.length > 0) {
      this.emit('reconcile', { channels, since });
      for (const sub of this.subscriptions)
        if (UNSEQUENCED_PRIVATE_CHANNELS.has(sub.channel))
          sub.notify('reconcile', { channel: sub.channel, since, reason: 'reconnect' });
    }
  }

  private shutdown(error: unknown): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    if (this.reconnectTimer !== undefined) this.clock.clearTimeout(this.reconnectTimer);
    if (this.watchdog !== undefined) this.clock.clearTimeout(this.watchdog);
    const socket = this.socket;
    this.socket = undefined;
    for (const p of this.pending.values()) {
      this.clock.clearTimeout(p.timer);
      p.reject(error ?? new KalshiStreamClosedError('the stream was closed'));
    }
    this.pending.clear();
    socket?.close();
    socket?.terminate();
    for (const sub of this.subscriptions) sub.end(error);
    if (error !== undefined) this.emit('error', error as Error);
    this.emit('closed', { error });
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────

  private command(
    cmd: string,
    params: Record<string, unknown> | undefined,
    onReply?: (reply: CommandReply) => void,
  ): Promise<CommandReply> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN)
      return Promise.reject(new KalshiStreamConnectionError(`cannot send ${cmd}: not connected`));
    const id = this.nextId++;
    return new Promise<CommandReply>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pending.delete(id);
        reject(new KalshiStreamCommandTimeoutError(`no reply to ${cmd} (id ${id})`));
      }, this.options.commandTimeoutMs ?? 10_000);
      this.pending.set(id, { onReply, resolve, reject, timer });
      socket.send(JSON.stringify(params === undefined ? { id, cmd } : { id, cmd, params }));
    }).then((reply) => {
      if (reply.type !== 'error') return reply;
      const body = (reply.msg ?? {}) as { code?: number; msg?: string };
      const wsCode = typeof body.code === 'number' ? body.code : 0;
      throw new KalshiStreamCommandError(`${cmd} refused: ${body.msg ?? 'error'} (code ${wsCode})`, wsCode, {
        code: KALSHI_WS_ERROR_CODES[wsCode] ?? 'unknown',
        body: reply.msg,
      });
    });
  }

  private async subscribeOnServer(sub: Subscription): Promise<void> {
    const params: Record<string, unknown> = { ...(sub.params.extra ?? {}), channels: [sub.channel] };
    if (sub.marketTickers.size > 0) params.market_tickers = [...sub.marketTickers];
    const fresh = sub.sid !== undefined;
    // The sid is registered as the reply is read: the snapshot right behind it must find it.
    await this.command('subscribe', params, (reply) => {
      const sid = (reply.msg as { sid?: number } | undefined)?.sid ?? reply.sid;
      if (typeof sid !== 'number') return;
      sub.sid = sid;
      this.bySid.set(sid, sub);
      if (sub.channel === 'orderbook_delta') this.sync.register(sid, sub.marketTickers);
    });
    if (sub.sid === undefined || !this.bySid.has(sub.sid))
      throw new KalshiStreamError('subscribe: the reply carried no sid');
    if (fresh) sub.notify('resubscribed', { sid: sub.sid });
  }

  private async unsubscribeOne(sub: Subscription): Promise<void> {
    this.subscriptions.delete(sub);
    if (sub.sid === undefined) return;
    this.bySid.delete(sub.sid);
    this.sync.forget(sub.sid);
    if (this.connected) await this.command('unsubscribe', { sids: [sub.sid] });
  }

  private async update(sub: Subscription, action: string, tickers: string[]): Promise<void> {
    if (sub.sid === undefined) throw new KalshiStreamError('the subscription has no sid yet');
    await this.command('update_subscription', { sids: [sub.sid], market_tickers: tickers, action });
    if (action === 'add_markets' && sub.channel === 'orderbook_delta') this.sync.register(sub.sid, tickers);
  }

  /** Asks for snapshots of stale books of a sid: `get_snapshot`, or a resubscribe when the server refuses it. */
  private async resync(sub: Subscription, tickers: string[]): Promise<void> {
    const sid = sub.sid;
    if (sid === undefined || this.resyncing.has(sid)) return;
    this.resyncing.add(sid);
    try {
      await this.command('update_subscription', {
        sids: [sid],
        market_tickers: tickers,
        action: 'get_snapshot',
      });
    } catch (error) {
      if (!KalshiStreamCommandError.isInstance(error)) throw error;
      this.bySid.delete(sid);
      this.sync.forget(sid);
      await this.command('unsubscribe', { sids: [sid] }).catch(() => undefined);
      await this.subscribeOnServer(sub);
    } finally {
      this.resyncing.delete(sid);
    }
  }

  // ── frames ──────────────────────────────────────────────────────────────────────────────

  private onFrame(text: string): void {
    let frame: ReturnType<typeof parseFrame>;
    try {
      frame = parseFrame(text);
    } catch (error) {
      this.malformedFrames++;
      this.emit('error', error as Error);
      return;
    }
    if (frame.kind === 'reply') {
      const { id } = frame.reply;
      const p = id === undefined ? undefined : this.pending.get(id);
      if (p && id !== undefined) {
        this.pending.delete(id);
        this.clock.clearTimeout(p.timer);
        if (frame.reply.type !== 'error') p.onReply?.(frame.reply);
        p.resolve(frame.reply);
      }
      return;
    }
    if (frame.kind === 'unknown') {
      this.logger.debug({ type: frame.type }, 'kalshi stream: ignored a message of an unknown type');
      return;
    }
    this.onMessage(frame.message);
  }

  private onMessage(message: StreamMessage): void {
    const sub = this.bySid.get(message.sid);
    if (!sub) return;
    // The seq a gap expected: the one after the last seen (read before the message is judged).
    const expected = (this.sync.sequencer.lastSeq(message.sid) ?? 0) + 1;
    if (message.type === 'orderbook_delta' || message.type === 'orderbook_snapshot') {
      const result = this.sync.handle(message as SnapshotFrame, this.clock.now());
      if (result.verdict === 'duplicate') return;
      if (result.verdict === 'gap') {
        const event = {
          channel: sub.channel,
          sid: message.sid,
          expected,
          received: message.seq ?? 0,
          tickers: result.staled,
        };
        this.emit('gap', event);
        sub.notify('gap', event);
      }
      if (result.error) this.emit('error', result.error);
      if (result.staled.length > 0)
        this.emit('stale', { tickers: result.staled, reason: result.error ? 'invalid-delta' : 'gap' });
      if (result.needsSnapshot)
        void this.resync(sub, result.staled).catch((error) => this.emit('error', error as Error));
      if (result.resynced && result.book) this.emit('resynced', { ticker: result.book.ticker });
      const touched =
        result.book ??
        this.books.get(message.type === 'orderbook_delta' ? message.ticker : message.msg.market_ticker);
      const update: BookUpdate | undefined = touched
        ? { ticker: touched.ticker, book: touched, stale: touched.stale }
        : undefined;
      sub.deliver(message as never, update as never);
      return;
    }
    if (message.seq !== undefined) {
      const verdict = this.sync.sequencer.check(message.sid, message.seq, false);
      if (verdict === 'duplicate') return;
      if (verdict === 'gap') {
        const event = {
          channel: sub.channel,
          sid: message.sid,
          expected,
          received: message.seq,
          tickers: [],
        };
        this.emit('gap', event);
        sub.notify('gap', event);
      }
    }
    sub.deliver(message as never, message as SubscriptionItem<KalshiChannel> as never);
  }
}
