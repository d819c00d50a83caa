/** Options of {@link winProbability} and {@link ratingDifference}. */
export interface WinProbabilityOptions {
  /** Elo points added to the home side's rating unless `neutral`. Default 0. */
  homeAdvantage?: number;
  /** A neutral-site game: no home advantage. Default `false`. */
  neutral?: boolean;
  /** Logistic scale in Elo points: a difference of `scale` means 10:1 odds. Default 400. */
  scale?: number;
}

/**
 * The rating difference that drives a game, from the home (first) team's side:
 * `home − away + homeAdvantage`, or `home − away` on a neutral site.
 */
export function ratingDifference(
  homeRating: number,
  awayRating: number,
  options: WinProbabilityOptions = {},
): number {
  const advantage = options.neutral ? 0 : (options.homeAdvantage ?? 0);
  return homeRating - awayRating + advantage;
}

/** The probability that a side wins given its rating difference `dr`: `1 / (10^(−dr/scale) + 1)`. */
export function probabilityFromDifference(difference: number, scale = 400): number {
  return 1 / (10 ** (-difference / scale) + 1);
}

/**
 * The probability that the home (first) team wins, from the two ratings:
 * `1 / (10^(−dr/scale) + 1)` with `dr = home − away + homeAdvantage` (no advantage on a neutral site).
 * No cap on `dr`. Returned as a float: convert it to `Decimal` where it becomes a price or edge.
 *
 * @example winProbability(1600, 1500, { homeAdvantage: 65 }) // ≈ 0.7193
 */
export function winProbability(
  homeRating: number,
  awayRating: number,
  options: WinProbabilityOptions = {},
): number {
  return probabilityFromDifference(ratingDifference(homeRating, awayRating, options), options.scale ?? 400);
}
