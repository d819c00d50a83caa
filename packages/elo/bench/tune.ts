// The evaluation behind the `nfl` preset (docs/elo.md): replay 538's 1920–2020 games (data:
// FiveThirtyEight (ABC News), CC BY 4.0) from their initial ratings for every point of a coarse
// grid, score 2010–2020 by Brier, then check the best on the unseen 2021–2022 seasons.
// Run: `pnpm --filter @precog/elo run tune`.
import { brierScore, type EloParams, elo538, gamePoints538, logLoss, nfl, RatingBook } from '../src/index';
import { load538Games, load538InitialRatings, loadHoldoutGames } from '../test/load';

const games = load538Games();
const holdout = loadHoldoutGames();
const initialRatings = load538InitialRatings();

interface Score {
  brier: number;
  logLoss: number;
  points: number;
  holdoutBrier: number;
  holdoutLogLoss: number;
}

function score(params: Partial<EloParams>): Score {
  const book = new RatingBook({ ...params, initialRatings });
  const recent = book.replay(games).filter((r) => r.season >= 2010);
  const later = book.replay(holdout);
  return {
    brier: brierScore(recent),
    logLoss: logLoss(recent),
    points: gamePoints538(recent).averagePerSeason,
    holdoutBrier: brierScore(later),
    holdoutLogLoss: logLoss(later),
  };
}

const grid: { hfa: number; k: number; fraction: number; score: Score }[] = [];
for (const hfa of [65, 58, 52, 48, 44, 40, 36, 32]) {
  for (const k of [16, 18, 20, 22, 24]) {
    for (const fraction of [0.25, 1 / 3, 0.4, 0.5]) {
      const params = { ...elo538, homeAdvantage: hfa, k, seasonRegression: { fraction, mean: 1505 } };
      grid.push({ hfa, k, fraction, score: score(params) });
    }
  }
}
grid.sort((a, b) => a.score.brier - b.score.brier);
const row = (label: string, s: Score) =>
  `| ${label} | ${s.brier.toFixed(5)} | ${s.logLoss.toFixed(5)} | ${s.points.toFixed(2)} | ${s.holdoutBrier.toFixed(5)} | ${s.holdoutLogLoss.toFixed(5)} |`;
console.log(
  '| parameters | Brier 2010–20 | log loss 2010–20 | 538 points/season 2010–20 | Brier 2021–22 | log loss 2021–22 |',
);
console.log('|---|---|---|---|---|---|');
console.log(row('elo538 (65, K 20, 1/3)', score(elo538)));
console.log(row('nfl (48, K 20, 0.4)', score(nfl)));
for (const g of grid.slice(0, 10)) {
  console.log(row(`grid: ${g.hfa}, K ${g.k}, ${g.fraction.toFixed(3)}`, g.score));
}
