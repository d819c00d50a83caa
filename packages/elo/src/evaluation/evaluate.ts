import { type CalibrationBin, calibrationTable } from './calibration';
import type { Forecast } from './forecast';
import { type GamePointsResult, gamePoints538 } from './points538';
import { brierScore, logLoss } from './scores';

/** Every score of {@link evaluateForecasts}. */
export interface EvaluationResult {
  /** Forecasts scored. */
  games: number;
  brier: number;
  logLoss: number;
  /** 538's game points, or `null` when a forecast has no season or every game was a tie. */
  points: GamePointsResult | null;
  calibration: CalibrationBin[];
}

/** Brier score, log loss, 538's game points and a 10-bin calibration table in one pass. */
export function evaluateForecasts(forecasts: readonly Forecast[]): EvaluationResult {
  const scorable =
    forecasts.every((f) => f.season !== undefined) &&
    forecasts.some((f) => f.outcome === 0 || f.outcome === 1);
  return {
    games: forecasts.length,
    brier: brierScore(forecasts),
    logLoss: logLoss(forecasts),
    points: scorable ? gamePoints538(forecasts) : null,
    calibration: calibrationTable(forecasts),
  };
}
