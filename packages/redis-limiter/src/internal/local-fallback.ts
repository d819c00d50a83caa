import { type BucketKind, type BucketLimits, type Clock, TokenBucket } from '@precog/kalshi-client';

/** The server's bucket size less the headroom, as the scripts compute it. */
export function effectiveSize(limit: BucketLimits[BucketKind], headroomTokens: number | undefined): number {
  const cap = limit.bucketSize ?? limit.tokensPerSecond;
  const headroom = headroomTokens ?? cap / 5;
  return Math.max(cap - headroom, 1);
}

/**
 * The buckets a process uses while Redis is unreachable: `fraction` of the key's budget (rate and
 * size), starting empty so that losing Redis never releases a burst: the server's bucket may
 * well be empty, spent by the other processes a moment ago.
 */
export class LocalFallback {
  readonly read: TokenBucket;
  readonly write: TokenBucket;

  constructor(
    limits: BucketLimits,
    private readonly fraction: number,
    private readonly headroomTokens: number | undefined,
    clock: Clock,
  ) {
    this.read = new TokenBucket(this.scaled(limits.read), clock);
    this.write = new TokenBucket(this.scaled(limits.write), clock);
    this.read.drain();
    this.write.drain();
  }

  bucket(kind: BucketKind): TokenBucket {
    return kind === 'read' ? this.read : this.write;
  }

  /** Adopts new limits (scaled by the fraction); tokens held are kept up to the new size. */
  configure(limits: BucketLimits): void {
    this.read.configure(this.scaled(limits.read));
    this.write.configure(this.scaled(limits.write));
  }

  /** Rejects every queued acquire with `reason`, and every later one. */
  close(reason: unknown): void {
    this.read.close(reason);
    this.write.close(reason);
  }

  private scaled(limit: BucketLimits[BucketKind]): { tokensPerSecond: number; bucketSize: number } {
    return {
      tokensPerSecond: limit.tokensPerSecond * this.fraction,
      bucketSize: effectiveSize(limit, this.headroomTokens) * this.fraction,
    };
  }
}
