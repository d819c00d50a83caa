import type { ColumnSpec } from '../internal/values';

export type { ColumnSpec };

/**
 * How a versioned (SCD Type 2) table looks to the engine. The table itself must have
 * `id bigint` (identity), the key and tracked columns, `row_current_ind`, `row_start_ts` and
 * `row_end_ts` (timestamptz), and a unique index on the key `WHERE row_current_ind`.
 */
export interface VersionedTableDefinition {
  /** Table name (unqualified; found on the search_path). */
  table: string;
  /** Business key columns: stable across versions, NOT NULL. */
  key: readonly ColumnSpec[];
  /** Columns compared to decide whether a row changed (`IS DISTINCT FROM` after casting the input). */
  tracked: readonly ColumnSpec[];
  /** Columns stored with each new version but never compared (e.g. raw `metadata`). */
  payload?: readonly ColumnSpec[];
  /**
   * Optional materiality rule: an SQL boolean expression over the aliases `cur` (the current
   * version) and `inp` (the input row, typed like the columns). A row whose tracked columns differ
   * only writes a new version when this is also true. Off (every difference counts) by default.
   * Example: `abs(coalesce(cur.yes_bid, 0) - coalesce(inp.yes_bid, 0)) >= 0.01 OR cur.status <> inp.status`.
   */
  materiality?: string | undefined;
}

/** The columns every versioned row carries besides its own. */
export interface VersionColumns {
  /** Surrogate id of this version's row. */
  id: number;
  /** True for the one current version of the key. */
  rowCurrentInd: boolean;
  /** When this version became valid (inclusive), UTC. */
  rowStartTs: Date;
  /** When it stopped being valid (exclusive); null while current. */
  rowEndTs: Date | null;
}

/** A stored version: the row's own fields plus the version columns. */
export type Versioned<Row> = Row & VersionColumns;

/** A version as reported by `changesBetween`: whether it opened a key or replaced a version. */
export type VersionChange<Row> = Versioned<Row> & { change: 'inserted' | 'versioned' };

/** What one `upsertVersions` call did. */
export interface UpsertResult {
  /** Keys seen for the first time: one version inserted each. */
  inserted: number;
  /** Keys whose current version was closed and replaced. */
  versioned: number;
  /** Keys whose input equals the current version (or whose change was immaterial): nothing written. */
  unchanged: number;
}

export interface UpsertOptions {
  /**
   * The batch's version timestamp. Default: the database clock read after the writer lock is
   * taken (millisecond precision), bumped past the latest start of the versions it replaces.
   * An explicit `at` not later than a replaced version's start is refused (VersionOrderError).
   */
  at?: Date | undefined;
}

export const VERSION_COLUMN_SPECS: readonly ColumnSpec[] = [
  { field: 'id', column: 'id', type: 'bigint' },
  { field: 'rowCurrentInd', column: 'row_current_ind', type: 'boolean' },
  { field: 'rowStartTs', column: 'row_start_ts', type: 'timestamptz' },
  { field: 'rowEndTs', column: 'row_end_ts', type: 'timestamptz' },
];
