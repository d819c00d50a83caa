import type { Db } from '../internal/db';
import {
  type ColumnSpec,
  decodeRow,
  equalityConditions,
  quoteIdent,
  RowEncoder,
  rowsFromArrays,
} from '../internal/values';

/** How an append-only (insert-only) table looks to the store. */
export interface AppendOnlyTableDefinition {
  table: string;
  /** Identity column and other columns the database fills (read only). */
  generated: readonly ColumnSpec[];
  /** Columns written from the input. */
  columns: readonly ColumnSpec[];
  /** Column to order reads by, besides the id (e.g. `executed_at`). */
  orderBy: string;
}

/** What an idempotent insert did. */
export interface InsertResult {
  /** Rows written now. */
  inserted: number;
  /** Rows skipped because the same fact (same unique key) is already stored. */
  duplicates: number;
}

export interface ListOptions {
  /** At most this many rows (newest excluded: rows come oldest first). */
  limit?: number;
}

/**
 * An append-only table: rows are facts, inserted once. The database refuses UPDATE and DELETE
 * (SQLSTATE PC001 → AppendOnlyViolationError). Inserts are one statement per batch with
 * `ON CONFLICT DO NOTHING`, so a re-sync of the same facts writes nothing.
 */
export class AppendOnlyTable<In extends object, Out extends object> {
  readonly definition: AppendOnlyTableDefinition;
  private readonly db: Db;
  private readonly insertSql: string;
  private readonly readSpecs: readonly ColumnSpec[];
  private readonly encoder: RowEncoder;

  constructor(db: Db, definition: AppendOnlyTableDefinition) {
    this.db = db;
    this.definition = definition;
    this.readSpecs = [...definition.generated, ...definition.columns];
    this.encoder = new RowEncoder(definition.table, definition.columns);
    const names = definition.columns.map((c) => quoteIdent(c.column)).join(', ');
    const values = definition.columns
      .map((c) =>
        c.sqlDefault === undefined
          ? `inp.${quoteIdent(c.column)}`
          : `coalesce(inp.${quoteIdent(c.column)}, ${c.sqlDefault})`,
      )
      .join(', ');
    this.insertSql = `INSERT INTO ${quoteIdent(definition.table)} (${names})
SELECT ${values} FROM (${rowsFromArrays(definition.columns, 1)}) AS inp
ON CONFLICT DO NOTHING`;
  }

  /**
   * Inserts the rows in one statement; rows whose unique key is already stored (or repeated in the
   * batch) are counted as duplicates. Values are checked against their columns first: a
   * PrecisionError writes nothing.
   */
  async insert(rows: readonly In[]): Promise<InsertResult> {
    if (rows.length === 0) {
      return { inserted: 0, duplicates: 0 };
    }
    const records = rows.map((row) => this.encoder.encode(row));
    const result = await this.db.query(this.insertSql, this.encoder.columns(records));
    return { inserted: result.rowCount, duplicates: rows.length - result.rowCount };
  }

  /**
   * Checks one row against the columns without writing it: throws the {@link PrecisionError} or
   * `UnstorableTextError` that {@link insert} would throw for the batch holding it. Lets a caller
   * set one bad row aside instead of losing its whole batch.
   */
  check(row: In): void {
    this.encoder.encode(row);
  }

  /** Rows matching the filter (equality on fields), oldest first. */
  async list(filter: Partial<Out> = {}, options: ListOptions = {}): Promise<Out[]> {
    const params: unknown[] = [];
    const conditions = equalityConditions(this.definition.table, this.readSpecs, filter, params);
    const idColumn = this.definition.generated[0]?.column ?? 'id';
    let sql = `SELECT ${this.readSpecs.map((c) => quoteIdent(c.column)).join(', ')} FROM ${quoteIdent(this.definition.table)}`;
    if (conditions.length > 0) {
      sql += ` WHERE ${conditions.join(' AND ')}`;
    }
    sql += ` ORDER BY ${quoteIdent(this.definition.orderBy)}, ${quoteIdent(idColumn)}`;
    if (options.limit !== undefined) {
      params.push(options.limit);
      sql += ` LIMIT $${params.length}::integer`;
    }
    const result = await this.db.query<Record<string, unknown>>(sql, params);
    return result.rows.map((row) => decodeRow(this.readSpecs, row) as Out);
  }
}
