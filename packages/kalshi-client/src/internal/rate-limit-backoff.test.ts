import { describe, expect, it } from 'vitest';
import { json, ManualClock, rsaKeys, scriptedFetch } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import type { KalshiClientOptions } from '../client-options';
import { KalshiRateLimitError, KalshiRateLimitTimeoutError } from '../core/errors';

const BALANCE = { balance: 1000, balance_dollars: '10.0000', portfolio_value: 0, updated_ts: 1795564800 };
const LIMITS = {
  usage_tier: 'basic',
  read: { bucket_capacity: 40, refill_rate: 20 },
  write: { bucket_capacity: 10, refill_rate: 10 },
};
const tooMany = () => json({ error: 'too many requests' }, 429);

function setup(replies: Parameters<typeof scriptedFetch>[0], options: Partial<KalshiClientOptions> = {}) {
  const clock = new ManualClock({ auto: true });
  const { fetch, calls } = scriptedFetch(replies, clock);
  const client = new KalshiClient({ fetch, clock, random: () => 0.5, ...options });
  const gaps = () => calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
  return { client, calls, clock, gaps };
}

const signed = { apiKeyId: 'key-1', privateKey: rsaKeys().privateKey };

describe('429: back off as the bucket refills', () => {
  it('waits the refill time of the request cost, doubling per 429 in a row (not three quick retries)', async () => {
    // Unsigned (so no /account/limits read). Basic tier: 200 read tokens/s; a balance read costs 10.
    const { client, calls, gaps } = setup([tooMany(), tooMany(), tooMany(), tooMany(), json(BALANCE)]);
    expect((await client.portfolio.getBalance()).balance.toString()).toBe('10');
    // 10 tokens at 200/s = 50 ms, then 20 = 100 ms, 40 = 200 ms, 80 = 400 ms.
    expect(gaps()).toEqual([50, 100, 200, 400]);
    expect(calls).toHaveLength(5);
  });

  it('retries 429s beyond maxRetries: they are bounded by time, not by count', async () => {
    const { client, calls } = setup([...signedFirst429(), tooMany(), tooMany(), json(BALANCE)], {
      ...signed,
      maxRetries: 0,
    });
    const balance = await client.portfolio.getBalance();
    expect(balance.balance.toString()).toBe('10');
    expect(calls.map((c) => c.url.pathname.replace('/trade-api/v2', ''))).toEqual([
      '/portfolio/balance',
      '/account/limits',
      '/portfolio/balance',
      '/portfolio/balance',
      '/portfolio/balance',
    ]);
  });

  it('adopts /account/limits on the first 429, once, and backs off at the adopted rate', async () => {
    const { client, calls, gaps } = setup([...signedFirst429(), tooMany(), json(BALANCE)], signed);
    await client.portfolio.getBalance();
    expect(calls.filter((c) => c.url.pathname.endsWith('/account/limits'))).toHaveLength(1);
    expect(client.rateLimiter?.serverLimits).toEqual({
      read: { tokensPerSecond: 20, bucketSize: 40 },
      write: { tokensPerSecond: 10, bucketSize: 10 },
    });
    // After the limits call: 10 tokens at the adopted 20/s = 500 ms; after the next 429, 20 = 1000 ms.
    expect(gaps().slice(1)).toEqual([500, 1000]);
  });

  it('gives up after rateLimitMaxWaitMs with a typed error saying how long it tried', async () => {
    const { client, calls } = setup(
      Array.from({ length: 20 }, () => tooMany()),
      { rateLimitMaxWaitMs: 1000 },
    );
    const error = await client.markets.get('KXT-1').catch((e: unknown) => e);
    expect(KalshiRateLimitTimeoutError.isInstance(error)).toBe(true);
    expect(KalshiRateLimitError.isInstance(error)).toBe(true);
    // Attempts at 0, 50, 150, 350 and 750 ms; the next wait (800 ms) would end past 1000 ms.
    expect(calls.map((c) => c.at - (calls[0]?.at ?? 0))).toEqual([0, 50, 150, 350, 750]);
    expect((error as KalshiRateLimitTimeoutError).waitedMs).toBe(750);
    expect((error as KalshiRateLimitTimeoutError).attempts).toBe(5);
    expect((error as Error).message).toBe(
      'GET /trade-api/v2/markets/KXT-1 was still rate limited (HTTP 429) after trying for 0.8 s (5 attempts, backing off as the bucket refills); giving up at the 1.0 s limit (rateLimitMaxWaitMs)',
    );
  });

  it('retries a cancel after a 429: the exchange refused it unprocessed', async () => {
    const { client, calls } = setup(
      [...signedFirst429(), json({ order_id: 'o-1', reduced_by: '1.00', ts_ms: 1795564800000 })],
      signed,
    );
    const result = await client.orders.cancel('o-1');
    expect(result.reduced_by.toFixed(2)).toBe('1.00');
    expect(calls.map((c) => c.method)).toEqual(['DELETE', 'GET', 'DELETE']);
  });

  it('falls back to the jittered exponential back-off when there is no limiter to ask', async () => {
    const { client, gaps } = setup([tooMany(), tooMany(), json(BALANCE)], {
      ...signed,
      rateLimit: false,
    });
    await client.portfolio.getBalance();
    // No limiter: no /account/limits either. random 0.5 × 250 ms, then × 500 ms.
    expect(gaps()).toEqual([125, 250]);
  });
});

/** The first 429 of a signed client, and the `/account/limits` answer it then reads. */
function signedFirst429() {
  return [tooMany(), json(LIMITS)];
}
