import type { BucketLimits, Clock, Logger } from '@precog/kalshi-client';

/** The Redis keys of one bucket: its state (tokens, time) and its limits (rate, size). */
export interface BucketKeys {
  /** Hash `{ tokens, ts }`, expiring once the bucket would be full again. */
  state: string;
  /** Hash `{ rate, cap }` stored by `adoptLimits`. */
  limits: string;
}

/** Options of {@link createRedisLimiter}. */
export interface RedisLimiterOptions {
  /**
   * Where the buckets live: `redis://[user:password@]host:port/db`, or `rediss://` for TLS.
   * Every process and machine pointing at the same Redis (and database number) with the same
   * API key id shares one budget. Environment variable (read by `@precog/config`, not here):
   * `KALSHI_RATE_LIMIT_URL`. Never logged with its password.
   */
  url: string;
  /**
   * The Kalshi API key id whose budget this is (Kalshi's buckets are per key). Hashed into the
   * Redis key names. Default: none, the `unsigned` buckets (public market data).
   */
  apiKeyId?: string;
  /**
   * The key's limits until a process stores the real ones (`client.syncRateLimits()` →
   * `adoptLimits`, which every process then reads from Redis). Default Kalshi's Basic tier:
   * 200 read and 100 write tokens per second, bucket sizes equal to the rates.
   */
  limits?: BucketLimits;
  /**
   * Tokens kept in reserve below the server's bucket size, so that requests reaching the server
   * out of step with when they were admitted never find its bucket empty. Several processes on
   * a busy machine reach the server up to a few hundred ms out of step (measured: a headroom of
   * one request, the built-in limiter's, let 1–4 requests in 200 draw a 429), so the default is
   * a fifth of the bucket: 40 of the Basic tier's 200 read tokens, 200 ms of refill.
   */
  headroomTokens?: number;
  /** Prefix of every Redis key the limiter writes. Default `precog:ratelimit`. */
  keyPrefix?: string;
  /**
   * While Redis is unreachable, each process limits itself with a local bucket of this fraction
   * of the budget (rate and size), starting empty, so that an outage never releases a burst.
   * With N processes on one key, N × fraction ≤ 1 keeps them under the budget. In (0, 1].
   * Default 0.5.
   */
  fallbackFraction?: number;
  /**
   * Longest wait for one Redis command, in ms; a slower answer counts as Redis being down (the
   * request is served by the local bucket). Default 500.
   */
  commandTimeoutMs?: number;
  /** Longest wait for the first connection, in ms. Default 2000. */
  connectTimeoutMs?: number;
  /** While on the local bucket, how often Redis is probed to switch back, in ms. Default 1000. */
  probeIntervalMs?: number;
  /** Receives one warning per outage and one info line per recovery. Default: silent. */
  logger?: Logger;
  /** Timers for the waits and the local bucket. Default the system clock. */
  clock?: Clock;
}

/** The options with every default applied. */
export interface ResolvedRedisLimiterOptions {
  url: string;
  apiKeyId: string | undefined;
  limits: BucketLimits;
  headroomTokens: number | undefined;
  keyPrefix: string;
  fallbackFraction: number;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  probeIntervalMs: number;
  logger: Logger;
  clock: Clock;
}
