/**
 * Benchmarks of @precog/kalshi-client (run with `pnpm bench`):
 * 1. getBalance requests per second at concurrency 8 against a local HTTP server, side by side:
 *    our client, bare fetch + signing (the floor), and Kalshi's official `kalshi-typescript`.
 * 2. Paginating 100,000 fills into memory (100 pages of 1000).
 * 3. The rate limiter's achieved rate against a server enforcing the Basic read bucket.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Configuration, PortfolioApi } from 'kalshi-typescript';
import { KalshiClient } from '../src/index';

const CONCURRENCY = 8;
const SLICE_MS = 500;
const SLICES = Number(process.env.BENCH_SLICES ?? 20);
const WARMUP_MS = 1000;

async function startServer(mode: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [new URL('./server.mjs', import.meta.url).pathname, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  const { port } = JSON.parse(line) as { port: number };
  return { base: `http://127.0.0.1:${port}/trade-api/v2`, child };
}

/** Requests completed by CONCURRENCY workers calling `call` for `ms` milliseconds. */
async function countFor(call: () => Promise<unknown>, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let count = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        await call();
        count += 1;
      }
    }),
  );
  return count;
}

function bareFetch(base: string, key: KeyObject): () => Promise<unknown> {
  const path = `${new URL(base).pathname}/portfolio/balance`;
  const url = `${base}/portfolio/balance`;
  return async () => {
    const timestamp = String(Date.now());
    const signature = sign('sha256', Buffer.from(`${timestamp}GET${path}`), {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    }).toString('base64');
    const response = await fetch(url, {
      headers: {
        'KALSHI-ACCESS-KEY': 'bench-key',
        'KALSHI-ACCESS-TIMESTAMP': timestamp,
        'KALSHI-ACCESS-SIGNATURE': signature,
      },
    });
    return response.json();
  };
}

async function benchGetBalance(key: KeyObject, pem: string) {
  const { base, child } = await startServer('balance');
  try {
    const ours = new KalshiClient({
      baseUrl: base,
      apiKeyId: 'bench-key',
      privateKey: key,
      // The Basic tier would cap this at 20 getBalance/s; a huge bucket keeps the limiter's
      // bookkeeping in the measurement without letting it throttle.
      rateLimit: { read: { tokensPerSecond: 1e9 }, write: { tokensPerSecond: 1e9 } },
    });
    const official = new PortfolioApi(
      new Configuration({ basePath: base, apiKey: 'bench-key', privateKeyPem: pem }),
    );
    const contenders: Array<[string, () => Promise<unknown>]> = [
      ['bare fetch + signing (floor)', bareFetch(base, key)],
      ['@precog/kalshi-client', () => ours.portfolio.getBalance()],
      ['kalshi-typescript 3.30.0 (official)', () => official.getBalance()],
    ];
    // The machine is shared with other jobs whose load swings from second to second, so the
    // contenders take turns in short slices (rotating order) and each one's rate is its total
    // requests over its total time: every contender sees the same mix of quiet and busy moments.
    for (const [, call] of contenders) await countFor(call, WARMUP_MS);
    const totals = new Map<string, { count: number; ms: number }>(
      contenders.map(([name]) => [name, { count: 0, ms: 0 }]),
    );
    for (let slice = 0; slice < SLICES; slice += 1) {
      for (let i = 0; i < contenders.length; i += 1) {
        const [name, call] = contenders[(i + slice) % contenders.length] as [string, () => Promise<unknown>];
        const started = performance.now();
        const count = await countFor(call, SLICE_MS);
        const total = totals.get(name) as { count: number; ms: number };
        total.count += count;
        total.ms += performance.now() - started;
      }
    }
    return contenders.map(([name]): [string, number] => {
      const total = totals.get(name) as { count: number; ms: number };
      return [name, total.count / (total.ms / 1000)];
    });
  } finally {
    child.kill();
  }
}

async function benchFills(key: KeyObject) {
  const { base, child } = await startServer('fills');
  try {
    const client = new KalshiClient({
      baseUrl: base,
      apiKeyId: 'bench-key',
      privateKey: key,
      rateLimit: false,
    });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const fills = await client.portfolio.getFills({ limit: 1000 }).toArray();
    const seconds = (performance.now() - started) / 1000;
    const heapAfter = process.memoryUsage().heapUsed;
    return { count: fills.length, seconds, heapMiB: (heapAfter - heapBefore) / 2 ** 20 };
  } finally {
    child.kill();
  }
}

async function benchLimiter(key: KeyObject) {
  const { base, child } = await startServer('bucket');
  try {
    const client = new KalshiClient({ baseUrl: base, apiKeyId: 'bench-key', privateKey: key, maxRetries: 0 });
    const seconds = Number(process.env.BENCH_LIMITER_SECONDS ?? 10);
    const started = performance.now();
    const end = started + seconds * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < end) await client.portfolio.getBalance().catch(() => (errors += 1));
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const stats = (await (await fetch(`${new URL(base).origin}/stats`)).json()) as {
      ok: number;
      tooMany: number;
      spent: number;
    };
    // The server's bucket allows its initial 200 tokens plus 200 per second.
    const budget = 200 + 200 * elapsed;
    return { elapsed, ...stats, errors, fraction: stats.spent / budget };
  } finally {
    child.kill();
  }
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const balance = await benchGetBalance(privateKey, pem);
const floor = balance[0]?.[1] ?? 1;
const official = balance[2]?.[1] ?? 1;
console.log(
  `\ngetBalance, concurrency ${CONCURRENCY}, ${SLICES} interleaved slices of ${SLICE_MS} ms per client (RSA-2048 keys)\n`,
);
console.log('| client | requests/s | vs floor | vs official |');
console.log('|---|---:|---:|---:|');
for (const [name, rps] of balance) {
  console.log(
    `| ${name} | ${rps.toFixed(0)} | ${((rps / floor) * 100).toFixed(1)} % | ${(rps / official).toFixed(2)}× |`,
  );
}

const fills = await benchFills(privateKey);
console.log(
  `\nPaginating fills: ${fills.count} fills (100 pages of 1000) in ${fills.seconds.toFixed(2)} s = ${(fills.count / fills.seconds).toFixed(0)} fills/s; heap growth ≈ ${fills.heapMiB.toFixed(0)} MiB`,
);

const limiter = await benchLimiter(privateKey);
console.log(
  `\nRate limiter vs a 200 tokens/s server bucket, concurrency ${CONCURRENCY}, ${limiter.elapsed.toFixed(1)} s: ${limiter.ok} requests, ${limiter.spent} tokens = ${(limiter.fraction * 100).toFixed(1)} % of budget, ${limiter.tooMany} × 429`,
);
