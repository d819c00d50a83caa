import {
  type AcquireRequest,
  type BucketKind,
  type BucketLimits,
  KalshiAbortError,
  type RequestLimiter,
  type TimerHandle,
} from '@precog/kalshi-client';
import type { LimiterRedis } from './internal/connection';
import { bucketKeys } from './internal/keys';
import { LocalFallback } from './internal/local-fallback';
import type { BucketKeys, ResolvedRedisLimiterOptions } from './options';

/** Where a {@link RedisRateLimiter} takes tokens from right now. */
export type RedisLimiterMode = 'shared' | 'fallback' | 'closed';

/** How many acquires each path served, and how many outages the limiter went through. */
export interface RedisLimiterStats {
  /** Acquires served by the shared buckets in Redis. */
  shared: number;
  /** Acquires served by the local fallback buckets. */
  fallback: number;
  /** Times Redis was found unreachable (at start or mid-run). */
  outages: number;
  /** Times the limiter switched back to the shared buckets. */
  recoveries: number;
}

interface Sleeper {
  timer: TimerHandle;
  fail(reason: unknown): void;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

/**
 * A {@link RequestLimiter} whose two token buckets (read, write) live in Redis, shared by every
 * process and machine that uses the same API key and the same Redis. Build it with
 * `createRedisLimiter`; give it to the client as `rateLimit`.
 *
 * Each acquire is one Lua script call (EVALSHA) that refills the bucket from Redis `TIME`, takes
 * the cost and answers how long to wait: callers wait, never fail, and are served in the order
 * Redis received them (first come, first served within a process and across processes). A 429
 * empties the shared bucket for everyone; `adoptLimits` stores the key's limits in Redis, where
 * every process reads them. If Redis is unreachable (at start, mid-run, or slower than the
 * command timeout) the limiter warns once and limits the process with a local bucket at
 * `fallbackFraction` of the budget, then returns to the shared buckets when Redis answers again.
 */
export class RedisRateLimiter implements RequestLimiter {
  private current: 'shared' | 'fallback' = 'shared';
  private closed = false;
  private readonly keys: Record<BucketKind, BucketKeys>;
  private known: BucketLimits;
  private adopted: BucketLimits | undefined;
  private fallback: LocalFallback | undefined;
  private readonly locals: LocalFallback[] = [];
  private probeTimer: TimerHandle | undefined;
  private probing = false;
  private readonly sleepers = new Set<Sleeper>();
  /** Tokens admitted by Redis whose callers still wait, and tokens queued on the local buckets. */
  private readonly outstanding = { shared: { read: 0, write: 0 }, local: { read: 0, write: 0 } };
  private readonly counters: RedisLimiterStats = { shared: 0, fallback: 0, outages: 0, recoveries: 0 };

  /** @internal Use `createRedisLimiter`, which connects first. */
  constructor(
    private readonly redis: LimiterRedis,
    private readonly options: ResolvedRedisLimiterOptions,
  ) {
    this.keys = bucketKeys(options.keyPrefix, options.apiKeyId);
    this.known = options.limits;
    // Connection errors surface through the commands; without a listener ioredis prints them.
    redis.on('error', () => undefined);
    redis.on('ready', () => {
      if (this.current === 'fallback') void this.probe();
    });
  }

  /** @internal Connects; an unreachable Redis starts the limiter on its local fallback. */
  async start(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.enterFallback(error);
    }
  }

  /** `shared` (Redis), `fallback` (local bucket while Redis is unreachable) or `closed`. */
  get mode(): RedisLimiterMode {
    return this.closed ? 'closed' : this.current;
  }

  /** The key's limits as last read from Redis or adopted (before headroom). */
  get limits(): BucketLimits {
    return { read: { ...this.known.read }, write: { ...this.known.write } };
  }

  /** Counts of acquires per path and of outages. */
  get stats(): RedisLimiterStats {
    return { ...this.counters };
  }

  /** The Redis keys of the two buckets (for operators; no secret in them). */
  get redisKeys(): Record<BucketKind, BucketKeys> {
    return this.keys;
  }

  /** Waits until `request.cost` tokens of `request.bucket` are taken (the {@link RequestLimiter} contract). */
  acquire(request: AcquireRequest): Promise<void> {
    if (this.closed) return Promise.reject(closedError());
    if (request.signal?.aborted) return Promise.reject(request.signal.reason);
    if (this.current === 'fallback') return this.acquireLocal(request);
    return this.acquireShared(request);
  }

  /** The server answered 429: empties the shared bucket for every process (or the local one). */
  onRateLimited(bucket: BucketKind): void {
    if (this.closed) return;
    if (this.current === 'fallback') {
      this.fallback?.bucket(bucket).drain();
      return;
    }
    this.redis.precogDrain(...this.scriptArgs(bucket)).catch((error: unknown) => {
      this.enterFallback(error);
    });
  }

  /** Stores the key's real limits in Redis, where every process sharing the key reads them. */
  async adoptLimits(limits: BucketLimits): Promise<void> {
    this.adopted = { read: { ...limits.read }, write: { ...limits.write } };
    this.known = this.adopted;
    this.fallback?.configure(limits);
    if (this.current === 'shared' && !this.closed) {
      try {
        await this.storeLimits(this.adopted);
      } catch (error) {
        this.enterFallback(error);
      }
    }
  }

  /** Rejects waiting acquires (`KalshiAbortError`), stops the probe and closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.probeTimer !== undefined) this.options.clock.clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    const reason = closedError();
    for (const sleeper of [...this.sleepers]) sleeper.fail(reason);
    for (const local of this.locals) local.close(reason);
    if (this.redis.status === 'ready') {
      await this.redis.quit().catch(() => this.redis.disconnect());
    } else {
      this.redis.disconnect();
    }
  }

  private acquireLocal(request: AcquireRequest): Promise<void> {
    this.counters.fallback += 1;
    const local = this.outstanding.local;
    local[request.bucket] += request.cost;
    const settle = (): void => {
      local[request.bucket] -= request.cost;
    };
    const taken = (this.fallback as LocalFallback)
      .bucket(request.bucket)
      .acquire(request.cost, request.signal);
    taken.then(settle, settle);
    return taken;
  }

  private async acquireShared({ bucket, cost, signal }: AcquireRequest): Promise<void> {
    let waitMs: number;
    try {
      const [wait, rate, cap] = await this.redis.precogAcquire(...this.scriptArgs(bucket), cost);
      waitMs = Number(wait);
      this.noteLimits(bucket, Number(rate), Number(cap));
    } catch (error) {
      if (this.closed) throw closedError();
      this.enterFallback(error);
      return this.acquireLocal({ bucket, cost, ...(signal ? { signal } : {}) });
    }
    this.counters.shared += 1;
    if (waitMs <= 0 && !signal?.aborted) return;
    this.outstanding.shared[bucket] += cost;
    try {
      await this.sleep(waitMs, signal, () => this.refund(bucket, cost));
    } finally {
      this.outstanding.shared[bucket] -= cost;
    }
  }

  /** Waits `ms`; an abort gives the reservation back and rejects with the signal's reason. */
  private sleep(ms: number, signal: AbortSignal | undefined, refund: () => void): Promise<void> {
    const clock = this.options.clock;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        refund();
        sleeper.fail(signal?.reason);
      };
      const cleanup = (): void => {
        this.sleepers.delete(sleeper);
        signal?.removeEventListener('abort', onAbort);
      };
      const sleeper: Sleeper = {
        timer: undefined,
        fail: (reason) => {
          clock.clearTimeout(sleeper.timer);
          cleanup();
          reject(reason);
        },
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      sleeper.timer = clock.setTimeout(() => {
        cleanup();
        resolve();
      }, ms);
      this.sleepers.add(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private refund(bucket: BucketKind, cost: number): void {
    if (this.current !== 'shared' || this.closed) return;
    this.redis.precogRefund(...this.scriptArgs(bucket), cost).catch(() => undefined);
  }

  private scriptArgs(bucket: BucketKind): [string, string, number, number, number] {
    const keys = this.keys[bucket];
    const limit = this.options.limits[bucket];
    return [
      keys.state,
      keys.limits,
      limit.tokensPerSecond,
      limit.bucketSize ?? limit.tokensPerSecond,
      this.options.headroomTokens ?? -1,
    ];
  }

  private noteLimits(bucket: BucketKind, rate: number, cap: number): void {
    const limit = this.known[bucket];
    if (limit.tokensPerSecond === rate && (limit.bucketSize ?? limit.tokensPerSecond) === cap) return;
    this.known = { ...this.known, [bucket]: { tokensPerSecond: rate, bucketSize: cap } };
  }

  private async storeLimits(limits: BucketLimits): Promise<void> {
    const multi = this.redis.multi();
    for (const kind of ['read', 'write'] as const) {
      const limit = limits[kind];
      multi.hset(this.keys[kind].limits, {
        rate: limit.tokensPerSecond,
        cap: limit.bucketSize ?? limit.tokensPerSecond,
      });
    }
    await multi.exec();
  }

  private enterFallback(cause: unknown): void {
    if (this.closed || this.current === 'fallback') return;
    this.current = 'fallback';
    this.counters.outages += 1;
    this.fallback = new LocalFallback(
      this.known,
      this.options.fallbackFraction,
      this.options.headroomTokens,
      this.options.clock,
    );
    this.locals.push(this.fallback);
    // Requests Redis admitted that still wait will go out meanwhile: the local budget pays them first.
    for (const kind of ['read', 'write'] as const) {
      const owed = this.outstanding.shared[kind];
      if (owed > 0)
        this.fallback
          .bucket(kind)
          .acquire(owed)
          .catch(() => undefined);
    }
    this.options.logger.warn(
      { reason: describe(cause), fallbackFraction: this.options.fallbackFraction },
      `redis-limiter: Redis is unreachable; this process now limits itself to ${Math.round(
        this.options.fallbackFraction * 100,
      )} % of the key's budget until Redis answers again`,
    );
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.probeTimer !== undefined || this.closed) return;
    this.probeTimer = this.options.clock.setTimeout(() => {
      this.probeTimer = undefined;
      void this.probe();
    }, this.options.probeIntervalMs);
  }

  /** While on the fallback: is Redis back? Then re-store the limits, drain, and switch back. */
  private async probe(): Promise<void> {
    if (this.closed || this.current === 'shared' || this.probing) return;
    this.probing = true;
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        this.redis.connect().catch(() => undefined);
      } else if (this.redis.status === 'ready') {
        await this.redis.ping();
        if (this.adopted) await this.storeLimits(this.adopted);
        // Every process spent the server's budget through its local bucket meanwhile: start the
        // shared buckets empty rather than full.
        // Requests still queued on the local buckets will go out too: charge them now.
        await Promise.all(
          (['read', 'write'] as const).map(async (kind) => {
            await this.redis.precogDrain(...this.scriptArgs(kind));
            const queued = this.outstanding.local[kind];
            if (queued > 0) await this.redis.precogRefund(...this.scriptArgs(kind), -queued);
          }),
        );
        if (this.closed) return;
        this.current = 'shared';
        this.counters.recoveries += 1;
        this.options.logger.info({}, 'redis-limiter: Redis answers again; back on the shared buckets');
        return;
      }
    } catch {
      // Still down or still slow: try again later.
    } finally {
      this.probing = false;
    }
    if (this.current === 'fallback') this.scheduleProbe();
  }
}

function closedError(): KalshiAbortError {
  return new KalshiAbortError('the rate limiter was closed');
}
