/**
 * Benchmark: evaluate every exit rule for 10,000 open positions against one tick of prices.
 * Target: under 20 ms per tick. Run with `pnpm --filter @precog/managers bench`.
 *
 * One position per market (Kalshi nets contracts per market), half YES and half NO, each with a
 * trailing stop (a third of them already armed); every market gets a fresh book per
 * tick, and the trailing-stop state each evaluation returns is kept for the next tick, as the
 * monitoring loop would persist it. Times are wall-clock over the whole batch, after a warm-up.
 */

import { performance } from 'node:perf_hooks';
import Decimal from 'decimal.js';
// The trading modules themselves, not the package index (which also loads the store-backed sync services).
import { evaluateExit } from '../src/exits/evaluate';
import { DEFAULT_EXIT_CONFIG, type ExitEvaluationInput } from '../src/exits/rules';
import { initTrailingStop, type TrailingStopConfig, updateTrailingStop } from '../src/exits/trailing-stop';
import { snapshotFromYesBook } from '../src/market';
import { openPosition } from '../src/positions/position';
import type { MarketSnapshot } from '../src/types';

const POSITIONS = 10_000;
// Kalshi nets contracts per market and subaccount: one open position per market.
const MARKETS = 10_000;
const RUNS = 30;

// A small deterministic generator: the same book every run, no Math.random.
let seed = 42;
function next(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const cents = (lo: number, hi: number) => new Decimal(Math.floor(lo + next() * (hi - lo + 1))).div(100);

const trail: TrailingStopConfig = {
  activationThreshold: new Decimal('0.10'),
  distance: { kind: 'price', value: new Decimal('0.05') },
};

const tickers = Array.from({ length: MARKETS }, (_, i) => `KXNFLGAME-BENCH-${i}`);
const mids0 = tickers.map(() => Math.floor(20 + next() * 60));
const inputs: { input: ExitEvaluationInput; ticker: string }[] = [];
for (let i = 0; i < POSITIONS; i += 1) {
  const ticker = tickers[i % MARKETS] as string;
  const side = i % 2 === 0 ? 'yes' : 'no';
  // Where this side trades now, in its own price space (a NO price is 1 − the YES price).
  const yesNow = mids0[i % MARKETS] as number;
  const nowCents = side === 'yes' ? yesNow : 100 - yesNow - 2;
  const armed = i % 3 === 0;
  // A third of the book bought 15 % lower and already trailing; the rest bought near the market.
  const entryCents = armed ? Math.round(nowCents * 0.85) : nowCents + Math.floor(next() * 7) - 3;
  const entry = new Decimal(Math.max(2, entryCents)).div(100);
  const position = openPosition({
    fillId: `bench-${i}`,
    ticker,
    side,
    action: 'buy',
    count: new Decimal(10 + (i % 90)),
    price: entry,
    fee: new Decimal('0.02'),
    createdAt: 0,
  });
  let trailingStop = initTrailingStop(entry, trail);
  if (armed) {
    trailingStop = updateTrailingStop(trailingStop, {
      side,
      bid: new Decimal(nowCents).div(100),
      now: 0,
    }).state;
  }
  inputs.push({ input: { position, trailingStop }, ticker });
}

// Each tick moves every market by up to two cents either way from where the book was opened.
function tick(now: number): Map<string, MarketSnapshot> {
  const books = new Map<string, MarketSnapshot>();
  for (const [m, ticker] of tickers.entries()) {
    const mid = Math.min(93, Math.max(5, (mids0[m] as number) + Math.floor(next() * 5) - 2));
    const yesBid = new Decimal(mid).div(100);
    books.set(
      ticker,
      snapshotFromYesBook({
        ticker,
        yesBid,
        yesAsk: yesBid.plus(cents(1, 3)),
        volume: new Decimal(500),
        closeTime: now + 3_600_000,
      }),
    );
  }
  return books;
}

function evaluateAll(books: Map<string, MarketSnapshot>, now: number): number {
  let exits = 0;
  for (const item of inputs) {
    const decision = evaluateExit(
      item.input,
      books.get(item.ticker) as MarketSnapshot,
      now,
      DEFAULT_EXIT_CONFIG,
    );
    if (decision.action === 'exit') exits += 1;
    // Keep the trailing stop the evaluator returned, as the monitoring loop persists it.
    if (decision.trailingStopChange !== 'none')
      item.input = { position: item.input.position, trailingStop: decision.trailingStop };
  }
  return exits;
}

/** Runs two young-generation collections when Node was started with --expose-gc (the bench script does). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
  if (gc === undefined) return;
  gc({ type: 'minor' });
  gc({ type: 'minor' });
}

for (let i = 0; i < 5; i += 1) evaluateAll(tick(1_000 + i), 1_000 + i); // warm-up

// Each tick's books are built before its clock starts: only the evaluation is timed.
// Wall-clock and CPU time: on a shared machine the CPU time of this process is the steadier figure.
const times: number[] = [];
const cpuTimes: number[] = [];
let exits = 0;
for (let i = 0; i < RUNS; i += 1) {
  const books = tick(2_000 + i);
  // Promote the freshly built books out of the young generation before the clock starts: the
  // young-generation collections the evaluation triggers would otherwise copy them (several ms
  // per collection), which is the cost of building the books, not of evaluating them.
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  exits += evaluateAll(books, 2_000 + i);
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
cpuTimes.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `evaluateExit × ${POSITIONS} positions (${MARKETS} markets), ${RUNS} ticks, Node ${process.version}`,
);
console.log(
  `  median ${fmt(pct(0.5))}  p95 ${fmt(pct(0.95))}  min ${fmt(times[0] as number)}  max ${fmt(times.at(-1) as number)}`,
);
console.log(`  CPU time median ${fmt(cpuTimes[Math.floor(cpuTimes.length / 2)] as number)}`);
console.log(
  `  per position (median): ${((pct(0.5) * 1000) / POSITIONS).toFixed(2)} µs; exits signalled per tick: ${Math.round(exits / RUNS)}`,
);
console.log(`  target < 20 ms per tick: ${pct(0.5) < 20 ? 'met' : 'NOT met'} (median)`);
