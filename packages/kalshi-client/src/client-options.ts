import type { KeyObject } from 'node:crypto';
import type { KalshiEnvironment } from './core/base-urls';
import type { CircuitBreakerOptions } from './core/circuit-breaker';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import type { SecretString } from './core/secret';
import type { RequestLimiter } from './rate-limiting/request-limiter';
import type { TokenBucketLimit } from './rate-limiting/token-bucket';
import type { KalshiUsageTier } from './rate-limiting/usage-tiers';

/**
 * Rate limiting: a named tier, explicit buckets, a {@link RequestLimiter} instance, or `false` to
 * switch the limiter off. The first two build the built-in in-process token buckets
 * (`RateLimiter`); an instance is used as given (a limiter shared by several processes, or a
 * `RateLimiter` shared by several clients of one key).
 */
export type RateLimitOption =
  | { tier: KalshiUsageTier; headroomTokens?: number }
  | { read: TokenBucketLimit; write: TokenBucketLimit; headroomTokens?: number }
  | RequestLimiter
  | false;

/** Options of `new KalshiClient(options)`. Nothing is read from the environment implicitly. */
export interface KalshiClientOptions {
  /**
   * Exchange to use. Default `'demo'` (never trade real money by accident).
   * Environment variable (read by `@precog/config`, not here): `PRECOG_ENV`.
   */
  environment?: KalshiEnvironment;
  /**
   * Full base URL including `/trade-api/v2`; overrides `environment` (fake exchange, proxies).
   * Environment variable: `KALSHI_BASE_URL`.
   */
  baseUrl?: string;
  /**
   * WebSocket URL including `/trade-api/ws/v2`, used by `client.stream()`. Default: Kalshi's for
   * the environment, or derived from `baseUrl` when that is not Kalshi's (`ws(s)://host/trade-api/ws/v2`).
   * Environment variable (read by `@precog/config` / the CLI, not here): `KALSHI_WS_URL`.
   */
  wsUrl?: string;
  /**
   * API key id, sent as `KALSHI-ACCESS-KEY`. Without it requests go unsigned, which the public
   * market-data endpoints accept. Environment variable: `KALSHI_DEMO_API_KEY_ID` /
   * `KALSHI_PROD_API_KEY_ID` (or `KALSHI_API_KEY_ID`).
   */
  apiKeyId?: string;
  /**
   * Private key: PEM text (PKCS#1 or PKCS#8; literal `\n` accepted), a `KeyObject`, or the
   * `SecretString` of `apiKeys.generate()`; RSA or Ed25519. Parsed once, at construction.
   * Environment variable: `KALSHI_PRIVATE_KEY`.
   */
  privateKey?: string | KeyObject | SecretString;
  /**
   * Path of a PEM file holding the private key, read once at construction (used when
   * `privateKey` is absent). Environment variable: `KALSHI_DEMO_PRIVATE_KEY_PATH` /
   * `KALSHI_PROD_PRIVATE_KEY_PATH` (or `KALSHI_PRIVATE_KEY_PATH`).
   */
  privateKeyPath?: string;
  /**
   * Client-side token buckets mirroring Kalshi's. Default `{ tier: 'basic' }`: 200 read and 100
   * write tokens per second, bucket sizes equal to the rates. `client.syncRateLimits()` adopts
   * the key's real limits and cost table. `false` disables client-side limiting.
   *
   * A {@link RequestLimiter} instance plugs in any other limiter (for example one whose buckets
   * live in Redis, shared by every process using the key): the client computes each request's
   * cost from its endpoint cost table and calls `acquire({ bucket, cost, signal })`, reports a 429
   * with `onRateLimited(bucket)`, hands synced limits to `adoptLimits`, and `client.close()`
   * closes it.
   */
  rateLimit?: RateLimitOption;
  /**
   * Retries after the first attempt (so up to `maxRetries + 1` attempts). Default 3. Per call:
   * `{ maxRetries }` in the last argument.
   */
  maxRetries?: number;
  /**
   * List calls: pages in a row without new items (empty, or a copy of an earlier page) after
   * which the walk stops with a `KalshiPaginationStalledError` instead of paging forever.
   * Default 10. Per call: `{ maxPagesWithoutNewItems }` in the list options. `system.yaml`:
   * `defaults.pagination.max_pages_without_new_items`.
   */
  maxPagesWithoutNewItems?: number;
  /**
   * Longest time one request keeps retrying after 429s, from its first attempt, in ms. Default
   * 60 000. A 429 is retried whatever `maxRetries` says, each time after the bucket's refill
   * time (the limiter's `refillWaitMs`), and the first 429 of the client makes it adopt
   * `GET /account/limits` (signed clients with a limiter). Past the limit the call fails with
   * `KalshiRateLimitTimeoutError`. `system.yaml`: `defaults.retries.rate_limit_max_wait_seconds`.
   */
  rateLimitMaxWaitMs?: number;
  /** Timeout of each attempt in milliseconds, body included. Default 10 000. */
  timeoutMs?: number;
  /** Ceiling of the first retry delay in ms (full jitter, doubling per retry). Default 250. */
  retryInitialDelayMs?: number;
  /** Largest retry delay ceiling in ms. Default 8 000. */
  retryMaxDelayMs?: number;
  /**
   * Circuit breaker: opens after `failureThreshold` consecutive failed attempts (default 5) for
   * `cooldownMs` (default 30 000 ms), then lets one probe through. `false` disables it.
   */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** `fetch` implementation. Default: the global `fetch` of Node 20. */
  fetch?: typeof globalThis.fetch;
  /** Structured logger (pino-compatible). Default: a no-op logger. Never receives keys or signatures. */
  logger?: Logger;
  /** Time source and timers. Default: the system clock. Tests inject a manual clock. */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for retry jitter. Default `Math.random`. */
  random?: () => number;
}
