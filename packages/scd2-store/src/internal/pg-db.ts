import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { PoolExhaustedError, StoreConnectionError } from '../errors';
import type { Logger } from '../logger';
import type { Db, Queryable, QueryResult, Session } from './db';
import { isConnectionError, mapDbError } from './map-error';
import { toParams } from './params';
import { textParsers } from './type-parsers';

export interface PgDbOptions {
  databaseUrl: string;
  poolSize: number;
  connectionTimeoutMs: number;
  logger: Logger;
  /** pg's `ssl`; `undefined` leaves it to the URL's `sslmode` (or PGSSLMODE). */
  ssl?: false | ConnectionOptions | undefined;
  /** Server-side settings of every session (`statement_timeout`, ...), as `-c name=value`. */
  sessionSettings?: Readonly<Record<string, string | number>> | undefined;
}

/** `host:port/database` of a connection string, without user or password. */
export function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const host = url.hostname === '' ? (url.searchParams.get('host') ?? 'localhost') : url.hostname;
    return `${host}:${url.port === '' ? '5432' : url.port}${url.pathname === '' ? '' : url.pathname}`;
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}

/**
 * Per-connection type parsing: our parsers first, then pg's defaults. The global registry of the
 * user's `pg` is only read, never changed.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    const own = format === 'binary' ? undefined : textParsers[oid];
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads want a concrete format literal
    return own ?? (pg.types.getTypeParser as any)(oid, format ?? 'text');
  },
};

type PgClient = pg.PoolClient;

/**
 * Sessions run in UTC, with the given settings. A connection string's own `options` (e.g.
 * `-c search_path=x`) would replace ours, so they are taken out of the URL and appended after
 * ours (so they win).
 */
export function splitOptions(
  databaseUrl: string,
  settings: Readonly<Record<string, string | number>> = {},
): { connectionString: string; sessionOptions: string } {
  const base = ['-c TimeZone=UTC', ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  try {
    const url = new URL(databaseUrl);
    const own = url.searchParams.get('options');
    if (own === null) {
      return { connectionString: databaseUrl, sessionOptions: base };
    }
    url.searchParams.delete('options');
    return { connectionString: url.toString(), sessionOptions: `${base} ${own}` };
  } catch {
    return { connectionString: databaseUrl, sessionOptions: base };
  }
}

function wrap(client: PgClient, host: string): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      try {
        const result = await client.query(sql, toParams(params));
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      } catch (error) {
        throw mapDbError(error, host);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await client.query(sql);
      } catch (error) {
        throw mapDbError(error, host);
      }
    },
  };
}

/** The `pg` adapter: a Pool with per-connection parsers, UTC sessions and bounded waits. */
export class PgDb implements Db {
  readonly kind = 'postgres' as const;
  readonly host: string;
  private readonly pool: pg.Pool;
  private readonly options: PgDbOptions;

  constructor(options: PgDbOptions) {
    this.options = options;
    this.host = describeUrl(options.databaseUrl);
    const { connectionString, sessionOptions } = splitOptions(options.databaseUrl, options.sessionSettings);
    this.pool = new pg.Pool({
      connectionString,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectionTimeoutMs,
      types,
      options: sessionOptions,
      ...(options.ssl === undefined ? {} : { ssl: options.ssl }),
    });
    // An idle pooled connection that dies (server restart, pg_terminate_backend) is dropped by the
    // pool; without a listener the 'error' event would crash the process.
    this.pool.on('error', (error) => {
      options.logger.warn({ host: this.host, err: error.message }, 'idle database connection lost');
    });
  }

  private async connect(): Promise<PgClient> {
    const started = Date.now();
    try {
      return await this.pool.connect();
    } catch (error) {
      const message = (error as Error).message ?? '';
      if (
        /timeout exceeded when trying to connect/i.test(message) &&
        this.pool.totalCount >= this.options.poolSize
      ) {
        throw new PoolExhaustedError({
          host: this.host,
          poolSize: this.options.poolSize,
          waitedMs: Date.now() - started,
          cause: error,
        });
      }
      throw new StoreConnectionError(`could not connect to ${this.host}: ${message}`, {
        host: this.host,
        cause: error,
      });
    }
  }

  /** Runs `fn` on a fresh client; retries once when the pooled connection turns out to be dead. */
  private async withClient<T>(fn: (client: PgClient) => Promise<T>, retryDead: () => boolean): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const client = await this.connect();
      let broken: Error | undefined;
      try {
        return await fn(client);
      } catch (error) {
        if (isConnectionError(error)) {
          broken = error instanceof Error ? error : new Error(String(error));
          if (attempt === 0 && retryDead()) {
            this.options.logger.warn({ host: this.host }, 'database connection was dead, retrying once');
            continue;
          }
        }
        throw mapDbError(error, this.host);
      } finally {
        client.release(broken);
      }
    }
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.withClient(
      async (client) => {
        const result = await client.query(sql, toParams(params));
        return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
      },
      () => true,
    );
  }

  async exec(sql: string): Promise<void> {
    await this.withClient(
      (client) => client.query(sql),
      () => false,
    );
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // A dead pooled connection shows up at BEGIN: nothing ran yet, so one retry is safe.
    let begun = false;
    return this.withClient(
      async (client) => {
        begun = false;
        return runTransaction(client, this.host, fn, () => {
          begun = true;
        });
      },
      () => !begun,
    );
  }

  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.withClient(
      async (client) => {
        const base = wrap(client, this.host);
        return fn({ ...base, transaction: (inner) => runTransaction(client, this.host, inner) });
      },
      () => false,
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function runTransaction<T>(
  client: PgClient,
  host: string,
  fn: (tx: Queryable) => Promise<T>,
  onBegun?: () => void,
): Promise<T> {
  await client.query('BEGIN');
  onBegun?.();
  try {
    const result = await fn(wrap(client, host));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!isConnectionError(error)) {
      await client.query('ROLLBACK').catch(() => undefined);
    }
    throw error;
  }
}
