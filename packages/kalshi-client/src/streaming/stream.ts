import WebSocket from 'ws';
import { type Clock, systemClock, type TimerHandle } from '../core/clock';
import type { Logger } from '../core/logger';
import { noopLogger } from '../core/logger';
import { BookManager } from './book-manager';
import { BookSync } from './book-sync';
import { type KalshiChannel, UNSEQUENCED_PRIVATE_CHANNELS } from './channels';
import { PendingCommands } from './commands';
import { openSocket } from './connection';
import { TypedEmitter } from './emitter';
import {
  KalshiStreamAuthError,
  KalshiStreamClosedError,
  KalshiStreamConnectionError,
  KalshiStreamError,
} from './errors';
import { parseFrame, type StreamMessage } from './parse';
import { routeMessage } from './routing';
import { ServerSubscriptions } from './server-subscriptions';
import type { KalshiStreamEvents } from './stream-events';
import type { KalshiStreamOptions } from './stream-options';
import { type SubscribeParams, Subscription } from './subscription';
import { KALSHI_WS_URLS } from './urls';
import { Watchdog } from './watchdog';

export type { KalshiStreamEvents } from './stream-events';

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
  private readonly commands: PendingCommands;
  private readonly watchdog: Watchdog;
  private socket: WebSocket | undefined;
  private connecting: Promise<void> | undefined;
  private readonly subs: ServerSubscriptions;
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
    this.commands = new PendingCommands(this.clock, options.commandTimeoutMs ?? 10_000);
    this.subs = new ServerSubscriptions(
      this.sync,
      (cmd, params, onReply) => this.commands.send(this.socket, cmd, params, onReply),
      () => this.connected,
    );
    this.watchdog = new Watchdog(
      this.clock,
      options.idleTimeoutMs ?? 30_000,
      () => this.socket !== undefined && !this.closedFlag,
      (silentMs) => this.onSilent(silentMs),
    );
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
      unsubscribe: (s) => this.subs.unsubscribe(s as unknown as Subscription),
      update: (s, action, tickers) => this.subs.update(s as unknown as Subscription, action, tickers),
    });
    await this.subs.subscribeOnServer(sub as unknown as Subscription);
    this.subs.all.add(sub as unknown as Subscription);
    sub.release();
    return sub;
  }

  /** `list_subscriptions`: the server's view, `[{ channel, sid }]`. */
  async listSubscriptions(): Promise<Array<{ channel: string; sid: number }>> {
    const reply = await this.commands.send(this.socket, 'list_subscriptions', undefined);
    return Array.isArray(reply.msg) ? (reply.msg as Array<{ channel: string; sid: number }>) : [];
  }

  /** Closes the socket for good: pending commands reject, iterators end. Idempotent. */
  async close(): Promise<void> {
    if (this.closedFlag) return;
    this.shutdown(undefined);
  }

  // ── connection ──────────────────────────────────────────────────────────────────────────

  private open(): Promise<void> {
    return openSocket({
      url: this.url,
      options: this.options,
      now: this.clock.now(),
      isClosed: () => this.closedFlag,
      onOpen: (socket) => {
        this.socket = socket;
        this.watchdog.touch();
        this.watchdog.start();
        const reconnect = this.wasConnected;
        this.wasConnected = true;
        this.emit('open', { reconnect });
      },
      onActivity: () => this.watchdog.touch(),
      onFrame: (text) => this.onFrame(text),
      onClose: (socket, code) => {
        if (this.socket === socket) this.onLost(`closed (${code})`);
      },
    });
  }

  private onSilent(silentMs: number): void {
    this.emit('stalled', { silentMs });
    const socket = this.socket;
    this.onLost(`silent for ${silentMs} ms`);
    socket?.terminate();
  }

  private onLost(reason: string): void {
    this.watchdog.stop();
    this.socket = undefined;
    this.commands.rejectAll(
      (id) => new KalshiStreamConnectionError(`the connection was lost before command ${id} was answered`),
    );
    this.subs.clearSids();
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
      for (const sub of this.subs.all) await this.subs.subscribeOnServer(sub);
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
    const channels = [...new Set([...this.subs.all].map((s) => s.channel))].filter((c) =>
      UNSEQUENCED_PRIVATE_CHANNELS.has(c),
    );
    if (channels.length > 0) {
      this.emit('reconcile', { channels, since });
      for (const sub of this.subs.all)
        if (UNSEQUENCED_PRIVATE_CHANNELS.has(sub.channel))
          sub.notify('reconcile', { channel: sub.channel, since, reason: 'reconnect' });
    }
  }

  private shutdown(error: unknown): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    if (this.reconnectTimer !== undefined) this.clock.clearTimeout(this.reconnectTimer);
    this.watchdog.stop();
    const socket = this.socket;
    this.socket = undefined;
    this.commands.rejectAll(() => error ?? new KalshiStreamClosedError('the stream was closed'));
    socket?.close();
    socket?.terminate();
    for (const sub of this.subs.all) sub.end(error);
    if (error !== undefined) this.emit('error', error as Error);
    this.emit('closed', { error });
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
      this.commands.settle(frame.reply);
      return;
    }
    if (frame.kind === 'unknown') {
      this.logger.debug({ type: frame.type }, 'kalshi stream: ignored a message of an unknown type');
      return;
    }
    this.onMessage(frame.message);
  }

  private onMessage(message: StreamMessage): void {
    const sub = this.subs.get(message.sid);
    if (!sub) return;
    routeMessage(message, sub, {
      sync: this.sync,
      books: this.books,
      now: () => this.clock.now(),
      emit: (event, value) => this.emit(event, value),
      resync: (s, tickers) =>
        void this.subs.resync(s, tickers).catch((error) => this.emit('error', error as Error)),
    });
  }
}
