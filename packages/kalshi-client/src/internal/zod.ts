import { z } from 'zod';
import { decimalSchema } from '../core/decimal';

/**
 * A Kalshi fixed-point string (`"0.5200"`, `"10.00"`) or JSON number, as an exact Decimal.
 * Numbers are read through their shortest decimal text, never through float arithmetic.
 */
export const decimal = decimalSchema;

/** An RFC 3339 timestamp as a Date. */
export const isoDate = z.string().transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.issues.push({
      code: 'custom',
      message: `expected an RFC 3339 timestamp, got ${JSON.stringify(value)}`,
      input: value,
    });
    return z.NEVER;
  }
  return date;
});

/** Unix seconds as a Date. */
export const unixSeconds = z.number().transform((value) => new Date(value * 1000));

/** Unix milliseconds as a Date. */
export const unixMillis = z.number().transform((value) => new Date(value));

/**
 * An optional field: absent, `null` and (for strings) `""` all read as `undefined`, so a field
 * Kalshi drops or blanks never breaks a parse.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return z
    .preprocess((value) => (value === null || value === '' ? undefined : value), schema.optional())
    .optional();
}
