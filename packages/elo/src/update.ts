import { type MarginMultiplierFunction, type MarginOfVictory, resolveMarginOfVictory } from './margin';
import { probabilityFromDifference, ratingDifference } from './probability';

/** The model constants one game update needs. */
export interface UpdateParams {
  /** K factor: the largest rating move per unit of surprise, before the margin multiplier. */
  k: number;
  /** Elo points added to the home side unless the game is neutral. */
  homeAdvantage: number;
  /** Logistic scale in Elo points (400 in chess and in 538's NFL model). */
  scale: number;
  /** Margin-of-victory multiplier: `'538'`, `'none'` or a function. */
  marginOfVictory: MarginOfVictory;
}

/** One finished game as {@link updateRatings} sees it. */
export interface UpdateRatingsInput {
  /** Pre-game rating of the home (first) team. */
  homeRating: number;
  /** Pre-game rating of the away (second) team. */
  awayRating: number;
  homeScore: number;
  awayScore: number;
  /** Neutral site: no home advantage. Default `false`. */
  neutral?: boolean;
}

/** What one game does to the two ratings. */
export interface UpdateRatingsResult {
  /** Post-game home rating: `homeRating + shift`. */
  homeRating: number;
  /** Post-game away rating: `awayRating − shift` (updates are zero-sum). */
  awayRating: number;
  /** Points moved to the home side (negative when it lost ground): `K × m × (result − p)`. */
  shift: number;
  /** Pre-game home win probability. */
  probability: number;
  /** The margin-of-victory multiplier `m` used. */
  multiplier: number;
  /** The home side's result: 1 win, 0 loss, 0.5 tie. */
  result: 1 | 0 | 0.5;
}

/** The home side's result from the two scores: 1, 0, or 0.5 for a tie. */
export function gameResult(homeScore: number, awayScore: number): 1 | 0 | 0.5 {
  if (homeScore > awayScore) return 1;
  if (homeScore < awayScore) return 0;
  return 0.5;
}

/**
 * Applies one finished game: `shift = K × m × (result − p)`; home gains `shift`, away loses it.
 * No rounding (ratings stay floats; round only where they are stored).
 */
export function updateRatings(input: UpdateRatingsInput, params: UpdateParams): UpdateRatingsResult {
  return rateGame(input, params, resolveMarginOfVictory(params.marginOfVictory));
}

/** {@link updateRatings} with the margin function already resolved (the rating book's hot path). */
export function rateGame(
  input: UpdateRatingsInput,
  params: UpdateParams,
  margin: MarginMultiplierFunction,
): UpdateRatingsResult {
  const difference = ratingDifference(input.homeRating, input.awayRating, {
    homeAdvantage: params.homeAdvantage,
    neutral: input.neutral ?? false,
  });
  const probability = probabilityFromDifference(difference, params.scale);
  const result = gameResult(input.homeScore, input.awayScore);
  const multiplier = margin(input.homeScore - input.awayScore, difference);
  const shift = params.k * multiplier * (result - probability);
  return {
    homeRating: input.homeRating + shift,
    awayRating: input.awayRating - shift,
    shift,
    probability,
    multiplier,
    result,
  };
}
