import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KalshiInvalidParamsError } from '../core/errors';
import { countText, priceText } from './wire-numbers';
import { decimal } from './zod';

describe('wire numbers', () => {
  it('sends every 4-decimal price in (0, 1) exactly and reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (tenThousandths) => {
        const price = new Decimal(tenThousandths).div(10_000);
        const text = priceText('price', price);
        expect(text).toMatch(/^0\.\d{4}$/);
        expect(decimal.parse(text).eq(price)).toBe(true);
      }),
    );
  });

  it('sends every 2-decimal count exactly and reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (hundredths) => {
        const count = new Decimal(hundredths).div(100);
        const text = countText('count', count.toString());
        expect(decimal.parse(text).eq(count)).toBe(true);
        expect(text.split('.')[1]).toHaveLength(2);
      }),
    );
  });

  it('refuses any price that would need rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (hundredThousandths) => {
        fc.pre(hundredThousandths % 10 !== 0);
        const price = new Decimal(hundredThousandths).div(100_000);
        expect(() => priceText('price', price)).toThrow(KalshiInvalidParamsError);
      }),
    );
  });

  it('accepts surrounding whitespace in text but not exponents', () => {
    expect(countText('count', ' 3 ')).toBe('3.00');
    expect(() => countText('count', '1e2')).toThrow(
      'count must be a Decimal or a fixed-point string, got "1e2"',
    );
  });
});
