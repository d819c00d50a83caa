// Resting-order tracking from the `user_orders` WebSocket channel: updates are queued as they
// arrive and applied at the start of the next cycle (one writer of positions: the cycle, so a
// fill is never applied twice by two tasks), and a "reconcile" (a reconnect, or the channel's
// queue overflowing: messages may be lost) makes that cycle re-read every resting order over REST.
import type { KalshiStream, Subscription } from '@precog/kalshi-client';

/** What the engine needs of a stream: a `KalshiStream` (`client.stream()`). */
export type OrderStream = Pick<KalshiStream, 'subscribe'>;

/** One order update as the `user_orders` channel pushes it. */
export interface OrderUpdate {
  orderId: string;
  /** `resting`, `canceled` or `executed`. */
  status: string;
}

/** What arrived since the last {@link OrderUpdateFeed.drain}. */
export interface DrainedUpdates {
  updates: OrderUpdate[];
  /** A reconnect or an overflow happened: updates may be missing, re-read over REST. */
  reread: boolean;
}

/** The `user_orders` subscription of one engine run. */
export class OrderUpdateFeed {
  private pending: OrderUpdate[] = [];
  private reread = false;
  private reconcileCount = 0;

  private constructor(private readonly subscription: Subscription<'user_orders'>) {
    subscription.on('message', (m) => {
      this.pending.push({ orderId: m.msg.order_id, status: m.msg.status });
    });
    subscription.on('reconcile', () => {
      this.reread = true;
      this.reconcileCount += 1;
    });
  }

  /** Reconciles the stream asked for (reconnects and overflows) since the feed opened. */
  get reconciles(): number {
    return this.reconcileCount;
  }

  /** Updates queued for the next cycle. */
  get queued(): number {
    return this.pending.length;
  }

  /** Subscribes to `user_orders` on `stream` (connecting it when needed). */
  static async open(stream: OrderStream): Promise<OrderUpdateFeed> {
    return new OrderUpdateFeed(await stream.subscribe({ channel: 'user_orders' }));
  }

  /** Takes the updates queued since the last call, and whether a REST re-read is due. */
  drain(): DrainedUpdates {
    const drained = { updates: this.pending, reread: this.reread };
    this.pending = [];
    this.reread = false;
    return drained;
  }

  /** Unsubscribes (the stream itself stays the caller's). */
  async close(): Promise<void> {
    await this.subscription.unsubscribe();
  }
}
