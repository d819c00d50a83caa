import type { Clock } from '../core/clock';
import { KalshiAbortError } from '../core/errors';
import {
  DEFAULT_ENDPOINT_COST,
  DEFAULT_ENDPOINT_COSTS,
  type EndpointCost,
  EndpointCostTable,
} from './endpoint-costs';
import type { AcquireRequest, BucketKind, BucketLimits, RequestLimiter } from './request-limiter';
import { TokenBucket, type TokenBucketLimit } from './token-bucket';

export type { KalshiUsageTier } from './usage-tiers';
export { KALSHI_USAGE_TIERS } from './usage-tiers';

/** Settings of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Read bucket (GET requests). */
  read: TokenBucketLimit;
  /** Write bucket (every non-GET request: order create, cancel, amend, decrease, batches). */
  write: TokenBucketLimit;
  /** Token cost of endpoints missing from `endpointCosts`. Default 10. */
  defaultCost?: number;
  /** Per-endpoint costs. Default: the table recorded from the demo exchange. */
  endpointCosts?: readonly EndpointCost[];
  /**
   * Tokens kept in reserve below the server's bucket size, so that requests arriving at the
   * server a little out of step with when they were sent never find its bucket empty.
   * Default: one default-cost request (10 tokens), at most a tenth of the bucket.
   */
  headroomTokens?: number;
}

/**
 * The built-in {@link RequestLimiter}: an in-process mirror of Kalshi's per-key token buckets, one
 * for reads, one for writes, waiting callers served first-come first-served. One process per key;
 * for several processes sharing a key, plug in a shared limiter through the client's `rateLimit`.
 */
export class RateLimiter implements RequestLimiter {
  readonly read: TokenBucket;
  readonly write: TokenBucket;
  private costs: EndpointCostTable;
  private limits: { read: TokenBucketLimit; write: TokenBucketLimit };
  private headroom: number | undefined;

  constructor(options: RateLimiterOptions, clock: Clock) {
    this.costs = new EndpointCostTable(
      options.endpointCosts ?? DEFAULT_ENDPOINT_COSTS,
      options.defaultCost ?? DEFAULT_ENDPOINT_COST,
    );
    this.headroom = options.headroomTokens;
    this.limits = { read: options.read, write: options.write };
    this.read = new TokenBucket(this.withHeadroom(options.read), clock);
    this.write = new TokenBucket(this.withHeadroom(options.write), clock);
  }

  /** The server-side limits this limiter mirrors (before headroom). */
  get serverLimits(): { read: TokenBucketLimit; write: TokenBucketLimit } {
    return this.limits;
  }

  /** Which bucket `method` draws from. */
  bucketFor(method: string): BucketKind {
    return method.toUpperCase() === 'GET' ? 'read' : 'write';
  }

  /** Tokens one call to `method path` costs. */
  costOf(method: string, path: string): number {
    return this.costs.costOf(method, path);
  }

  /** Waits for, then takes, `request.cost` tokens of `request.bucket` (the {@link RequestLimiter} contract). */
  acquire(request: AcquireRequest): Promise<void>;
  /**
   * Waits for the tokens of one request (`weight` times its cost, for batches), looked up in this
   * limiter's own cost table.
   * @deprecated Let the client compute the cost; call `acquire({ bucket, cost, signal })`.
   */
  acquire(method: string, path: string, options?: { weight?: number; signal?: AbortSignal }): Promise<void>;
  acquire(
    requestOrMethod: AcquireRequest | string,
    path = '',
    options: { weight?: number; signal?: AbortSignal } = {},
  ): Promise<void> {
    if (typeof requestOrMethod !== 'string') {
      return this.bucket(requestOrMethod.bucket).acquire(requestOrMethod.cost, requestOrMethod.signal);
    }
    const cost = this.costOf(requestOrMethod, path) * (options.weight ?? 1);
    return this.bucket(this.bucketFor(requestOrMethod)).acquire(cost, options.signal);
  }

  /** Milliseconds until `request.cost` tokens of `request.bucket` are free (the refill time). */
  refillWaitMs(request: { bucket: BucketKind; cost: number }): number {
    return this.bucket(request.bucket).waitMs(request.cost);
  }

  /** A 429 says the server's bucket is empty: empties ours. */
  onRateLimited(bucket: BucketKind): void {
    this.drain(bucket);
  }

  /** Adopts the key's real limits (headroom applied as configured). */
  adoptLimits(limits: BucketLimits): void {
    this.configure({ read: limits.read, write: limits.write });
  }

  /** Clears the buckets' timers; waiting and later `acquire`s reject with a `KalshiAbortError`. */
  async close(): Promise<void> {
    const reason = new KalshiAbortError('the rate limiter was closed');
    this.read.close(reason);
    this.write.close(reason);
  }

  /** Empties one bucket, as a 429 says the server's is empty. */
  drain(kind: BucketKind): void {
    this.bucket(kind).drain();
  }

  /** Adopts new limits and/or a new cost table (what `client.syncRateLimits()` calls). */
  configure(options: Partial<RateLimiterOptions>): void {
    if (options.headroomTokens !== undefined) this.headroom = options.headroomTokens;
    if (options.read) this.limits = { ...this.limits, read: options.read };
    if (options.write) this.limits = { ...this.limits, write: options.write };
    this.read.configure(this.withHeadroom(this.limits.read));
    this.write.configure(this.withHeadroom(this.limits.write));
    if (options.endpointCosts || options.defaultCost !== undefined) {
      this.costs = new EndpointCostTable(
        options.endpointCosts ?? DEFAULT_ENDPOINT_COSTS,
        options.defaultCost ?? this.costs.defaultCost,
      );
    }
  }

  private bucket(kind: BucketKind): TokenBucket {
    return kind === 'read' ? this.read : this.write;
  }

  private withHeadroom(limit: TokenBucketLimit): TokenBucketLimit {
    const size = limit.bucketSize ?? limit.tokensPerSecond;
    const headroom = this.headroom ?? Math.min(this.costs.defaultCost, size / 10);
    return { tokensPerSecond: limit.tokensPerSecond, bucketSize: Math.max(size - headroom, 1) };
  }
}
