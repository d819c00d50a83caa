import { describe, expect, it } from 'vitest';
import { json, ManualClock, rsaKeys } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import type { Clock } from '../core/clock';
import { RateLimiter } from './rate-limiter';
import { KALSHI_USAGE_TIERS } from './usage-tiers';

describe('RateLimiter', () => {
  it('charges the recorded endpoint costs', () => {
    const limiter = new RateLimiter(KALSHI_USAGE_TIERS.basic, new ManualClock());
    expect(limiter.costOf('DELETE', '/trade-api/v2/portfolio/events/orders/abc-123')).toBe(2);
    expect(limiter.costOf('DELETE', '/trade-api/v2/portfolio/events/orders/batched')).toBe(2);
    expect(limiter.costOf('POST', '/trade-api/v2/portfolio/events/orders')).toBe(10);
    expect(limiter.costOf('GET', '/trade-api/v2/portfolio/orders/abc-123')).toBe(2);
    expect(limiter.costOf('GET', '/trade-api/v2/portfolio/orders')).toBe(10);
    expect(limiter.costOf('GET', '/trade-api/v2/cfbenchmarks/a/b?x=1')).toBe(150);
    expect(limiter.costOf('GET', '/portfolio/balance')).toBe(10);
    expect(limiter.bucketFor('GET')).toBe('read');
    expect(limiter.bucketFor('delete')).toBe('write');
  });

  it('keeps a headroom of one request below the server bucket', () => {
    const limiter = new RateLimiter(KALSHI_USAGE_TIERS.basic, new ManualClock());
    expect(limiter.read.limit).toEqual({ tokensPerSecond: 200, bucketSize: 190 });
    expect(limiter.write.limit).toEqual({ tokensPerSecond: 100, bucketSize: 90 });
    limiter.configure({ headroomTokens: 0, defaultCost: 5 });
    expect(limiter.read.limit).toEqual({ tokensPerSecond: 200, bucketSize: 200 });
    expect(limiter.costOf('GET', '/trade-api/v2/markets')).toBe(5);
  });

  it('charges batches per order', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ ...KALSHI_USAGE_TIERS.basic, headroomTokens: 0 }, clock);
    await limiter.acquire('POST', '/trade-api/v2/portfolio/events/orders/batched', { weight: 5 });
    expect(limiter.write.available).toBe(50);
    limiter.drain('write');
    expect(limiter.write.available).toBe(0);
  });
});

/**
 * A server that enforces Kalshi's bucket exactly, behind a network whose latency varies from
 * request to request (so requests reach it out of step with when they were sent).
 */
function simulatedExchange(clock: Clock, limit: { rate: number; size: number }, latency: () => number) {
  let tokens = limit.size;
  let last = clock.now();
  const stats = { ok: 0, tooMany: 0, spent: 0 };
  const fetchImpl = (_input: unknown, init?: RequestInit): Promise<Response> =>
    new Promise((resolve) => {
      clock.setTimeout(() => {
        const now = clock.now();
        tokens = Math.min(limit.size, tokens + ((now - last) * limit.rate) / 1000);
        last = now;
        const cost = init?.method === 'DELETE' ? 2 : 10;
        if (tokens < cost) {
          stats.tooMany += 1;
          resolve(json({ error: 'too many requests' }, 429));
          return;
        }
        tokens -= cost;
        stats.ok += 1;
        stats.spent += cost;
        resolve(json({ balance: 1, balance_dollars: '0.01', portfolio_value: 0, updated_ts: 1 }));
      }, latency());
    });
  return { fetch: fetchImpl as typeof globalThis.fetch, stats };
}

describe('rate limiting against a server enforcing the same bucket', () => {
  it('uses at least 95 % of the read budget with zero 429s', async () => {
    const clock = new ManualClock({ auto: true });
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const server = simulatedExchange(clock, { rate: 200, size: 200 }, () => 5 + Math.floor(random() * 40));
    const client = new KalshiClient({
      apiKeyId: 'k',
      privateKey: rsaKeys().privateKey,
      fetch: server.fetch,
      clock,
      maxRetries: 0,
    });
    const start = clock.now();
    const seconds = 10;
    // Eight workers calling as fast as the limiter lets them, for ten virtual seconds.
    const worker = async () => {
      while (clock.now() - start < seconds * 1000) await client.portfolio.getBalance();
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const elapsed = (clock.now() - start) / 1000;
    const budget = 200 * elapsed + 200;
    expect(server.stats.tooMany).toBe(0);
    expect(server.stats.spent / budget).toBeGreaterThanOrEqual(0.95);
  });
});
