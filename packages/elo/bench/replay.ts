// Benchmark: the full 1920–2020 replay of 538's 16,810 NFL games (data: FiveThirtyEight
// (ABC News), CC BY 4.0) with the elo538 preset, plus the evaluation of the records.
// Run with `pnpm bench`; the figures go to docs/benchmarks.md, never into a test.
import { elo538, evaluateForecasts, RatingBook } from '../src/index';
import { load538Games, load538InitialRatings } from '../test/load';

const games = load538Games();
const initialRatings = load538InitialRatings();
const params = { ...elo538, initialRatings };

function measure(label: string, iterations: number, run: () => unknown): void {
  for (let i = 0; i < 20; i += 1) run(); // warm-up: let the JIT settle
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN).toFixed(2);
  console.log(
    `${label.padEnd(44)} median ${at(0.5)} ms  p95 ${at(0.95)} ms  min ${at(0)} ms  (${iterations} runs)`,
  );
}

console.log(`@precog/elo bench — Node ${process.version}, ${games.length} games`);
const first = performance.now();
new RatingBook(params).replay(games);
console.log(
  `${'first replay (cold, before JIT warm-up)'.padEnd(44)} ${(performance.now() - first).toFixed(2)} ms`,
);
measure('replay 1920–2020 (elo538, new RatingBook)', 200, () => new RatingBook(params).replay(games));
const records = new RatingBook(params).replay(games);
measure('evaluate (Brier, log loss, points, calibration)', 200, () => evaluateForecasts(records));
