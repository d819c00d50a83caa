// Row types derived from a table's column specs, so a table is declared once (its definition)
// and its input and output types follow, as in kysely or drizzle. Declare the definition with
// `as const satisfies VersionedTableDefinition` (or `AppendOnlyTableDefinition`) so the field
// names and SQL types stay literal.
import type Decimal from 'decimal.js';
import type { ColumnSpec } from '../internal/values';
import type { DecimalInput, Json } from '../repositories/types';

/** The TypeScript type a column of SQL type `T` is read as. */
export type ValueOf<T extends string> = T extends `numeric${string}`
  ? Decimal
  : T extends 'bigint' | 'integer' | 'smallint'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'jsonb'
        ? Json
        : T extends 'timestamptz' | 'date'
          ? Date
          : string;

/** The TypeScript type a column of SQL type `T` accepts as input (a decimal may be its string). */
export type InputValueOf<T extends string> = T extends `numeric${string}` ? DecimalInput : ValueOf<T>;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

type Nullable<S> = S extends { nullable: true } ? null : never;

/** A spec the input may leave out: nullable, or with a default (in JS or in SQL). */
type OptionalSpec<S> = S extends { nullable: true } | { default: unknown } | { sqlDefault: string }
  ? S
  : never;

/** A stored row: one field per spec, `null` allowed where the spec is `nullable`. */
export type RowOf<Specs extends readonly ColumnSpec[]> = Flatten<{
  [S in Specs[number] as S['field']]: ValueOf<S['type']> | Nullable<S>;
}>;

/** An input row: required fields for NOT NULL columns without default, the others optional. */
export type InputOf<Specs extends readonly ColumnSpec[]> = Flatten<
  {
    [S in Exclude<Specs[number], OptionalSpec<Specs[number]>> as S['field']]: InputValueOf<S['type']>;
  } & {
    [S in OptionalSpec<Specs[number]> as S['field']]?: InputValueOf<S['type']> | Nullable<S>;
  }
>;

/** The columns of a versioned table definition, key first. */
export type VersionedSpecs<D> = D extends {
  key: infer K extends readonly ColumnSpec[];
  tracked: infer T extends readonly ColumnSpec[];
}
  ? [...K, ...T, ...(D extends { payload: infer P extends readonly ColumnSpec[] } ? P : [])]
  : never;

/** The columns of an append-only table definition, generated first. */
export type AppendOnlySpecs<D> = D extends {
  generated: infer G extends readonly ColumnSpec[];
  columns: infer C extends readonly ColumnSpec[];
}
  ? [...G, ...C]
  : never;
