import type { RateLimitOption } from '../client-options';
import type { Clock } from '../core/clock';
import { KalshiConfigError } from '../core/errors';
import { RateLimiter } from './rate-limiter';
import type { RequestLimiter } from './request-limiter';
import { KALSHI_USAGE_TIERS } from './usage-tiers';

/** True for an object that implements {@link RequestLimiter} (any implementation, any copy). */
export function isRequestLimiter(value: unknown): value is RequestLimiter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof RequestLimiter, unknown>>;
  return (
    typeof candidate.acquire === 'function' &&
    typeof candidate.onRateLimited === 'function' &&
    typeof candidate.adoptLimits === 'function' &&
    typeof candidate.close === 'function'
  );
}

/** What the client's `rateLimit` option resolves to. */
export interface ResolvedLimiter {
  /** The limiter every request goes through; undefined when `rateLimit: false`. */
  limiter: RequestLimiter | undefined;
  /** The built-in token-bucket limiter, when that is the one in use. */
  builtIn: RateLimiter | undefined;
}

/** Builds the limiter named by the client's `rateLimit` option (default: the `basic` tier). */
export function createRequestLimiter(option: RateLimitOption | undefined, clock: Clock): ResolvedLimiter {
  const rateLimit = option ?? { tier: 'basic' };
  if (rateLimit === false) return { limiter: undefined, builtIn: undefined };
  if (rateLimit instanceof RateLimiter) return { limiter: rateLimit, builtIn: rateLimit };
  if (isRequestLimiter(rateLimit)) return { limiter: rateLimit, builtIn: undefined };
  const limits = 'tier' in rateLimit ? KALSHI_USAGE_TIERS[rateLimit.tier] : rateLimit;
  if (limits === undefined)
    throw new KalshiConfigError(`unknown Kalshi usage tier ${JSON.stringify(rateLimit)}`);
  const builtIn = new RateLimiter(
    {
      read: limits.read,
      write: limits.write,
      ...(rateLimit.headroomTokens === undefined ? {} : { headroomTokens: rateLimit.headroomTokens }),
    },
    clock,
  );
  return { limiter: builtIn, builtIn };
}
