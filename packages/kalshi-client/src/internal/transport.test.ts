import { describe, expect, it } from 'vitest';
import {
  ed25519Keys,
  json,
  ManualClock,
  rsaKeys,
  scriptedFetch,
  verifyKalshiSignature,
} from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import type { KalshiClientOptions } from '../client-options';
import type { CircuitStateChange } from '../core/circuit-breaker';
import {
  KalshiAbortError,
  KalshiBadRequestError,
  KalshiCircuitOpenError,
  KalshiClockSkewError,
  KalshiConnectionError,
  KalshiOrderAlreadyExistsError,
  KalshiResponseValidationError,
  KalshiServerError,
  KalshiTimeoutError,
  KalshiTimestampExpiredError,
} from '../core/errors';
import type { Logger } from '../core/logger';

const BALANCE = { balance: 1000, balance_dollars: '10.0000', portfolio_value: 0, updated_ts: 1795564800 };
const TICKER = 'KXNFLGAME-26NOV29KCDEN-KC';
const ORDER = {
  order_id: 'o-1',
  client_order_id: 'c-1',
  ticker: TICKER,
  status: 'resting',
  yes_price_dollars: '0.5500',
  fill_count_fp: '1.00',
  remaining_count_fp: '4.00',
  taker_fill_cost_dollars: '0.550000',
  maker_fill_cost_dollars: '0.000000',
  taker_fees_dollars: '0.020000',
  created_time: '2026-11-25T03:00:00Z',
};

function setup(replies: Parameters<typeof scriptedFetch>[0], options: Partial<KalshiClientOptions> = {}) {
  const clock = new ManualClock({ auto: true });
  const { fetch, calls } = scriptedFetch(replies, clock);
  const client = new KalshiClient({
    apiKeyId: 'key-1',
    privateKey: rsaKeys().privateKey,
    fetch,
    clock,
    random: () => 0.5,
    ...options,
  });
  return { client, calls, clock };
}

const networkDown = () =>
  new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });

describe('signing on the wire', () => {
  it('signs method and path without the query string, verifiable with node:crypto', async () => {
    const { client, calls, clock } = setup([json({ cursor: '', fills: [] })]);
    await client.portfolio.getFills({ ticker: TICKER, limit: 5 });
    const call = calls[0];
    expect(call?.url.search).toBe(`?ticker=${TICKER}&limit=5`);
    expect(call?.headers.get('KALSHI-ACCESS-KEY')).toBe('key-1');
    expect(call?.headers.get('KALSHI-ACCESS-TIMESTAMP')).toBe(String(clock.now()));
    expect(
      verifyKalshiSignature(
        rsaKeys().publicKey,
        call?.headers as Headers,
        'GET',
        '/trade-api/v2/portfolio/fills',
      ),
    ).toBe(true);
    expect(
      verifyKalshiSignature(
        rsaKeys().publicKey,
        call?.headers as Headers,
        'GET',
        `/trade-api/v2/portfolio/fills?ticker=${TICKER}&limit=5`,
      ),
    ).toBe(false);
  });

  it('signs the percent-encoded path bytes that are sent', async () => {
    const { client, calls } = setup([json({ market: { ticker: 'A B', event_ticker: 'E', status: 'open' } })]);
    await client.markets.get('A B');
    expect(calls[0]?.url.pathname).toBe('/trade-api/v2/markets/A%20B');
    expect(
      verifyKalshiSignature(
        rsaKeys().publicKey,
        calls[0]?.headers as Headers,
        'GET',
        '/trade-api/v2/markets/A%20B',
      ),
    ).toBe(true);
  });

  it('signs with an Ed25519 key', async () => {
    const { client, calls } = setup([json(BALANCE)], { privateKey: ed25519Keys().privateKey });
    await client.portfolio.getBalance();
    expect(
      verifyKalshiSignature(
        ed25519Keys().publicKey,
        calls[0]?.headers as Headers,
        'GET',
        '/trade-api/v2/portfolio/balance',
      ),
    ).toBe(true);
  });

  it('sends public requests unsigned when no credentials are configured', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch, calls } = scriptedFetch([json({ exchange_active: true, trading_active: true })], clock);
    await new KalshiClient({ fetch, clock }).exchange.getStatus();
    expect(calls[0]?.headers.get('KALSHI-ACCESS-SIGNATURE')).toBeNull();
    expect(calls[0]?.url.origin).toBe('https://external-api.demo.kalshi.co');
  });

  it('uses the prod host for environment prod and a baseUrl override when given', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch, calls } = scriptedFetch(
      [
        json({ exchange_active: true, trading_active: true }),
        json({ exchange_active: true, trading_active: true }),
      ],
      clock,
    );
    await new KalshiClient({ fetch, clock, environment: 'prod' }).exchange.getStatus();
    await new KalshiClient({
      fetch,
      clock,
      baseUrl: 'http://127.0.0.1:4010/trade-api/v2/',
    }).exchange.getStatus();
    expect(calls.map((c) => c.url.href)).toEqual([
      'https://external-api.kalshi.com/trade-api/v2/exchange/status',
      'http://127.0.0.1:4010/trade-api/v2/exchange/status',
    ]);
  });
});

describe('retries', () => {
  it('retries a read on 5xx with full-jitter exponential back-off', async () => {
    const { client, calls } = setup([json({}, 503), json({}, 500), json(BALANCE)]);
    const balance = await client.portfolio.getBalance();
    expect(balance.balance.toString()).toBe('10');
    expect(calls.map((c) => c.at - (calls[0]?.at ?? 0))).toEqual([0, 125, 375]);
  });

  it('caps the back-off ceiling at retryMaxDelayMs', async () => {
    const { client, calls } = setup(
      [json({}, 502), json({}, 502), json({}, 502), json({}, 502), json(BALANCE)],
      { maxRetries: 4, retryInitialDelayMs: 1000, retryMaxDelayMs: 2500, random: () => 1 },
    );
    await client.portfolio.getBalance();
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(gaps).toEqual([1000, 2000, 2500, 2500]);
  });

  it('retries a read on network errors and 408, then gives up with the last error', async () => {
    const { client, calls } = setup([networkDown(), json({}, 408), networkDown()], { maxRetries: 2 });
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect((error as Error).message).toBe(
      'GET /trade-api/v2/portfolio/balance failed to connect: connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(calls).toHaveLength(3);
  });

  it('never retries other 4xx', async () => {
    const { client, calls } = setup([json({ code: 'bad_request', message: 'bad request' }, 400)]);
    await expect(client.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiBadRequestError);
    expect(calls).toHaveLength(1);
  });

  it('honours a per-call maxRetries', async () => {
    const { client, calls } = setup([json({}, 503), json({}, 503)]);
    await expect(client.portfolio.getBalance({}, { maxRetries: 1 })).rejects.toBeInstanceOf(
      KalshiServerError,
    );
    expect(calls).toHaveLength(2);
  });

  it('does not retry a cancel after a 5xx (no client_order_id)', async () => {
    const { client, calls } = setup([json({}, 503)]);
    await expect(client.orders.cancel('o-1')).rejects.toBeInstanceOf(KalshiServerError);
    expect(calls).toHaveLength(1);
  });

  it('retries a read whose 200 body is truncated JSON, then reports a validation error', async () => {
    const truncated = () => new Response('{"balance":10', { status: 200 });
    const { client, calls } = setup([truncated(), truncated()], { maxRetries: 1 });
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiResponseValidationError);
    expect((error as KalshiResponseValidationError).code).toBe('invalid_json');
    expect(calls).toHaveLength(2);
  });

  it('reports the path of a field that fails validation', async () => {
    const { client } = setup([
      json({ market: { ticker: 'T', event_ticker: 'E', status: 'open', yes_bid_dollars: 'lots' } }),
    ]);
    const error = (await client.markets.get('T').catch((e: unknown) => e)) as KalshiResponseValidationError;
    expect(error).toBeInstanceOf(KalshiResponseValidationError);
    expect(error.issuePath).toEqual(['market', 'yes_bid_dollars']);
    expect(error.message).toBe(
      'GET /trade-api/v2/markets/T returned an unexpected body at market.yes_bid_dollars: expected a fixed-point decimal, got "lots"',
    );
  });

  it('turns an HTML 502 from a proxy into a KalshiServerError', async () => {
    const html = new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 });
    const { client } = setup([html], { maxRetries: 0 });
    const error = await client.exchange.getStatus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiServerError);
    expect((error as Error).message).toBe(
      'GET /trade-api/v2/exchange/status failed with HTTP 502 (<html><body><h1>502 Bad Gateway</h1></body></html>)',
    );
  });
});

describe('order writes', () => {
  const created = {
    order_id: 'o-1',
    client_order_id: 'c-1',
    fill_count: '0.00',
    remaining_count: '5.00',
    ts_ms: 1795564800000,
  };
  const params = { ticker: TICKER, side: 'bid' as const, count: '5', price: '0.55', client_order_id: 'c-1' };

  it('reuses the client_order_id on every attempt of a create', async () => {
    const { client, calls } = setup([json({}, 503), json({ cursor: '', orders: [] }), json(created, 201)]);
    const result = await client.orders.create({ ticker: TICKER, side: 'bid', count: '5', price: '0.55' });
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    const ids = posts.map((c) => (c.body as { client_order_id: string }).client_order_id);
    expect(ids[0]).toBe(ids[1]);
    expect(result.order_id).toBe('o-1');
  });

  it('after a timeout, finds the order by client_order_id instead of sending it again', async () => {
    const { client, calls, clock } = setup(
      ['hang', json({ cursor: '', orders: [{ ...ORDER, order_id: 'other', client_order_id: 'x' }, ORDER] })],
      {
        timeoutMs: 2000,
      },
    );
    const result = await client.orders.create(params);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'POST /trade-api/v2/portfolio/events/orders',
      'GET /trade-api/v2/portfolio/orders',
    ]);
    expect(calls[1]?.url.searchParams.get('ticker')).toBe(TICKER);
    expect(Number(calls[1]?.url.searchParams.get('min_ts'))).toBe(
      Math.floor((clock.now() - 2125) / 1000) - 600,
    );
    expect(result.order_id).toBe('o-1');
    expect(result.fill_count.toFixed(2)).toBe('1.00');
    expect(result.remaining_count.toFixed(2)).toBe('4.00');
    expect(result.average_fill_price?.toFixed(4)).toBe('0.5500');
    expect(result.average_fee_paid?.toFixed(4)).toBe('0.0200');
  });

  it('returns the earlier order when a resend answers order_already_exists', async () => {
    const { client, calls } = setup([
      json({}, 500),
      json({ cursor: '', orders: [] }),
      json(
        { error: { code: 'order_already_exists', message: 'order already exists', service: 'exchange' } },
        409,
      ),
      json({ cursor: '', orders: [{ ...ORDER, fill_count_fp: '0.00', remaining_count_fp: '5.00' }] }),
    ]);
    const result = await client.orders.create(params);
    expect(calls).toHaveLength(4);
    expect(result.remaining_count.toFixed(2)).toBe('5.00');
    expect(result.average_fill_price).toBeUndefined();
  });

  it('reports order_already_exists on a first attempt as a conflict', async () => {
    const { client } = setup([
      json({ error: { code: 'order_already_exists', message: 'order already exists' } }, 409),
    ]);
    await expect(client.orders.create(params)).rejects.toBeInstanceOf(KalshiOrderAlreadyExistsError);
  });

  it('keeps resending when the lookup itself fails', async () => {
    // maxRetries 1: the lookup gets two attempts of its own before the create is resent.
    const { client, calls } = setup([json({}, 503), networkDown(), networkDown(), json(created, 201)], {
      maxRetries: 1,
    });
    const result = await client.orders.create(params);
    expect(result.order_id).toBe('o-1');
    expect(calls.map((c) => c.method)).toEqual(['POST', 'GET', 'GET', 'POST']);
  });
});

describe('timeouts and aborts', () => {
  it('times out an attempt that never answers', async () => {
    const { client } = setup(['hang'], { maxRetries: 0, timeoutMs: 1500 });
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiTimeoutError);
    expect(error).toBeInstanceOf(KalshiConnectionError);
    expect((error as Error).message).toBe('GET /trade-api/v2/portfolio/balance timed out after 1500 ms');
  });

  it('honours a per-call timeout', async () => {
    const { client, calls } = setup(['hang', json(BALANCE)], { timeoutMs: 60_000 });
    await client.portfolio.getBalance({}, { timeoutMs: 100 });
    // 100 ms timeout, then a 125 ms back-off (random 0.5 × 250).
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBe(100 + 125);
  });

  it('aborts an in-flight request with KalshiAbortError and does not retry', async () => {
    const controller = new AbortController();
    const { client, calls } = setup([
      () => {
        queueMicrotask(() => controller.abort(new Error('shutdown')));
        return 'hang';
      },
    ]);
    const error = await client.portfolio
      .getBalance({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiAbortError);
    expect(calls).toHaveLength(1);
  });

  it('fails at once when the signal is already aborted', async () => {
    const { client, calls } = setup([]);
    await expect(client.portfolio.getBalance({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      KalshiAbortError,
    );
    expect(calls).toHaveLength(0);
  });

  it('aborts during the back-off sleep', async () => {
    const controller = new AbortController();
    const { client } = setup(
      [
        () => {
          setImmediate(() => controller.abort());
          return json({}, 503);
        },
      ],
      { retryInitialDelayMs: 60_000 },
    );
    await expect(client.portfolio.getBalance({}, { signal: controller.signal })).rejects.toBeInstanceOf(
      KalshiAbortError,
    );
  });
});

describe('clock skew', () => {
  const expired = (date: string) =>
    json({ error: { code: 'header_timestamp_expired', message: 'header timestamp expired' } }, 401, { date });

  it('adopts the exchange clock from the Date header and retries once', async () => {
    const clock = new ManualClock({ auto: true });
    const ahead = new Date(clock.now() + 300_000).toUTCString();
    const scripted = scriptedFetch([expired(ahead), json(BALANCE)], clock);
    const skewed = new KalshiClient({
      apiKeyId: 'key-1',
      privateKey: rsaKeys().privateKey,
      fetch: scripted.fetch,
      clock,
      maxRetries: 0,
    });
    await skewed.portfolio.getBalance();
    const first = Number(scripted.calls[0]?.headers.get('KALSHI-ACCESS-TIMESTAMP'));
    const second = Number(scripted.calls[1]?.headers.get('KALSHI-ACCESS-TIMESTAMP'));
    expect(first).toBe(clock.now());
    // Date has whole seconds; the client aims for the middle of the second.
    expect(second - first).toBe(Math.floor((clock.now() + 300_000) / 1000) * 1000 + 500 - clock.now());
    expect(skewed.clockOffsetMs).toBe(second - first);
    expect(
      verifyKalshiSignature(
        rsaKeys().publicKey,
        scripted.calls[1]?.headers as Headers,
        'GET',
        '/trade-api/v2/portfolio/balance',
      ),
    ).toBe(true);
  });

  it('gives up after one skew retry', async () => {
    const clock = new ManualClock({ auto: true });
    const date = new Date(clock.now() - 600_000).toUTCString();
    const scripted = scriptedFetch([expired(date), expired(date)], clock);
    const c = new KalshiClient({
      apiKeyId: 'key-1',
      privateKey: rsaKeys().privateKey,
      fetch: scripted.fetch,
      clock,
    });
    await expect(c.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiTimestampExpiredError);
    expect(scripted.calls).toHaveLength(2);
  });

  it('one skewed Date header does not set the offset: the refused retry leaves it at 0 and says clock skew', async () => {
    const clock = new ManualClock({ auto: true });
    // A bogus Date (an hour ahead) on the refusal; the retry signed on it is refused too.
    const bogus = new Date(clock.now() + 3_600_000).toUTCString();
    const scripted = scriptedFetch([expired(bogus), expired(new Date(clock.now()).toUTCString())], clock);
    const c = new KalshiClient({
      apiKeyId: 'key-1',
      privateKey: rsaKeys().privateKey,
      fetch: scripted.fetch,
      clock,
    });
    const error = await c.portfolio.getBalance().catch((e: unknown) => e);
    expect(KalshiClockSkewError.isInstance(error)).toBe(true);
    expect(KalshiTimestampExpiredError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      "GET /trade-api/v2/portfolio/balance: clock skew: the exchange refused the signed timestamp (header_timestamp_expired); a retry signed on the exchange clock from its Date header (3600.5 s ahead of ours) was refused too, so that Date is not trusted. Check this machine's clock (NTP); the API key is not the problem",
    );
    expect((error as Error).message).not.toContain('API key rejected');
    expect(c.clockOffsetMs).toBe(0);
    // The next request is signed on the local clock again, not on the bogus Date.
    scripted.calls.length = 0;
    const again = scriptedFetch([json(BALANCE)], clock);
    const next = new KalshiClient({
      apiKeyId: 'key-1',
      privateKey: rsaKeys().privateKey,
      fetch: again.fetch,
      clock,
    });
    await next.portfolio.getBalance();
    expect(Number(again.calls[0]?.headers.get('KALSHI-ACCESS-TIMESTAMP'))).toBe(clock.now());
  });

  it('keeps the offset only once the exchange accepted a request signed with it', async () => {
    const clock = new ManualClock({ auto: true });
    const ahead = new Date(clock.now() + 120_000).toUTCString();
    const scripted = scriptedFetch([expired(ahead), json({}, 503), json(BALANCE)], clock);
    const c = new KalshiClient({
      apiKeyId: 'key-1',
      privateKey: rsaKeys().privateKey,
      fetch: scripted.fetch,
      clock,
      random: () => 0,
    });
    await c.portfolio.getBalance();
    // The 503 did not confirm it; the 200 did.
    expect(c.clockOffsetMs).toBe(Math.floor((clock.now() + 120_000) / 1000) * 1000 + 500 - clock.now());
    const stamps = scripted.calls.map(
      (call) => Number(call.headers.get('KALSHI-ACCESS-TIMESTAMP')) - call.at,
    );
    expect(stamps).toEqual([0, c.clockOffsetMs, c.clockOffsetMs]);
  });

  it('says clock skew, not API key, for an expired timestamp without a Date header', async () => {
    const { client } = setup([
      json({ error: { code: 'header_timestamp_expired', message: 'header timestamp expired' } }, 401),
    ]);
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiClockSkewError);
    expect((error as Error).message).toBe(
      "GET /trade-api/v2/portfolio/balance: clock skew: the exchange refused the signed timestamp (header_timestamp_expired); the response had no Date header to correct from. Check this machine's clock (NTP); the API key is not the problem",
    );
  });

  it('does not retry an expired timestamp without a Date header', async () => {
    const { client, calls } = setup([
      json({ error: { code: 'header_timestamp_expired', message: 'header timestamp expired' } }, 401),
    ]);
    await expect(client.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiTimestampExpiredError);
    expect(calls).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens after N consecutive failures, fails fast, then lets one probe through', async () => {
    const { client, calls, clock } = setup([json({}, 503), json({}, 503), json(BALANCE)], {
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 2, cooldownMs: 10_000 },
    });
    const changes: CircuitStateChange[] = [];
    client.circuitBreaker?.on('stateChange', (change) => changes.push(change));
    await expect(client.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiServerError);
    await expect(client.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiServerError);
    expect(client.circuitBreaker?.state).toBe('open');
    const fast = (await client.portfolio.getBalance().catch((e: unknown) => e)) as KalshiCircuitOpenError;
    expect(fast).toBeInstanceOf(KalshiCircuitOpenError);
    expect(fast.retryAt).toBe(clock.now() + 10_000);
    expect(calls).toHaveLength(2);
    await clock.advance(10_000);
    expect(client.circuitBreaker?.state).toBe('half-open');
    await client.portfolio.getBalance();
    expect(client.circuitBreaker?.state).toBe('closed');
    expect(changes.map((c) => `${c.from}->${c.to}`)).toEqual([
      'closed->open',
      'open->half-open',
      'half-open->closed',
    ]);
  });

  it('re-opens when the probe fails and rejects callers while the probe is out', async () => {
    const { client, clock } = setup([json({}, 503), 'hang'], {
      maxRetries: 0,
      timeoutMs: 5_000,
      circuitBreaker: { failureThreshold: 1, cooldownMs: 1_000 },
    });
    await expect(client.portfolio.getBalance()).rejects.toBeInstanceOf(KalshiServerError);
    await clock.advance(1_000);
    const probe = client.portfolio.getBalance().catch((e: unknown) => e);
    await expect(client.exchange.getStatus()).rejects.toBeInstanceOf(KalshiCircuitOpenError);
    expect(await probe).toBeInstanceOf(KalshiTimeoutError);
    expect(client.circuitBreaker?.state).toBe('open');
  });

  it('counts 4xx answers as the exchange being up', async () => {
    const { client } = setup([json({}, 503), json({ code: 'bad_request' }, 400), json({}, 503)], {
      maxRetries: 0,
      circuitBreaker: { failureThreshold: 2 },
    });
    await client.portfolio.getBalance().catch(() => undefined);
    await client.portfolio.getBalance().catch(() => undefined);
    await client.portfolio.getBalance().catch(() => undefined);
    expect(client.circuitBreaker?.state).toBe('closed');
    expect(client.circuitBreaker?.consecutiveFailures).toBe(1);
  });
});

describe('secrets', () => {
  it('never puts the key or a signature into logs or errors', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')),
      info: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')),
      warn: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')),
      error: (o, m) => lines.push(JSON.stringify(o) + (m ?? '')),
    };
    const { client, calls } = setup(
      [
        json({}, 503),
        json({ error: { code: 'authentication_error', details: 'INCORRECT_API_KEY_SIGNATURE' } }, 401),
      ],
      {
        logger,
      },
    );
    const error = (await client.portfolio.getBalance().catch((e: unknown) => e)) as Error;
    const signatures = calls.map((c) => c.headers.get('KALSHI-ACCESS-SIGNATURE') as string);
    const pem = rsaKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const everything = [...lines, error.message, JSON.stringify(error), String(error.stack)].join('\n');
    for (const signature of signatures) expect(everything).not.toContain(signature);
    expect(everything).not.toContain(pem.split('\n')[1]);
    expect(lines.length).toBeGreaterThan(0);
  });
});
