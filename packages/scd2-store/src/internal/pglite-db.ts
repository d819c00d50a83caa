import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult, Session } from './db';
import { mapDbError } from './map-error';
import { toParams } from './params';
import { textParsers } from './type-parsers';

export interface PgliteDbOptions {
  /** Directory to persist into; in memory when absent. */
  dataDir?: string | undefined;
  /** A data directory dump (from `dumpDataDir`) to start from, instead of running initdb. */
  loadDataDir?: Blob | File | undefined;
}

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(target: PgliteLike, host: string): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      try {
        const result = await target.query<R>(sql, toParams(params));
        return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
      } catch (error) {
        throw mapDbError(error, host);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await target.exec(sql);
      } catch (error) {
        throw mapDbError(error, host);
      }
    },
  };
}

/** The embedded adapter: one PGlite instance (one session), UTC, our parsers. */
export class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  readonly host: string;
  /** The PGlite instance, exposed for tests and tools (e.g. `dumpDataDir`). */
  readonly pglite: PGlite;
  private readonly base: Queryable;

  private constructor(pglite: PGlite, host: string) {
    this.pglite = pglite;
    this.host = host;
    this.base = wrap(pglite, host);
  }

  static async open(options: PgliteDbOptions): Promise<PgliteDb> {
    const host = options.dataDir === undefined ? 'pglite (in memory)' : `pglite:${options.dataDir}`;
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(options.dataDir, {
        parsers: textParsers,
        ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      });
      await pglite.exec("SET TimeZone = 'UTC'");
    } catch (error) {
      throw mapDbError(error, host);
    }
    return new PgliteDb(pglite, host);
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.base.query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.base.exec(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      return await this.pglite.transaction((tx) => fn(wrap(tx, this.host)));
    } catch (error) {
      throw mapDbError(error, this.host);
    }
  }

  /** PGlite has a single session: the callback gets it directly. */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return fn({ ...this.base, transaction: (inner) => this.transaction(inner) });
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) {
      await this.pglite.close();
    }
  }
}
