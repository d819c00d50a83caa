import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requireKalshiCredentials } from '@precog/config';
import { KalshiClient } from '@precog/kalshi-client';
import { openStore, type Store } from '@precog/scd2-store';
import type { Command } from 'commander';
import { type CliContext, loadCliContext, userCwd } from '../cli/context';
import { lockDataDir } from './store-lock';

/** An exchange client and a migrated store for one command; `close()` releases both. */
export interface SyncSession {
  context: CliContext;
  client: KalshiClient;
  store: Store;
  /** `postgres host:port/db` or `pglite <dir>`: where the rows went (never a password). */
  where: string;
  close(): Promise<void>;
}

/** The embedded database directory used when no database URL is given. */
export function defaultDataDir(): string {
  return join(userCwd(), '.precog', 'pglite');
}

/**
 * Loads the configuration, builds a signed Kalshi client (unsigned when `signed` is false and no
 * key is configured: market data is public) and opens the store, migrating it on first use.
 */
export async function openSyncSession(command: Command, options: { signed: boolean }): Promise<SyncSession> {
  const context = loadCliContext(command);
  const { config, logger } = context;
  const kalshi = config.kalshi;
  const signing =
    options.signed || (kalshi.apiKeyId !== undefined && kalshi.privateKey !== undefined)
      ? requireKalshiCredentials(config)
      : undefined;
  const client = new KalshiClient({
    baseUrl: kalshi.baseUrl,
    environment: kalshi.environment,
    ...(signing ? { apiKeyId: signing.apiKeyId, privateKey: signing.privateKey } : {}),
    logger,
  });
  let release: (() => void) | undefined;
  let store: Store;
  let where: string;
  if (config.databaseUrl) {
    store = await openStore({ databaseUrl: config.databaseUrl, logger });
    where = `postgres ${store.host}`;
  } else {
    const dataDir = resolve(defaultDataDir());
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
    try {
      store = await openStore({ dataDir, logger });
    } catch (error) {
      release();
      throw error;
    }
    where = `pglite ${dataDir}`;
  }
  try {
    const applied = await store.migrate();
    if (applied.length > 0) logger.debug({ applied: applied.length }, 'store migrated');
  } catch (error) {
    await store.close().catch(() => undefined);
    release?.();
    throw error;
  }
  return {
    context,
    client,
    store,
    where,
    async close() {
      try {
        await store.close();
      } finally {
        release?.();
      }
    },
  };
}
