import Decimal from 'decimal.js';
import { PrecisionError, StoreError, UnstorableTextError } from '../errors';

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
  /**
   * The column accepts NULL: the row type reads `T | null` and the input field is optional
   * (see `RowOf` / `InputOf`). Types only; the database's own constraints are what is enforced.
   */
  nullable?: boolean;
}

/** Encodes one input value of a column: checked, then in the text (or JSON) form sent to the server. */
type Encoder = (value: unknown) => unknown;

const NUMERIC = /^numeric\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/i;
const INT_RANGE: Record<string, [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

function parseDecimal(table: string, spec: ColumnSpec, value: unknown): Decimal {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new StoreError(
      `${table}.${spec.column} got the JS number ${value}; pass a Decimal or a decimal string, never a float`,
    );
  }
  try {
    if (!(Decimal.isDecimal(value) || typeof value === 'string' || typeof value === 'number')) {
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

/**
 * Digits of a plain decimal literal (optional sign, digits, optional fraction; no exponent), or
 * undefined when the text is not one. Leading zeros of the integer part and trailing zeros of the
 * fraction do not count. A hand-written scan: a 5,000-row poll carries 50,000 prices.
 */
function plainDigits(text: string): { integer: number; decimals: number } | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0; // + -
  const intStart = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < n && text.charCodeAt(i) === 46) {
    i += 1;
    fracStart = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
    fracEnd = i;
  }
  if (i !== n || (intEnd === intStart && fracEnd === fracStart)) {
    return undefined;
  }
  let first = intStart;
  while (first < intEnd && text.charCodeAt(first) === 48) first += 1;
  let last = fracEnd;
  while (last > fracStart && text.charCodeAt(last - 1) === 48) last -= 1;
  return { integer: intEnd - first, decimals: last - fracStart };
}

function numericEncoder(table: string, spec: ColumnSpec, precision?: number, scale?: number): Encoder {
  const check = (text: string): string => {
    const digits = plainDigits(text);
    if (digits === undefined) {
      // Exponents, 'NaN', garbage: decimal.js decides, then the plain form is checked.
      return check(parseDecimal(table, spec, text).toFixed());
    }
    if (precision !== undefined && scale !== undefined) {
      if (digits.decimals > scale) {
        throw new PrecisionError({
          table,
          column: spec.column,
          value: text,
          columnType: spec.type,
          reason: `has ${digits.decimals} decimal places, more than the ${scale} the column keeps`,
        });
      }
      if (digits.integer > precision - scale) {
        throw new PrecisionError({
          table,
          column: spec.column,
          value: text,
          columnType: spec.type,
          reason: `has ${digits.integer} integer digits, more than the ${precision - scale} the column keeps`,
        });
      }
    }
    return text;
  };
  return (value) => {
    if (typeof value === 'string') {
      return check(value);
    }
    if (Decimal.isDecimal(value) && (value as Decimal).isFinite()) {
      return check((value as Decimal).toFixed());
    }
    return check(parseDecimal(table, spec, value).toFixed());
  };
}

function integerEncoder(table: string, spec: ColumnSpec, range: [bigint, bigint]): Encoder {
  return (value) => {
    const decimal = parseDecimal(table, spec, value);
    const text = decimal.toFixed();
    if (!decimal.isInteger()) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: text,
        columnType: spec.type,
        reason: 'is not a whole number',
      });
    }
    const big = BigInt(text);
    if (big < range[0] || big > range[1]) {
      throw new PrecisionError({
        table,
        column: spec.column,
        value: text,
        columnType: spec.type,
        reason: 'is out of the column type range',
      });
    }
    return text;
  };
}

/** Builds the checking encoder of one column, once per table definition. */
export function compileEncoder(table: string, spec: ColumnSpec): Encoder {
  const type = spec.type.toLowerCase().trim();
  let encode: Encoder;
  const numeric = NUMERIC.exec(type);
  const range = INT_RANGE[type];
  if (numeric !== null) {
    const precision = numeric[1] === undefined ? undefined : Number(numeric[1]);
    const scale = numeric[1] === undefined ? undefined : Number(numeric[2] ?? 0);
    encode = numericEncoder(table, spec, precision, scale);
  } else if (range !== undefined) {
    encode = integerEncoder(table, spec, range);
  } else if (type === 'timestamptz' || type === 'timestamp with time zone') {
    encode = (value) => {
      const date = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(date.getTime())) {
        throw new StoreError(`${table}.${spec.column} got an invalid timestamp: ${String(value)}`);
      }
      return date.toISOString();
    };
  } else if (type === 'jsonb' || type === 'json') {
    encode = (value) => {
      // jsonb refuses the \u0000 escape anywhere in a document.
      if (JSON.stringify(value)?.includes('\\u0000'))
        throw new UnstorableTextError({ table, column: spec.column });
      return value;
    };
  } else if (type === 'boolean') {
    encode = (value) => {
      if (typeof value !== 'boolean') {
        throw new StoreError(`${table}.${spec.column} expects a boolean, got ${typeof value}`);
      }
      return value;
    };
  } else {
    encode = (value) => {
      if (typeof value !== 'string') {
        throw new StoreError(`${table}.${spec.column} expects a string, got ${typeof value}`);
      }
      if (value.includes('\u0000')) throw new UnstorableTextError({ table, column: spec.column });
      return value;
    };
  }
  const fallback = spec.default;
  return (raw) => {
    const value = raw === undefined ? fallback : raw;
    return value === undefined || value === null ? null : encode(value);
  };
}

/**
 * Turns one input value into the form sent to the server, after checking it fits the column
 * exactly: decimals as their exact text (never rounded), timestamps as ISO UTC, JSON as is.
 */
export function encodeValue(table: string, spec: ColumnSpec, raw: unknown): unknown {
  return compileEncoder(table, spec)(raw);
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

/** How a column's encoded values are written into an array literal. */
type ElementKind = 'bare' | 'quoted' | 'json';

/**
 * Numbers, booleans and ISO timestamps never contain a character that needs quoting in an array
 * literal (whitespace, comma, brace, quote, backslash); text and JSON are quoted and escaped.
 */
function elementKind(spec: ColumnSpec): ElementKind {
  const type = spec.type.toLowerCase().trim();
  if (type === 'jsonb' || type === 'json') {
    return 'json';
  }
  if (NUMERIC.test(type) || INT_RANGE[type] !== undefined || type === 'boolean' || type === 'timestamptz') {
    return 'bare';
  }
  return 'quoted';
}

function quoted(text: string): string {
  return text.includes('"') || text.includes('\\') ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
}

/**
 * Encodes rows for one statement: every value checked against its column, then one PostgreSQL
 * text-array literal per column, read on the server by {@link rowsFromArrays}. Building the
 * literals here (instead of letting the driver serialise JS arrays) keeps a 5,000-row batch
 * cheap and identical on pg and PGlite.
 */
export class RowEncoder {
  readonly specs: readonly ColumnSpec[];
  private readonly encoders: Encoder[];
  private readonly kinds: ElementKind[];

  constructor(table: string, specs: readonly ColumnSpec[]) {
    this.specs = specs;
    this.encoders = specs.map((spec) => compileEncoder(table, spec));
    this.kinds = specs.map(elementKind);
  }

  /** One input object to its encoded values, in spec order. */
  encode(row: object): unknown[] {
    const source = row as Record<string, unknown>;
    const out = new Array<unknown>(this.specs.length);
    for (let i = 0; i < this.specs.length; i += 1) {
      out[i] = this.encoders[i]!(source[this.specs[i]!.field]);
    }
    return out;
  }

  /** Encoded rows to one `{...}` text-array literal per column (the first `count` columns). */
  columns(rows: readonly (readonly unknown[])[], count = this.specs.length): string[] {
    return this.specs.slice(0, count).map((_, c) => {
      const kind = this.kinds[c]!;
      const parts = new Array<string>(rows.length);
      for (let r = 0; r < rows.length; r += 1) {
        const value = rows[r]![c];
        parts[r] =
          value === null || value === undefined
            ? 'NULL'
            : kind === 'bare'
              ? String(value)
              : quoted(kind === 'json' ? JSON.stringify(value) : (value as string));
      }
      return `{${parts.join(',')}}`;
    });
  }
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

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * `col = $n::type` conditions (or `col IS NULL` for a null) for a filter object of row fields,
 * pushing the encoded values onto `params`. `prefix` qualifies the columns (e.g. `c.`).
 */
export function equalityConditions(
  table: string,
  specs: readonly ColumnSpec[],
  filter: Record<string, unknown>,
  params: unknown[],
  prefix = '',
): string[] {
  const conditions: string[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) {
      continue;
    }
    const spec = specs.find((s) => s.field === field);
    if (spec === undefined) {
      throw new StoreError(`${table} has no column for the filter field ${field}`);
    }
    const encoded = encodeValue(table, { ...spec, default: undefined }, value);
    if (encoded === null) {
      conditions.push(`${prefix}${quoteIdent(spec.column)} IS NULL`);
    } else {
      params.push(typeof encoded === 'object' ? JSON.stringify(encoded) : encoded);
      conditions.push(`${prefix}${quoteIdent(spec.column)} = $${params.length}::${spec.type}`);
    }
  }
  return conditions;
}
