// Stores for the engine tests: PGlite always, the PostgreSQL server of DATABASE_URL too when set.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openStore, type Store } from '@precog/scd2-store';
import { DATABASE_URL, pgliteStore, postgresStores } from '../../__fixtures__/stores';

/** Where an engine test runs. */
export type EngineBackend = 'pglite' | 'postgres';

/** The backends an engine test runs on. */
export const engineBackends: EngineBackend[] =
  DATABASE_URL === undefined ? ['pglite'] : ['pglite', 'postgres'];

/** A fresh migrated store on `backend`, and its cleanup. */
export async function openEngineStore(
  backend: EngineBackend,
): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const store = await pgliteStore();
    return { store, dispose: () => store.close() };
  }
  const { stores, dispose } = await postgresStores(1);
  return { store: stores[0] as Store, dispose };
}

/**
 * Where a child process opens its store: a PGlite directory under `dir`, or a fresh migrated
 * schema of DATABASE_URL (its URL sets the search_path); and the cleanup.
 */
export async function engineStoreLocation(
  backend: EngineBackend,
  dir: string,
): Promise<{ location: string; dispose(): Promise<void> }> {
  if (backend === 'pglite') return { location: join(dir, 'pglite'), dispose: async () => undefined };
  if (DATABASE_URL === undefined) throw new Error('DATABASE_URL is not set');
  const schema = `eng_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = await openStore({ databaseUrl: DATABASE_URL, poolSize: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    location: url.toString(),
    async dispose() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** Opens (and migrates) the store at a location from {@link engineStoreLocation}. */
export async function openStoreAt(location: string): Promise<Store> {
  const store = /^postgres(ql)?:/.test(location)
    ? await openStore({ databaseUrl: location, poolSize: 2 })
    : await openStore({ dataDir: location });
  await store.migrate();
  return store;
}
