import { kalshiRateLimitSettings, type PrecogConfig } from '@precog/config';
import type { Logger, RequestLimiter } from '@precog/kalshi-client';
import { createRedisLimiter } from '@precog/redis-limiter';

/**
 * The client's `rateLimit` when `KALSHI_RATE_LIMIT_URL` (or markets.yaml
 * `platforms.kalshi.rate_limit.url`) is set: the key's budget held in Redis, shared with every
 * other process using the key. Unset: nothing (the client keeps its own buckets). An unreachable
 * Redis is a warning, not a failure (the limiter falls back to a local share of the budget).
 */
export async function sharedRateLimit(
  config: Pick<PrecogConfig, 'kalshi' | 'markets'>,
  logger: Logger,
): Promise<{ rateLimit: RequestLimiter } | Record<string, never>> {
  const settings = kalshiRateLimitSettings(config);
  if (settings === undefined) return {};
  return { rateLimit: await createRedisLimiter({ ...settings, logger }) };
}
