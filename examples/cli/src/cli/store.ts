import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { storeSettings } from '@precog/config';
import { openStore, type Store } from '@precog/scd2-store';
import type { CliContext } from './context';
import { userCwd } from './context';

/** A store opened for one command; `close()` ends it (and releases the PGlite directory's lock). */
export interface CliStore {
  store: Store;
  /** `postgres host:port/db` or `pglite <dir>`: where the rows go (never a password). */
  where: string;
  close(): Promise<void>;
}

/** The embedded database directory used when no database URL is given. */
export function defaultDataDir(): string {
  return join(userCwd(), '.precog', 'pglite');
}

/**
 * Opens the configured store: PostgreSQL when a database URL is set, otherwise embedded PGlite in
 * {@link defaultDataDir}, locked so that commands on one directory take turns. With `migrate`,
 * applies pending migrations first (the store is migrated on first use).
 */
export async function openCliStore(context: CliContext, options: { migrate: boolean }): Promise<CliStore> {
  const { config, logger } = context;
  let store: Store;
  let where: string;
  if (config.databaseUrl) {
    // system.yaml database.*: pool, timeouts, TLS (PostgreSQL only; PGlite takes none of them).
    store = await openStore({ ...storeSettings(config), databaseUrl: config.databaseUrl, logger });
    where = `postgres ${store.host}`;
  } else {
    const dataDir = resolve(defaultDataDir());
    mkdirSync(dataDir, { recursive: true });
    // openStore locks the directory: commands on one directory take turns. The wait is logged
    // (info) and, on a terminal, shown like the progress bars (not in piped output).
    store = await openStore({
      dataDir,
      logger,
      onLockWait: ({ lockFile, holderPid, waitedMs, timeoutMs }) => {
        if (!process.stderr.isTTY) return;
        process.stderr.write(
          `precog: waiting for ${lockFile} (held by process ${holderPid}; giving up in ${Math.ceil((timeoutMs - waitedMs) / 1000)} s)\n`,
        );
      },
    });
    where = `pglite ${dataDir}`;
  }
  const close = () => store.close();
  if (options.migrate) {
    try {
      const applied = await store.migrate();
      if (applied.length > 0) logger.debug({ applied: applied.length }, 'store migrated');
    } catch (error) {
      await close().catch(() => undefined);
      throw error;
    }
  }
  return { store, where, close };
}
