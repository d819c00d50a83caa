import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertValidPrice,
  DEFAULT_PRICE_RANGES,
  InvalidPriceError,
  isOnPriceGrid,
  parsePriceRanges,
  roundToPriceGrid,
} from './prices';

const linearCent = parsePriceRanges([{ start: '0.0000', end: '1.0000', step: '0.0100' }]);
const taperedDeciCent = parsePriceRanges([
  { start: '0.0000', end: '0.1000', step: '0.0010' },
  { start: '0.1000', end: '0.9000', step: '0.0100' },
  { start: '0.9000', end: '1.0000', step: '0.0010' },
]);

describe('parsePriceRanges', () => {
  it('parses Kalshi price_ranges strings into decimals', () => {
    expect(linearCent.map((r) => [r.start.toString(), r.end.toString(), r.step.toString()])).toEqual([
      ['0', '1', '0.01'],
    ]);
  });

  it('falls back to the one-cent grid 0.01..0.99 when a market has no ranges', () => {
    expect(parsePriceRanges(undefined)).toBe(DEFAULT_PRICE_RANGES);
    expect(parsePriceRanges(null)).toBe(DEFAULT_PRICE_RANGES);
    expect(parsePriceRanges([])).toBe(DEFAULT_PRICE_RANGES);
    const [only] = DEFAULT_PRICE_RANGES;
    expect([only?.start.toString(), only?.end.toString(), only?.step.toString()]).toEqual([
      '0.01',
      '0.99',
      '0.01',
    ]);
  });

  it('rejects a non-positive step, an inverted range and non-numbers', () => {
    expect(() => parsePriceRanges([{ start: '0', end: '1', step: '0' }])).toThrow(
      'price_ranges[0].step must be positive, got 0',
    );
    expect(() => parsePriceRanges([{ start: '0.5', end: '0.4', step: '0.01' }])).toThrow(
      'price_ranges[0] ends (0.4) before it starts (0.5)',
    );
    expect(() => parsePriceRanges([{ start: 'x', end: '1', step: '0.01' }])).toThrow(InvalidPriceError);
    expect(() => parsePriceRanges([{ start: '0', end: 'NaN', step: '0.01' }])).toThrow(
      'price_ranges[0].end "NaN" is not a decimal number',
    );
  });
});

describe('isOnPriceGrid', () => {
  it('accepts whole cents strictly between 0 and 1 on a linear cent grid', () => {
    expect(isOnPriceGrid('0.01', linearCent)).toBe(true);
    expect(isOnPriceGrid('0.52', linearCent)).toBe(true);
    expect(isOnPriceGrid('0.9900', linearCent)).toBe(true);
    expect(isOnPriceGrid('0.5150', linearCent)).toBe(false);
    expect(isOnPriceGrid('0', linearCent)).toBe(false);
    expect(isOnPriceGrid('1', linearCent)).toBe(false);
  });

  it('accepts decicent prices only in the tails of a tapered grid', () => {
    expect(isOnPriceGrid('0.055', taperedDeciCent)).toBe(true);
    expect(isOnPriceGrid('0.995', taperedDeciCent)).toBe(true);
    expect(isOnPriceGrid('0.515', taperedDeciCent)).toBe(false);
    expect(isOnPriceGrid('0.52', taperedDeciCent)).toBe(true);
    expect(isOnPriceGrid('0.1', taperedDeciCent)).toBe(true);
  });

  it('uses the default grid without ranges and refuses non-numbers', () => {
    expect(isOnPriceGrid('0.5')).toBe(true);
    expect(isOnPriceGrid(new Decimal('0.505'))).toBe(false);
    expect(isOnPriceGrid('abc')).toBe(false);
    expect(isOnPriceGrid('0.5', [])).toBe(true);
  });
});

describe('roundToPriceGrid', () => {
  it('rounds up and down onto a cent grid', () => {
    expect(roundToPriceGrid('0.515', linearCent, 'up').toString()).toBe('0.52');
    expect(roundToPriceGrid('0.515', linearCent, 'down').toString()).toBe('0.51');
    expect(roundToPriceGrid('0.52', linearCent, 'up').toString()).toBe('0.52');
    expect(roundToPriceGrid('0.52', linearCent, 'down').toString()).toBe('0.52');
  });

  it('never returns 0 or 1 even when the range includes them', () => {
    expect(roundToPriceGrid('0', linearCent, 'up').toString()).toBe('0.01');
    expect(roundToPriceGrid('-0.3', linearCent, 'up').toString()).toBe('0.01');
    expect(roundToPriceGrid('1', linearCent, 'down').toString()).toBe('0.99');
    expect(roundToPriceGrid('1.7', linearCent, 'down').toString()).toBe('0.99');
    expect(roundToPriceGrid('0.9995', taperedDeciCent, 'down').toString()).toBe('0.999');
  });

  it('picks the finer tick where a tapered grid has one', () => {
    expect(roundToPriceGrid('0.0555', taperedDeciCent, 'up').toString()).toBe('0.056');
    expect(roundToPriceGrid('0.0555', taperedDeciCent, 'down').toString()).toBe('0.055');
    expect(roundToPriceGrid('0.105', taperedDeciCent, 'up').toString()).toBe('0.11');
    expect(roundToPriceGrid('0.105', taperedDeciCent, 'down').toString()).toBe('0.1');
    expect(roundToPriceGrid('0.8999', taperedDeciCent, 'up').toString()).toBe('0.9');
    expect(roundToPriceGrid('0.9005', taperedDeciCent, 'up').toString()).toBe('0.901');
  });

  it('throws when nothing valid lies in that direction', () => {
    expect(() => roundToPriceGrid('0.995', linearCent, 'up')).toThrow(
      "no valid price at or above 0.995 on this market's grid",
    );
    expect(() => roundToPriceGrid('0.005', undefined, 'down')).toThrow(
      "no valid price at or below 0.005 on this market's grid",
    );
    expect(() => roundToPriceGrid('x', linearCent, 'down')).toThrow(InvalidPriceError);
  });

  it('lands on the grid, on the requested side, with no grid price skipped (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom('up', 'down') as fc.Arbitrary<'up' | 'down'>,
        (tenThousandths, direction) => {
          const price = new Decimal(tenThousandths).div(100_000);
          let rounded: Decimal;
          try {
            rounded = roundToPriceGrid(price, taperedDeciCent, direction);
          } catch {
            return direction === 'up' ? price.gt('0.999') : price.lt('0.001');
          }
          if (!isOnPriceGrid(rounded, taperedDeciCent)) return false;
          if (direction === 'up' ? rounded.lt(price) : rounded.gt(price)) return false;
          // the nearest grid price can be at most one of the finest ticks away
          return rounded.minus(price).abs().lt('0.01');
        },
      ),
    );
  });
});

describe('assertValidPrice', () => {
  it('returns the price as a Decimal when it is on the grid', () => {
    expect(assertValidPrice('0.5200', linearCent).toString()).toBe('0.52');
  });

  it('names the nearest valid prices when it is not', () => {
    expect(() => assertValidPrice('0.515', linearCent)).toThrow(
      "price 0.515 is not on the market's price grid (nearest valid: 0.51 below, 0.52 above)",
    );
    expect(() => assertValidPrice('1.5')).toThrow(
      "price 1.5 is not on the market's price grid (nearest valid: 0.99 below)",
    );
    const error = (() => {
      try {
        assertValidPrice('0.005');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidPriceError);
    expect((error as InvalidPriceError).price).toBe('0.005');
    expect((error as InvalidPriceError).name).toBe('KalshiInvalidPriceInputError');
  });
});

describe('InvalidPriceError', () => {
  it('is a KalshiError with code invalid_price and the cause of a parse failure', async () => {
    const { KalshiError } = await import('../core/errors');
    try {
      roundToPriceGrid('nope', null, 'up');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KalshiError);
      expect((e as InvalidPriceError).code).toBe('invalid_price');
      expect((e as InvalidPriceError).cause).toBeInstanceOf(Error);
      expect((e as InvalidPriceError).name).toBe('KalshiInvalidPriceInputError');
    }
  });
});
