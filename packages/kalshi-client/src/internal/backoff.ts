/** Settings of the exponential back-off between attempts. */
export interface BackoffOptions {
  /** Ceiling of the first delay, in ms. */
  initialDelayMs: number;
  /** Largest ceiling any delay may have, in ms. */
  maxDelayMs: number;
}

/**
 * "Full jitter" back-off: a uniformly random delay between 0 and `initial × 2^attempt`, capped.
 * Spreading retries over the whole window keeps many clients from retrying in lock-step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
