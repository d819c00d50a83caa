import type { EloParams, TeamSeasonOverride } from './params';

/**
 * FiveThirtyEight's team-season overrides (rating set outright at the team's first game of the
 * season) in their simple NFL Elo, as published in fivethirtyeight/nfl-elo-game.
 */
export const ELO538_OVERRIDES: readonly TeamSeasonOverride[] = Object.freeze(
  [
    { team: 'CBD', season: 1925, rating: 1502.032 },
    { team: 'RAC', season: 1926, rating: 1403.384 },
    { team: 'LOU', season: 1926, rating: 1307.201 },
    { team: 'CIB', season: 1927, rating: 1362.919 },
    { team: 'MNN', season: 1929, rating: 1306.702 },
    { team: 'BFF', season: 1929, rating: 1331.943 },
    { team: 'LAR', season: 1944, rating: 1373.977 },
    { team: 'PHI', season: 1944, rating: 1497.988 },
    { team: 'ARI', season: 1945, rating: 1353.939 },
    { team: 'PIT', season: 1945, rating: 1353.939 },
    { team: 'CLE', season: 1999, rating: 1300.0 },
  ].map((o) => Object.freeze(o)),
);

/**
 * FiveThirtyEight's simple NFL Elo, exactly: K 20, 65 home points, their margin-of-victory
 * multiplier, one third of the way back to 1505 between seasons, their team-season overrides.
 * Supply their initial ratings (`538_initial_elos.csv`) as `initialRatings` to reproduce their
 * numbers; a team missing from them starts at 1300, the rating 538 gave new franchises.
 */
export const elo538: Readonly<EloParams> = Object.freeze({
  k: 20,
  homeAdvantage: 65,
  scale: 400,
  marginOfVictory: '538',
  seasonRegression: Object.freeze({ fraction: 1 / 3, mean: 1505 }),
  overrides: ELO538_OVERRIDES,
  initialRatings: Object.freeze({}),
  unseenTeam: Object.freeze({ rating: 1300 }),
});

/**
 * Our modern NFL defaults: 538's model with 48 home points instead of 65 and 40 % regression to
 * 1505 between seasons instead of a third; K 20 and 538's margin multiplier are kept. Chosen on
 * a coarse grid (home advantage 32–65, K 16–24, regression 25–50 %) by Brier score over
 * 2010–2020 after a replay from 1920: 0.21824 against 538's 0.21904; on the unseen seasons
 * 2021–2022: 0.22640 against 0.22856 (docs/elo.md). No overrides; a team with no rating starts
 * at the league mean, 1505 (we know nothing about it, so we call it average).
 */
export const nfl: Readonly<EloParams> = Object.freeze({
  ...elo538,
  homeAdvantage: 48,
  seasonRegression: Object.freeze({ fraction: 0.4, mean: 1505 }),
  overrides: Object.freeze([]),
  unseenTeam: Object.freeze({ rating: 1505 }),
});
