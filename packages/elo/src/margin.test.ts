import { describe, expect, it } from 'vitest';
import { marginMultiplier, resolveMarginOfVictory } from './margin';

describe('marginMultiplier (538)', () => {
  it('is ln(8) × 2.2 / (0.065 + 2.2) for a 7-point home win with dr = 65', () => {
    expect(marginMultiplier(7, 65)).toBeCloseTo(2.0197666188501717, 14);
  });

  it('uses −dr for an away win, so an upset moves ratings more', () => {
    expect(marginMultiplier(-3, 115)).toBeCloseTo(1.46275664003058, 14);
    expect(marginMultiplier(-3, -115)).toBeLessThan(marginMultiplier(-3, 115));
  });

  it('is 2.2 × ln 2 for a tie, whatever the rating difference', () => {
    expect(marginMultiplier(0, 300)).toBeCloseTo(1.5249237972318797, 15);
    expect(marginMultiplier(0, -40)).toBe(marginMultiplier(0, 300));
  });

  it('treats a one-point game like the minimum margin of 1', () => {
    expect(marginMultiplier(1, 0)).toBeCloseTo(Math.log(2), 15);
  });
});

describe('resolveMarginOfVictory', () => {
  it("maps 'none' to a constant 1 and passes a custom function through", () => {
    expect(resolveMarginOfVictory('none')(21, 100)).toBe(1);
    const custom = (pd: number) => Math.abs(pd) / 7;
    expect(resolveMarginOfVictory(custom)(-14, 0)).toBe(2);
    expect(resolveMarginOfVictory('538')).toBe(marginMultiplier);
  });
});
