// `pnpm bench`: acquire overhead on loopback (p50/p99, the Redis limiter beside the built-in
// in-process limiter, same run) and utilization of the Basic read budget with 4 processes.
import { performance } from 'node:perf_hooks';
import { RateLimiter, systemClock } from '@precog/kalshi-client';
import { createRedisLimiter } from '../src/index';
import { runWorkers, sharedKeyExchange } from '../test/fixtures/processes';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = 2000;
// A bucket far larger than the rounds spend: every acquire is granted, so only overhead is timed.
const HUGE = {
  read: { tokensPerSecond: 1e9, bucketSize: 1e9 },
  write: { tokensPerSecond: 1e9, bucketSize: 1e9 },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function time(label: string, acquire: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 200; i++) await acquire(); // warm-up (script load, JIT)
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await acquire();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(3)} ms  p99 ${percentile(samples, 99).toFixed(3)} ms  max ${samples.at(-1)?.toFixed(3)} ms`,
  );
}

const local = new RateLimiter(HUGE, systemClock);
await time('local RateLimiter acquire', () => local.acquire({ bucket: 'read', cost: 10 }));
const shared = await createRedisLimiter({ url, keyPrefix: `precog-bench:${Date.now()}`, limits: HUGE });
await time('RedisRateLimiter acquire (loopback)', () => shared.acquire({ bucket: 'read', cost: 10 }));
await shared.close();

const fake = await sharedKeyExchange();
const results = await runWorkers(4, {
  ...fake.env,
  RATE_LIMIT_URL: url,
  PREFIX: `precog-bench-util:${Date.now()}`,
  DURATION_MS: '10000',
  WORKERS: '4',
});
const reads = fake.exchange.requests.filter((r) => r.path.endsWith('/portfolio/balance'));
const ok = reads.filter((r) => r.status === 200).length;
const tooMany = reads.filter((r) => r.status === 429).length;
const seconds = ((reads.at(-1)?.time ?? 0) - (reads[0]?.time ?? 0)) / 1000;
const budget = 200 + 200 * seconds;
console.log(
  `4 processes x 4 loops, Basic read bucket, ${seconds.toFixed(2)} s: ${ok} reads ok, ${tooMany} x 429, utilization ${((100 * ok * 10) / budget).toFixed(1)} % (exit codes ${results.map((r) => r.code).join(',')})`,
);
await fake.server.close();
