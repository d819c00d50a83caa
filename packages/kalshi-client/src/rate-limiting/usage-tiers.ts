import type { TokenBucketLimit } from './token-bucket';

/**
 * Kalshi API usage tiers with published token budgets. `basic` (200 read / 100 write tokens per
 * second) is what `GET /account/limits` returned on the demo exchange; the others are Kalshi's
 * older per-request figures × 10 tokens. Call `client.syncRateLimits()` for your key's real numbers.
 */
export const KALSHI_USAGE_TIERS = {
  basic: {
    read: { tokensPerSecond: 200, bucketSize: 200 },
    write: { tokensPerSecond: 100, bucketSize: 100 },
  },
  advanced: {
    read: { tokensPerSecond: 300, bucketSize: 300 },
    write: { tokensPerSecond: 300, bucketSize: 300 },
  },
  premier: {
    read: { tokensPerSecond: 1000, bucketSize: 1000 },
    write: { tokensPerSecond: 1000, bucketSize: 1000 },
  },
  prime: {
    read: { tokensPerSecond: 4000, bucketSize: 4000 },
    write: { tokensPerSecond: 4000, bucketSize: 4000 },
  },
} as const satisfies Record<string, { read: TokenBucketLimit; write: TokenBucketLimit }>;

/** Name of a usage tier in {@link KALSHI_USAGE_TIERS}. */
export type KalshiUsageTier = keyof typeof KALSHI_USAGE_TIERS;
