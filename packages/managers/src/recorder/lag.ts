// Lag of the recorder: from the exchange's time of an update (or its receipt, when the message
// carries no time) to the commit of the batch that stored it. A fixed histogram of 1 ms buckets,
// so a recorder that runs for days keeps constant memory and exact percentiles up to its range.

/** Lag percentiles of the updates a recorder committed, in milliseconds. */
export interface LagSummary {
  /** Updates measured (each committed update, coalesced ones included). */
  samples: number;
  /** Median lag. 0 with no sample. */
  p50Ms: number;
  /** 99th percentile lag. 0 with no sample. */
  p99Ms: number;
  /** Largest lag seen. 0 with no sample. */
  maxMs: number;
}

/** Buckets of 1 ms up to this bound; longer lags count in the last bucket (and in `maxMs` exactly). */
const RANGE_MS = 60_000;

/** A lag histogram with 1 ms resolution. */
export class LagHistogram {
  private readonly buckets = new Float64Array(RANGE_MS + 1);
  private count = 0;
  private max = 0;

  /** Records `times` lags of `ms` (negative values, from clock skew, count as 0). */
  record(ms: number, times = 1): void {
    const lag = Math.max(0, Math.round(ms));
    const bucket = Math.min(lag, RANGE_MS);
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + times;
    this.count += times;
    if (lag > this.max) this.max = lag;
  }

  /** The smallest lag at or below which `q` (0–1) of the samples fall. */
  percentile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let ms = 0; ms <= RANGE_MS; ms++) {
      seen += this.buckets[ms] ?? 0;
      if (seen >= rank) return ms === RANGE_MS ? this.max : ms;
    }
    return this.max;
  }

  /** p50, p99 and max of what was recorded. */
  summary(): LagSummary {
    return {
      samples: this.count,
      p50Ms: this.percentile(0.5),
      p99Ms: this.percentile(0.99),
      maxMs: this.max,
    };
  }
}
