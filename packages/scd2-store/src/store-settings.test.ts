import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema, DATABASE_URL, dropSchema } from '../test/support/backends';
import { StatementTimeoutError, StoreConnectionError } from './errors';
import { openStore } from './store';

// The PostgreSQL settings of openStore act on a real server (the one of DATABASE_URL, which has
// no TLS). PGlite does not take them: it is one session in this process (docs/configuration.md).
describe.skipIf(DATABASE_URL === undefined || DATABASE_URL === '')('PostgreSQL settings of openStore', () => {
  let url: string;
  let schema: string;
  beforeAll(async () => {
    ({ url, schema } = await createSchema());
  });
  afterAll(async () => {
    await dropSchema(schema);
  });

  it.each(['require', 'verify-ca', 'verify-full'] as const)(
    'sslMode %s against a server without TLS is refused, not plaintext',
    async (sslMode) => {
      const error = await openStore({ databaseUrl: url, sslMode }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreConnectionError);
      expect((error as Error).message).toBe(
        `could not connect to 127.0.0.1:5432${new URL(url).pathname}: the server does not support TLS, and sslMode ${sslMode} refuses a plaintext connection`,
      );
    },
  );

  it('sslMode prefer and disable connect in plaintext to a server without TLS', async () => {
    for (const sslMode of ['prefer', 'disable'] as const) {
      const store = await openStore({ databaseUrl: url, sslMode });
      const { rows } = await store.query<{ ssl: boolean }>(
        'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      expect(rows).toEqual([{ ssl: false }]);
      await store.close();
    }
  });

  it('an sslmode in the URL wins over sslMode', async () => {
    const withMode = new URL(url);
    withMode.searchParams.set('sslmode', 'disable');
    const store = await openStore({ databaseUrl: withMode.toString(), sslMode: 'verify-full' });
    expect((await store.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await store.close();
  });

  it('sets statement_timeout and idle_in_transaction_session_timeout on every session', async () => {
    const store = await openStore({
      databaseUrl: url,
      statementTimeoutMs: 1234,
      idleInTransactionTimeoutMs: 5678,
    });
    const { rows } = await store.query(
      "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('TimeZone') AS tz",
    );
    expect(rows).toEqual([{ statement: '1234ms', idle: '5678ms', tz: 'UTC' }]);
    await store.close();
  });

  it('statementTimeoutMs cancels a statement blocked by a table lock with StatementTimeoutError', async () => {
    const store = await openStore({ databaseUrl: url, statementTimeoutMs: 300 });
    await store.query('CREATE TABLE locked_probe (id int)');
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE locked_probe IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const error = await store.query('SELECT count(*) FROM locked_probe').catch((e: unknown) => e);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(StatementTimeoutError);
      expect((error as StatementTimeoutError).code).toBe('57014');
      expect((error as Error).message).toBe(
        `canceling statement due to statement timeout (statement_timeout) on 127.0.0.1:5432${new URL(url).pathname}`,
      );
      // Cancelled after the timeout, long before the lock is released (never, here).
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(5000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
      await store.close();
    }
  });
});
