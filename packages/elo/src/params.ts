import type { MarginOfVictory } from './margin';
import type { SeasonRegression } from './regression';

/** A rating set outright for one team at its first game of one season (538's "reversions"). */
export interface TeamSeasonOverride {
  /** Team code, e.g. `'CLE'`. */
  team: string;
  /** The season whose first game starts from `rating`. */
  season: number;
  /** The rating, in Elo points, replacing the regressed one. */
  rating: number;
}

/** What a rating book does with a team that has neither a rating nor an initial rating. */
export type UnseenTeamPolicy = { rating: number } | 'error';

/** Initial ratings by team code. */
export type InitialRatings = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Every parameter of the Elo model and of a {@link RatingBook}. */
export interface EloParams {
  /** K factor (Elo points per unit of surprise, before the margin multiplier). 538: 20. */
  k: number;
  /** Elo points added to the home team unless the game is neutral. 538: 65. */
  homeAdvantage: number;
  /** Logistic scale in Elo points. 538: 400. */
  scale: number;
  /** Margin-of-victory multiplier: `'538'`, `'none'` or a function. 538: `'538'`. */
  marginOfVictory: MarginOfVictory;
  /**
   * Between-season regression, applied lazily at a team's first game of a new season (once, even
   * when the team skipped seasons), or `'none'`. 538: `{ fraction: 1/3, mean: 1505 }`.
   */
  seasonRegression: SeasonRegression | 'none';
  /** Ratings set outright at a team's first game of a season, instead of regressing. */
  overrides: readonly TeamSeasonOverride[];
  /** Ratings of teams before their first game (by team code). Default: none. */
  initialRatings: InitialRatings;
  /**
   * A team with no rating and no initial rating: start it at `{ rating }`, or throw
   * `UnknownTeamError` naming it (`'error'`).
   */
  unseenTeam: UnseenTeamPolicy;
}

/** Reads one team's initial rating from either form of {@link InitialRatings}. */
export function initialRatingOf(initialRatings: InitialRatings, team: string): number | undefined {
  if (initialRatings instanceof Map) {
    return initialRatings.get(team);
  }
  const record = initialRatings as Readonly<Record<string, number>>;
  return Object.hasOwn(record, team) ? record[team] : undefined;
}
