// A child process for crash-restart.test.ts: starts an engine on a store (PGlite directory or
// PostgreSQL URL) against the
// parent's fake exchange, runs one cycle (an entry that partly fills and rests), prints READY and
// waits to be killed.
import { createPrivateKey } from 'node:crypto';
import { KalshiClient } from '@precog/kalshi-client';
import { snapshotFromMarket } from '../../execution/market-snapshot';
import { crashTestEngineOptions } from './crash-setup';
import { openStoreAt } from './engine-stores';

const [url, location, ticker] = process.argv.slice(2) as [string, string, string];
const privateKey = createPrivateKey(process.env.CHILD_PRIVATE_KEY ?? '');
const client = new KalshiClient({
  baseUrl: url,
  apiKeyId: 'crash',
  privateKey,
  maxRetries: 0,
  circuitBreaker: false,
});
const store = await openStoreAt(location);
const { TradingEngine } = await import('../trading-engine');
const engine = await TradingEngine.start(crashTestEngineOptions(client, store));
const now = Date.now();
await engine.cycle([snapshotFromMarket(await client.markets.get(ticker), now)], now);
process.stdout.write('READY\n');
setInterval(() => undefined, 60_000);
