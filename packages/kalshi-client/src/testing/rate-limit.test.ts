import { describe, expect, it } from 'vitest';
import { makeExchange, manualClock, orderBody, send } from './__fixtures__/harness';

describe('fake exchange token buckets', () => {
  it('answers 429 with Kalshi body and no Retry-After once the read bucket is empty', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: { read: { capacity: 30, refillPerSecond: 10 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await send(exchange, clock, 'GET', '/portfolio/balance')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(limited.json).toEqual({ error: 'too many requests' });
    expect(Object.keys(limited.headers).map((h) => h.toLowerCase())).not.toContain('retry-after');
    clock.advance(1000); // 10 tokens back: one more request
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(429);
  });

  it('keeps read and write buckets apart and charges cancels 2 tokens', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, {
      rateLimit: { read: { capacity: 10, refillPerSecond: 1 }, write: { capacity: 14, refillPerSecond: 1 } },
    });
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(429);
    // The write bucket is untouched: one order (10) and two cancels (2 each) fit in 14 tokens.
    const created = await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: orderBody({ price: '0.5000', time_in_force: 'good_till_canceled', client_order_id: 'r1' }),
    });
    expect(created.status).toBe(201);
    const id = created.json.order_id;
    expect((await send(exchange, clock, 'DELETE', `/portfolio/events/orders/${id}`)).status).toBe(200);
    expect((await send(exchange, clock, 'DELETE', `/portfolio/events/orders/${id}`)).status).toBe(404);
    expect((await send(exchange, clock, 'DELETE', `/portfolio/events/orders/${id}`)).status).toBe(429);
  });

  it('keeps one pair of buckets per key', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: { read: { capacity: 10, refillPerSecond: 1 } } });
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'rsa' })).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'rsa' })).status).toBe(429);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'ed' })).status).toBe(200);
    exchange.resetRateLimits();
    expect((await send(exchange, clock, 'GET', '/portfolio/balance', { key: 'rsa' })).status).toBe(200);
  });

  it('does not limit at all with rateLimit false', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    for (let i = 0; i < 50; i++)
      expect((await send(exchange, clock, 'GET', '/markets', { key: 'none' })).status).toBe(200);
  });

  it('reports its limits and endpoint costs as Kalshi does', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    expect((await send(exchange, clock, 'GET', '/account/limits')).json).toEqual({
      grants: [],
      read: { bucket_capacity: 200, refill_rate: 200 },
      usage_tier: 'basic',
      write: { bucket_capacity: 100, refill_rate: 100 },
    });
    const costs = (await send(exchange, clock, 'GET', '/account/endpoint_costs')).json;
    expect(costs.default_cost).toBe(10);
    expect(costs.endpoint_costs).toContainEqual({
      cost: 2,
      method: 'DELETE',
      path: '/trade-api/v2/portfolio/events/orders/:order_id',
    });
    const custom = makeExchange(clock, {
      rateLimit: {
        usageTier: 'advanced',
        defaultCost: 5,
        costs: [{ method: 'GET', path: '/trade-api/v2/markets', cost: 1 }],
      },
    });
    expect((await send(custom, clock, 'GET', '/account/limits')).json.usage_tier).toBe('advanced');
    expect((await send(custom, clock, 'GET', '/account/endpoint_costs')).json).toEqual({
      default_cost: 5,
      endpoint_costs: [{ method: 'GET', path: '/trade-api/v2/markets', cost: 1 }],
    });
  });
});
