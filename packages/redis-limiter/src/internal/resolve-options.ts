import { KALSHI_USAGE_TIERS, noopLogger, systemClock } from '@precog/kalshi-client';
import { RedisLimiterConfigError } from '../errors';
import type { RedisLimiterOptions, ResolvedRedisLimiterOptions } from '../options';

function positive(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved <= 0)
    throw new RedisLimiterConfigError(name, 'a positive number');
  return resolved;
}

/** Checks that `url` is a Redis URL without ever echoing it (it may hold a password). */
export function checkRedisUrl(url: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:')
    throw new RedisLimiterConfigError('url', 'a redis://host:port/db or rediss:// URL');
}

/** Applies the defaults of {@link RedisLimiterOptions} and checks every value. */
export function resolveOptions(options: RedisLimiterOptions): ResolvedRedisLimiterOptions {
  checkRedisUrl(options.url);
  const fallbackFraction = options.fallbackFraction ?? 0.5;
  if (!(fallbackFraction > 0 && fallbackFraction <= 1))
    throw new RedisLimiterConfigError('fallbackFraction', 'a fraction in (0, 1]');
  const limits = options.limits ?? KALSHI_USAGE_TIERS.basic;
  for (const kind of ['read', 'write'] as const) {
    positive(`limits.${kind}.tokensPerSecond`, limits[kind].tokensPerSecond, 1);
    positive(`limits.${kind}.bucketSize`, limits[kind].bucketSize, 1);
  }
  if (options.headroomTokens !== undefined && !(options.headroomTokens >= 0))
    throw new RedisLimiterConfigError('headroomTokens', 'a non-negative number');
  return {
    url: options.url,
    apiKeyId: options.apiKeyId,
    limits: { read: { ...limits.read }, write: { ...limits.write } },
    headroomTokens: options.headroomTokens,
    keyPrefix: options.keyPrefix ?? 'precog:ratelimit',
    fallbackFraction,
    commandTimeoutMs: positive('commandTimeoutMs', options.commandTimeoutMs, 500),
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs, 2000),
    probeIntervalMs: positive('probeIntervalMs', options.probeIntervalMs, 1000),
    logger: options.logger ?? noopLogger,
    clock: options.clock ?? systemClock,
  };
}
