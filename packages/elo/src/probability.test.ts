import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingDifference, winProbability } from './probability';

const rating = fc.double({ min: 800, max: 2200, noNaN: true });

describe('winProbability', () => {
  it('gives 1 / (10^(−165/400) + 1) to a 1600 home team against 1500 with 65 home points', () => {
    expect(winProbability(1600, 1500, { homeAdvantage: 65 })).toBeCloseTo(0.7210782431975601, 15);
  });

  it('gives exactly one half to equal ratings on a neutral site, whatever the home advantage', () => {
    expect(winProbability(1500, 1500, { homeAdvantage: 65, neutral: true })).toBe(0.5);
  });

  it('uses the scale: a difference of one scale means 10:1 odds', () => {
    expect(winProbability(1800, 1500, { scale: 300 })).toBeCloseTo(10 / 11, 15);
  });

  it('turns p into 1 − p when the teams swap on a neutral site', () => {
    fc.assert(
      fc.property(rating, rating, fc.double({ min: 0, max: 120, noNaN: true }), (a, b, hfa) => {
        const p = winProbability(a, b, { homeAdvantage: hfa, neutral: true });
        const q = winProbability(b, a, { homeAdvantage: hfa, neutral: true });
        expect(p + q).toBeCloseTo(1, 12);
      }),
    );
  });

  it('grows with the home rating', () => {
    fc.assert(
      fc.property(rating, rating, fc.double({ min: 1, max: 300, noNaN: true }), (a, b, gap) => {
        expect(winProbability(a + gap, b)).toBeGreaterThan(winProbability(a, b));
      }),
    );
  });
});

describe('ratingDifference', () => {
  it('adds the home advantage except on a neutral site', () => {
    expect(ratingDifference(1550, 1500, { homeAdvantage: 65 })).toBe(115);
    expect(ratingDifference(1550, 1500, { homeAdvantage: 65, neutral: true })).toBe(50);
    expect(ratingDifference(1550, 1500)).toBe(50);
  });
});
