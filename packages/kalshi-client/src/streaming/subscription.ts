import type { KalshiChannel, SchemaMessage } from './channels';
import { TypedEmitter } from './emitter';
import type { OrderBook } from './order-book';
import type { OrderbookDeltaMessage } from './parse';
import { BoundedQueue, type OverflowPolicy } from './queue';

/** What an `orderbook_delta` subscription yields: the market whose book changed and the live book. */
export interface BookUpdate {
  ticker: string;
  /** The live book (always the latest state, also when updates were coalesced). */
  book: OrderBook;
  stale: boolean;
}

/** The items a subscription's iterator yields, per channel. */
export type SubscriptionItem<C extends KalshiChannel> = C extends 'orderbook_delta'
  ? BookUpdate
  : Extract<SchemaMessage, { channel: C }>;

/** The parameters of a subscription. */
export interface SubscribeParams<C extends KalshiChannel = KalshiChannel> {
  /** The channel. */
  channel: C;
  /** Markets (required by `orderbook_delta`; optional filter elsewhere). */
  marketTickers?: string[];
  /** Other `params` sent with the command as given (e.g. `send_initial_snapshot`, `shard_factor`). */
  extra?: Record<string, unknown>;
}

/** Events of one subscription. */
export interface SubscriptionEvents<C extends KalshiChannel> {
  /** Every data message, as it arrives (never queued, never dropped). */
  message: C extends 'orderbook_delta'
    ? OrderbookDeltaMessage | Extract<SchemaMessage, { channel: C }>
    : SubscriptionItem<C>;
  /** A book changed (orderbook_delta only). */
  book: BookUpdate;
  /** Messages were lost (`seq` gap): the named books are stale until their snapshots. */
  gap: { sid: number; expected: number; received: number; tickers: string[] };
  /** The queue was full and dropped its oldest item (`dropped` counts them). */
  dropped: { dropped: number };
  /** Messages of this channel may have been lost (reconnect, or a full queue): re-read them over REST. */
  reconcile: { channel: C; since: Date; reason: 'reconnect' | 'overflow' };
  /** The subscription got a new sid after a reconnect or a resubscribe. */
  resubscribed: { sid: number };
}

/** The queue policy of each channel: books coalesce, everything else drops its oldest (counted). */
export function overflowPolicyOf(channel: KalshiChannel): OverflowPolicy {
  return channel === 'orderbook_delta' ? 'coalesce' : 'drop-oldest';
}

/**
 * One channel subscription: an async iterable (`for await (const item of sub)`) with a bounded
 * queue, and an event source (`sub.on('message', ...)`) that sees everything as it arrives. The
 * queue exists from the first iteration on, so an events-only consumer queues nothing.
 */
export class Subscription<C extends KalshiChannel = KalshiChannel> extends TypedEmitter<
  SubscriptionEvents<C>
> {
  /** The current subscription id (changes after a reconnect). */
  sid: number | undefined;
  /** Markets of the subscription (kept across `addMarkets` / `deleteMarkets`). */
  readonly marketTickers: Set<string>;
  private queue: BoundedQueue<SubscriptionItem<C>> | undefined;
  private endError: unknown;
  private ended = false;
  // Deliveries held until `subscribe()`'s caller has had its turn (see `release`).
  private held: Array<() => void> | undefined = [];

  constructor(
    readonly params: SubscribeParams<C>,
    private readonly capacity: number,
    private readonly commands: {
      unsubscribe(sub: Subscription<C>): Promise<void>;
      update(
        sub: Subscription<C>,
        action: 'add_markets' | 'delete_markets',
        tickers: string[],
      ): Promise<void>;
    },
  ) {
    super();
    this.marketTickers = new Set(params.marketTickers ?? []);
  }

  /** The channel. */
  get channel(): C {
    return this.params.channel;
  }

  /** Items dropped by a full queue. */
  get dropped(): number {
    return this.queue?.dropped ?? 0;
  }

  /** Stops the subscription on the server and ends its iterator. */
  async unsubscribe(): Promise<void> {
    await this.commands.unsubscribe(this);
    this.end();
  }

  /** Adds markets (`update_subscription` `add_markets`). */
  async addMarkets(tickers: string[]): Promise<void> {
    await this.commands.update(this, 'add_markets', tickers);
    for (const t of tickers) this.marketTickers.add(t);
  }

  /** Removes markets (`update_subscription` `delete_markets`). */
  async deleteMarkets(tickers: string[]): Promise<void> {
    await this.commands.update(this, 'delete_markets', tickers);
    for (const t of tickers) this.marketTickers.delete(t);
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionItem<C>> {
    if (!this.queue) {
      this.queue = new BoundedQueue<SubscriptionItem<C>>(
        overflowPolicyOf(this.channel),
        this.capacity,
        (item) => (item as BookUpdate).ticker,
      );
      if (this.ended) this.queue.end(this.endError);
    }
    const queue = this.queue;
    return {
      next: () => queue.next(),
      return: async () => {
        queue.end();
        return { value: undefined, done: true };
      },
    };
  }

  /**
   * @internal Delivers what was held on the next turn of the event loop. The snapshots arrive with
   * the `subscribed` reply, in the same read: delivered at once, they would reach no listener,
   * since the code after `await stream.subscribe()` has not run yet.
   */
  release(): void {
    setImmediate(() => {
      const held = this.held ?? [];
      this.held = undefined;
      for (const deliver of held) deliver();
    });
  }

  /** @internal Delivers a message: the event first, then the queue (held until `release`). */
  deliver(message: SubscriptionEvents<C>['message'], item: SubscriptionItem<C> | undefined): void {
    if (this.held) this.held.push(() => this.deliverNow(message, item));
    else this.deliverNow(message, item);
  }

  private deliverNow(message: SubscriptionEvents<C>['message'], item: SubscriptionItem<C> | undefined): void {
    this.emit('message', message);
    if (item === undefined) return;
    if (this.channel === 'orderbook_delta') this.emit('book', item as BookUpdate);
    if (this.queue?.push(item)) {
      this.emit('dropped', { dropped: this.queue.dropped });
      if (this.channel === 'fill' || this.channel === 'user_orders' || this.channel === 'market_positions')
        this.emit('reconcile', { channel: this.channel, since: new Date(), reason: 'overflow' });
    }
  }

  /** @internal */
  notify<K extends keyof SubscriptionEvents<C>>(event: K, value: SubscriptionEvents<C>[K]): void {
    this.emit(event, value);
  }

  /** @internal Ends the iterator (after the queued items), with an error when given. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.endError = error;
    this.queue?.end(error);
  }
}
