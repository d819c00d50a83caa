import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, compareDifference, compareUnits, floorTo, priceUnits, round4 } from './decimal';

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

// Prices around the seven-place fast path: whole 1e-7 units in [0, 1), and values just outside
// it (eight places, negative, one and above, zero).
const priceText = fc.oneof(
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => new Decimal(n).div(1e7).toString()),
  fc.integer({ min: 0, max: 99 }).map((n) => new Decimal(n).div(100).toString()),
  fc.integer({ min: -99_999_999, max: 199_999_999 }).map((n) => new Decimal(n).div(1e8).toString()),
  fc.constantFrom('0', '-0', '1', '0.9999999', '0.0000001', '0.00000001', '1.5', '-0.03'),
);

describe('seven-place price arithmetic', () => {
  it('priceUnits is the exact count of 1e-7 units, or -1 outside [0, 1) with seven places', () => {
    expect(priceUnits(new Decimal('0.45'))).toBe(4_500_000);
    expect(priceUnits(new Decimal('0.0000001'))).toBe(1);
    expect(priceUnits(new Decimal('0.9999999'))).toBe(9_999_999);
    expect(priceUnits(new Decimal('0.00000001'))).toBe(-1);
    expect(priceUnits(new Decimal('0.12345678'))).toBe(-1);
    expect(priceUnits(new Decimal('1'))).toBe(-1);
    expect(priceUnits(new Decimal('-0.03'))).toBe(-1);
    expect(priceUnits(new Decimal('0'))).toBe(-1);
    expect(priceUnits(null)).toBe(-1);
    fc.assert(
      fc.property(priceText, (a) => {
        const u = priceUnits(new Decimal(a));
        if (u >= 0) expect(new Decimal(u).div(1e7).toString()).toBe(new Decimal(a).toString());
      }),
      { numRuns: 2000 },
    );
  });
  it('compareUnits agrees with Decimal#cmp', () => {
    fc.assert(
      fc.property(priceText, priceText, (a, b) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        expect(compareUnits(x, priceUnits(x), y, priceUnits(y))).toBe(x.cmp(y));
      }),
      { numRuns: 2000 },
    );
  });
  it('compareDifference agrees with comparing a.minus(b) to c', () => {
    fc.assert(
      fc.property(priceText, priceText, priceText, (a, b, c) => {
        const x = new Decimal(a);
        const y = new Decimal(b);
        const z = new Decimal(c);
        expect(compareDifference(x, y, z)).toBe(x.minus(y).cmp(z));
        expect(compareDifference(x, y, x.minus(y))).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rounding helpers', () => {
  it('rounds half up to 4 dp and floors to an increment', () => {
    expect(round4(new Decimal('0.12345')).toString()).toBe('0.1235');
    expect(round4(new Decimal('-0.12345')).toString()).toBe('-0.1235');
    expect(floorTo(new Decimal('769.2307'), new Decimal('0.01')).toString()).toBe('769.23');
  });
});
