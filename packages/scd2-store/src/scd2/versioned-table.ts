import { StoreError, VersionOrderError } from '../errors';
import type { Db, Queryable } from '../internal/db';
import { retryTransient } from '../internal/retry';
import {
  type ColumnSpec,
  decodeRow,
  equalityConditions,
  quoteIdent,
  RowEncoder,
  rowsFromArrays,
} from '../internal/values';
import { type Logger, noopLogger } from '../logger';
import { CurrentCache } from './current-cache';
import {
  type UpsertOptions,
  type UpsertResult,
  VERSION_COLUMN_SPECS,
  type VersionChange,
  type Versioned,
  type VersionedTableDefinition,
} from './definition';

/** How many times a batch is attempted when a concurrent writer causes a transient conflict. */
const ATTEMPTS = 5;

interface ClassifiedRow {
  ord: number;
  cur_id: number | null;
  ts: string;
  max_start: Date | null;
}

/**
 * The SCD Type 2 engine for one table. Writes are set-based: per batch one advisory lock, one
 * classifying statement that also closes the changed versions, and one INSERT opening the new ones, whatever the batch size.
 *
 * `In` is the input row shape (Decimals or decimal strings), `Out` the shape read back.
 */
export class VersionedTable<In extends object, Out extends object> {
  readonly definition: VersionedTableDefinition;
  private readonly db: Db;
  private readonly logger: Logger;
  private readonly table: string;
  private readonly allSpecs: readonly ColumnSpec[];
  private readonly readSpecs: readonly ColumnSpec[];
  /** The ordinal of each batch row, then the key and tracked columns: the classify statement's input. */
  private readonly inputSpecs: readonly ColumnSpec[];
  private readonly encoder: RowEncoder;
  /** Known current versions, to skip sending rows that certainly did not change (no materiality rule only). */
  private readonly cache: CurrentCache | undefined;
  private readonly sql: { classify: string; insert: string; lock: string; maxId: string };

  constructor(db: Db, definition: VersionedTableDefinition, logger: Logger = noopLogger) {
    if (definition.key.length === 0) {
      throw new StoreError(`versioned table ${definition.table} needs at least one business key column`);
    }
    this.db = db;
    this.definition = definition;
    this.logger = logger;
    this.table = quoteIdent(definition.table);
    this.allSpecs = [...definition.key, ...definition.tracked, ...(definition.payload ?? [])];
    this.readSpecs = [...VERSION_COLUMN_SPECS, ...this.allSpecs];
    this.inputSpecs = [
      { field: '_ord', column: '_ord', type: 'integer' },
      ...definition.key,
      ...definition.tracked,
    ];
    this.encoder = new RowEncoder(definition.table, this.allSpecs);
    this.cache =
      definition.materiality === undefined
        ? new CurrentCache(definition.key.length, definition.tracked.length)
        : undefined;
    this.sql = this.buildSql();
  }

  private buildSql(): { classify: string; insert: string; lock: string; maxId: string } {
    const { key, tracked, materiality } = this.definition;
    const input = `inp AS (${rowsFromArrays(this.inputSpecs, 2)})`;
    const keyJoin = key.map((k) => `c.${quoteIdent(k.column)} = inp.${quoteIdent(k.column)}`).join(' AND ');
    const distinct =
      tracked.length === 0
        ? 'false'
        : tracked
            .map((c) => `cur.${quoteIdent(c.column)} IS DISTINCT FROM inp.${quoteIdent(c.column)}`)
            .join(' OR ');
    const changed = materiality === undefined ? `(${distinct})` : `((${distinct}) AND (${materiality}))`;
    const columns = this.allSpecs.map((c) => quoteIdent(c.column)).join(', ');
    return {
      lock: `SELECT pg_advisory_xact_lock(hashtextextended('precog.scd2:' || current_schema() || '.' || $1, 0))`,
      maxId: `SELECT max(id) AS max_id FROM ${this.table}`,
      // The timestamp is read here, after the lock: one per batch, millisecond precision (exact in a
      // JS Date), and strictly later than every version it replaces so no interval is empty.
      classify: `WITH ${input}, d AS (
  SELECT inp._ord, cur.id AS cur_id, cur.row_start_ts AS cur_start
  FROM inp
  -- One probe of the partial unique index on current keys per input row: cost follows the batch,
  -- never the size of the table's history (LIMIT keeps the planner from flattening it into a join).
  LEFT JOIN LATERAL (
    SELECT * FROM ${this.table} c WHERE ${keyJoin} AND c.row_current_ind LIMIT 1
  ) cur ON true
  WHERE cur.id IS NULL OR ${changed}
), m AS (SELECT max(cur_start) AS max_start FROM d),
t AS (
  SELECT greatest(coalesce($1::timestamptz, date_trunc('milliseconds', clock_timestamp())),
                  date_trunc('milliseconds', m.max_start) + interval '1 millisecond') AS ts, m.max_start
  FROM m
), closed AS (
  -- The changed keys' current versions end where the new ones start (same statement, same snapshot).
  UPDATE ${this.table} SET row_current_ind = false, row_end_ts = t.ts
  FROM d, t WHERE ${this.table}.id = d.cur_id AND ${this.table}.row_current_ind
)
SELECT d._ord AS ord, d.cur_id, t.ts::text AS ts, t.max_start
FROM d CROSS JOIN t`,
      // Returns the table's highest id once the new versions are in (the statement's snapshot does
      // not see its own rows, nor anything committed after it started: never an id we did not check).
      insert: `WITH ins AS (
  INSERT INTO ${this.table} (${columns}, row_current_ind, row_start_ts)
  SELECT ${columns}, true, $1::timestamptz FROM (${rowsFromArrays(this.allSpecs, 2)}) AS inp
  RETURNING id
)
SELECT greatest((SELECT max(id) FROM ins), (SELECT max(id) FROM ${this.table})) AS max_id`,
    };
  }

  /** Key of an encoded row (key columns come first), for de-duplicating a batch. */
  private keyOf(values: readonly unknown[]): string {
    const size = this.definition.key.length;
    let key = String(values[0]);
    for (let i = 1; i < size; i += 1) {
      key += `\u0000${String(values[i])}`;
    }
    return key;
  }

  /**
   * Writes a batch of full-row snapshots: a key not yet stored gets its first version; a key
   * whose tracked columns differ from its current version gets that version closed and a new one
   * opened, all at one timestamp; an identical row writes nothing. Fields left undefined are
   * NULL (or the column's default). When a key appears twice in a batch, the last row wins.
   * Every value is checked against its column's precision first: a PrecisionError writes nothing.
   * Transient conflicts (40001, 40P01, 23505) are retried; any other failure rolls back the batch.
   */
  async upsertVersions(rows: readonly In[], options: UpsertOptions = {}): Promise<UpsertResult> {
    const byKey = new Map<string, unknown[]>();
    for (const row of rows) {
      const values = this.encoder.encode(row);
      byKey.set(this.keyOf(values), values);
    }
    const keys = [...byKey.keys()];
    const records = [...byKey.values()];
    if (records.length === 0) {
      return { inserted: 0, versioned: 0, unchanged: 0 };
    }
    const at = options.at;
    try {
      const { result, maxId, sent } = await retryTransient(
        () => this.db.transaction((tx) => this.writeBatch(tx, keys, records, at)),
        { attempts: ATTEMPTS, logger: this.logger, what: `${this.definition.table}.upsertVersions` },
      );
      // Committed: every key sent now has the input's values as its current version.
      this.cache?.record(
        sent.map((i) => [keys[i]!, records[i]!] as const),
        maxId,
      );
      return result;
    } catch (error) {
      this.cache?.clear();
      throw error;
    }
  }

  private async writeBatch(
    tx: Queryable,
    keys: readonly string[],
    records: readonly unknown[][],
    at: Date | undefined,
  ): Promise<{ result: UpsertResult; maxId: number | null; sent: number[] }> {
    await tx.query(this.sql.lock, [this.definition.table]);
    // Under the lock: if nobody wrote since our last batch, rows equal to what we know are skipped.
    let sent = records.map((_, i) => i);
    // The table's highest id as last read under the lock; undefined until read.
    let maxId: number | null | undefined;
    if (this.cache?.known) {
      const { rows } = await tx.query<{ max_id: number | null }>(this.sql.maxId);
      maxId = rows[0]?.max_id ?? null;
      if (this.cache.validFor(maxId)) {
        sent = sent.filter((i) => !this.cache!.matches(keys[i]!, records[i]!));
      } else {
        this.cache.clear();
      }
    }
    const candidates = sent.map((i) => records[i]!);
    let inserted = 0;
    let versioned = 0;
    if (candidates.length > 0) {
      const ordinals = `{${candidates.map((_, index) => index).join(',')}}`;
      const payload = [ordinals, ...this.encoder.columns(candidates, this.inputSpecs.length - 1)];
      const classified = await tx.query<ClassifiedRow>(this.sql.classify, [at ?? null, ...payload]);
      const changedRows = classified.rows;
      if (changedRows.length > 0) {
        const first = changedRows[0]!;
        if (at !== undefined && first.max_start !== null && at.getTime() <= first.max_start.getTime()) {
          throw new VersionOrderError(
            `${this.definition.table}: at ${at.toISOString()} is not later than the current version's start ${first.max_start.toISOString()}`,
          );
        }
        const ts = first.ts;
        const closeIds = changedRows.filter((r) => r.cur_id !== null);
        const open = changedRows.map((r) => candidates[r.ord]!);
        const written = await tx.query<{ max_id: number | null }>(this.sql.insert, [
          ts,
          ...this.encoder.columns(open),
        ]);
        maxId = written.rows[0]?.max_id ?? null;
        versioned = closeIds.length;
        inserted = open.length - closeIds.length;
        this.logger.debug({ table: this.definition.table, inserted, versioned, at: ts }, 'versions written');
      }
    }
    // Nothing written: the id read under the lock still describes what was compared.
    if (this.cache !== undefined && maxId === undefined) {
      const { rows } = await tx.query<{ max_id: number | null }>(this.sql.maxId);
      maxId = rows[0]?.max_id ?? null;
    }
    return {
      result: { inserted, versioned, unchanged: records.length - inserted - versioned },
      maxId: maxId ?? null,
      sent,
    };
  }

  private selectList(alias = ''): string {
    const prefix = alias === '' ? '' : `${alias}.`;
    return this.readSpecs.map((c) => `${prefix}${quoteIdent(c.column)}`).join(', ');
  }

  private orderBy(alias = ''): string {
    const prefix = alias === '' ? '' : `${alias}.`;
    return [
      ...this.definition.key.map((k) => `${prefix}${quoteIdent(k.column)}`),
      `${prefix}row_start_ts`,
    ].join(', ');
  }

  /** `col = $n` conditions for a filter object (fields of the row); null matches IS NULL. */
  private where(filter: Partial<In> | undefined, params: unknown[], alias = ''): string[] {
    if (filter === undefined) {
      return [];
    }
    const prefix = alias === '' ? '' : `${alias}.`;
    return equalityConditions(this.definition.table, this.allSpecs, filter, params, prefix);
  }

  private decode(row: Record<string, unknown>): Versioned<Out> {
    return decodeRow(this.readSpecs, row) as Versioned<Out>;
  }

  /** The current version of every key matching the filter (equality on row fields), ordered by key. */
  async current(filter?: Partial<In>): Promise<Versioned<Out>[]> {
    const params: unknown[] = [];
    const conditions = ['row_current_ind', ...this.where(filter, params)];
    const result = await this.db.query<Record<string, unknown>>(
      `SELECT ${this.selectList()} FROM ${this.table} WHERE ${conditions.join(' AND ')} ORDER BY ${this.orderBy()}`,
      params,
    );
    return result.rows.map((row) => this.decode(row));
  }

  /**
   * The version of each matching key that was valid at `at` (start ≤ at < end). When the filter
   * names exactly one key (key fields with a default, like `platformId`, may be left out), the
   * read is one backwards probe of the (key, row_start_ts) index.
   */
  async asOf(at: Date, filter?: Partial<In>): Promise<Versioned<Out>[]> {
    const { sql, params } = this.asOfQuery(at, filter);
    const result = await this.db.query<Record<string, unknown>>(sql, params);
    return result.rows.map((row) => this.decode(row));
  }

  /** The query plan of an as-of read (EXPLAIN ANALYZE), one line per element, for diagnostics. */
  async explainAsOf(at: Date, filter?: Partial<In>): Promise<string[]> {
    const { sql, params } = this.asOfQuery(at, filter);
    const result = await this.db.query<Record<string, string>>(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
    return result.rows.map((row) => Object.values(row)[0] ?? '');
  }

  private asOfQuery(at: Date, filter: Partial<In> | undefined): { sql: string; params: unknown[] } {
    const given = (filter ?? {}) as Record<string, unknown>;
    const onlyKeyFields = Object.keys(given).every((f) => this.definition.key.some((k) => k.field === f));
    const wholeKey = this.definition.key.every(
      (k) => given[k.field] !== undefined || k.default !== undefined,
    );
    const params: unknown[] = [at];
    if (filter !== undefined && onlyKeyFields && wholeKey) {
      const key: Record<string, unknown> = {};
      for (const k of this.definition.key) {
        key[k.field] = given[k.field] ?? k.default;
      }
      const conditions = this.where(key as Partial<In>, params);
      return {
        sql: `SELECT * FROM (SELECT ${this.selectList()} FROM ${this.table}
  WHERE ${[...conditions, 'row_start_ts <= $1::timestamptz'].join(' AND ')}
  ORDER BY row_start_ts DESC LIMIT 1) v
WHERE v.row_end_ts IS NULL OR v.row_end_ts > $1::timestamptz`,
        params,
      };
    }
    const all = [
      ...this.where(filter, params),
      'row_start_ts <= $1::timestamptz',
      '(row_end_ts IS NULL OR row_end_ts > $1::timestamptz)',
    ];
    return {
      sql: `SELECT ${this.selectList()} FROM ${this.table} WHERE ${all.join(' AND ')} ORDER BY ${this.orderBy()}`,
      params,
    };
  }

  /** Every version of one key, oldest first. `key` holds the business key fields. */
  async history(key: Partial<In>): Promise<Versioned<Out>[]> {
    for (const k of this.definition.key) {
      if ((key as Record<string, unknown>)[k.field] === undefined && k.default === undefined) {
        throw new StoreError(`${this.definition.table}.history needs the key field ${k.field}`);
      }
    }
    const params: unknown[] = [];
    const withDefaults: Record<string, unknown> = {};
    for (const k of this.definition.key) {
      withDefaults[k.field] = (key as Record<string, unknown>)[k.field] ?? k.default;
    }
    const conditions = this.where(withDefaults as Partial<In>, params);
    const result = await this.db.query<Record<string, unknown>>(
      `SELECT ${this.selectList()} FROM ${this.table} WHERE ${conditions.join(' AND ')} ORDER BY row_start_ts`,
      params,
    );
    return result.rows.map((row) => this.decode(row));
  }

  /**
   * Versions that started in (from, to], oldest first: `inserted` when the version opened a key,
   * `versioned` when it replaced the key's previous version.
   */
  async changesBetween(from: Date, to: Date): Promise<VersionChange<Out>[]> {
    const keyMatch = this.definition.key
      .map((k) => `p.${quoteIdent(k.column)} = t.${quoteIdent(k.column)}`)
      .join(' AND ');
    const result = await this.db.query<Record<string, unknown>>(
      `SELECT ${this.selectList('t')},
  EXISTS (SELECT 1 FROM ${this.table} p WHERE ${keyMatch} AND p.row_end_ts = t.row_start_ts) AS replaced
FROM ${this.table} t
WHERE t.row_start_ts > $1::timestamptz AND t.row_start_ts <= $2::timestamptz
ORDER BY t.row_start_ts, ${this.orderBy('t')}`,
      [from, to],
    );
    return result.rows.map((row) => ({
      ...this.decode(row),
      change: row.replaced ? 'versioned' : 'inserted',
    }));
  }
}
