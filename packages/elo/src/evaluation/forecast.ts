/**
 * One probability forecast and what happened. A {@link GameRecord} from the rating book already
 * has this shape.
 */
export interface Forecast {
  /** Forecast probability that the first (home) team wins, in [0, 1]. */
  probability: number;
  /** What happened to the first team: 1 win, 0 loss, 0.5 tie. */
  outcome: number;
  /** Season of the game (needed by 538's game points). */
  season?: number;
  /** Playoff game (538's game points count it double). */
  playoff?: boolean;
}

export function requireForecasts(forecasts: readonly Forecast[], what: string): void {
  if (forecasts.length === 0) throw new RangeError(`${what} needs at least one forecast`);
}
