/**
 * Benchmark: end-to-end lag of the market recorder, from the feed's send to the store's commit,
 * at 2,000 ticker updates/s over 200 markets for 30 s (target p99 ≤ 250 ms), on PostgreSQL when
 * DATABASE_URL is set (a scratch schema, dropped afterwards), else on PGlite (said so).
 * Run with `pnpm --filter @precog/managers bench:record` (`-- --seconds 10` for a shorter run,
 * `--flush-ms 50` for another batch interval).
 *
 * The feed is `startFakeTickerFeed` of `@precog/kalshi-client/testing` on a worker thread: it
 * speaks Kalshi's WebSocket protocol for the `ticker` channel and stamps each message (`ts_ms`)
 * with the time it sent it. (The fake exchange's own WebSocket re-scans its 200 markets on every
 * change, about 1.5 ms each here, so it cannot produce 2,000 changes a second.) The recorder runs
 * as a user runs it: `KalshiStream` → `createMarketRecorder` (ticker only, a batch every 100 ms
 * or 500 changed markets) → `upsertVersions`. Lag = commit time − `ts_ms` of each update (the
 * recorder's own histogram, 1 ms buckets); lost = updates sent − updates the recorder saw; and
 * every market's stored row must equal the last prices sent for it. A 3 s warm-up at the same
 * rate (another recorder on the same stream and store) comes first and is not measured.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { KalshiStream } from '@precog/kalshi-client';
import { openStore, type Store } from '@precog/scd2-store';
import { createMarketRecorder } from '../src/recorder/market-recorder';

const MARKETS = 200;
const RATE = 2_000;
const WARMUP_SECONDS = 3;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('--seconds', 30);
const FLUSH_MS = arg('--flush-ms', 100);
const tickers = Array.from({ length: MARKETS }, (_, i) => `KXBENCH-26DEC01-M${String(i).padStart(3, '0')}`);

async function openBenchStore(): Promise<{ store: Store; where: string; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const store = await openStore();
    await store.migrate();
    return {
      store,
      where: 'PGlite (in memory; set DATABASE_URL for PostgreSQL)',
      dispose: () => store.close(),
    };
  }
  const schema = `bench_rec_${randomBytes(4).toString('hex')}`;
  const admin = await openStore({ databaseUrl: url, poolSize: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openStore({ databaseUrl: scoped.toString(), poolSize: 4 });
  await store.migrate();
  return {
    store,
    where: `PostgreSQL ${store.host}`,
    async dispose() {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

// How late the recorder's thread runs its callbacks: the machine's share of CPU shows here.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

type Done = { sent: number; elapsed: number; last: Record<string, { yesBid: string; yesAsk: string }> };

const { store, where, dispose } = await openBenchStore();
await store.markets.upsertVersions(
  tickers.map((ticker) => ({
    ticker,
    eventTicker: 'KXBENCH-26DEC01',
    status: 'active',
    yesBid: '0',
    yesAsk: '1',
  })),
);

// The worker registers tsx itself (a TypeScript worker), then loads the feed.
const feedUrl = new URL('./stream-lag-feed.ts', import.meta.url).href;
const worker = new Worker(
  `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(feedUrl)}); })`,
  { eval: true, workerData: { tickers, ratePerSecond: RATE } },
);
const message = <T>(type: string) =>
  new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      worker.off('message', on);
      resolve(m as T);
    };
    worker.on('message', on);
  });
const { wsUrl } = await message<{ wsUrl: string }>('ready');
const stream = new KalshiStream({ url: wsUrl });

/** One recorder over `seconds` of the feed at full rate; stopped once it saw every update sent. */
async function phase(seconds: number) {
  const recorder = createMarketRecorder({
    store,
    stream,
    tickers,
    orderbook: false,
    flushIntervalMs: FLUSH_MS,
    maxBatchSize: 500,
  });
  await recorder.start();
  const writes: number[] = [];
  recorder.on('flush', (f) => writes.push(f.writeMs));
  loopDelay.reset();
  const finished = message<Done>('done');
  worker.postMessage({ seconds });
  const done = await finished;
  // Whatever is still in flight on the socket arrives within a moment; then the last batch.
  for (let i = 0; i < 100 && recorder.summary().updates < done.sent; i++)
    await new Promise((r) => setTimeout(r, 50));
  const summary = await recorder.stop();
  writes.sort((a, b) => a - b);
  const at = (q: number) => writes[Math.min(writes.length - 1, Math.ceil(q * writes.length) - 1)] ?? 0;
  const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  return { done, summary, write: { p50: at(0.5), p99: at(0.99), max: writes.at(-1) ?? 0 }, loop };
}

// Warm-up (not measured): the JIT, the pool's connections and PostgreSQL's plans, as in a
// recorder that has been running for a while (the first batches of a cold process take 200–450 ms).
await phase(WARMUP_SECONDS);
const heapBefore = process.memoryUsage().heapUsed;
const load0 = loadavg();
const started = performance.now();
const { done, summary, write, loop } = await phase(SECONDS);
const wall = (performance.now() - started) / 1000;
const heapAfter = process.memoryUsage().heapUsed;
worker.postMessage({});
await stream.close();

const stored = await store.markets.current();
let mismatched = 0;
for (const row of stored) {
  const sent = done.last[row.ticker];
  if (!sent || row.yesBid?.toFixed(4) !== sent.yesBid || row.yesAsk?.toFixed(4) !== sent.yesAsk) mismatched++;
}
await dispose();

const avg = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
const { lag } = summary;
console.log(`market recorder lag, feed send → store commit (${where})`);
console.log(
  `  ${MARKETS} markets, ${RATE} updates/s for ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up, a batch every ${FLUSH_MS} ms: ${done.sent} sent in ${done.elapsed.toFixed(1)} s (${(done.sent / done.elapsed).toFixed(0)}/s achieved)`,
);
console.log(
  `  lag  p50 ${lag.p50Ms} ms   p99 ${lag.p99Ms} ms   max ${lag.maxMs} ms   (target p99 ≤ 250 ms: ${lag.p99Ms <= 250 ? 'met' : 'NOT met'})`,
);
console.log(
  `  where it goes: one batch's write p50 ${write.p50} ms, p99 ${write.p99} ms, max ${write.max} ms; event-loop delay p99 ${loop.p99.toFixed(0)} ms, max ${loop.max.toFixed(0)} ms`,
);
console.log(
  `  updates seen ${summary.updates}, lost ${done.sent - summary.updates}, dropped by queues ${summary.dropped}; coalesced ${summary.coalesced}, identical ${summary.identical}`,
);
console.log(
  `  ${summary.versions} versions in ${summary.batches} batches (${summary.failedBatches} failed); rows not equal to the last prices sent: ${mismatched} of ${stored.length}`,
);
console.log(
  `  heap ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB change; wall ${wall.toFixed(1)} s; load average before ${avg(load0)}, after ${avg(loadavg())}`,
);
process.exit(done.sent === summary.updates && mismatched === 0 ? 0 : 1);
