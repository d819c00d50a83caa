import { Redis } from 'ioredis';
import { ACQUIRE_SCRIPT, DRAIN_SCRIPT, REFUND_SCRIPT } from './scripts';

/** Arguments of the three bucket scripts: state key, limits key, default rate, default capacity, headroom, cost. */
type ScriptArgs = [string, string, number, number, number, number?];

/** The ioredis client with the limiter's scripts defined on it (EVALSHA, EVAL on NOSCRIPT). */
export interface LimiterRedis extends Redis {
  precogAcquire(...args: ScriptArgs): Promise<[number, string, string]>;
  precogDrain(...args: ScriptArgs): Promise<number>;
  precogRefund(...args: ScriptArgs): Promise<number>;
}

/** Settings of the limiter's connection. */
export interface ConnectionSettings {
  url: string;
  commandTimeoutMs: number;
  connectTimeoutMs: number;
}

/**
 * One connection per limiter. Commands never queue while disconnected (`enableOfflineQueue:
 * false`) and are never retried (`maxRetriesPerRequest: 0`): a request that cannot reach Redis
 * at once is served by the local fallback bucket instead of waiting on a queue. Concurrent
 * acquires are pipelined into one write. ioredis keeps reconnecting in the background; the
 * limiter probes and switches back.
 */
export function openConnection(settings: ConnectionSettings): LimiterRedis {
  const redis = new Redis(settings.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    enableAutoPipelining: true,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: settings.connectTimeoutMs,
    // Reconnect quickly but without hammering a Redis that is down.
    retryStrategy: (times) => Math.min(times * 100, 1000),
    // The limiter's state is in the scripts' keys; nothing to re-send on reconnect.
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
  });
  redis.defineCommand('precogAcquire', { numberOfKeys: 2, lua: ACQUIRE_SCRIPT });
  redis.defineCommand('precogDrain', { numberOfKeys: 2, lua: DRAIN_SCRIPT });
  redis.defineCommand('precogRefund', { numberOfKeys: 2, lua: REFUND_SCRIPT });
  return redis as LimiterRedis;
}
