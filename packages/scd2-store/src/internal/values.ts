import Decimal from 'decimal.js';
import { PrecisionError, StoreError } from '../errors';

/** A column as the store's code sees it: its SQL name and type, and the field that carries it. */
export interface ColumnSpec {
  /** camelCase field of the row objects, e.g. `yesBid`. */
  field: string;
  /** SQL column name, e.g. `yes_bid`. */
  column: string;
  /** SQL type as declared: `text`, `numeric(10,4)`, `integer`, `bigint`, `boolean`, `jsonb`, `timestamptz`, `uuid`, `date`. */
  type: string;
  /** Value used when the input leaves the field undefined (otherwise NULL). */
  default?: unknown;
  /** SQL expression used when the input is NULL or undefined, e.g. `now()` (append-only inserts). */
  sqlDefault?: string;
}

const NUMERIC = /^numeric\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/i;
const INT_RANGE: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function isDecimalLike(value: unknown): value is Decimal | string | number {
  return Decimal.isDecimal(value) || typeof value === 'string' || typeof value === 'number';
}

function parseDecimal(table: string, spec: ColumnSpec, value: unknown): Decimal {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new StoreError(
      `${table}.${spec.column} got the JS number ${value}; pass a Decimal or a decimal string, never a float`,
    );
  }
  try {
    if (!isDecimalLike(value)) {
      throw new Error('not a decimal');
    }
    const decimal = new Decimal(value as Decimal.Value);
    if (!decimal.isFinite()) {
      throw new Error('not finite');
    }
    return decimal;
  } catch (error) {
    throw new StoreError(
      `${table}.${spec.column} got ${JSON.stringify(String(value))}, which is not a decimal number`,
      {
        cause: error,
      },
    );
  }
}

function precisionOf(match: RegExpExecArray): number | undefined {
  return match[1] === undefined ? undefined : Number(match[1]);
}

function scaleOf(match: RegExpExecArray): number | undefined {
  return match[1] === undefined ? undefined : Number(match[2] ?? 0);
}

/** A plain decimal literal: optional sign, digits, optional fraction (no exponent). */
const DECIMAL_TEXT = /^[+-]?(\d*)(?:\.(\d*))?$/;

/**
 * The exact text of a decimal input, checked against NUMERIC(p,s). Plain decimal strings take a
 * fast path (no Decimal object: a 5,000-row poll has 50,000 prices); other inputs go through
 * decimal.js. Trailing zeros do not count as digits (`'0.50000'` fits NUMERIC(10,4)).
 */
function numericText(
  table: string,
  spec: ColumnSpec,
  value: unknown,
  precision?: number,
  scale?: number,
): string {
  let text: string | undefined;
  if (typeof value === 'string') {
    text = value;
  } else if (Decimal.isDecimal(value)) {
    const decimal = value as Decimal;
    text = decimal.isFinite() ? decimal.toFixed() : undefined;
  }
  const match = text === undefined ? null : DECIMAL_TEXT.exec(text);
  if (text === undefined || match === null || (match[1] === '' && (match[2] ?? '') === '')) {
    const decimal = parseDecimal(table, spec, value);
    return numericText(table, spec, decimal.toFixed(), precision, scale);
  }
  if (precision !== undefined && scale !== undefined) {
    const integerDigits = (match[1] ?? '').replace(/^0+/, '').length;
    const decimals = (match[2] ?? '').replace(/0+$/, '').length;
    if (decimals > scale) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: text,
        columnType: spec.type,
        reason: `has ${decimals} decimal places, more than the ${scale} the column keeps`,
      });
    }
    if (integerDigits > precision - scale) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: text,
        columnType: spec.type,
        reason: `has ${integerDigits} integer digits, more than the ${precision - scale} the column keeps`,
      });
    }
  }
  return text;
}

/**
 * Turns one input value into its JSON form for the statement's JSON parameter, after checking
 * it fits the column exactly. Decimals travel as strings, so no digit is ever lost on the way.
 */
export function encodeValue(table: string, spec: ColumnSpec, raw: unknown): unknown {
  const value = raw === undefined ? spec.default : raw;
  if (value === undefined || value === null) {
    return null;
  }
  const type = spec.type.toLowerCase().trim();
  const numeric = NUMERIC.exec(type);
  if (numeric !== null) {
    if (typeof value === 'number') {
      parseDecimal(table, spec, value);
      return numericText(table, spec, String(value), precisionOf(numeric), scaleOf(numeric));
    }
    return numericText(table, spec, value, precisionOf(numeric), scaleOf(numeric));
  }
  const range = INT_RANGE[type];
  if (range !== undefined) {
    const decimal = parseDecimal(table, spec, value);
    if (!decimal.isInteger()) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: decimal.toFixed(),
        columnType: spec.type,
        reason: 'is not a whole number',
      });
    }
    const big = BigInt(decimal.toFixed());
    if (big < range[0] || big > range[1]) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: decimal.toFixed(),
        columnType: spec.type,
        reason: 'is out of the column type range',
      });
    }
    return decimal.toFixed();
  }
  if (type === 'timestamptz' || type === 'timestamp with time zone') {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) {
      throw new StoreError(`${table}.${spec.column} got an invalid timestamp: ${String(value)}`);
    }
    return date.toISOString();
  }
  if (type === 'jsonb' || type === 'json') {
    return value;
  }
  if (type === 'boolean') {
    if (typeof value !== 'boolean') {
      throw new StoreError(`${table}.${spec.column} expects a boolean, got ${typeof value}`);
    }
    return value;
  }
  if (typeof value !== 'string') {
    throw new StoreError(`${table}.${spec.column} expects a string, got ${typeof value}`);
  }
  return value;
}

/** A database row (snake_case) to a result object (camelCase), per the specs given. */
export function decodeRow(
  specs: readonly ColumnSpec[],
  row: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    out[spec.field] = row[spec.column] ?? null;
  }
  return out;
}

/** Encodes an input object as a positional array (one element per spec), for {@link toColumnArrays}. */
export function encodeRowArray(table: string, specs: readonly ColumnSpec[], row: object): unknown[] {
  const source = row as Record<string, unknown>;
  return specs.map((spec) => encodeValue(table, spec, source[spec.field]));
}

function isJsonType(spec: ColumnSpec): boolean {
  const type = spec.type.toLowerCase();
  return type === 'jsonb' || type === 'json';
}

/**
 * `SELECT <typed columns> FROM unnest($k::text[], ...)`: rows passed as one text array per
 * column, cast to each column's type on the server. The cheapest way measured to pass thousands
 * of rows in one statement, the same on pg and PGlite (see docs/benchmarks.md).
 * `firstParam` is the number of the first array parameter.
 */
export function rowsFromArrays(specs: readonly ColumnSpec[], firstParam: number): string {
  const names = specs.map((spec) => quoteIdent(spec.column));
  const arrays = specs.map((_, i) => `$${firstParam + i}::text[]`);
  const columns = specs.map((spec, i) => `u.${names[i]}::${spec.type} AS ${names[i]}`);
  return `SELECT ${columns.join(', ')} FROM unnest(${arrays.join(', ')}) AS u(${names.join(', ')})`;
}

/** Encoded rows (see {@link encodeRowArray}) turned into one text array per column. */
export function toColumnArrays(
  specs: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
): (string | null)[][] {
  return specs.map((spec, i) => {
    const json = isJsonType(spec);
    return rows.map((row) => {
      const value = row[i];
      if (value === null || value === undefined) {
        return null;
      }
      return json ? JSON.stringify(value) : String(value);
    });
  });
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
