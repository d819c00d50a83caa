/**
 * Benchmark: the engine's decision latency per market update, with 1,000 markets and 100 open
 * positions. Run with `pnpm --filter @precog/managers bench`.
 *
 * A TradingEngine is started for real (PGlite store, fake exchange over loopback, lock,
 * reconcile); 100 of the 1,000 markets hold a position (seeded as fills on the store). Each
 * update is one market's new book through `engine.onMarkets([snapshot])`: the strategy's view
 * (held positions, resting orders, probability, gates, breakers), `EdgeKellyStrategy.onMarket`
 * (edges, minimum edge, Kelly, entry gates) and the engine's own gates. Every book is priced so
 * no order is sent (held markets are at their full size, the others are above the minimum edge
 * only when already held): the figure is the decision, not the exchange round trip. Side by
 * side, in the same run: `planEntry` alone (the pure edge/Kelly core) on the same books.
 */
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { KalshiClient } from '@precog/kalshi-client';
import { createFakeExchange } from '@precog/kalshi-client/testing';
import { openStore } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { EdgeKellyStrategy } from '../src/engine/edge-kelly-strategy';
import { TradingEngine } from '../src/engine/trading-engine';
import { planEntry } from '../src/entry/plan-entry';
import { PositionManager } from '../src/position-manager/position-manager';
import { edgeKellyStrategySchema } from '../src/strategies/strategy-config';
import type { MarketSnapshot } from '../src/types';

const MARKETS = 1_000;
const HELD = 100;
const ROUNDS = 20;
const d = (v: Decimal.Value) => new Decimal(v);

const tickers = Array.from({ length: MARKETS }, (_, i) => `KXNFLGAME-BENCH${String(i).padStart(4, '0')}-KC`);
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const exchange = createFakeExchange({
  keys: [{ id: 'bench', publicKey }],
  rateLimit: false,
  markets: tickers.map((ticker, i) => ({
    ticker,
    eventTicker: `KXNFLGAME-BENCH${String(i).padStart(4, '0')}`,
    yesBid: '0.49',
    yesAsk: '0.50',
    volume: 5000,
  })),
});
const server = await exchange.listen();
const client = new KalshiClient({
  baseUrl: server.url,
  apiKeyId: 'bench',
  privateKey,
  maxRetries: 0,
  circuitBreaker: false,
});
const store = await openStore();
await store.migrate();

// 100 positions of 116 YES (the strategy's full size at these prices), seeded on the store.
const positions = new PositionManager(store);
for (let i = 0; i < HELD; i += 1) {
  await positions.applyFills([
    {
      fillId: `bench-fill-${i}`,
      ticker: tickers[i] as string,
      side: 'yes',
      action: 'buy',
      count: d(116),
      price: d('0.50'),
      fee: d('0.02'),
      createdAt: Date.now(),
    },
  ]);
}

const config = edgeKellyStrategySchema.parse({ type: 'edge_kelly', minEdge: { global: '0.05' } });
const strategy = new EdgeKellyStrategy({ name: 'bench_edge', version: '1.0', config });
// Held markets: the model sees an edge (size already full). Others: no edge.
const probability = (ticker: string) => (Number(ticker.slice(15, 19)) < HELD ? d('0.62') : d('0.50'));
const engine = await TradingEngine.start({
  client,
  store,
  strategy,
  probability,
  bankroll: d(1000),
  orderGroupLimit: null,
});

function book(ticker: string, round: number, now: number): MarketSnapshot {
  const bid = d(49 - (round % 3)).div(100);
  return {
    ticker,
    yesBid: bid,
    yesAsk: bid.plus('0.01'),
    noBid: d(1).minus(bid.plus('0.01')),
    noAsk: d(1).minus(bid),
    volume: d(5000),
    closeTime: now + 86_400_000,
    observedAt: now,
    status: 'active',
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

async function measure(
  label: string,
  step: (snapshot: MarketSnapshot, now: number) => unknown,
): Promise<void> {
  const samples: number[] = [];
  let sent = 0;
  for (let round = -2; round < ROUNDS; round += 1) {
    const now = Date.now();
    for (const ticker of tickers) {
      const snapshot = book(ticker, round, now);
      const t0 = performance.now();
      const result = await step(snapshot, now);
      const t1 = performance.now();
      if (round >= 0) samples.push((t1 - t0) * 1000);
      if (result !== null && typeof result === 'object' && 'sent' in result)
        sent += (result as { sent: unknown[] }).sent.length;
    }
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} p50 ${percentile(samples, 0.5).toFixed(1).padStart(7)} µs   p99 ${percentile(samples, 0.99).toFixed(1).padStart(7)} µs   (${samples.length} updates, orders sent ${sent})`,
  );
}

console.log(
  `engine decisions: ${MARKETS} markets, ${HELD} open positions, ${ROUNDS} rounds (after 2 warm-up rounds)`,
);
await measure('engine.onMarkets (one update)', (s, now) => engine.onMarkets([s], now));
await measure('baseline: planEntry alone', (s) =>
  planEntry({
    yesProbability: probability(s.ticker),
    snapshot: s,
    minEdge: config.minEdge,
    bankroll: 1000,
    sizing: config.sizing,
  }),
);
await engine.stop();
await store.close();
await server.close();
