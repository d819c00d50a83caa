import { roundHalfEven } from '../internal/round';
import type { Forecast } from './forecast';

/** 538's forecast-game points for one season. */
export interface SeasonPoints {
  season: number;
  /** Sum of the game points of the season. */
  points: number;
  /** Games scored (ties are skipped). */
  games: number;
}

/** Result of {@link gamePoints538}. */
export interface GamePointsResult {
  /** One entry per season, in ascending season order. */
  seasons: SeasonPoints[];
  /** Mean of the season totals (538 printed it rounded to 2 decimals). */
  averagePerSeason: number;
}

/**
 * Points for one game in 538's forecasting game: the probability rounded to 2 decimals,
 * `25 − 100 × (p − outcome)²`, rounded to 1 decimal (Python's `round`, with a negative score
 * first raised by 0.001 as 538's scorer does), doubled in the playoffs. `undefined` for a
 * tie (not scored).
 */
export function gamePoints(forecast: Forecast): number | undefined {
  if (forecast.outcome !== 0 && forecast.outcome !== 1) return undefined;
  const p = roundHalfEven(forecast.probability, 2);
  const raw = 25 - 100 * ((p - forecast.outcome) * (p - forecast.outcome));
  // 538's scorer nudges a negative score up by 0.001 before rounding, so −x.x5 rounds toward
  // zero ("round half up"); without the nudge the 1920–2020 average is 647.79, not 648.24.
  const points = roundHalfEven(raw < 0 ? raw + 0.001 : raw, 1);
  return forecast.playoff ? points * 2 : points;
}

/**
 * 538's forecast-game score: game points summed per season, then averaged over seasons.
 * Every forecast needs a `season`.
 */
export function gamePoints538(forecasts: readonly Forecast[]): GamePointsResult {
  const bySeason = new Map<number, SeasonPoints>();
  for (const forecast of forecasts) {
    if (forecast.season === undefined) throw new RangeError('gamePoints538 needs a season on every forecast');
    const points = gamePoints(forecast);
    if (points === undefined) continue;
    const entry = bySeason.get(forecast.season) ?? { season: forecast.season, points: 0, games: 0 };
    entry.points += points;
    entry.games += 1;
    bySeason.set(forecast.season, entry);
  }
  const seasons = [...bySeason.values()].sort((a, b) => a.season - b.season);
  if (seasons.length === 0) throw new RangeError('gamePoints538 needs at least one decided game');
  const averagePerSeason = seasons.reduce((sum, s) => sum + s.points, 0) / seasons.length;
  return { seasons, averagePerSeason };
}
