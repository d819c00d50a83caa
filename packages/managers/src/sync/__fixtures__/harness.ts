// Test harness of the sync services: a real fake exchange over HTTP on loopback, a real
// KalshiClient signing with a key made for the run, and a fresh migrated PGlite store per test
// (started from a migrated dump made once per file, so each store opens in well under a second).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KalshiClient } from '@precog/kalshi-client';
import {
  createFakeExchange,
  type FakeExchange,
  type FakeExchangeOptions,
  type FakeExchangeServer,
} from '@precog/kalshi-client/testing';
import {
  checksumOf,
  defaultMigrationsDir,
  openStore,
  readMigrationFiles,
  type Store,
} from '@precog/scd2-store';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KEY_ID = 'sync-test-key';

let template: Promise<Blob> | undefined;

/**
 * A migrated PGlite data directory, cached on disk (keyed by the migrations and the PGlite
 * version) so test files skip PGlite's cold start and the migrations.
 */
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

/** A fresh, migrated, empty PGlite store. */
export async function freshStore(): Promise<Store> {
  template ??= migratedDump();
  return openStore({ loadDataDir: await template });
}

/** A fake exchange served over HTTP, and a client signed for its account. */
export interface TestExchange {
  exchange: FakeExchange;
  server: FakeExchangeServer;
  client: KalshiClient;
  close(): Promise<void>;
}

/** Starts a fake exchange with these options (the test key is registered) and a client for it. */
export async function startExchange(options: FakeExchangeOptions = {}): Promise<TestExchange> {
  const exchange = createFakeExchange({ ...options, keys: [{ id: KEY_ID, publicKey }] });
  const server = await exchange.listen();
  const client = new KalshiClient({
    baseUrl: server.url,
    apiKeyId: KEY_ID,
    privateKey,
    retryInitialDelayMs: 1,
    retryMaxDelayMs: 5,
    circuitBreaker: false,
  });
  return { exchange, server, client, close: () => server.close() };
}
