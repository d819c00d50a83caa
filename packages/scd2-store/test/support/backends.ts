/**
 * Test backends: the same suites run on PGlite always, and on a real PostgreSQL when
 * DATABASE_URL is set (CI sets it to a scratch database).
 *
 * PGlite's cold start is several seconds, so a migrated data directory is built once and cached
 * on disk (keyed by the migrations' checksums and the PGlite version); each store then starts from
 * that dump in about half a second. On PostgreSQL every store gets its own fresh schema (through
 * `search_path`), so test files run in parallel without seeing each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  checksumOf,
  defaultMigrationsDir,
  openStore,
  readMigrationFiles,
  type Store,
  type StoreOptions,
} from '../../src/index';

export type BackendName = 'pglite' | 'postgres';

export const DATABASE_URL = process.env.DATABASE_URL;

/** The backends this run covers. */
export const backendNames: BackendName[] =
  DATABASE_URL === undefined || DATABASE_URL === '' ? ['pglite'] : ['pglite', 'postgres'];

/** PGlite's version (from its installed package.json), so a cached dump never outlives an upgrade. */
const pgliteVersion = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/@electric-sql/pglite/package.json'),
  'utf8',
);

async function dumpFile(kind: 'empty' | 'migrated'): Promise<string> {
  const files = readMigrationFiles(defaultMigrationsDir());
  const key = checksumOf(
    `${pgliteVersion}|${kind}|${kind === 'migrated' ? files.map((f) => f.checksum).join(',') : ''}`,
  );
  const file = join(tmpdir(), `precog-pglite-${kind}-${key.slice(0, 16)}.tar`);
  if (existsSync(file)) {
    return file;
  }
  const store = await openStore();
  if (kind === 'migrated') {
    await store.migrate();
  }
  const db = store.internalDb as unknown as { pglite: PGlite };
  const dump = await db.pglite.dumpDataDir('none');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
  renameSync(temp, file);
  await store.close();
  return file;
}

async function loadDump(kind: 'empty' | 'migrated'): Promise<Blob> {
  return new Blob([readFileSync(await dumpFile(kind))]);
}

/** A scratch schema on the PostgreSQL server, dropped by `dropSchema`. */
export async function createSchema(): Promise<{ url: string; schema: string }> {
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestStoreOptions extends Omit<StoreOptions, 'databaseUrl' | 'dataDir' | 'loadDataDir'> {
  /** Start unmigrated (for migration tests). Default: migrated with the package's migrations. */
  empty?: boolean;
}

/** A test store plus its cleanup. `url` is the PostgreSQL URL (with search_path) when on postgres. */
export interface TestStore {
  store: Store;
  url: string | undefined;
  /** Opens a second store on the same database (postgres only: PGlite has one session). */
  openAnother(options?: Omit<StoreOptions, 'databaseUrl'>): Promise<Store>;
  dispose(): Promise<void>;
}

export async function openTestStore(
  backend: BackendName,
  options: TestStoreOptions = {},
): Promise<TestStore> {
  const { empty = false, ...rest } = options;
  if (backend === 'pglite') {
    const store = await openStore({ ...rest, loadDataDir: await loadDump(empty ? 'empty' : 'migrated') });
    return {
      store,
      url: undefined,
      openAnother: () => Promise.reject(new Error('PGlite has a single session')),
      dispose: () => store.close(),
    };
  }
  const { url, schema } = await createSchema();
  const store = await openStore({ ...rest, databaseUrl: url });
  if (!empty) {
    await store.migrate();
  }
  const others: Store[] = [];
  return {
    store,
    url,
    async openAnother(more = {}) {
      const other = await openStore({ ...rest, ...more, databaseUrl: url });
      others.push(other);
      return other;
    },
    async dispose() {
      await Promise.all([store.close(), ...others.map((o) => o.close())]);
      await dropSchema(schema);
    },
  };
}

/** A short unique prefix, so tests sharing a store never touch each other's keys. */
export function uid(prefix = 'K'): string {
  return `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
}
