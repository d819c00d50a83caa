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

/** Checks a decimal against NUMERIC(p,s): more decimals than s, or more integer digits than p − s, is refused. */
function checkNumeric(
  table: string,
  spec: ColumnSpec,
  decimal: Decimal,
  precision: number,
  scale: number,
): void {
  const text = decimal.toFixed();
  if (decimal.decimalPlaces() > scale) {
    throw new PrecisionError({
      table,
      column: spec.column,
      value: text,
      columnType: spec.type,
      reason: `has ${decimal.decimalPlaces()} decimal places, more than the ${scale} the column keeps`,
    });
  }
  const integerDigits = decimal.abs().trunc().isZero() ? 0 : decimal.abs().trunc().toFixed().length;
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

/**
 * Turns one input value into its JSON form for `jsonb_to_recordset`, after checking it fits the
 * column exactly. Decimals travel as strings, so no digit is ever lost on the way.
 */
export function encodeValue(table: string, spec: ColumnSpec, raw: unknown): unknown {
  const value = raw === undefined ? spec.default : raw;
  if (value === undefined || value === null) {
    return null;
  }
  const type = spec.type.toLowerCase().trim();
  const numeric = NUMERIC.exec(type);
  if (numeric !== null) {
    const decimal = parseDecimal(table, spec, value);
    if (numeric[1] !== undefined) {
      checkNumeric(table, spec, decimal, Number(numeric[1]), Number(numeric[2] ?? 0));
    }
    return decimal.toFixed();
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

/** Encodes a whole input object into a JSON record keyed by column name. */
export function encodeRow(table: string, specs: readonly ColumnSpec[], row: object): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const source = row as Record<string, unknown>;
  for (const spec of specs) {
    record[spec.column] = encodeValue(table, spec, source[spec.field]);
  }
  return record;
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

/** `"a" text, "b" numeric(10,4)` for a jsonb_to_recordset column definition list. */
export function recordsetColumns(specs: readonly ColumnSpec[]): string {
  return specs.map((spec) => `${quoteIdent(spec.column)} ${spec.type}`).join(', ');
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
