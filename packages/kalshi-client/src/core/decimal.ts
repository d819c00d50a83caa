import Decimal from 'decimal.js';
import { z } from 'zod';

/** A money or count input: a Decimal, or its exact decimal text. Never a JS number. */
export type DecimalInput = Decimal | string;

const FIXED_POINT = /^-?\d+(\.\d+)?$/;

/** What a schema built by {@link createDecimalSchema} accepts besides a `Decimal`. */
export interface DecimalSchemaOptions {
  /** Accept fixed-point text (`"0.52"`, `"-3"`; surrounding spaces ignored). Default `true`. */
  strings?: boolean;
  /**
   * Which JS numbers to accept, read through their shortest decimal text (never float
   * arithmetic): `'any'` finite number, `'integer'` only, or `'none'`. Default `'any'`.
   */
  numbers?: 'any' | 'integer' | 'none';
  /**
   * Message of the issue for a refused value. Default: `expected a fixed-point decimal, got <value>`.
   */
  message?: string;
}

function accepts(value: unknown, options: DecimalSchemaOptions): value is Decimal | string | number {
  if (Decimal.isDecimal(value)) return true;
  if (typeof value === 'string') return (options.strings ?? true) && FIXED_POINT.test(value.trim());
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const numbers = options.numbers ?? 'any';
  return numbers === 'any' || (numbers === 'integer' && Number.isInteger(value));
}

/**
 * A zod schema reading an exact `Decimal` from a `Decimal`, fixed-point text or a JS number, as
 * `options` allow. The one decimal schema of precog: API responses, configuration files and
 * trading-rule objects all use it (with their own options).
 */
export function createDecimalSchema(options: DecimalSchemaOptions = {}) {
  return z
    .custom<Decimal | string | number>((value) => accepts(value, options), {
      error: (issue) =>
        options.message ?? `expected a fixed-point decimal, got ${JSON.stringify(issue.input)}`,
    })
    .transform((value): Decimal => {
      if (Decimal.isDecimal(value)) return value as Decimal;
      return new Decimal(typeof value === 'number' ? String(value) : value.trim());
    });
}

/**
 * A `Decimal`, a fixed-point string (`"0.5200"`, `"10.00"`) or a finite JSON number, as an exact
 * `Decimal` (numbers read through their shortest decimal text, never float arithmetic).
 */
export const decimalSchema = createDecimalSchema();
