import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { PoolExhaustedError, StoreConnectionError } from '../errors';
import { openStore } from '../store';

const onPostgres = DATABASE_URL === undefined || DATABASE_URL === '' ? describe.skip : describe;

describe('connection failures', () => {
  it('names the host but never the password when the server cannot be reached', async () => {
    const error = await openStore({ databaseUrl: 'postgres://precog:s3cr3t-pw@127.0.0.1:1/precogdb' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreConnectionError);
    expect((error as StoreConnectionError).host).toBe('127.0.0.1:1/precogdb');
    expect((error as Error).message).toContain('127.0.0.1:1/precogdb');
    expect((error as Error).message).not.toContain('s3cr3t-pw');
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}

onPostgres('faults on a real PostgreSQL', () => {
  let t: TestStore;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await openTestStore('postgres', { poolSize: 1, connectionTimeoutMs: 300 });
    admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.dispose();
  });

  it('fails with PoolExhaustedError after the bounded wait when every connection is busy, then recovers', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = t.store.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await held;
    });
    const started = Date.now();
    const error = await t.store.query('SELECT 1').catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toBeInstanceOf(PoolExhaustedError);
    expect((error as PoolExhaustedError).poolSize).toBe(1);
    expect((error as Error).message).toContain('all 1 connections to');
    expect(waited).toBeLessThan(10_000);
    release();
    await holder;
    expect((await t.store.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
  });

  it('works on the next call after its pooled connection was killed with pg_terminate_backend', async () => {
    const before = await t.store.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const pid = before.rows[0]!.pid;
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    const after = await t.store.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(after.rows[0]!.pid).not.toBe(pid);
    const ticker = uid('AFTER');
    expect(await t.store.markets.upsertVersions([{ ticker, eventTicker: 'E', status: 'active' }])).toEqual({
      inserted: 1,
      versioned: 0,
      unchanged: 0,
    });
  });

  it('leaves no half batch when the connection is lost in the middle of upsertVersions', async () => {
    const existing = uid('HALF');
    const fresh = uid('HALF');
    await t.store.markets.upsertVersions([{ ticker: existing, eventTicker: 'E', status: 'active' }]);
    const pid = (await t.store.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    // Another session holds an uncommitted row with the new key, so the batch's INSERT waits on the
    // unique index after its UPDATE has already closed the existing version.
    await admin.query('BEGIN');
    await admin.query(
      `INSERT INTO markets (ticker, event_ticker, status, row_start_ts) VALUES ($1, 'E', 'active', now())`,
      [fresh],
    );
    const batch = t.store.markets
      .upsertVersions([
        { ticker: existing, eventTicker: 'E', status: 'closed' },
        { ticker: fresh, eventTicker: 'E', status: 'active' },
      ])
      .catch((e: unknown) => e);
    await waitFor(async () => {
      const r = await admin.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
      return r.rows[0]?.wait_event_type === 'Lock';
    });
    const closedInside = await admin.query(
      'SELECT count(*)::int AS n FROM markets WHERE ticker = $1 AND NOT row_current_ind',
      [existing],
    );
    expect(closedInside.rows[0].n).toBe(0); // not visible outside the batch's transaction
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    expect(await batch).toBeInstanceOf(StoreConnectionError);
    await admin.query('ROLLBACK');
    const rows = await t.store.query<{
      ticker: string;
      status: string;
      row_current_ind: boolean;
      row_end_ts: Date | null;
    }>('SELECT ticker, status, row_current_ind, row_end_ts FROM markets WHERE ticker = ANY($1) ORDER BY id', [
      [existing, fresh],
    ]);
    expect(rows.rows).toEqual([
      { ticker: existing, status: 'active', row_current_ind: true, row_end_ts: null },
    ]);
    // And the store carries on.
    expect(
      await t.store.markets.upsertVersions([{ ticker: existing, eventTicker: 'E', status: 'closed' }]),
    ).toEqual({ inserted: 0, versioned: 1, unchanged: 0 });
  });
});
