import { createDecimalSchema } from '@precog/kalshi-client';
import { z } from 'zod';

// Small schema builders whose error message is the expectation itself ("a boolean"), so a
// validation error reads "expected a boolean, found string "yes"".

export const bool = z.boolean({ error: 'a boolean (true or false, unquoted)' });
export const str = z.string({ error: 'a string' });
export const int = z.number({ error: 'an integer' }).int({ error: 'an integer' });
export const count = int.min(0, { error: 'a non-negative integer' });
export const positiveInt = int.min(1, { error: 'a positive integer' });
export const strList = z.array(str, { error: 'a list of strings' });
export const time = str.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time "HH:MM"' });
export const date = str.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date YYYY-MM-DD' });
export const url = str.regex(/^(https?|wss?):\/\/\S+$/, { error: 'an http(s) or ws(s) URL' });
/** A Redis URL (`redis://host:port/db`, `rediss://` for TLS). */
export const redisUrl = str.regex(/^rediss?:\/\/\S+$/, { error: 'a redis://host:port/db or rediss:// URL' });

/**
 * Money, prices, probabilities, fractions and percentages: a `Decimal`. YAML numbers with a
 * fraction arrive as `Decimal` already (built from the literal text); integers are accepted too.
 * Quoted numbers are strings in YAML and are rejected, as the reference design demanded.
 */
export const dec = createDecimalSchema({ strings: false, numbers: 'integer', message: 'a decimal number' });

/** A decimal within `[min, max]` (inclusive). */
export function decIn(min: string, max: string) {
  return dec.refine((d) => d.gte(min) && d.lte(max), { error: `a decimal between ${min} and ${max}` });
}

/** A fraction: a decimal within [0, 1]. */
export const fraction = decIn('0', '1');
/** Non-negative money amount in dollars. */
export const dollars = dec.refine((d) => d.gte(0), { error: 'a non-negative dollar amount' });

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.join(', ')}` });
}

/** A mapping whose keys are all known (unknown keys warn, or fail in strict mode). */
export function obj<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, { error: 'a mapping' });
}

/** A mapping from free-form names (leagues, providers, ...) to values of one schema. */
export function mapOf<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value, { error: 'a mapping' });
}

/** An integer within `[min, max]`; `what` describes it in errors ("an integer percent"). */
export function intIn(min: number, max: number, what = 'an integer') {
  const error = `${what} ${min}..${max}`;
  return int.min(min, { error }).max(max, { error });
}

/**
 * A dollar amount no larger than a hard cap. The caps are safety constants of the design
 * (max position $5,000, daily loss limit $2,000): no configuration layer may exceed them.
 */
export function dollarsUpTo(cap: string) {
  return dollars.refine((d) => d.lte(cap), { error: `a dollar amount no larger than the safety cap ${cap}` });
}
