// Test harness of the sync services: a real fake exchange over HTTP on loopback, a real
// KalshiClient signing with a key made for the run, and a fresh migrated PGlite store per test
// (started from a migrated dump made once per file, so each store opens in well under a second).
import { generateKeyPairSync } from 'node:crypto';
import { KalshiClient } from '@precog/kalshi-client';
import {
  createFakeExchange,
  type FakeExchange,
  type FakeExchangeOptions,
  type FakeExchangeServer,
} from '@precog/kalshi-client/testing';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KEY_ID = 'sync-test-key';

/** A fresh, migrated, empty PGlite store (shared with the other database-backed tests). */
export { pgliteStore as freshStore } from '../../__fixtures__/stores';

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
