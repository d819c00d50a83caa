import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrecisionError, StoreError } from '../errors';
import { encodeValue, quoteIdent } from './values';

const spec = (type: string) => ({ field: 'f', column: 'c', type });

describe('encodeValue', () => {
  it('keeps every digit of a decimal that fits NUMERIC(10,4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -999_999_999, max: 999_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale) => {
          const value = new Decimal(units).div(new Decimal(10).pow(scale));
          if (value.abs().gte(1_000_000)) {
            return;
          }
          expect(new Decimal(encodeValue('t', spec('numeric(10,4)'), value) as string).eq(value)).toBe(true);
          expect(encodeValue('t', spec('numeric(10,4)'), value.toFixed())).toBe(value.toFixed());
        },
      ),
    );
  });

  it('refuses more decimals or more integer digits than the column keeps', () => {
    expect(() => encodeValue('t', spec('numeric(10,4)'), '0.00001')).toThrow(PrecisionError);
    expect(() => encodeValue('t', spec('numeric(10,4)'), '1000000')).toThrow(
      /7 integer digits, more than the 6/,
    );
    expect(encodeValue('t', spec('numeric(10,4)'), '999999.9999')).toBe('999999.9999');
    expect(encodeValue('t', spec('numeric'), '1.123456789')).toBe('1.123456789');
    expect(encodeValue('t', spec('numeric(5)'), '12345')).toBe('12345');
    expect(() => encodeValue('t', spec('numeric(5)'), '1.5')).toThrow(PrecisionError);
  });

  it('refuses floats, non-numbers and infinities for decimal columns', () => {
    expect(() => encodeValue('t', spec('numeric(10,4)'), 0.1)).toThrow('never a float');
    expect(encodeValue('t', spec('numeric(10,4)'), 3)).toBe('3');
    expect(() => encodeValue('t', spec('numeric(10,4)'), 'abc')).toThrow('not a decimal');
    expect(() => encodeValue('t', spec('numeric(10,4)'), new Decimal(Infinity))).toThrow(StoreError);
    expect(() => encodeValue('t', spec('numeric(10,4)'), true)).toThrow(StoreError);
  });

  it('checks integers against their type range', () => {
    expect(encodeValue('t', spec('integer'), 2147483647)).toBe('2147483647');
    expect(() => encodeValue('t', spec('integer'), '2147483648')).toThrow('range');
    expect(encodeValue('t', spec('bigint'), '9007199254740993')).toBe('9007199254740993');
    expect(() => encodeValue('t', spec('smallint'), '1.5')).toThrow('whole number');
  });

  it('encodes timestamps as ISO UTC, passes JSON and booleans, checks strings', () => {
    expect(encodeValue('t', spec('timestamptz'), new Date('2026-01-01T00:00:00Z'))).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(encodeValue('t', spec('timestamptz'), '2026-01-01T01:00:00+01:00')).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(() => encodeValue('t', spec('timestamptz'), 'not a date')).toThrow('invalid timestamp');
    expect(encodeValue('t', spec('jsonb'), { a: [1] })).toEqual({ a: [1] });
    expect(encodeValue('t', spec('boolean'), false)).toBe(false);
    expect(() => encodeValue('t', spec('boolean'), 'yes')).toThrow('expects a boolean');
    expect(() => encodeValue('t', spec('text'), 5)).toThrow('expects a string');
    expect(encodeValue('t', { ...spec('text'), default: 'kalshi' }, undefined)).toBe('kalshi');
    expect(encodeValue('t', spec('text'), null)).toBeNull();
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
