import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decimal, isoDate, optional, unixMillis, unixSeconds } from './zod';

describe('decimal', () => {
  it('reads fixed-point strings exactly', () => {
    expect(decimal.parse('0.5200').toString()).toBe('0.52');
    expect(decimal.parse('98.0186').toFixed(4)).toBe('98.0186');
    expect(decimal.parse('-1.000001').toString()).toBe('-1.000001');
  });

  it('reads JSON numbers through their decimal text', () => {
    expect(decimal.parse(0.1).toString()).toBe('0.1');
    expect(decimal.parse(3.5).toString()).toBe('3.5');
  });

  it('rejects text that is not a fixed-point number', () => {
    expect(decimal.safeParse('1e5').success).toBe(false);
    expect(decimal.safeParse('abc').success).toBe(false);
    expect(decimal.safeParse('').success).toBe(false);
    expect(decimal.safeParse(Number.NaN).success).toBe(false);
  });

  it('round-trips every 6-decimal dollar string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (micros) => {
        const text = new Decimal(micros.toString()).div(1_000_000).toFixed(6);
        expect(decimal.parse(text).toFixed(6)).toBe(text);
      }),
    );
  });

  it('round-trips every 2-decimal contract count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (hundredths) => {
        const text = new Decimal(hundredths).div(100).toFixed(2);
        expect(decimal.parse(text).toFixed(2)).toBe(text);
      }),
    );
  });
});

describe('dates', () => {
  it('reads RFC 3339 with microseconds', () => {
    expect(isoDate.parse('2026-06-11T06:29:20.866753Z').toISOString()).toBe('2026-06-11T06:29:20.866Z');
  });
  it('rejects garbage', () => {
    expect(isoDate.safeParse('yesterday').success).toBe(false);
  });
  it('reads unix seconds and milliseconds', () => {
    expect(unixSeconds.parse(1781159348).toISOString()).toBe('2026-06-11T06:29:08.000Z');
    expect(unixMillis.parse(1781159360866).toISOString()).toBe('2026-06-11T06:29:20.866Z');
  });
});

describe('optional', () => {
  const schema = z.object({ when: optional(isoDate) });
  it('treats absent, null and empty text as undefined', () => {
    expect(schema.parse({}).when).toBeUndefined();
    expect(schema.parse({ when: null }).when).toBeUndefined();
    expect(schema.parse({ when: '' }).when).toBeUndefined();
    expect(schema.parse({ when: '2026-06-11T06:29:20Z' }).when?.toISOString()).toBe(
      '2026-06-11T06:29:20.000Z',
    );
  });
});
