/** The `Symbol.for` marker of {@link RedisLimiterError}: the same symbol in every copy of the package. */
const REDIS_LIMITER_ERROR_MARKER = Symbol.for('precog.redis-limiter.RedisLimiterError');

/** Base class of every error thrown by `@precog/redis-limiter`. */
export class RedisLimiterError extends Error {
  /**
   * True when `value` is a `RedisLimiterError` (or subclass) from any copy of the package (ESM
   * and CJS builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static isInstance(value: unknown): value is RedisLimiterError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[REDIS_LIMITER_ERROR_MARKER] === true
    );
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, REDIS_LIMITER_ERROR_MARKER, { value: true, enumerable: false });
    this.name = 'RedisLimiterError';
  }
}

/**
 * An option the limiter cannot work with: a URL that is not `redis://` / `rediss://`, a fallback
 * fraction outside (0, 1], a non-positive timeout or limit. The message names the option and
 * never echoes a URL (it may hold a password).
 */
export class RedisLimiterConfigError extends RedisLimiterError {
  /** The option at fault, e.g. `url` or `fallbackFraction`. */
  readonly option: string;

  constructor(option: string, expected: string, options?: { cause?: unknown }) {
    super(`invalid redis limiter option ${option}: expected ${expected}`, options);
    this.name = 'RedisLimiterConfigError';
    this.option = option;
  }
}
