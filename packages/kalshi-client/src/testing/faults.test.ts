import { describe, expect, it } from 'vitest';
import { makeExchange, manualClock, send } from './__fixtures__/harness';
import { createFakeExchange } from './index';

describe('fake exchange faults', () => {
  it('answers a status fault once, then recovers', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const fault = exchange.injectFault({ kind: 'status', status: 503 });
    const failed = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(failed.status).toBe(503);
    expect(failed.json).toEqual({
      error: { code: 'internal_server_error', message: 'internal server error' },
    });
    expect(fault.triggered).toBe(1);
    expect(fault.remaining).toBe(0);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
  });

  it('answers an injected 429 with the rate limiter body', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'status', status: 429, times: 2 });
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).json).toEqual({
      error: 'too many requests',
    });
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(429);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
  });

  it('serves an HTML error page', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'html' });
    const res = await send(exchange, clock, 'GET', '/markets', { key: 'none' });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.text).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('serves malformed and truncated JSON with status 200', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'malformed-json', path: '/portfolio/balance' });
    const malformed = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    exchange.injectFault({ kind: 'truncated-json', path: '/portfolio/balance' });
    const whole = (await send(exchange, clock, 'GET', '/exchange/status', { key: 'none' })).text;
    const truncated = await send(exchange, clock, 'GET', '/portfolio/balance');
    const full = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(truncated.text).toBe(full.text.slice(0, Math.floor(full.text.length / 2)));
    expect(whole).toBe('{"exchange_active":true,"trading_active":true}');
  });

  it('hangs a timeout fault until the request is aborted', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'timeout' });
    const controller = new AbortController();
    let settled = false;
    const pending = send(exchange, clock, 'GET', '/portfolio/balance', { signal: controller.signal }).then(
      (r) => {
        settled = true;
        return r;
      },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    controller.abort();
    const res = await pending;
    expect(res.status).toBe(499);
    const already = new AbortController();
    already.abort();
    exchange.injectFault({ kind: 'timeout' });
    expect(
      (await send(exchange, clock, 'GET', '/portfolio/balance', { signal: already.signal })).status,
    ).toBe(499);
  });

  it('skews its clock: signed requests fail with header_timestamp_expired and a skewed Date header', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'clock-skew', skewMs: 120_000 });
    const res = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: { code: 'header_timestamp_expired', message: 'header timestamp expired' },
    });
    expect(res.headers.date).toBe(new Date(clock.now() + 120_000).toUTCString());
    const ok = await send(exchange, clock, 'GET', '/portfolio/balance');
    expect(ok.headers.date).toBe(new Date(clock.now()).toUTCString());
  });

  it('fails the nth request of a paginated list, mid-walk', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({
      clock,
      rateLimit: false,
      markets: Array.from({ length: 6 }, (_, i) => ({ ticker: `KXT-${i}-Y`, eventTicker: `KXT-${i}` })),
    });
    exchange.injectFault({ kind: 'status', status: 500, path: '/markets', nth: 2 });
    const page1 = await send(exchange, clock, 'GET', '/markets?limit=2', { key: 'none' });
    expect(page1.status).toBe(200);
    // Other paths do not count towards nth.
    expect((await send(exchange, clock, 'GET', '/events', { key: 'none' })).status).toBe(200);
    const page2 = await send(exchange, clock, 'GET', `/markets?limit=2&cursor=${page1.json.cursor}`, {
      key: 'none',
    });
    expect(page2.status).toBe(500);
    const retry = await send(exchange, clock, 'GET', `/markets?limit=2&cursor=${page1.json.cursor}`, {
      key: 'none',
    });
    expect(retry.json.markets.map((m: { ticker: string }) => m.ticker)).toEqual(['KXT-2-Y', 'KXT-3-Y']);
  });

  it('matches faults by method and RegExp, repeats them and can be cleared', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const always = exchange.injectFault({
      kind: 'status',
      status: 502,
      path: /^\/portfolio\//,
      method: 'get',
      times: Infinity,
    });
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(502);
    expect((await send(exchange, clock, 'GET', '/portfolio/fills')).status).toBe(502);
    expect((await send(exchange, clock, 'GET', '/markets', { key: 'none' })).status).toBe(200);
    expect((await send(exchange, clock, 'DELETE', '/portfolio/events/orders')).status).toBe(204);
    always.clear();
    always.clear();
    expect(always.remaining).toBe(0);
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
    exchange.injectFault({ kind: 'html', times: 5 });
    exchange.clearFaults();
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).status).toBe(200);
  });

  it('marks a disconnect fault for the transports to drop', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.injectFault({ kind: 'disconnect' });
    const res = await exchange.handle({
      method: 'GET',
      path: '/trade-api/v2/markets',
      query: new URLSearchParams(),
      headers: {},
    });
    expect(res.disconnect).toBe(true);
  });
});
