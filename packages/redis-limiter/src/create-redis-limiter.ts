import { openConnection } from './internal/connection';
import { resolveOptions } from './internal/resolve-options';
import type { RedisLimiterOptions } from './options';
import { RedisRateLimiter } from './redis-limiter';

/**
 * Connects to Redis and returns a limiter to pass as the Kalshi client's `rateLimit`. Never
 * fails for an unreachable Redis: the limiter then starts on its local fallback bucket (one
 * warning) and switches to the shared buckets once Redis answers. Throws a
 * `RedisLimiterConfigError` for an invalid option.
 *
 * ```ts
 * const rateLimit = await createRedisLimiter({ url: 'redis://127.0.0.1:6379/0', apiKeyId });
 * const client = new KalshiClient({ apiKeyId, privateKeyPath, rateLimit });
 * ```
 */
export async function createRedisLimiter(options: RedisLimiterOptions): Promise<RedisRateLimiter> {
  const resolved = resolveOptions(options);
  const limiter = new RedisRateLimiter(openConnection(resolved), resolved);
  await limiter.start();
  return limiter;
}
