import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, floorTo, round4 } from './decimal';

const decimalText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => String(n)),
  fc
    .tuple(
      fc.integer({ min: -99, max: 99 }),
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.integer({ min: 0, max: 30 }),
    )
    .map(([i, f, shift]) =>
      new Decimal(`${i}.${String(f).padStart(9, '0')}`).times(new Decimal(10).pow(shift - 15)).toString(),
    ),
  fc.constantFrom('0', '-0', '0.5', '0.50', '0.0001', '1e-9', '123456789.123456789'),
);

describe('compare', () => {
  it('agrees with Decimal#cmp on finite values', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        expect(compare(x, y)).toBe(x.cmp(y));
        expect(compare(x, x.plus(0))).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
  it('falls back to Decimal#cmp for infinities', () => {
    expect(compare(new Decimal(Infinity), new Decimal(1))).toBe(1);
    expect(compare(new Decimal(1), new Decimal(-Infinity))).toBe(1);
  });
});

describe('rounding helpers', () => {
  it('rounds half up to 4 dp and floors to an increment', () => {
    expect(round4(new Decimal('0.12345')).toString()).toBe('0.1235');
    expect(round4(new Decimal('-0.12345')).toString()).toBe('-0.1235');
    expect(floorTo(new Decimal('769.2307'), new Decimal('0.01')).toString()).toBe('769.23');
  });
});
