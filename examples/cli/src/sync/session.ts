import { kalshiClientSettings, requireKalshiCredentials } from '@precog/config';
import { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import type { Command } from 'commander';
import { type CliContext, loadCliContext } from '../cli/context';
import { sharedRateLimit } from '../cli/rate-limit';
import { openCliStore } from '../cli/store';
import { guardProdBaseUrl } from './prod-guard';

/** An exchange client and a migrated store for one command; `close()` releases both. */
export interface SyncSession {
  context: CliContext;
  client: KalshiClient;
  store: Store;
  /** `postgres host:port/db` or `pglite <dir>`: where the rows went (never a password). */
  where: string;
  close(): Promise<void>;
}

export { defaultDataDir } from '../cli/store';

/**
 * Loads the configuration, builds a signed Kalshi client (unsigned when `signed` is false and no
 * key is configured: market data is public) and opens the store, migrating it on first use.
 */
export async function openSyncSession(command: Command, options: { signed: boolean }): Promise<SyncSession> {
  const context = loadCliContext(command);
  const { config, logger } = context;
  const kalshi = config.kalshi;
  guardProdBaseUrl(config, Boolean(context.options.force), logger);
  const signing =
    options.signed || (kalshi.apiKeyId !== undefined && kalshi.privateKey !== undefined)
      ? requireKalshiCredentials(config)
      : undefined;
  const client = new KalshiClient({
    // system.yaml defaults.timeouts.api_request_seconds and defaults.retries.
    ...kalshiClientSettings(config),
    baseUrl: kalshi.baseUrl,
    environment: kalshi.environment,
    ...(signing ? { apiKeyId: signing.apiKeyId, privateKey: signing.privateKey } : {}),
    // KALSHI_RATE_LIMIT_URL: the key's budget shared through Redis with every other process.
    ...(await sharedRateLimit(config, logger)),
    logger,
  });
  let opened: Awaited<ReturnType<typeof openCliStore>>;
  try {
    opened = await openCliStore(context, { migrate: true });
  } catch (error) {
    await client.close();
    throw error;
  }
  const { store, where } = opened;
  return {
    context,
    client,
    store,
    where,
    // The client holds the shared limiter's Redis connection: release it with the store.
    close: async () => {
      await client.close();
      await opened.close();
    },
  };
}
