import { type Forecast, requireForecasts } from './forecast';

/**
 * Mean squared error of the probabilities: `mean((p − outcome)²)`; ties count as 0.5.
 * 0 is perfect; always saying 0.5 scores 0.25.
 */
export function brierScore(forecasts: readonly Forecast[]): number {
  requireForecasts(forecasts, 'brierScore');
  let total = 0;
  for (const { probability, outcome } of forecasts) total += (probability - outcome) ** 2;
  return total / forecasts.length;
}

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Probabilities are clamped to `[epsilon, 1 − epsilon]` so a sure miss stays finite. Default 1e-15. */
  epsilon?: number;
}

/**
 * Mean negative log-likelihood in nats: `−mean(o·ln p + (1 − o)·ln(1 − p))`; a tie (o = 0.5)
 * scores half of each side. Always saying 0.5 scores ln 2 ≈ 0.6931.
 */
export function logLoss(forecasts: readonly Forecast[], options: LogLossOptions = {}): number {
  requireForecasts(forecasts, 'logLoss');
  const epsilon = options.epsilon ?? 1e-15;
  let total = 0;
  for (const { probability, outcome } of forecasts) {
    const p = Math.min(Math.max(probability, epsilon), 1 - epsilon);
    total -= outcome * Math.log(p) + (1 - outcome) * Math.log(1 - p);
  }
  return total / forecasts.length;
}
