import { StoreConnectionError } from '../errors';
import type { Logger } from '../logger';
import { PgDb } from './pg-db';
import { isNoSslError, type SslMode, sslOptionsFor, urlSetsSsl } from './ssl-mode';

/** What {@link openPgDb} needs: the PostgreSQL options of `openStore`, defaults applied. */
export interface OpenPgDbOptions {
  databaseUrl: string;
  poolSize: number;
  connectionTimeoutMs: number;
  logger: Logger;
  sslMode: SslMode | undefined;
  statementTimeoutMs: number | undefined;
  idleInTransactionTimeoutMs: number | undefined;
}

async function probe(db: PgDb): Promise<void> {
  try {
    await db.query('SELECT 1');
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A pg pool on the server, checked with one query so an unreachable server (or one refusing the
 * TLS the mode demands) fails here with a clear error. `prefer` tries TLS first and falls back to
 * plaintext only when the server says it has no TLS, as libpq does; a URL `sslmode` wins.
 */
export async function openPgDb(options: OpenPgDbOptions): Promise<PgDb> {
  const sessionSettings: Record<string, number> = {};
  if (options.statementTimeoutMs !== undefined)
    sessionSettings.statement_timeout = options.statementTimeoutMs;
  if (options.idleInTransactionTimeoutMs !== undefined) {
    sessionSettings.idle_in_transaction_session_timeout = options.idleInTransactionTimeoutMs;
  }
  const mode = options.sslMode === undefined || urlSetsSsl(options.databaseUrl) ? undefined : options.sslMode;
  const make = (ssl: ReturnType<typeof sslOptionsFor> | undefined) =>
    new PgDb({
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize,
      connectionTimeoutMs: options.connectionTimeoutMs,
      logger: options.logger,
      ssl,
      sessionSettings,
    });
  const db = make(mode === undefined ? undefined : sslOptionsFor(mode));
  try {
    await probe(db);
    return db;
  } catch (error) {
    if (!isNoSslError(error) || mode === undefined) throw error;
    if (mode === 'prefer') {
      options.logger.debug({ host: db.host }, 'server offers no TLS: sslMode prefer falls back to plaintext');
      const plain = make(false);
      await probe(plain);
      return plain;
    }
    throw new StoreConnectionError(
      `could not connect to ${db.host}: the server does not support TLS, and sslMode ${mode} refuses a plaintext connection`,
      { host: db.host, cause: error },
    );
  }
}
