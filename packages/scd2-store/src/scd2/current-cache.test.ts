import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurrentCache, canonicalDecimal } from './current-cache';

describe('canonicalDecimal', () => {
  it('gives equal text exactly for equal numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.nat({ max: 6 }),
        fc.nat({ max: 3 }),
        (units, scale, pad) => {
          const value = new Decimal(units).div(new Decimal(10).pow(scale));
          const padded = `${value.toFixed(scale + pad)}`;
          expect(canonicalDecimal(padded)).toBe(canonicalDecimal(value.toFixed()));
          expect(new Decimal(canonicalDecimal(padded)).eq(value)).toBe(true);
        },
      ),
    );
    expect(canonicalDecimal('-0.000')).toBe('0');
    expect(canonicalDecimal('+007.2500')).toBe('7.25');
    expect(canonicalDecimal('.5')).toBe('0.5');
  });
});

describe('CurrentCache', () => {
  const specs = [
    { field: 'k', column: 'k', type: 'text' },
    { field: 'p', column: 'p', type: 'numeric(10,4)' },
    { field: 'j', column: 'j', type: 'jsonb' },
    { field: 'm', column: 'm', type: 'jsonb' },
  ];

  it('trusts its entries only for the max id it recorded, and forgets everything on clear', () => {
    const cache = new CurrentCache(specs, 1, 2);
    const fp = cache.fingerprint(['a', '0.5000', { x: 1 }, { ignored: true }]);
    expect(fp).toBe(cache.fingerprint(['a', '0.5', { x: 1 }, null]));
    expect(fp).not.toBe(cache.fingerprint(['a', '0.5', null, null]));
    expect(cache.known).toBe(false);
    cache.record([['a', fp]], 10);
    expect([cache.validFor(10), cache.validFor(11), cache.matches('a', fp), cache.matches('b', fp)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    cache.clear();
    expect([cache.known, cache.matches('a', fp)]).toEqual([false, false]);
  });

  it('starts over past its size limit', () => {
    const cache = new CurrentCache(specs, 1, 2, 2);
    cache.record(
      [
        ['a', 'x'],
        ['b', 'y'],
      ],
      1,
    );
    cache.record([['c', 'z']], 2);
    expect([cache.matches('a', 'x'), cache.matches('c', 'z')]).toEqual([false, true]);
  });
});
