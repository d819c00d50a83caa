import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elo538 } from './presets';
import { gameResult, updateRatings } from './update';

describe('updateRatings', () => {
  it("moves 20 × m × (1 − p) to a 1500 home team that beats a 1500 team 24–17 (538's model)", () => {
    const result = updateRatings(
      { homeRating: 1500, awayRating: 1500, homeScore: 24, awayScore: 17 },
      elo538,
    );
    expect(result.probability).toBeCloseTo(0.5924662305843318, 14);
    expect(result.multiplier).toBeCloseTo(2.0197666188501717, 14);
    expect(result.shift).toBeCloseTo(16.462462070398995, 11);
    expect(result.homeRating).toBeCloseTo(1516.462462070399, 9);
    expect(result.awayRating).toBeCloseTo(1483.537537929601, 9);
    expect(result.result).toBe(1);
  });

  it('takes points from a favourite that loses at home', () => {
    const result = updateRatings(
      { homeRating: 1550, awayRating: 1500, homeScore: 10, awayScore: 13 },
      elo538,
    );
    expect(result.probability).toBeCloseTo(0.6597079941447481, 14);
    expect(result.shift).toBeCloseTo(-19.299844978329705, 11);
  });

  it('is the textbook K × (S − E) update without a margin multiplier', () => {
    const result = updateRatings(
      { homeRating: 1500, awayRating: 1500, homeScore: 40, awayScore: 0, neutral: true },
      { ...elo538, marginOfVictory: 'none', k: 32 },
    );
    expect(result.shift).toBe(16);
  });

  it('is zero-sum for any ratings, scores and parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1000, max: 2000, noNaN: true }),
        fc.double({ min: 1000, max: 2000, noNaN: true }),
        fc.nat(70),
        fc.nat(70),
        fc.boolean(),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (home, away, homeScore, awayScore, neutral, k) => {
          const r = updateRatings(
            { homeRating: home, awayRating: away, homeScore, awayScore, neutral },
            { ...elo538, k },
          );
          expect(r.homeRating - home).toBeCloseTo(-(r.awayRating - away), 9);
          expect(r.homeRating + r.awayRating).toBeCloseTo(home + away, 9);
        },
      ),
    );
  });

  it('never moves ratings in the direction the result does not justify', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1000, max: 2000, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (away, margin) => {
          const win = updateRatings(
            { homeRating: 1500, awayRating: away, homeScore: margin, awayScore: 0 },
            elo538,
          );
          const loss = updateRatings(
            { homeRating: 1500, awayRating: away, homeScore: 0, awayScore: margin },
            elo538,
          );
          expect(win.shift).toBeGreaterThan(0);
          expect(loss.shift).toBeLessThan(0);
        },
      ),
    );
  });
});

describe('gameResult', () => {
  it('is 1, 0 or 0.5 from the home side', () => {
    expect([gameResult(3, 0), gameResult(0, 3), gameResult(7, 7)]).toEqual([1, 0, 0.5]);
  });
});
