// Test stores for the database-backed managers: a fresh migrated PGlite per test (from a dump
// made once and cached on disk), and, when DATABASE_URL is set, stores on a scratch schema of a
// real PostgreSQL server (several stores = several pools = several "processes").
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checksumOf,
  defaultMigrationsDir,
  openStore,
  readMigrationFiles,
  type Store,
} from '@precog/scd2-store';

export const DATABASE_URL = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;

let template: Promise<Blob> | undefined;

async function migratedDump(): Promise<Blob> {
  const dir = defaultMigrationsDir();
  const pglite = join(dir, '..', 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const version = existsSync(pglite) ? readFileSync(pglite, 'utf8') : 'unknown';
  const key = checksumOf(
    `${version}|${readMigrationFiles(dir)
      .map((f) => f.checksum)
      .join(',')}`,
  );
  const file = join(tmpdir(), `precog-managers-pglite-${key.slice(0, 16)}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const store = await openStore();
  await store.migrate();
  const db = store.internalDb as unknown as { pglite: { dumpDataDir(c: 'none'): Promise<Blob> } };
  const dump = await db.pglite.dumpDataDir('none');
  await store.close();
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
  renameSync(temp, file);
  return dump;
}

/** A fresh, migrated PGlite store. */
export async function pgliteStore(): Promise<Store> {
  template ??= migratedDump();
  return openStore({ loadDataDir: await template });
}

/** `count` stores (separate pools) on one fresh migrated schema of DATABASE_URL, and their cleanup. */
export async function postgresStores(count: number): Promise<{ stores: Store[]; dispose(): Promise<void> }> {
  if (DATABASE_URL === undefined) throw new Error('DATABASE_URL is not set');
  const schema = `mgr_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = await openStore({ databaseUrl: DATABASE_URL, poolSize: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const stores: Store[] = [];
  for (let i = 0; i < count; i += 1)
    stores.push(await openStore({ databaseUrl: url.toString(), poolSize: 4 }));
  await stores[0]!.migrate();
  return {
    stores,
    async dispose() {
      await Promise.all(stores.map((s) => s.close()));
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}
