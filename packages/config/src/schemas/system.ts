import type { z } from 'zod';
import { bool, count, obj, oneOf, positiveInt, str } from './primitives';

/**
 * Schema of `system.yaml`: process-wide settings. Only settings some code honours are here
 * (`settings.test.ts` enumerates every key against where it is read); sections that described
 * features not built (health checks, system circuit breakers, feature flags, maintenance windows,
 * audit, notifications, alert routing, display defaults) were removed, so a file that still sets
 * them gets the unknown-key warning instead of silently changing nothing.
 */
export const systemSchema = obj({
  version: str,
  database: obj({
    pool_size: positiveInt,
    pool_timeout_seconds: positiveInt,
    statement_timeout_ms: count,
    idle_in_transaction_timeout_ms: count,
    ssl_mode: oneOf(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']),
  }),
  logging: obj({
    level: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal']),
    console: obj({ enabled: bool, format: oneOf(['auto', 'pretty', 'json']) }),
    file: obj({ enabled: bool, path: str }),
  }),
  defaults: obj({
    timeouts: obj({ api_request_seconds: positiveInt }),
    retries: obj({
      max_attempts: positiveInt,
      initial_delay_ms: count,
      max_delay_ms: count,
      rate_limit_max_wait_seconds: count,
    }),
    pagination: obj({ max_pages_without_new_items: positiveInt }),
  }),
});

/** The validated contents of `system.yaml`. */
export type SystemConfig = z.output<typeof systemSchema>;
