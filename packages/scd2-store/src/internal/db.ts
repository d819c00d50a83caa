/** The one database interface the store is written against; two adapters implement it (pg, PGlite). */

/** Result of one statement. */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on PGlite). */
  rowCount: number;
}

/** Something that runs SQL: the database itself, a transaction, or a dedicated session. */
export interface Queryable {
  /** One statement with `$n` parameters (extended protocol). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements without parameters (simple protocol), e.g. a migration file. */
  exec(sql: string): Promise<void>;
}

/** A dedicated connection, held until the callback returns (needed for session advisory locks). */
export interface Session extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Where the data lives, for messages: `host:port/database` or `pglite` / `pglite:<dir>`. */
  readonly host: string;
  /** Runs `fn` inside BEGIN … COMMIT; any error rolls everything back and is rethrown. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one connection held for its whole duration. */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
