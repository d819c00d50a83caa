import type { Clock } from '../core/clock';
import {
  DEFAULT_ENDPOINT_COST,
  DEFAULT_ENDPOINT_COSTS,
  type EndpointCost,
  EndpointCostTable,
} from './endpoint-costs';
import type { BucketKind } from './request-limiter';
import { TokenBucket, type TokenBucketLimit } from './token-bucket';

/**
 * Kalshi API usage tiers with published token budgets. `basic` (200 read / 100 write tokens per
 * second) is what `GET /account/limits` returned on the demo exchange; the others are Kalshi's
 * older per-request figures × 10 tokens. Call `client.syncRateLimits()` for your key's real numbers.
 */
export const KALSHI_USAGE_TIERS = {
  basic: {
    read: { tokensPerSecond: 200, bucketSize: 200 },
    write: { tokensPerSecond: 100, bucketSize: 100 },
  },
  advanced: {
    read: { tokensPerSecond: 300, bucketSize: 300 },
    write: { tokensPerSecond: 300, bucketSize: 300 },
  },
  premier: {
    read: { tokensPerSecond: 1000, bucketSize: 1000 },
    write: { tokensPerSecond: 1000, bucketSize: 1000 },
  },
  prime: {
    read: { tokensPerSecond: 4000, bucketSize: 4000 },
    write: { tokensPerSecond: 4000, bucketSize: 4000 },
  },
} as const satisfies Record<string, { read: TokenBucketLimit; write: TokenBucketLimit }>;

/** Name of a usage tier in {@link KALSHI_USAGE_TIERS}. */
export type KalshiUsageTier = keyof typeof KALSHI_USAGE_TIERS;

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
 * Client-side mirror of Kalshi's per-key token buckets: one for reads, one for writes, each
 * request charged its endpoint's cost, waiting callers served first-come first-served.
 */
export class RateLimiter {
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

  /** Waits for the tokens of one request (`weight` times its cost, for batches). */
  acquire(
    method: string,
    path: string,
    options: { weight?: number; signal?: AbortSignal } = {},
  ): Promise<void> {
    const cost = this.costOf(method, path) * (options.weight ?? 1);
    return this.bucket(this.bucketFor(method)).acquire(cost, options.signal);
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
