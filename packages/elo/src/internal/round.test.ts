import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfEven } from './round';

describe('roundHalfEven', () => {
  it("sends exact binary ties to the even digit, like Python's round", () => {
    expect(roundHalfEven(4.25, 1)).toBe(4.2);
    expect(roundHalfEven(4.75, 1)).toBe(4.8);
    expect(roundHalfEven(-4.25, 1)).toBe(-4.2);
    expect(roundHalfEven(0.125, 2)).toBe(0.12);
    expect(roundHalfEven(2.5, 0)).toBe(2);
    expect(roundHalfEven(3.5, 0)).toBe(4);
  });

  it('rounds values that only look like ties by their exact binary value', () => {
    // 0.145 is stored as 0.14499999999999999…, 0.135 as 0.13500000000000000888…
    expect(roundHalfEven(0.145, 2)).toBe(0.14);
    expect(roundHalfEven(0.135, 2)).toBe(0.14);
    expect(roundHalfEven(16.59, 1)).toBe(16.6);
  });

  it('passes non-finite values through', () => {
    expect(roundHalfEven(Number.NaN, 1)).toBeNaN();
    expect(roundHalfEven(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('agrees with rounding the exact value half-up whenever the value is not an exact tie', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (x, digits) => {
          const exact = Math.abs(x).toFixed(100);
          const rest = exact.slice(exact.indexOf('.') + 1 + digits);
          fc.pre(!/^50*$/.test(rest));
          // `+ 0` folds −0 into 0: the sign of a rounded-away zero does not matter here.
          expect(roundHalfEven(x, digits) + 0).toBe(Number(x.toFixed(digits)) + 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
