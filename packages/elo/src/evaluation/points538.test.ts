import { describe, expect, it } from 'vitest';
import { gamePoints, gamePoints538 } from './points538';

describe('gamePoints', () => {
  it('rounds the probability to 2 decimals and scores 25 − 100 × (p − r)²', () => {
    // p 0.714 → 0.71; 25 − 100 × 0.29² = 16.59 → 16.6
    expect(gamePoints({ probability: 0.714, outcome: 1 })).toBe(16.6);
    // p 0.71 → loss: 25 − 100 × 0.71² = −25.41 → −25.4
    expect(gamePoints({ probability: 0.71, outcome: 0 })).toBe(-25.4);
  });

  it('doubles playoff games and skips ties', () => {
    expect(gamePoints({ probability: 0.714, outcome: 1, playoff: true })).toBe(33.2);
    expect(gamePoints({ probability: 0.714, outcome: 0.5 })).toBeUndefined();
  });

  it("rounds a negative −x.x5 toward zero as 538's scorer does", () => {
    // p 0.65, loss: 25 − 42.25 = −17.25 → (−17.249) → −17.2
    expect(gamePoints({ probability: 0.65, outcome: 0 })).toBe(-17.2);
    // p 0.35, win: the same −17.25
    expect(gamePoints({ probability: 0.35, outcome: 1 })).toBe(-17.2);
  });
});

describe('gamePoints538', () => {
  it('sums per season and averages the season totals', () => {
    const result = gamePoints538([
      { probability: 0.714, outcome: 1, season: 2001 },
      { probability: 0.71, outcome: 0, season: 2001 },
      { probability: 0.5, outcome: 0.5, season: 2001 },
      { probability: 0.5, outcome: 1, season: 2000 },
    ]);
    expect(result.seasons).toEqual([
      { season: 2000, points: 0, games: 1 },
      { season: 2001, points: 16.6 - 25.4, games: 2 },
    ]);
    expect(result.averagePerSeason).toBeCloseTo((16.6 - 25.4) / 2, 12);
  });

  it('needs a season on every forecast and at least one decided game', () => {
    expect(() => gamePoints538([{ probability: 0.5, outcome: 1 }])).toThrow('needs a season');
    expect(() => gamePoints538([{ probability: 0.5, outcome: 0.5, season: 2000 }])).toThrow(
      'at least one decided game',
    );
  });
});
