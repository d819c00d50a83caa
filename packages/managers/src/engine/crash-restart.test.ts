// A real process killed with SIGKILL mid-run, then a restart on the same store and exchange.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KalshiClient } from '@precog/kalshi-client';
import { createFakeExchange } from '@precog/kalshi-client/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotFromMarket } from '../execution/market-snapshot';
import { crashTestEngineOptions } from './__fixtures__/crash-setup';
import {
  type EngineBackend,
  engineBackends,
  engineStoreLocation,
  openStoreAt,
} from './__fixtures__/engine-stores';
import { TradingEngine } from './trading-engine';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.each(engineBackends)('engine killed with SIGKILL mid-run (%s)', (backend: EngineBackend) => {
  it('restarts and resumes without a duplicate order or a lost position', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    // 30 contracts offered at 0.60: the 80-contract entry fills 30 and rests 50.
    const exchange = createFakeExchange({
      keys: [{ id: 'crash', publicKey }],
      rateLimit: false,
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.58',
          yesAsk: '0.60',
          yesBidSize: 100,
          yesAskSize: 30,
          volume: 5000,
        },
      ],
    });
    const server = await exchange.listen();
    const dir = mkdtempSync(join(tmpdir(), 'precog-crash-'));
    dirs.push(dir);
    const { location, dispose } = await engineStoreLocation(backend, dir);
    try {
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
      const childPath = fileURLToPath(new URL('./__fixtures__/engine-child.ts', import.meta.url));
      const child = spawn(
        process.execPath,
        ['--conditions=@precog/source', '--import', tsx, childPath, server.url, location, T],
        {
          env: {
            ...process.env,
            CHILD_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          if (b.toString().includes('READY')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(exchange.snapshot().orders.map((o) => [o.status, o.remainingCount.toString()])).toEqual([
        ['resting', '50'],
      ]);

      // Restart on the same store (its lock names a dead process) and the same exchange.
      const store = await openStoreAt(location);
      const client = new KalshiClient({
        baseUrl: server.url,
        apiKeyId: 'crash',
        privateKey,
        maxRetries: 0,
        circuitBreaker: false,
      });
      const engine = await TradingEngine.start(crashTestEngineOptions(client, store));
      expect(engine.reconciled.restingOrders).toBe(1);
      const held = async () =>
        (await engine.positions.open()).map((s) => [s.position.ticker, s.position.quantity.toString()]);
      expect(await held()).toEqual([[T, '30']]);
      const now = Date.now();
      const decided = await engine.cycle([snapshotFromMarket(await client.markets.get(T), now)], now);
      expect(decided.sent).toEqual([]);
      expect(exchange.snapshot().orders).toHaveLength(1);

      // The resting rest fills later: the position grows to the full 80, still one order.
      exchange.setPrices(T, { yesBid: '0.57', yesAsk: '0.59', yesAskSize: 100 });
      await engine.cycle([], Date.now());
      expect(await held()).toEqual([[T, '80']]);
      expect(exchange.snapshot().orders).toHaveLength(1);
      await engine.stop();
      await store.close();
    } finally {
      await server.close();
      await dispose();
    }
  }, 120_000);
});
