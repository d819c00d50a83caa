/** A Kalshi request limiter whose token buckets live in Redis, shared by every process using a key. */
export { createRedisLimiter } from './create-redis-limiter';
export { RedisLimiterConfigError, RedisLimiterError } from './errors';
export type { BucketKeys, RedisLimiterOptions } from './options';
export type { RedisLimiterMode, RedisLimiterStats } from './redis-limiter';
export { RedisRateLimiter } from './redis-limiter';
