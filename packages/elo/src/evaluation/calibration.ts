import { type Forecast, requireForecasts } from './forecast';

/** One probability bin of a calibration table. */
export interface CalibrationBin {
  /** Lower edge of the bin (inclusive). */
  lower: number;
  /** Upper edge of the bin (exclusive, except the last bin, which includes 1). */
  upper: number;
  /** Forecasts in the bin. */
  count: number;
  /** Mean forecast probability in the bin; `null` when the bin is empty. */
  meanProbability: number | null;
  /** Mean outcome in the bin (ties count 0.5); `null` when the bin is empty. */
  observedRate: number | null;
}

/** Options of {@link calibrationTable}. */
export interface CalibrationOptions {
  /** Number of equal-width bins over [0, 1]. Default 10. */
  bins?: number;
}

/**
 * Groups forecasts into equal-width probability bins and compares the mean forecast with the
 * observed win rate in each: a calibrated model has `observedRate ≈ meanProbability`.
 */
export function calibrationTable(
  forecasts: readonly Forecast[],
  options: CalibrationOptions = {},
): CalibrationBin[] {
  requireForecasts(forecasts, 'calibrationTable');
  const binCount = options.bins ?? 10;
  if (!Number.isInteger(binCount) || binCount < 1) {
    throw new RangeError(`calibrationTable: bins must be a positive integer, got ${binCount}`);
  }
  const sums = Array.from({ length: binCount }, () => ({ count: 0, probability: 0, outcome: 0 }));
  for (const { probability, outcome } of forecasts) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`calibrationTable: probability ${probability} is outside [0, 1]`);
    }
    const index = Math.min(Math.floor(probability * binCount), binCount - 1);
    const sum = sums[index] as { count: number; probability: number; outcome: number };
    sum.count += 1;
    sum.probability += probability;
    sum.outcome += outcome;
  }
  return sums.map((sum, index) => ({
    lower: index / binCount,
    upper: (index + 1) / binCount,
    count: sum.count,
    meanProbability: sum.count === 0 ? null : sum.probability / sum.count,
    observedRate: sum.count === 0 ? null : sum.outcome / sum.count,
  }));
}
