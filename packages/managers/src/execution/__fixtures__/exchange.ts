// A fake Kalshi exchange served on loopback and a signed client for it (no retries, so an
// injected failure reaches the code under test).
import { generateKeyPairSync } from 'node:crypto';
import { KalshiClient } from '@precog/kalshi-client';
import {
  createFakeExchange,
  type FakeExchange,
  type FakeExchangeOptions,
} from '@precog/kalshi-client/testing';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');

export interface TestExchange {
  exchange: FakeExchange;
  client: KalshiClient;
  close(): Promise<void>;
}

export async function startExchange(options: FakeExchangeOptions = {}): Promise<TestExchange> {
  const exchange = createFakeExchange({
    ...options,
    keys: [{ id: 'exec-test', publicKey }],
    rateLimit: false,
  });
  const server = await exchange.listen();
  const client = new KalshiClient({
    baseUrl: server.url,
    apiKeyId: 'exec-test',
    privateKey,
    maxRetries: 0,
    circuitBreaker: false,
  });
  return { exchange, client, close: () => server.close() };
}
