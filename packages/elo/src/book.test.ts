import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RatingBook, replayGames } from './book';
import { InvalidGameError, InvalidParameterError, UnknownTeamError } from './errors';
import { elo538, nfl } from './presets';
import { regressToMean } from './regression';
import { updateRatings } from './update';

const params = { ...elo538, initialRatings: { AAA: 1600, BBB: 1400, CCC: 1500 } };

describe('RatingBook', () => {
  it('records the ratings before, the probability and the ratings after each game', () => {
    const book = new RatingBook(params);
    const game = { season: 2000, home: 'AAA', away: 'BBB', homeScore: 20, awayScore: 17 };
    const expected = updateRatings(
      { homeRating: 1600, awayRating: 1400, homeScore: 20, awayScore: 17 },
      elo538,
    );
    expect(book.apply(game)).toEqual({
      game,
      season: 2000,
      playoff: false,
      homeRatingBefore: 1600,
      awayRatingBefore: 1400,
      probability: expected.probability,
      outcome: 1,
      shift: expected.shift,
      multiplier: expected.multiplier,
      homeRatingAfter: expected.homeRating,
      awayRatingAfter: expected.awayRating,
    });
    expect(book.rating('AAA')).toBe(expected.homeRating);
    expect(book.ratings()).toEqual(
      new Map([
        ['AAA', expected.homeRating],
        ['BBB', expected.awayRating],
      ]),
    );
  });

  it('regresses a team once, at its first game of a new season, even after skipped seasons', () => {
    const book = new RatingBook(params);
    const first = book.apply({ season: 2000, home: 'AAA', away: 'BBB', homeScore: 30, awayScore: 0 });
    const after = first.homeRatingAfter;
    const regression = { fraction: 1 / 3, mean: 1505 };
    // AAA sits out 2001 and 2002; BBB's rating is untouched until it plays again.
    expect(book.ratingFor('AAA', 2003)).toBe(regressToMean(after, regression));
    expect(book.rating('AAA')).toBe(after);
    const next = book.apply({ season: 2003, home: 'CCC', away: 'AAA', homeScore: 10, awayScore: 10 });
    expect(next.awayRatingBefore).toBe(regressToMean(after, regression));
    expect(next.homeRatingBefore).toBe(1500);
    const again = book.apply({ season: 2003, home: 'AAA', away: 'CCC', homeScore: 10, awayScore: 3 });
    expect(again.homeRatingBefore).toBe(next.awayRatingAfter);
  });

  it('sets an overridden team-season rating outright instead of regressing', () => {
    const book = new RatingBook({ ...params, overrides: [{ team: 'AAA', season: 2001, rating: 1300 }] });
    const first = book.apply({ season: 2000, home: 'AAA', away: 'BBB', homeScore: 30, awayScore: 0 });
    const record = book.apply({ season: 2001, home: 'BBB', away: 'AAA', homeScore: 3, awayScore: 0 });
    expect(record.awayRatingBefore).toBe(1300);
    expect(record.homeRatingBefore).toBe(
      regressToMean(first.awayRatingAfter, { fraction: 1 / 3, mean: 1505 }),
    );
  });

  it("keeps ratings across seasons with seasonRegression 'none'", () => {
    const book = new RatingBook({ ...params, seasonRegression: 'none' });
    const first = book.apply({ season: 2000, home: 'AAA', away: 'BBB', homeScore: 30, awayScore: 0 });
    expect(book.ratingFor('AAA', 2001)).toBe(first.homeRatingAfter);
  });

  it('starts an unseen team at the default rating', () => {
    const record = new RatingBook({ ...params, unseenTeam: { rating: 1450 } }).apply({
      season: 2000,
      home: 'NEW',
      away: 'AAA',
      homeScore: 1,
      awayScore: 0,
    });
    expect(record.homeRatingBefore).toBe(1450);
  });

  it("throws UnknownTeamError naming the team when unseenTeam is 'error'", () => {
    const book = new RatingBook({ ...params, unseenTeam: 'error' });
    const play = () => book.apply({ season: 1999, home: 'AAA', away: 'XYZ', homeScore: 1, awayScore: 0 });
    expect(play).toThrow(UnknownTeamError);
    expect(play).toThrow("unknown team 'XYZ' in season 1999: no initial rating and unseenTeam is 'error'");
    expect(book.rating('AAA')).toBeUndefined();
  });

  it('refuses a game of an earlier season than a team already played', () => {
    const book = new RatingBook(params);
    book.apply({ season: 2001, home: 'AAA', away: 'BBB', homeScore: 1, awayScore: 0 });
    expect(() => book.apply({ season: 2000, home: 'CCC', away: 'AAA', homeScore: 1, awayScore: 0 })).toThrow(
      "games out of order: team 'AAA' already played in season 2001, then a game of season 2000",
    );
  });

  it('refuses non-finite scores, fractional seasons and a team playing itself', () => {
    const book = new RatingBook(params);
    expect(() =>
      book.apply({ season: 2000, home: 'AAA', away: 'BBB', homeScore: Number.NaN, awayScore: 0 }),
    ).toThrow('game AAA vs BBB (season 2000): scores must be finite numbers, got NaN-0');
    expect(() =>
      book.apply({ season: 2000.5, home: 'AAA', away: 'BBB', homeScore: 1, awayScore: 0 }),
    ).toThrow(InvalidGameError);
    expect(() => book.apply({ season: 2000, home: 'AAA', away: 'AAA', homeScore: 1, awayScore: 0 })).toThrow(
      'a team cannot play itself',
    );
  });

  it('refuses parameters out of range with InvalidParameterError', () => {
    expect(() => new RatingBook({ k: Number.POSITIVE_INFINITY })).toThrow(
      'parameter k must be a finite number, got Infinity',
    );
    expect(() => new RatingBook({ scale: 0 })).toThrow('parameter scale must be positive, got 0');
    expect(() => new RatingBook({ seasonRegression: { fraction: 1.5, mean: 1505 } })).toThrow(
      'seasonRegression.fraction must be within [0, 1], got 1.5',
    );
    expect(() => new RatingBook({ seasonRegression: { fraction: 0.3, mean: Number.NaN } })).toThrow(
      'seasonRegression.mean must be a finite number, got NaN',
    );
    expect(() => new RatingBook({ unseenTeam: { rating: Number.NaN } })).toThrow(InvalidParameterError);
  });

  it('predicts without changing the book, with the lazy regression applied', () => {
    const book = new RatingBook({ ...params, homeAdvantage: 48 });
    book.apply({ season: 2000, home: 'AAA', away: 'BBB', homeScore: 30, awayScore: 0 });
    const before = book.ratings();
    const p = book.predict({ season: 2001, home: 'BBB', away: 'AAA' });
    const home = book.ratingFor('BBB', 2001);
    const away = book.ratingFor('AAA', 2001);
    expect(p).toBe(1 / (10 ** (-(home - away + 48) / 400) + 1));
    expect(book.predict({ season: 2001, home: 'BBB', away: 'AAA', neutral: true })).toBe(
      1 / (10 ** (-(home - away) / 400) + 1),
    );
    expect(book.ratings()).toEqual(before);
  });

  it('uses the nfl preset for parameters not given', () => {
    expect(new RatingBook().params).toEqual(nfl);
    expect(new RatingBook({ k: 25 }).params.homeAdvantage).toBe(48);
  });

  it('keeps the sum of all ratings constant within a season (zero-sum replay)', () => {
    const teams = ['AAA', 'BBB', 'CCC', 'DDD'];
    const game = fc
      .record({
        home: fc.constantFrom(...teams),
        away: fc.constantFrom(...teams),
        h: fc.nat(50),
        a: fc.nat(50),
      })
      .filter((g) => g.home !== g.away);
    fc.assert(
      fc.property(fc.array(game, { minLength: 1, maxLength: 40 }), (games) => {
        const book = new RatingBook({ ...elo538, unseenTeam: { rating: 1500 } });
        book.replay(
          games.map((g) => ({ season: 2000, home: g.home, away: g.away, homeScore: g.h, awayScore: g.a })),
        );
        const ratings = [...book.ratings().values()];
        const sum = ratings.reduce((s, r) => s + r, 0);
        expect(sum).toBeCloseTo(1500 * ratings.length, 8);
      }),
    );
  });

  it('predicts 1 − p for the swapped fixture on a neutral site, whatever the history', () => {
    const teams = ['AAA', 'BBB', 'CCC'];
    const game = fc
      .record({
        home: fc.constantFrom(...teams),
        away: fc.constantFrom(...teams),
        h: fc.nat(50),
        a: fc.nat(50),
      })
      .filter((g) => g.home !== g.away);
    fc.assert(
      fc.property(
        fc.array(game, { maxLength: 20 }),
        fc.integer({ min: 2000, max: 2003 }),
        (games, season) => {
          const book = new RatingBook(params);
          book.replay(
            games.map((g) => ({ season: 2000, home: g.home, away: g.away, homeScore: g.h, awayScore: g.a })),
          );
          const p = book.predict({ season, home: 'AAA', away: 'BBB', neutral: true });
          const q = book.predict({ season, home: 'BBB', away: 'AAA', neutral: true });
          expect(p + q).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('replayGames is a fresh book replaying the games', () => {
    const games = [
      { season: 2000, home: 'AAA', away: 'BBB', homeScore: 1, awayScore: 0, playoff: true },
      { season: 2000, home: 'BBB', away: 'CCC', homeScore: 0, awayScore: 7, neutral: true },
    ];
    const records = replayGames(games, params);
    expect(records).toEqual(new RatingBook(params).replay(games));
    expect(records.map((r) => r.playoff)).toEqual([true, false]);
    expect(records[1]?.game).toBe(games[1]);
  });
});
