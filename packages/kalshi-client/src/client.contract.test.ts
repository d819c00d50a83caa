import Decimal from 'decimal.js';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, rsaKeys, verifyKalshiSignature } from './__fixtures__/helpers';
import { KalshiClient } from './client';
import {
  KalshiInsufficientBalanceError,
  KalshiInvalidParamsError,
  KalshiMarketNotFoundError,
} from './core/errors';

const BASE = 'https://external-api.demo.kalshi.co/trade-api/v2';
const TICKER = 'KXNFLGAME-26NOV29KCDEN-KC';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(): KalshiClient {
  return new KalshiClient({ apiKeyId: 'key-123', privateKey: rsaKeys().privateKey, maxRetries: 0 });
}

interface Seen {
  query: URLSearchParams;
  body: unknown;
  signed: boolean;
}

/** Answers one route with a fixture and records what the client sent. */
function route(method: 'get' | 'post' | 'delete', path: string, body: unknown, status = 200): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        query: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
        signed:
          request.headers.get('KALSHI-ACCESS-KEY') === 'key-123' &&
          verifyKalshiSignature(rsaKeys().publicKey, request.headers, request.method, url.pathname),
      });
      // Every contract test doubles as a signature test: a bad signature gets Kalshi's 401.
      if (!seen.at(-1)?.signed) {
        return HttpResponse.json(
          {
            error: {
              code: 'authentication_error',
              message: 'authentication_error',
              details: 'INCORRECT_API_KEY_SIGNATURE',
            },
          },
          { status: 401 },
        );
      }
      return status === 204
        ? new HttpResponse(null, { status })
        : HttpResponse.json(body as object, { status });
    }),
  );
  return seen;
}

describe('exchange', () => {
  it('reads the status', async () => {
    const seen = route('get', '/exchange/status', fixture('exchange_status'));
    const status = await client().exchange.getStatus();
    expect(status).toEqual({
      exchange_active: true,
      trading_active: false,
      exchange_estimated_resume_time: new Date('2026-11-26T10:00:00Z'),
      intra_exchange_transfers_active: undefined,
    });
    expect(seen[0]?.signed).toBe(true);
  });

  it('reads the schedule with split sessions and maintenance windows', async () => {
    route('get', '/exchange/schedule', fixture('exchange_schedule'));
    const schedule = await client().exchange.getSchedule();
    expect(schedule.maintenance_windows).toEqual([
      { start_datetime: new Date('2026-11-26T08:00:00Z'), end_datetime: new Date('2026-11-26T10:00:00Z') },
    ]);
    expect(schedule.standard_hours[0]?.thursday).toEqual([
      { open_time: '00:00', close_time: '03:00' },
      { open_time: '05:00', close_time: '23:59' },
    ]);
    expect(schedule.standard_hours[0]?.start_time?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('markets', () => {
  it('lists one page with filters in the query string', async () => {
    const seen = route('get', '/markets', fixture('markets_page1'));
    const page = await client().markets.list({
      status: 'open',
      series_ticker: 'KXNFLGAME',
      limit: 2,
      tickers: ['A', 'B'],
      min_close_ts: new Date('2026-11-25T00:00:00Z'),
    });
    expect(seen[0]?.query.toString()).toBe(
      'status=open&series_ticker=KXNFLGAME&limit=2&tickers=A%2CB&min_close_ts=1795564800',
    );
    expect(page.items.map((m) => m.ticker)).toEqual([TICKER, 'KXNFLGAME-26NOV29KCDEN-DEN']);
    expect(page.cursor).toBe('CgsIqPeAzwYQ0OGbFBIUS1hORkxHQU1FLTI2Tk9WMjlLQ0RFTg');
    expect(page.hasNextPage()).toBe(true);
    const kc = page.items[0];
    expect(kc?.yes_bid_dollars?.toString()).toBe('0.6');
    expect(kc?.yes_bid_size_fp?.toFixed(2)).toBe('75.50');
    expect(kc?.volume_fp?.toFixed(2)).toBe('4822.50');
    expect(kc?.close_time?.toISOString()).toBe('2026-12-13T01:00:00.000Z');
    expect(kc?.price_ranges.map((r) => [r.start.toFixed(4), r.end.toFixed(4), r.step.toFixed(4)])).toEqual([
      ['0.0000', '1.0000', '0.0100'],
    ]);
    expect(kc && 'some_future_field' in kc).toBe(false);
  });

  it('walks every market of every page with for await, reporting progress', async () => {
    const seen: string[] = [];
    server.use(
      http.get(`${BASE}/markets`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        seen.push(cursor ?? '(first)');
        return HttpResponse.json(fixture(cursor === null ? 'markets_page1' : 'markets_page2') as object);
      }),
    );
    const progress: number[] = [];
    const tickers: string[] = [];
    for await (const market of client().markets.list(
      { limit: 2 },
      { onPage: (p) => progress.push(p.totalItems) },
    )) {
      tickers.push(market.ticker);
    }
    expect(tickers).toEqual([TICKER, 'KXNFLGAME-26NOV29KCDEN-DEN', 'KXHIGHNY-26NOV25-B52.5']);
    expect(seen).toEqual(['(first)', 'CgsIqPeAzwYQ0OGbFBIUS1hORkxHQU1FLTI2Tk9WMjlLQ0RFTg']);
    expect(progress).toEqual([2, 3]);
  });

  it('reads sub-penny price grids and numeric strikes', async () => {
    route('get', '/markets', fixture('markets_page2'));
    const [market] = (await client().markets.list()).items;
    expect(market?.price_ranges.map((r) => r.step.toString())).toEqual(['0.001', '0.01', '0.001']);
    expect(market?.floor_strike?.toString()).toBe('52.5');
    expect(market?.cap_strike?.toString()).toBe('53.5');
    expect(market?.occurrence_datetime).toBeUndefined();
  });

  it('refuses a limit above the endpoint maximum before sending', async () => {
    // No route is registered: a request would fail the test (onUnhandledRequest: 'error').
    await expect(client().markets.list({ limit: 1001 })).rejects.toThrow(KalshiInvalidParamsError);
    await expect(client().events.list({ limit: 201 })).rejects.toThrow(
      'limit for /events must be an integer from 1 to 200, got 201',
    );
    await expect(client().portfolio.getFills({ limit: 0 }).toArray()).rejects.toThrow(
      KalshiInvalidParamsError,
    );
    await expect(client().portfolio.getSettlements({ limit: 2.5 })).rejects.toThrow(KalshiInvalidParamsError);
  });

  it('gets one market, settled', async () => {
    route('get', `/markets/${TICKER}`, fixture('market_single'));
    const market = await client().markets.get(TICKER);
    expect(market.status).toBe('finalized');
    expect(market.result).toBe('yes');
    expect(market.settlement_value_dollars?.toFixed(4)).toBe('1.0000');
    expect(market.settlement_ts?.toISOString()).toBe('2026-11-30T05:12:44.000Z');
  });

  it('maps a 404 on a market to KalshiMarketNotFoundError', async () => {
    route('get', '/markets/NOPE', { error: { code: 'not_found', message: 'not found' } }, 404);
    await expect(client().markets.get('NOPE')).rejects.toBeInstanceOf(KalshiMarketNotFoundError);
  });

  it('reads the order book as price/count levels', async () => {
    const seen = route('get', `/markets/${TICKER}/orderbook`, fixture('orderbook'));
    const book = await client().markets.getOrderbook(TICKER, { depth: 5 });
    expect(seen[0]?.query.get('depth')).toBe('5');
    expect(book.yes_dollars.map((l) => [l.price.toFixed(4), l.count.toFixed(2)])).toEqual([
      ['0.5800', '100.00'],
      ['0.6000', '75.50'],
    ]);
    expect(book.no_dollars.map((l) => [l.price.toFixed(4), l.count.toFixed(2)])).toEqual([
      ['0.3500', '40.00'],
      ['0.3800', '12.50'],
    ]);
  });

  it('reads an empty order book whose side is null', async () => {
    route('get', `/markets/${TICKER}/orderbook`, fixture('orderbook_empty'));
    const book = await client().markets.getOrderbook(TICKER);
    expect(book).toEqual({ yes_dollars: [], no_dollars: [] });
  });

  it('lists public trades', async () => {
    const seen = route('get', '/markets/trades', fixture('trades'));
    const page = await client().markets.listTrades({ ticker: TICKER, limit: 2 });
    expect(seen[0]?.query.toString()).toBe(`ticker=${TICKER}&limit=2`);
    expect(
      page.items.map((t) => [
        t.trade_id,
        t.count_fp.toFixed(2),
        t.yes_price_dollars.toFixed(4),
        t.taker_book_side,
      ]),
    ).toEqual([
      ['b1f0c7de-3c55-4e2b-8d61-0f7b1c9e5a10', '12.00', '0.6100', 'bid'],
      ['7a3e9c21-51d8-4a8f-b2c4-6e0d9f13ab77', '0.50', '0.6000', 'ask'],
    ]);
    expect(page.items[1]?.created_time.toISOString()).toBe('2026-11-24T18:01:57.500Z');
  });

  it('reads candlesticks, tolerating null prices in an empty period', async () => {
    const seen = route('get', `/series/KXNFLGAME/markets/${TICKER}/candlesticks`, fixture('candlesticks'));
    const candles = await client().markets.getCandlesticks('KXNFLGAME', TICKER, {
      start_ts: 1795539600,
      end_ts: new Date(1795546800 * 1000),
      period_interval: 60,
    });
    expect(seen[0]?.query.toString()).toBe('start_ts=1795539600&end_ts=1795546800&period_interval=60');
    expect(candles).toHaveLength(2);
    expect(candles[0]?.end_period_ts.toISOString()).toBe('2026-11-24T18:00:00.000Z');
    expect(candles[0]?.price?.mean_dollars?.toString()).toBe('0.6012');
    expect(candles[1]?.price?.close_dollars).toBeUndefined();
    expect(candles[1]?.price?.previous_dollars?.toString()).toBe('0.6');
    expect(candles[1]?.yes_bid?.close_dollars?.toString()).toBe('0.6');
  });
});

describe('events and series', () => {
  it('lists events', async () => {
    const seen = route('get', '/events', fixture('events_page'));
    const page = await client().events.list({
      series_ticker: 'KXNFLGAME',
      with_nested_markets: false,
      limit: 200,
    });
    expect(seen[0]?.query.toString()).toBe('series_ticker=KXNFLGAME&with_nested_markets=false&limit=200');
    expect(page.items.map((e) => e.event_ticker)).toEqual([
      'KXNFLGAME-26NOV29KCDEN',
      'KXNFLGAME-26NOV29BUFPIT',
    ]);
    expect(page.items[1]?.fee_multiplier_override?.toString()).toBe('0.5');
    expect(page.hasNextPage()).toBe(false);
  });

  it('gets one event with its markets', async () => {
    route('get', '/events/KXNFLGAME-26NOV29KCDEN', fixture('event_single'));
    const { event, markets } = await client().events.get('KXNFLGAME-26NOV29KCDEN');
    expect(event.series_ticker).toBe('KXNFLGAME');
    expect(event.strike_date?.toISOString()).toBe('2026-11-30T04:30:00.000Z');
    expect(markets.map((m) => m.ticker)).toEqual([TICKER]);
  });

  it('lists series with their fee settings', async () => {
    const seen = route('get', '/series', fixture('series_list'));
    const series = await client().series.list({ category: 'Sports', tags: ['Football', 'NFL'] });
    expect(seen[0]?.query.toString()).toBe('category=Sports&tags=Football%2CNFL');
    expect(series.map((s) => [s.ticker, s.fee_type, s.fee_multiplier?.toString()])).toEqual([
      ['KXNFLGAME', 'quadratic', '1'],
      ['KXHIGHNY', 'quadratic_with_maker_fees', '0.5'],
    ]);
  });

  it('gets one series', async () => {
    route('get', '/series/KXNFLGAME', fixture('series_single'));
    const series = await client().series.get('KXNFLGAME');
    expect(series.volume_fp?.toFixed(2)).toBe('912345.00');
  });
});

describe('portfolio', () => {
  it('returns the balance in dollars from balance_dollars, not the truncated cents', async () => {
    const seen = route('get', '/portfolio/balance', fixture('balance'));
    const balance = await client().portfolio.getBalance();
    expect(balance.balance.toString()).toBe('1523.745');
    expect(balance.balance_dollars.toString()).toBe('1523.745');
    expect(balance.balance_cents).toBe(152374);
    expect(balance.portfolio_value?.toFixed(2)).toBe('482.10');
    expect(balance.updated_ts?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(balance.balance_breakdown?.[0]?.balance.toString()).toBe('1523.745');
    expect(seen[0]?.signed).toBe(true);
  });

  it('falls back to cents / 100 when balance_dollars is absent', async () => {
    route('get', '/portfolio/balance', fixture('balance_legacy'));
    const balance = await client().portfolio.getBalance();
    expect(balance.balance.toFixed(2)).toBe('1523.74');
  });

  it('lists positions with event positions on the page response', async () => {
    const seen = route('get', '/portfolio/positions', fixture('positions'));
    const page = await client().portfolio.getPositions({ count_filter: ['position'], limit: 100 });
    expect(seen[0]?.query.toString()).toBe('count_filter=position&limit=100');
    expect(
      page.items.map((p) => [p.ticker, p.position_fp.toFixed(2), p.market_exposure_dollars?.toFixed(6)]),
    ).toEqual([
      [TICKER, '50.00', '30.500000'],
      ['KXHIGHNY-26NOV25-B52.5', '-3.50', '2.100000'],
    ]);
    expect(page.items[0]?.last_updated_ts?.toISOString()).toBe('2026-11-24T18:02:11.093Z');
    expect(page.response.event_positions[0]?.realized_pnl_dollars?.toString()).toBe('-1.25');
  });

  it('collects every fill across pages with toArray', async () => {
    server.use(
      http.get(`${BASE}/portfolio/fills`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(fixture(cursor === null ? 'fills_page1' : 'fills_page2') as object);
      }),
    );
    const fills = await client().portfolio.getFills({ ticker: TICKER, limit: 2 }).toArray();
    expect(
      fills.map((f) => [
        f.fill_id.slice(0, 8),
        f.count_fp.toFixed(2),
        f.yes_price_dollars.toFixed(4),
        f.fee_cost?.toFixed(6),
        f.is_taker,
      ]),
    ).toEqual([
      ['c0ffee01', '10.00', '0.6100', '0.170000', true],
      ['c0ffee02', '2.50', '0.6250', '0.000000', false],
      ['c0ffee03', '0.01', '0.6100', '0.010000', true],
    ]);
    expect(fills[2]?.ts?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('lists settlements with revenue in cents and dollars', async () => {
    const seen = route('get', '/portfolio/settlements', fixture('settlements'));
    const page = await client().portfolio.getSettlements({ min_ts: 1795800000 });
    expect(seen[0]?.query.get('min_ts')).toBe('1795800000');
    const s = page.items[0];
    expect([
      s?.ticker,
      s?.market_result,
      s?.revenue.toString(),
      s?.revenue_dollars.toFixed(2),
      s?.no_count_fp?.toFixed(2),
    ]).toEqual(['KXNFLGAME-26NOV22NYGDAL-NYG', 'no', '2000', '20.00', '20.00']);
    expect(s?.value_dollars?.toString()).toBe('0');
    expect(s?.settled_time.toISOString()).toBe('2026-11-23T05:01:02.310Z');
  });

  it('lists and gets orders', async () => {
    const seen = route('get', '/portfolio/orders', fixture('orders_page'));
    const page = await client().portfolio.listOrders({ status: 'resting', ticker: TICKER });
    expect(seen[0]?.query.toString()).toBe(`status=resting&ticker=${TICKER}`);
    expect(
      page.items.map((o) => [o.status, o.fill_count_fp.toFixed(2), o.yes_price_dollars.toFixed(4)]),
    ).toEqual([
      ['resting', '0.00', '0.5500'],
      ['executed', '3.00', '0.6100'],
    ]);
    route('get', '/portfolio/orders/e2d4f6a8-1b3c-4d5e-8f70-a1b2c3d4e5f6', fixture('order_single'));
    const order = await client().portfolio.getOrder('e2d4f6a8-1b3c-4d5e-8f70-a1b2c3d4e5f6');
    expect(order.remaining_count_fp.toFixed(2)).toBe('5.00');
    expect(order.created_time?.toISOString()).toBe('2026-11-24T18:10:00.250Z');
  });

  it('reads queue positions', async () => {
    const seen = route('get', '/portfolio/orders/queue_positions', fixture('queue_positions'));
    const positions = await client().portfolio.getQueuePositions({ market_tickers: [TICKER] });
    expect(seen[0]?.query.get('market_tickers')).toBe(TICKER);
    expect(positions[0]?.queue_position_fp.toFixed(2)).toBe('175.50');
    route('get', '/portfolio/orders/e2d4f6a8/queue_position', fixture('queue_position'));
    expect((await client().portfolio.getOrderQueuePosition('e2d4f6a8')).toFixed(2)).toBe('42.00');
  });
});

describe('orders (V2)', () => {
  it('creates an order with string count and price and a generated client_order_id', async () => {
    const seen = route('post', '/portfolio/events/orders', fixture('order_create_resting'), 201);
    const result = await client().orders.create({
      ticker: TICKER,
      side: 'bid',
      count: '5',
      price: new Decimal('0.55'),
      post_only: true,
    });
    const body = seen[0]?.body as Record<string, unknown>;
    expect(body).toEqual({
      ticker: TICKER,
      client_order_id: body.client_order_id,
      side: 'bid',
      count: '5.00',
      price: '0.5500',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'taker_at_cross',
      post_only: true,
    });
    expect(body.client_order_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.signed).toBe(true);
    expect(result.order_id).toBe('e2d4f6a8-1b3c-4d5e-8f70-a1b2c3d4e5f6');
    expect(result.remaining_count.toFixed(2)).toBe('5.00');
    expect(result.ts_ms?.toISOString()).toBe('2026-11-24T18:10:00.250Z');
  });

  it('reads a filled IOC order with its average price and fee', async () => {
    const seen = route('post', '/portfolio/events/orders', fixture('order_create_filled'), 201);
    const result = await client().orders.create({
      ticker: TICKER,
      side: 'bid',
      count: '3',
      price: '0.99',
      time_in_force: 'immediate_or_cancel',
      client_order_id: '11111111-2222-4333-8444-555555555555',
      expiration_time: undefined,
    });
    expect((seen[0]?.body as { client_order_id?: string } | undefined)?.client_order_id).toBe(
      '11111111-2222-4333-8444-555555555555',
    );
    expect(result.average_fill_price?.toFixed(4)).toBe('0.6100');
    expect(result.average_fee_paid?.toFixed(4)).toBe('0.0160');
  });

  it('maps insufficient_balance to its own error class', async () => {
    route('post', '/portfolio/events/orders', fixture('error_nested_insufficient_balance'), 400);
    const error = await client()
      .orders.create({ ticker: TICKER, side: 'bid', count: '100000', price: '0.50' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiInsufficientBalanceError);
    expect(error).toMatchObject({
      status: 400,
      code: 'insufficient_balance',
      method: 'POST',
      path: '/trade-api/v2/portfolio/events/orders',
    });
  });

  it('cancels an order', async () => {
    const seen = route(
      'delete',
      '/portfolio/events/orders/e2d4f6a8-1b3c-4d5e-8f70-a1b2c3d4e5f6',
      fixture('order_cancel'),
    );
    const result = await client().orders.cancel('e2d4f6a8-1b3c-4d5e-8f70-a1b2c3d4e5f6', { subaccount: 0 });
    expect(seen[0]?.query.toString()).toBe('subaccount=0');
    expect(result.reduced_by.toFixed(2)).toBe('5.00');
  });

  it('amends an order', async () => {
    const seen = route('post', '/portfolio/events/orders/e2d4f6a8/amend', fixture('order_amend'));
    const result = await client().orders.amend('e2d4f6a8', {
      ticker: TICKER,
      side: 'bid',
      price: '0.56',
      count: '8',
      updated_client_order_id: '77777777-8888-4999-8aaa-bbbbbbbbbbbb',
    });
    expect(seen[0]?.body).toEqual({
      ticker: TICKER,
      side: 'bid',
      price: '0.5600',
      count: '8.00',
      updated_client_order_id: '77777777-8888-4999-8aaa-bbbbbbbbbbbb',
    });
    expect(result.remaining_count?.toFixed(2)).toBe('8.00');
  });

  it('decreases an order by or to a count', async () => {
    const seen = route('post', '/portfolio/events/orders/e2d4f6a8/decrease', fixture('order_decrease'));
    const result = await client().orders.decrease('e2d4f6a8', { reduce_by: '3', market_ticker: TICKER });
    expect(seen[0]?.body).toEqual({ market_ticker: TICKER, reduce_by: '3.00' });
    expect(result.remaining_count.toFixed(2)).toBe('2.00');
    await client().orders.decrease('e2d4f6a8', { reduce_to: '0' });
    expect(seen[1]?.body).toEqual({ reduce_to: '0.00' });
    await expect(client().orders.decrease('e2d4f6a8', {})).rejects.toThrow(KalshiInvalidParamsError);
  });

  it('creates a batch, each order with its own client id, and reports per-order errors', async () => {
    const seen = route('post', '/portfolio/events/orders/batched', fixture('orders_batch_create'), 201);
    const results = await client().orders.batchCreate([
      {
        ticker: TICKER,
        side: 'bid',
        count: '1',
        price: '0.40',
        client_order_id: 'aaaaaaaa-0000-4000-8000-000000000001',
      },
      {
        ticker: TICKER,
        side: 'ask',
        count: '1',
        price: '0.90',
        client_order_id: 'aaaaaaaa-0000-4000-8000-000000000002',
      },
    ]);
    expect((seen[0]?.body as { orders?: unknown[] } | undefined)?.orders).toHaveLength(2);
    expect(results[0]?.order_id).toBe('b0000000-0000-4000-8000-000000000001');
    expect(results[1]?.error).toEqual({
      code: 'insufficient_balance',
      message: 'insufficient balance',
      details: undefined,
    });
  });

  it('cancels a batch', async () => {
    const seen = route('delete', '/portfolio/events/orders/batched', fixture('orders_batch_cancel'));
    const results = await client().orders.batchCancel([
      'b0000000-0000-4000-8000-000000000001',
      { order_id: '00000000-0000-0000-0000-000000000000', market_ticker: TICKER },
    ]);
    expect(seen[0]?.body).toEqual({
      orders: [
        { order_id: 'b0000000-0000-4000-8000-000000000001' },
        { order_id: '00000000-0000-0000-0000-000000000000', market_ticker: TICKER },
      ],
    });
    expect(results.map((r) => [r.reduced_by?.toFixed(2), r.error?.code])).toEqual([
      ['1.00', undefined],
      ['0.00', 'not_found'],
    ]);
  });

  it('cancels all resting orders (204, no body)', async () => {
    const seen = route('delete', '/portfolio/events/orders', null, 204);
    await expect(client().orders.cancelAll({ subaccount: 2 })).resolves.toBeUndefined();
    expect(seen[0]?.query.toString()).toBe('subaccount=2');
    expect(seen[0]?.signed).toBe(true);
  });

  it('rejects prices and counts that need rounding, before sending', async () => {
    const c = client();
    await expect(
      c.orders.create({ ticker: TICKER, side: 'bid', count: '1.005', price: '0.5' }),
    ).rejects.toThrow('count has more than 2 decimals: 1.005');
    await expect(
      c.orders.create({ ticker: TICKER, side: 'bid', count: '1', price: '0.12345' }),
    ).rejects.toThrow('price has more than 4 decimals: 0.12345');
    await expect(c.orders.create({ ticker: TICKER, side: 'bid', count: '1', price: '1' })).rejects.toThrow(
      KalshiInvalidParamsError,
    );
    await expect(c.orders.create({ ticker: TICKER, side: 'bid', count: '0', price: '0.5' })).rejects.toThrow(
      KalshiInvalidParamsError,
    );
    await expect(
      c.orders.create({ ticker: TICKER, side: 'bid', count: 1 as unknown as string, price: '0.5' }),
    ).rejects.toThrow('count must be a Decimal or a fixed-point string, got 1');
  });
});

describe('account', () => {
  it('syncs rate limits and endpoint costs into the limiter', async () => {
    route('get', '/account/limits', fixture('account_limits'));
    route('get', '/account/endpoint_costs', fixture('account_endpoint_costs'));
    const c = client();
    const { limits, costs } = await c.syncRateLimits();
    expect(limits.usage_tier).toBe('advanced');
    expect(costs.endpoint_costs).toHaveLength(5);
    expect(c.rateLimiter?.serverLimits).toEqual({
      read: { tokensPerSecond: 300, bucketSize: 400 },
      write: { tokensPerSecond: 300, bucketSize: 300 },
    });
    expect(c.rateLimiter?.read.limit).toEqual({ tokensPerSecond: 300, bucketSize: 390 });
    expect(c.rateLimiter?.costOf('GET', '/trade-api/v2/portfolio/fills')).toBe(25);
    expect(c.rateLimiter?.costOf('DELETE', '/trade-api/v2/portfolio/events/orders/abc')).toBe(2);
    expect(c.rateLimiter?.costOf('GET', '/trade-api/v2/portfolio/balance')).toBe(10);
  });
});
