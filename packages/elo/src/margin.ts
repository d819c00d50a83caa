/**
 * A margin-of-victory multiplier: given the home side's point difference (`homeScore − awayScore`)
 * and the home side's rating difference `dr` (home advantage included), returns the factor
 * applied to K for that game.
 */
export type MarginMultiplierFunction = (pointDifference: number, ratingDifference: number) => number;

/**
 * How the margin of victory scales an update: `'538'` ({@link marginMultiplier}), `'none'`
 * (always 1, the textbook Elo update), or your own {@link MarginMultiplierFunction}.
 */
export type MarginOfVictory = '538' | 'none' | MarginMultiplierFunction;

/**
 * FiveThirtyEight's margin-of-victory multiplier:
 * `ln(max(|pd|, 1) + 1) × 2.2 / D`, where `D = 1` for a tie and otherwise
 * `D = 0.001 × w + 2.2`, with `w = dr` when the home side won and `w = −dr` when it lost.
 * The `D` term damps the update when the favourite wins (autocorrelation correction).
 *
 * @param pointDifference `homeScore − awayScore`.
 * @param ratingDifference the home side's `dr`, home advantage included.
 */
export function marginMultiplier(pointDifference: number, ratingDifference: number): number {
  const spread = Math.log(Math.max(Math.abs(pointDifference), 1) + 1);
  if (pointDifference === 0) {
    return spread * 2.2;
  }
  const winnerDifference = pointDifference > 0 ? ratingDifference : -ratingDifference;
  return spread * (2.2 / (winnerDifference * 0.001 + 2.2));
}

/** Resolves a {@link MarginOfVictory} setting to the function it stands for. */
export function resolveMarginOfVictory(setting: MarginOfVictory): MarginMultiplierFunction {
  if (setting === '538') return marginMultiplier;
  if (setting === 'none') return () => 1;
  return setting;
}
