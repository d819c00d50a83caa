import type { Clock, TimerHandle } from '../core/clock';

/** Size and refill rate of one token bucket. */
export interface TokenBucketLimit {
  /** Tokens added per second (Kalshi's `refill_rate`). */
  tokensPerSecond: number;
  /** Most tokens the bucket holds (Kalshi's `bucket_capacity`). Default: `tokensPerSecond`. */
  bucketSize?: number;
}

interface Waiter {
  cost: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A token bucket with a strict first-in-first-out queue: a large request at the head is never
 * overtaken by small ones behind it, so nobody starves.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;
  private rate: number;
  private capacity: number;
  private readonly queue: Waiter[] = [];
  private timer: TimerHandle | undefined;
  private closedWith: { reason: unknown } | undefined;

  constructor(
    limit: TokenBucketLimit,
    private readonly clock: Clock,
  ) {
    this.rate = limit.tokensPerSecond;
    this.capacity = limit.bucketSize ?? limit.tokensPerSecond;
    this.tokens = this.capacity;
    this.lastRefill = clock.now();
  }

  /** Tokens available right now. */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  /** Requests waiting for tokens. */
  get pending(): number {
    return this.queue.length;
  }

  /** Current limit. */
  get limit(): Required<TokenBucketLimit> {
    return { tokensPerSecond: this.rate, bucketSize: this.capacity };
  }

  /** Changes size and rate; tokens already held are kept up to the new size. */
  configure(limit: TokenBucketLimit): void {
    this.refill();
    this.rate = limit.tokensPerSecond;
    this.capacity = limit.bucketSize ?? limit.tokensPerSecond;
    this.tokens = Math.min(this.tokens, this.capacity);
    this.reschedule();
  }

  /**
   * Milliseconds until `cost` more tokens (capped at the bucket size) are free for a newcomer,
   * after everyone already queued: 0 when it could take them now.
   */
  waitMs(cost: number): number {
    this.refill();
    const queued = this.queue.reduce((sum, waiter) => sum + waiter.cost, 0);
    const missing = queued + Math.min(Math.max(cost, 0), this.capacity) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.rate);
  }

  /** Empties the bucket (after a 429 the server's bucket is empty, so ours must be too). */
  drain(): void {
    this.refill();
    this.tokens = 0;
    this.reschedule();
  }

  /**
   * Resolves once `cost` tokens have been taken, in arrival order. A cost above the bucket size
   * waits for a full bucket. Rejects with the signal's reason if it aborts while queued.
   */
  acquire(cost: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.closedWith) return Promise.reject(this.closedWith.reason);
    const need = Math.min(Math.max(cost, 0), this.capacity);
    if (this.queue.length === 0) {
      this.refill();
      if (this.tokens >= need) {
        this.tokens -= need;
        return Promise.resolve();
      }
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { cost: need, resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index !== -1) this.queue.splice(index, 1);
          reject(signal.reason);
          this.reschedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.reschedule();
    });
  }

  /**
   * Stops the bucket: its timer is cleared, every queued `acquire` rejects with `reason`, and so
   * does every later one. Idempotent.
   */
  close(reason: unknown): void {
    if (this.closedWith) return;
    this.closedWith = { reason };
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.queue.splice(0)) {
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.reject(reason);
    }
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = now - this.lastRefill;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.rate) / 1000);
    }
    this.lastRefill = now;
  }

  private pump = (): void => {
    this.timer = undefined;
    this.refill();
    while (this.queue.length > 0) {
      const head = this.queue[0] as Waiter;
      const need = Math.min(head.cost, this.capacity);
      if (this.tokens < need) break;
      this.tokens -= need;
      this.queue.shift();
      if (head.signal && head.onAbort) head.signal.removeEventListener('abort', head.onAbort);
      head.resolve();
    }
    this.reschedule();
  };

  private reschedule(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    const head = this.queue[0];
    if (head === undefined) return;
    this.refill();
    const missing = Math.min(head.cost, this.capacity) - this.tokens;
    const waitMs = missing <= 0 ? 0 : Math.ceil((missing * 1000) / this.rate);
    this.timer = this.clock.setTimeout(this.pump, waitMs);
  }
}
