/** Between-season regression: move a rating `fraction` of the way toward `mean`. */
export interface SeasonRegression {
  /** Share of the distance to `mean` removed at a new season, in [0, 1]. 538: 1/3. */
  fraction: number;
  /** The rating the league regresses toward, in Elo points. 538: 1505. */
  mean: number;
}

/**
 * `mean × fraction + rating × (1 − fraction)`: with 538's `{ fraction: 1/3, mean: 1505 }`
 * this is `1505/3 + rating × 2/3`.
 */
export function regressToMean(rating: number, regression: SeasonRegression): number {
  return regression.mean * regression.fraction + rating * (1 - regression.fraction);
}
