import type { Clock } from '../core/clock';
import { type KalshiRateLimitError, KalshiRateLimitTimeoutError } from '../core/errors';
import type { BucketKind, RequestLimiter } from '../rate-limiting/request-limiter';
import { type BackoffOptions, backoffDelay } from './backoff';

/** What one request's 429 back-off needs. */
export interface RateLimitBackoffConfig {
  clock: Clock;
  limiter: RequestLimiter | undefined;
  backoff: BackoffOptions;
  random: () => number;
  /** Longest time a request keeps retrying 429s, from its first attempt, in ms. */
  maxWaitMs: number;
}

/**
 * The 429 back-off of one request. A 429 says the key's bucket is empty, so the wait before the
 * next attempt is the time the bucket needs to refill: the limiter knows the rate, so it is
 * asked (`refillWaitMs`) for the request's cost, doubled on each 429 in a row (at most the whole
 * bucket), so a server that stays empty is asked less and less often. A limiter that cannot tell
 * falls back to the jittered exponential back-off. Gives up with a
 * {@link KalshiRateLimitTimeoutError} rather than wait past `maxWaitMs`.
 */
export class RateLimitBackoff {
  private readonly startedAt: number;
  private rateLimited = 0;

  constructor(private readonly config: RateLimitBackoffConfig) {
    this.startedAt = config.clock.now();
  }

  /** How long to wait before the next attempt, or throws when that would pass the deadline. */
  async nextDelay(error: KalshiRateLimitError, bucket: BucketKind, cost: number): Promise<number> {
    this.rateLimited += 1;
    const { clock, limiter, backoff, random, maxWaitMs } = this.config;
    const share = cost * 2 ** (this.rateLimited - 1);
    const delay =
      limiter?.refillWaitMs === undefined
        ? backoffDelay(this.rateLimited - 1, backoff, random)
        : await limiter.refillWaitMs({ bucket, cost: share });
    const waitedMs = clock.now() - this.startedAt;
    if (waitedMs + delay > maxWaitMs) {
      throw new KalshiRateLimitTimeoutError(
        `${error.method} ${error.path} was still rate limited (HTTP 429) after trying for ${(waitedMs / 1000).toFixed(1)} s (${this.rateLimited} attempts, backing off as the bucket refills); giving up at the ${(maxWaitMs / 1000).toFixed(1)} s limit (rateLimitMaxWaitMs)`,
        { waitedMs, attempts: this.rateLimited },
        {
          status: error.status,
          code: error.code,
          details: error.details,
          method: error.method,
          path: error.path,
          requestId: error.requestId,
          body: error.body,
          serverDate: error.serverDate,
          cause: error,
        },
      );
    }
    return delay;
  }
}
