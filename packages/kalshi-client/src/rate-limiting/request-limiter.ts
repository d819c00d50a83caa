import type { TokenBucketLimit } from './token-bucket';

/** Which of the key's two buckets a request draws from: `GET` reads, everything else writes. */
export type BucketKind = 'read' | 'write';

/** One request's claim on the key's budget. */
export interface AcquireRequest {
  /** The bucket the request draws from. */
  bucket: BucketKind;
  /** Tokens the request costs: its endpoint's cost times its batch weight. Always > 0. */
  cost: number;
  /** Aborts the wait: `acquire` then rejects with the signal's reason (a `KalshiAbortError`). */
  signal?: AbortSignal;
}

/** The key's two buckets, as `GET /account/limits` reports them. */
export interface BucketLimits {
  read: TokenBucketLimit;
  write: TokenBucketLimit;
}

/**
 * The seam between the transport and whatever holds the API key's request budget.
 *
 * The transport computes each request's cost (endpoint cost table × weight) and asks the limiter
 * for it before sending; the limiter decides when it may go. The built-in implementation is a
 * pair of in-process token buckets; a shared implementation (several processes, one key) plugs in
 * through the client's `rateLimit` option without touching the transport.
 *
 * Contract: `acquire` resolves once the tokens are taken (waiting, never failing, while the
 * budget refills); callers of one limiter are served first come, first served; `onRateLimited`
 * empties the bucket the server said is empty; `adoptLimits` replaces the buckets' sizes and
 * rates; `close` releases timers and connections (pending `acquire`s reject).
 */
export interface RequestLimiter {
  /** Waits until `request.cost` tokens of `request.bucket` are available and takes them. */
  acquire(request: AcquireRequest): Promise<void>;
  /** The server answered 429 for a request of this bucket: its bucket is empty, so is ours. */
  onRateLimited(bucket: BucketKind): void;
  /**
   * Optional: milliseconds until `request.cost` tokens of `request.bucket` will be free, from the
   * bucket's refill rate. After a 429 the client backs off by this much (asking for a growing
   * share of the bucket on each 429 in a row); without it the client falls back to its jittered
   * exponential back-off.
   */
  refillWaitMs?(request: { bucket: BucketKind; cost: number }): number | Promise<number>;
  /** Adopts the key's real limits (what `client.syncRateLimits()` learns). */
  adoptLimits(limits: BucketLimits): void | Promise<void>;
  /** Stops the limiter's timers and connections. */
  close(): Promise<void>;
}
