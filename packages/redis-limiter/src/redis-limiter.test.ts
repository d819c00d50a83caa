import { KalshiAbortError, type Logger } from '@precog/kalshi-client';
import { afterAll, describe, expect, it } from 'vitest';
import { inspector, privateRedis, SKIP_REASON, testRedisUrl, uniquePrefix } from '../test/fixtures/redis';
import { createRedisLimiter } from './create-redis-limiter';
import { RedisLimiterConfigError, RedisLimiterError } from './errors';
import type { RedisLimiterOptions } from './options';
import type { RedisRateLimiter } from './redis-limiter';

/** A logger that writes down what it is told. */
function recordingLogger() {
  const lines: Array<{ level: string; msg: string }> = [];
  const at =
    (level: string) =>
    (_obj: Record<string, unknown>, msg?: string): void => {
      lines.push({ level, msg: msg ?? '' });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

/** A slow bucket (1 token/s, 20 tokens, no headroom) so that waiting is visible without timing. */
const SLOW = { read: { tokensPerSecond: 1, bucketSize: 20 }, write: { tokensPerSecond: 1, bucketSize: 20 } };

const open: RedisRateLimiter[] = [];
async function limiter(options: Partial<RedisLimiterOptions> & { keyPrefix: string }) {
  const created = await createRedisLimiter({ url: testRedisUrl(), apiKeyId: 'key-1', ...options });
  open.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(open.map((l) => l.close()));
});

/** Settles pending promise callbacks (a few macrotask turns, enough for a loopback round trip). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('invalid options', () => {
  it('refuses a URL that is not redis:// without echoing it', async () => {
    const error = await createRedisLimiter({ url: 'http://user:hunter2@host:1/0' }).catch((e: unknown) => e);
    expect(RedisLimiterConfigError.isInstance(error)).toBe(true);
    expect(RedisLimiterError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'invalid redis limiter option url: expected a redis://host:port/db or rediss:// URL',
    );
  });

  it('refuses a fallback fraction outside (0, 1] and a non-positive timeout', async () => {
    await expect(createRedisLimiter({ url: 'redis://h:1/0', fallbackFraction: 0 })).rejects.toThrow(
      'invalid redis limiter option fallbackFraction: expected a fraction in (0, 1]',
    );
    await expect(createRedisLimiter({ url: 'redis://h:1/0', commandTimeoutMs: -1 })).rejects.toThrow(
      'invalid redis limiter option commandTimeoutMs: expected a positive number',
    );
  });
});

describe.skipIf(SKIP_REASON !== undefined)('the shared buckets on a real Redis', () => {
  it('serves a full bucket at once, then queues callers first come, first served', async () => {
    const l = await limiter({ keyPrefix: uniquePrefix('fifo'), limits: SLOW, headroomTokens: 0 });
    await l.acquire({ bucket: 'read', cost: 20 });
    const order: string[] = [];
    const big = l.acquire({ bucket: 'read', cost: 2 }).then(() => order.push('first'));
    const small = l.acquire({ bucket: 'read', cost: 1 }).then(() => order.push('second'));
    await Promise.all([big, small]);
    expect(order).toEqual(['first', 'second']);
    expect(l.stats).toEqual({ shared: 3, fallback: 0, outages: 0, recoveries: 0 });
    expect(l.mode).toBe('shared');
  });

  it('shares one bucket between two limiters of one key: what one takes, the other waits for', async () => {
    const keyPrefix = uniquePrefix('share');
    const a = await limiter({ keyPrefix, limits: SLOW, headroomTokens: 0 });
    const b = await limiter({ keyPrefix, limits: SLOW, headroomTokens: 0 });
    await a.acquire({ bucket: 'write', cost: 20 });
    let done = false;
    const waiting = b.acquire({ bucket: 'write', cost: 10 }).then(
      () => {
        done = true;
      },
      (error: unknown) => error,
    );
    await settle();
    expect(done).toBe(false);
    const redis = inspector();
    const tokens = Number(await redis.hget(b.redisKeys.write.state, 'tokens'));
    // B reserved 10 tokens it does not have yet: the bucket is about 10 in debt.
    expect(tokens).toBeLessThan(-9);
    expect(tokens).toBeGreaterThan(-10.01);
    // The read bucket is untouched.
    expect(await redis.exists(b.redisKeys.read.state)).toBe(0);
    redis.disconnect();
    await b.close();
    expect(KalshiAbortError.isInstance(await waiting)).toBe(true);
  });

  it('a 429 seen by one process empties the bucket for every process', async () => {
    const keyPrefix = uniquePrefix('drain');
    const a = await limiter({ keyPrefix, limits: SLOW, headroomTokens: 0 });
    const b = await limiter({ keyPrefix, limits: SLOW, headroomTokens: 0 });
    await b.acquire({ bucket: 'read', cost: 1 });
    a.onRateLimited('read');
    await settle();
    let done = false;
    void b.acquire({ bucket: 'read', cost: 5 }).then(
      () => {
        done = true;
      },
      () => undefined,
    );
    await settle();
    expect(done).toBe(false);
    await b.close();
  });

  it('stores adopted limits in Redis, where another process reads them', async () => {
    const keyPrefix = uniquePrefix('adopt');
    const a = await limiter({ keyPrefix });
    const b = await limiter({ keyPrefix });
    await a.adoptLimits({ read: { tokensPerSecond: 300, bucketSize: 400 }, write: { tokensPerSecond: 30 } });
    expect(b.limits).toEqual({
      read: { tokensPerSecond: 200, bucketSize: 200 },
      write: { tokensPerSecond: 100, bucketSize: 100 },
    });
    await b.acquire({ bucket: 'read', cost: 10 });
    await b.acquire({ bucket: 'write', cost: 2 });
    expect(b.limits).toEqual({
      read: { tokensPerSecond: 300, bucketSize: 400 },
      write: { tokensPerSecond: 30, bucketSize: 30 },
    });
    const redis = inspector();
    expect(await redis.hgetall(a.redisKeys.read.limits)).toEqual({ rate: '300', cap: '400' });
    redis.disconnect();
  });

  it('writes no key id into Redis key names', async () => {
    const keyPrefix = uniquePrefix('names');
    const l = await limiter({ keyPrefix, apiKeyId: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c' });
    await l.acquire({ bucket: 'read', cost: 10 });
    await l.adoptLimits({ read: { tokensPerSecond: 200 }, write: { tokensPerSecond: 100 } });
    const redis = inspector();
    const keys = (await redis.keys(`${keyPrefix}:*`)).sort();
    redis.disconnect();
    expect(keys).toEqual([l.redisKeys.read.state, l.redisKeys.read.limits, l.redisKeys.write.limits].sort());
    expect(keys.join(' ')).not.toContain('a952bcbe');
    expect(l.redisKeys.read.state).toMatch(/^precog-test:names:[a-z0-9]+:\{[0-9a-f]{16}\}:read$/);
  });

  it('an aborted wait rejects with the signal reason and gives its tokens back', async () => {
    const l = await limiter({ keyPrefix: uniquePrefix('abort'), limits: SLOW, headroomTokens: 0 });
    await l.acquire({ bucket: 'read', cost: 20 });
    const controller = new AbortController();
    const waiting = l.acquire({ bucket: 'read', cost: 15, signal: controller.signal });
    await settle();
    controller.abort(new KalshiAbortError('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    await settle();
    const redis = inspector();
    const tokens = Number(await redis.hget(l.redisKeys.read.state, 'tokens'));
    redis.disconnect();
    // Back to what refilled since the bucket was emptied (under a second at 1 token/s).
    expect(tokens).toBeGreaterThanOrEqual(0);
    expect(tokens).toBeLessThan(2);
  });

  it('rejects waiting and later acquires once closed', async () => {
    const l = await limiter({ keyPrefix: uniquePrefix('close'), limits: SLOW, headroomTokens: 0 });
    await l.acquire({ bucket: 'write', cost: 20 });
    const waiting = l.acquire({ bucket: 'write', cost: 10 }).catch((error: unknown) => error);
    await settle();
    await l.close();
    expect((await waiting) as Error).toEqual(new KalshiAbortError('the rate limiter was closed'));
    await expect(l.acquire({ bucket: 'read', cost: 1 })).rejects.toThrow(KalshiAbortError);
    expect(l.mode).toBe('closed');
  });
});

describe.skipIf(SKIP_REASON !== undefined)('faults', () => {
  it('starts on the local fallback when Redis is unreachable, warns once, and switches back when it answers', async () => {
    const side = await privateRedis();
    await side.kill();
    const { logger, lines } = recordingLogger();
    const l = await createRedisLimiter({
      url: side.url,
      apiKeyId: 'k',
      connectTimeoutMs: 500,
      probeIntervalMs: 100,
      logger,
    });
    open.push(l);
    expect(l.mode).toBe('fallback');
    // The fallback starts empty: 50 % of 200/s refills 10 tokens in 0.1 s.
    await l.acquire({ bucket: 'read', cost: 10 });
    await l.acquire({ bucket: 'read', cost: 10 });
    await side.start();
    for (let i = 0; i < 100 && l.mode !== 'shared'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(l.mode).toBe('shared');
    await l.acquire({ bucket: 'read', cost: 10 });
    expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
    expect(lines[0]?.msg).toContain('50 % of the key');
    expect(l.stats).toEqual({ shared: 1, fallback: 2, outages: 1, recoveries: 1 });
    await l.close();
    await side.kill();
  });

  it('bounds a slow Redis by the command timeout: the request is served locally', async () => {
    const side = await privateRedis();
    const { logger, lines } = recordingLogger();
    const l = await createRedisLimiter({
      url: side.url,
      commandTimeoutMs: 100,
      probeIntervalMs: 100,
      logger,
    });
    open.push(l);
    await l.acquire({ bucket: 'read', cost: 10 });
    const admin = inspector(side.url);
    await admin.call('CLIENT', 'PAUSE', '1000', 'ALL');
    await l.acquire({ bucket: 'read', cost: 10 });
    expect(l.mode).toBe('fallback');
    for (let i = 0; i < 100 && l.mode !== 'shared'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(l.mode).toBe('shared');
    expect(lines.map((line) => line.level)).toEqual(['warn', 'info']);
    expect(l.stats).toMatchObject({ shared: 1, fallback: 1, outages: 1, recoveries: 1 });
    admin.disconnect();
    await l.close();
    await side.kill();
  });
});
