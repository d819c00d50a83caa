// Reproduces FiveThirtyEight's published NFL Elo numbers (data: FiveThirtyEight (ABC News),
// CC BY 4.0; see fixtures/README.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { type GameRecord, RatingBook } from '../src/book';
import { gamePoints538 } from '../src/evaluation/points538';
import { brierScore } from '../src/evaluation/scores';
import { elo538, nfl } from '../src/presets';
import { type Fixture538Game, load538Games, load538InitialRatings, loadHoldoutGames } from './load';

let games: Fixture538Game[];
let records: GameRecord<Fixture538Game>[];

beforeAll(() => {
  games = load538Games();
  records = new RatingBook({
    ...elo538,
    initialRatings: load538InitialRatings(),
    unseenTeam: 'error',
  }).replay(games);
});

const maxError = (values: number[]) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const seasons = (from: number, to: number) => (f: { season: number }) => f.season >= from && f.season <= to;

describe('elo538 replay of 1920–2020 from the initial ratings', () => {
  it('rates all 16,810 games', () => {
    expect(games).toHaveLength(16_810);
    expect(records).toHaveLength(16_810);
  });

  it("matches 538's published elo_prob1 within 1e-5 on every game", () => {
    const error = maxError(records.map((r) => r.probability - r.game.eloProb1));
    expect(error).toBeLessThan(1e-5);
  });

  it("matches 538's published pre-game ratings within 1e-2 on every game", () => {
    const error = maxError(
      records.flatMap((r) => [r.homeRatingBefore - r.game.elo1, r.awayRatingBefore - r.game.elo2]),
    );
    expect(error).toBeLessThan(1e-2);
  });
});

describe("538's published scores", () => {
  const published = () => games.map((g, i) => ({ ...(records[i] as GameRecord), probability: g.eloProb1 }));

  it('gives 648.24 game points per season over 1920–2020 from their elo_prob1', () => {
    const points = gamePoints538(published());
    expect(points.seasons).toHaveLength(101);
    expect(points.averagePerSeason.toFixed(2)).toBe('648.24');
  });

  it('gives 648.24 game points per season from our replayed probabilities too', () => {
    expect(gamePoints538(records).averagePerSeason.toFixed(2)).toBe('648.24');
  });

  it('has Brier 0.2084 over 1920–2020 and 0.2190 over 2010–2020 (ties count 0.5)', () => {
    expect(brierScore(records).toFixed(4)).toBe('0.2084');
    expect(brierScore(records.filter(seasons(2010, 2020))).toFixed(4)).toBe('0.2190');
    expect(brierScore(published()).toFixed(4)).toBe('0.2084');
  });
});

describe('nfl preset', () => {
  it('beats elo538 on Brier over 2010–2020 and on the unseen 2021–2022 seasons', () => {
    const ours = new RatingBook({ ...nfl, initialRatings: load538InitialRatings() });
    const theirs = new RatingBook({ ...elo538, initialRatings: load538InitialRatings() });
    const recent = (book: RatingBook) => brierScore(book.replay(games).filter(seasons(2010, 2020)));
    const oursRecent = recent(ours);
    const theirsRecent = recent(theirs);
    expect(oursRecent).toBeLessThan(theirsRecent);
    expect(oursRecent.toFixed(5)).toBe('0.21824');
    expect(theirsRecent.toFixed(5)).toBe('0.21904');
    const holdout = loadHoldoutGames();
    const oursHoldout = brierScore(ours.replay(holdout));
    const theirsHoldout = brierScore(theirs.replay(holdout));
    expect(oursHoldout).toBeLessThan(theirsHoldout);
    expect(oursHoldout.toFixed(5)).toBe('0.22640');
    expect(theirsHoldout.toFixed(5)).toBe('0.22856');
  });
});
