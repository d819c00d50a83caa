import { describe, expect, it } from 'vitest';
import { brierScore, logLoss } from './scores';

describe('brierScore', () => {
  it('is the mean squared error, with a tie scored against 0.5', () => {
    // (0.8−1)² = 0.04, (0.3−0)² = 0.09, (0.6−0.5)² = 0.01 → 0.14 / 3
    const forecasts = [
      { probability: 0.8, outcome: 1 },
      { probability: 0.3, outcome: 0 },
      { probability: 0.6, outcome: 0.5 },
    ];
    expect(brierScore(forecasts)).toBeCloseTo(0.14 / 3, 15);
  });

  it('is 0.25 for a coin-flip forecaster and refuses an empty list', () => {
    expect(
      brierScore([
        { probability: 0.5, outcome: 1 },
        { probability: 0.5, outcome: 0 },
      ]),
    ).toBe(0.25);
    expect(() => brierScore([])).toThrow('brierScore needs at least one forecast');
  });
});

describe('logLoss', () => {
  it('is the mean negative log-likelihood in nats', () => {
    const value = logLoss([
      { probability: 0.8, outcome: 1 },
      { probability: 0.3, outcome: 0 },
    ]);
    expect(value).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 15);
  });

  it('scores a tie as half a win and half a loss, and a coin flip as ln 2', () => {
    expect(logLoss([{ probability: 0.8, outcome: 0.5 }])).toBeCloseTo(
      -(Math.log(0.8) + Math.log(0.2)) / 2,
      15,
    );
    expect(logLoss([{ probability: 0.5, outcome: 1 }])).toBeCloseTo(Math.LN2, 15);
  });

  it('clamps a certain miss to epsilon so the loss stays finite', () => {
    expect(logLoss([{ probability: 0, outcome: 1 }], { epsilon: 1e-6 })).toBeCloseTo(-Math.log(1e-6), 12);
    expect(Number.isFinite(logLoss([{ probability: 1, outcome: 0 }]))).toBe(true);
  });
});
