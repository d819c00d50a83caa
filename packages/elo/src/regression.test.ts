import { describe, expect, it } from 'vitest';
import { regressToMean } from './regression';

describe('regressToMean', () => {
  it("is 1505/3 + rating × 2/3 with 538's constants", () => {
    expect(regressToMean(1600, { fraction: 1 / 3, mean: 1505 })).toBeCloseTo(1568.3333333333335, 10);
  });

  it('moves 40 % of the way to the mean', () => {
    expect(regressToMean(1600, { fraction: 0.4, mean: 1505 })).toBeCloseTo(1562, 10);
    expect(regressToMean(1400, { fraction: 0.4, mean: 1505 })).toBeCloseTo(1442, 10);
  });

  it('leaves a rating alone with fraction 0 and lands on the mean with fraction 1', () => {
    expect(regressToMean(1612.5, { fraction: 0, mean: 1505 })).toBe(1612.5);
    expect(regressToMean(1612.5, { fraction: 1, mean: 1505 })).toBe(1505);
  });
});
