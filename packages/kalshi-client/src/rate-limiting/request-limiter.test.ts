import { describe, expect, it } from 'vitest';
import accountEndpointCosts from '../__fixtures__/api/account_endpoint_costs.json';
import accountLimits from '../__fixtures__/api/account_limits.json';
import { json, ManualClock, scriptedFetch } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiAbortError, KalshiRateLimitError } from '../core/errors';
import { isRequestLimiter } from './create-limiter';
import { RateLimiter } from './rate-limiter';
import type { AcquireRequest, BucketKind, BucketLimits, RequestLimiter } from './request-limiter';
import { KALSHI_USAGE_TIERS } from './usage-tiers';

/** A limiter that admits everything at once and writes down every call it receives. */
class RecordingLimiter implements RequestLimiter {
  readonly acquired: Array<{ bucket: BucketKind; cost: number; hasSignal: boolean }> = [];
  readonly rateLimited: BucketKind[] = [];
  readonly adopted: BucketLimits[] = [];
  closed = 0;
  async acquire(request: AcquireRequest): Promise<void> {
    this.acquired.push({
      bucket: request.bucket,
      cost: request.cost,
      hasSignal: request.signal !== undefined,
    });
  }
  onRateLimited(bucket: BucketKind): void {
    this.rateLimited.push(bucket);
  }
  adoptLimits(limits: BucketLimits): void {
    this.adopted.push(limits);
  }
  async close(): Promise<void> {
    this.closed += 1;
  }
}

const BALANCE = { balance: 1000, balance_dollars: '10.0000', portfolio_value: 0, updated_ts: 1795564800 };
const CANCELLED = { order_id: 'o-1', reduced_by: '1.00', ts_ms: 1795543900117 };

function setup(replies: Parameters<typeof scriptedFetch>[0]) {
  const clock = new ManualClock({ auto: true });
  const { fetch, calls } = scriptedFetch(replies, clock);
  const limiter = new RecordingLimiter();
  const client = new KalshiClient({
    fetch,
    clock,
    random: () => 0.5,
    rateLimit: limiter,
    circuitBreaker: false,
  });
  return { client, limiter, calls };
}

describe('a custom RequestLimiter given as rateLimit', () => {
  it('is the client limiter, not the built-in one', () => {
    const { client, limiter } = setup([]);
    expect(client.limiter).toBe(limiter);
    expect(client.rateLimiter).toBeUndefined();
  });

  it('receives acquire with the bucket and the endpoint cost of each request', async () => {
    const { client, limiter } = setup([json(BALANCE), json(CANCELLED)]);
    const controller = new AbortController();
    await client.portfolio.getBalance({}, { signal: controller.signal });
    await client.orders.cancel('o-1');
    expect(limiter.acquired).toEqual([
      { bucket: 'read', cost: 10, hasSignal: true },
      { bucket: 'write', cost: 2, hasSignal: false },
    ]);
  });

  it('is told about a 429 on the bucket of the refused request', async () => {
    const { client, limiter } = setup([json({ error: 'too many requests' }, 429), json(BALANCE)]);
    await client.portfolio.getBalance();
    expect(limiter.rateLimited).toEqual(['read']);
    expect(limiter.acquired).toEqual([
      { bucket: 'read', cost: 10, hasSignal: false },
      { bucket: 'read', cost: 10, hasSignal: false },
    ]);
  });

  it('adopts the synced limits, and later requests are charged from the synced cost table', async () => {
    const { client, limiter } = setup([json(accountLimits), json(accountEndpointCosts), json({ fills: [] })]);
    await client.syncRateLimits();
    expect(limiter.adopted).toEqual([
      {
        read: { tokensPerSecond: 300, bucketSize: 400 },
        write: { tokensPerSecond: 300, bucketSize: 300 },
      },
    ]);
    expect(client.endpointCosts.costOf('GET', '/trade-api/v2/portfolio/fills')).toBe(25);
    await client.portfolio.getFills();
    expect(limiter.acquired.at(-1)).toEqual({ bucket: 'read', cost: 25, hasSignal: false });
  });

  it('is closed by client.close()', async () => {
    const { client, limiter } = setup([]);
    await client.close();
    expect(limiter.closed).toBe(1);
  });

  it('is recognised structurally, whatever its class', () => {
    expect(isRequestLimiter(new RecordingLimiter())).toBe(true);
    expect(isRequestLimiter(new RateLimiter(KALSHI_USAGE_TIERS.basic, new ManualClock()))).toBe(true);
    expect(isRequestLimiter({ acquire: () => undefined })).toBe(false);
    expect(isRequestLimiter(null)).toBe(false);
  });
});

describe('the built-in RateLimiter as a RequestLimiter', () => {
  it('takes the asked cost from the asked bucket', async () => {
    const limiter = new RateLimiter({ ...KALSHI_USAGE_TIERS.basic, headroomTokens: 0 }, new ManualClock());
    await limiter.acquire({ bucket: 'write', cost: 30 });
    expect(limiter.write.available).toBe(70);
    expect(limiter.read.available).toBe(200);
  });

  it('empties the bucket named by onRateLimited', () => {
    const limiter = new RateLimiter({ ...KALSHI_USAGE_TIERS.basic, headroomTokens: 0 }, new ManualClock());
    limiter.onRateLimited('read');
    expect(limiter.read.available).toBe(0);
    expect(limiter.write.available).toBe(100);
  });

  it('adopts limits with its headroom', () => {
    const limiter = new RateLimiter(KALSHI_USAGE_TIERS.basic, new ManualClock());
    limiter.adoptLimits({ read: { tokensPerSecond: 50, bucketSize: 80 }, write: { tokensPerSecond: 20 } });
    expect(limiter.serverLimits).toEqual({
      read: { tokensPerSecond: 50, bucketSize: 80 },
      write: { tokensPerSecond: 20 },
    });
    expect(limiter.read.limit).toEqual({ tokensPerSecond: 50, bucketSize: 72 });
    expect(limiter.write.limit).toEqual({ tokensPerSecond: 20, bucketSize: 18 });
  });

  it('rejects waiting and later acquires once closed', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ ...KALSHI_USAGE_TIERS.basic, headroomTokens: 0 }, clock);
    limiter.onRateLimited('write');
    const waiting = limiter.acquire({ bucket: 'write', cost: 10 });
    await limiter.close();
    await expect(waiting).rejects.toThrow(KalshiAbortError);
    await expect(limiter.acquire({ bucket: 'read', cost: 1 })).rejects.toThrow('the rate limiter was closed');
    expect(limiter.write.pending).toBe(0);
  });

  it('a closed built-in limiter fails requests with its own error', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch, calls } = scriptedFetch([json(BALANCE)], clock);
    const client = new KalshiClient({ fetch, clock, circuitBreaker: false });
    await client.close();
    await expect(client.portfolio.getBalance()).rejects.toThrow('the rate limiter was closed');
    expect(calls).toHaveLength(0);
    expect(KalshiRateLimitError.isInstance(new KalshiAbortError('x'))).toBe(false);
  });
});
