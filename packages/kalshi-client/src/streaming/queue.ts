/**
 * What a subscription's queue does when its consumer is slower than the exchange:
 * - `coalesce`: one entry per key (a market's book), replaced by the latest; nothing is ever lost
 *   because the entry is the live book.
 * - `drop-oldest`: at capacity the oldest item is dropped and counted.
 */
export type OverflowPolicy = 'coalesce' | 'drop-oldest';

/** A bounded async queue feeding one `for await` consumer. */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private readonly keyed = new Map<string, T>();
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  private ended = false;
  private failure: unknown;
  /** Items dropped at capacity (`drop-oldest`). */
  dropped = 0;

  constructor(
    readonly policy: OverflowPolicy,
    readonly capacity: number,
    private readonly keyOf?: (item: T) => string,
  ) {}

  /** Number of items waiting. */
  get length(): number {
    return this.policy === 'coalesce' ? this.keyed.size : this.items.length;
  }

  /** Adds an item; returns true when an older item was dropped to make room. */
  push(item: T): boolean {
    if (this.ended) return false;
    if (this.waiting) {
      const waiter = this.waiting;
      this.waiting = undefined;
      waiter.resolve({ value: item, done: false });
      return false;
    }
    if (this.policy === 'coalesce' && this.keyOf) {
      this.keyed.set(this.keyOf(item), item);
      return false;
    }
    this.items.push(item);
    if (this.items.length > this.capacity) {
      this.items.shift();
      this.dropped++;
      return true;
    }
    return false;
  }

  /** The next item, waiting for one when the queue is empty. */
  next(): Promise<IteratorResult<T>> {
    if (this.policy === 'coalesce' && this.keyed.size > 0) {
      const [key, item] = this.keyed.entries().next().value as [string, T];
      this.keyed.delete(key);
      return Promise.resolve({ value: item, done: false });
    }
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.ended) {
      return this.failure === undefined
        ? Promise.resolve({ value: undefined, done: true })
        : Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Ends the queue: the consumer drains what is left, then finishes (or gets `error`). */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    const waiter = this.waiting;
    this.waiting = undefined;
    if (!waiter) return;
    if (error === undefined) waiter.resolve({ value: undefined, done: true });
    else waiter.reject(error);
  }
}
