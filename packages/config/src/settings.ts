import type { PrecogConfig } from './config-types';

/**
 * The `openStore` options that `system.yaml` `database.*` sets (structurally the same names as
 * `@precog/scd2-store`'s StoreOptions, so `openStore({ databaseUrl, ...storeSettings(config) })`).
 * All of them act on PostgreSQL only; PGlite (no database URL) has one in-process session and
 * no TLS, so they do not apply there (docs/configuration.md).
 */
export interface StoreSettings {
  /** `database.pool_size`: maximum pooled connections. */
  poolSize: number;
  /** `database.pool_timeout_seconds`, in ms: wait for a free pooled connection before failing. */
  connectionTimeoutMs: number;
  /** `database.statement_timeout_ms`: the server's `statement_timeout` (0 = none). */
  statementTimeoutMs: number;
  /** `database.idle_in_transaction_timeout_ms`: `idle_in_transaction_session_timeout` (0 = none). */
  idleInTransactionTimeoutMs: number;
  /** `database.ssl_mode`; a `sslmode` in the database URL wins. */
  sslMode: 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
}

/** The database settings of `system.yaml`, as `openStore` options. */
export function storeSettings(config: Pick<PrecogConfig, 'system'>): StoreSettings {
  const db = config.system.database;
  return {
    poolSize: db.pool_size,
    connectionTimeoutMs: db.pool_timeout_seconds * 1000,
    statementTimeoutMs: db.statement_timeout_ms,
    idleInTransactionTimeoutMs: db.idle_in_transaction_timeout_ms,
    sslMode: db.ssl_mode,
  };
}

/**
 * The `KalshiClient` options that `system.yaml` `defaults.timeouts`, `defaults.retries` and
 * `defaults.pagination` set
 * (structurally the same names as `@precog/kalshi-client`'s KalshiClientOptions).
 */
export interface KalshiClientSettings {
  /** `defaults.timeouts.api_request_seconds`, in ms: timeout of each attempt, body included. */
  timeoutMs: number;
  /** `defaults.retries.max_attempts` − 1: retries after the first attempt. */
  maxRetries: number;
  /** `defaults.retries.initial_delay_ms`: ceiling of the first retry delay (full jitter, doubling). */
  retryInitialDelayMs: number;
  /** `defaults.retries.max_delay_ms`: largest retry delay ceiling. */
  retryMaxDelayMs: number;
  /** `defaults.retries.rate_limit_max_wait_seconds`, in ms: how long 429s are retried. */
  rateLimitMaxWaitMs: number;
  /** `defaults.pagination.max_pages_without_new_items`: the list calls' stall guard. */
  maxPagesWithoutNewItems: number;
}

/** The request timeout and retry settings of `system.yaml`, as `KalshiClient` options. */
export function kalshiClientSettings(config: Pick<PrecogConfig, 'system'>): KalshiClientSettings {
  const { timeouts, retries, pagination } = config.system.defaults;
  return {
    timeoutMs: timeouts.api_request_seconds * 1000,
    maxRetries: retries.max_attempts - 1,
    retryInitialDelayMs: retries.initial_delay_ms,
    retryMaxDelayMs: retries.max_delay_ms,
    rateLimitMaxWaitMs: retries.rate_limit_max_wait_seconds * 1000,
    maxPagesWithoutNewItems: pagination.max_pages_without_new_items,
  };
}

/**
 * The options of `@precog/redis-limiter`'s `createRedisLimiter` that the configuration sets
 * (structurally the same names), or undefined when no shared budget is configured.
 */
export interface KalshiRateLimitSettings {
  /** `KALSHI_RATE_LIMIT_URL`, else markets.yaml `platforms.kalshi.rate_limit.url`. */
  url: string;
  /** The key id whose budget is shared (`config.kalshi.apiKeyId`), if one is configured. */
  apiKeyId?: string;
  /** `platforms.kalshi.rate_limit.fallback_fraction`: share of the budget while Redis is down. */
  fallbackFraction: number;
  /** `platforms.kalshi.rate_limit.command_timeout_ms`: a slower Redis counts as down. */
  commandTimeoutMs: number;
}

/** The shared rate limit of the configuration (`KALSHI_RATE_LIMIT_URL`), or undefined: unset, nothing changes. */
export function kalshiRateLimitSettings(
  config: Pick<PrecogConfig, 'kalshi' | 'markets'>,
): KalshiRateLimitSettings | undefined {
  const url = config.kalshi.rateLimitUrl;
  if (url === undefined) return undefined;
  const yaml = config.markets.platforms.kalshi.rate_limit;
  return {
    url,
    ...(config.kalshi.apiKeyId === undefined ? {} : { apiKeyId: config.kalshi.apiKeyId }),
    fallbackFraction: yaml.fallback_fraction.toNumber(),
    commandTimeoutMs: yaml.command_timeout_ms,
  };
}
