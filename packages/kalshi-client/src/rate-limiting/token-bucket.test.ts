import { describe, expect, it } from 'vitest';
import { ManualClock } from '../__fixtures__/helpers';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('starts full and serves requests without waiting while tokens last', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ tokensPerSecond: 100 }, clock);
    await bucket.acquire(60);
    await bucket.acquire(40);
    expect(bucket.available).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('refills at the rate and wakes waiters in arrival order', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ tokensPerSecond: 100, bucketSize: 20 }, clock);
    await bucket.acquire(20);
    const start = clock.now();
    const order: string[] = [];
    const big = bucket.acquire(20).then(() => order.push(`big+${clock.now() - start}`));
    const small = bucket.acquire(2).then(() => order.push(`small+${clock.now() - start}`));
    expect(bucket.pending).toBe(2);
    await clock.advance(300);
    await Promise.all([big, small]);
    // The small request never overtakes the big one at the head of the queue.
    expect(order).toEqual(['big+200', 'small+220']);
  });

  it('makes a request costlier than the bucket wait for a full bucket', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ tokensPerSecond: 10, bucketSize: 10 }, clock);
    await bucket.acquire(10);
    let done = false;
    const p = bucket.acquire(50).then(() => {
      done = true;
    });
    await clock.advance(999);
    expect(done).toBe(false);
    await clock.advance(1);
    await p;
    expect(done).toBe(true);
  });

  it('drains to zero and reconfigures', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ tokensPerSecond: 200, bucketSize: 200 }, clock);
    bucket.drain();
    expect(bucket.available).toBe(0);
    await clock.advance(250);
    expect(bucket.available).toBe(50);
    bucket.configure({ tokensPerSecond: 10, bucketSize: 20 });
    expect(bucket.available).toBe(20);
    expect(bucket.limit).toEqual({ tokensPerSecond: 10, bucketSize: 20 });
  });

  it('removes an aborted waiter from the queue', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ tokensPerSecond: 10 }, clock);
    await bucket.acquire(10);
    const controller = new AbortController();
    const aborted = bucket.acquire(5, controller.signal);
    const next = bucket.acquire(1);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(bucket.pending).toBe(1);
    await clock.advance(100);
    await next;
    expect(bucket.pending).toBe(0);
    await expect(bucket.acquire(1, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});
