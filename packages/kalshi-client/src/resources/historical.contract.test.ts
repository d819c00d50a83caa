import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, rsaKeys, verifyKalshiSignature } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiInvalidParamsError, KalshiMarketNotFoundError } from '../core/errors';

const BASE = 'https://external-api.demo.kalshi.co/trade-api/v2';
const TICKER = 'KXNFLGAME-26SEP14KCPHI-KC';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(): KalshiClient {
  return new KalshiClient({ apiKeyId: 'key-123', privateKey: rsaKeys().privateKey, maxRetries: 0 });
}

/** Answers one GET route with a body (refusing unsigned requests) and records the query strings. */
function route(path: string, body: unknown, status = 200): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  server.use(
    http.get(`${BASE}${path}`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url.searchParams);
      if (!verifyKalshiSignature(rsaKeys().publicKey, request.headers, 'GET', url.pathname)) {
        return HttpResponse.json({ error: { code: 'authentication_error' } }, { status: 401 });
      }
      return HttpResponse.json(body as object, { status });
    }),
  );
  return seen;
}

describe('client.historical', () => {
  it('getCutoff reads the four boundaries as Dates', async () => {
    route('/historical/cutoff', fixture('historical_cutoff'));
    expect(await client().historical.getCutoff()).toEqual({
      market_settled_ts: new Date('2026-10-01T00:00:00Z'),
      trades_created_ts: new Date('2026-10-01T00:00:00Z'),
      orders_updated_ts: new Date('2026-10-01T00:00:00Z'),
      market_positions_last_updated_ts: new Date('2026-10-01T00:00:00Z'),
    });
  });

  it('getCutoff accepts a body without the optional positions boundary', async () => {
    const { market_positions_last_updated_ts: _, ...rest } =
      fixture<Record<string, string>>('historical_cutoff');
    route('/historical/cutoff', rest);
    const cutoff = await client().historical.getCutoff();
    expect(cutoff.market_positions_last_updated_ts).toBeUndefined();
  });

  it('getFills sends the filters as Unix seconds and keeps six decimals exactly', async () => {
    const seen = route('/historical/fills', fixture('historical_fills'));
    const page = await client().historical.getFills({
      ticker: TICKER,
      max_ts: new Date('2026-10-01T00:00:00Z'),
      limit: 1000,
    });
    expect(seen[0]?.get('ticker')).toBe(TICKER);
    expect(seen[0]?.get('max_ts')).toBe('1790812800');
    expect(seen[0]?.get('limit')).toBe('1000');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.fill_id).toBe('h1st0001-5b00-4c6a-9e7d-2b1f3a4c5d6e');
    expect(page.items[0]?.yes_price_dollars.toString()).toBe('0.051');
    expect(page.items[0]?.count_fp.toString()).toBe('1.33');
    expect(page.items[0]?.fee_cost?.toString()).toBe('0.0012');
    expect(page.hasNextPage()).toBe(false);
  });

  it('getFills refuses a limit over 1000 before sending anything', async () => {
    const seen = route('/historical/fills', fixture('historical_fills'));
    await expect(client().historical.getFills({ limit: 1001 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(0);
  });

  it('getOrders reads archived orders', async () => {
    const seen = route('/historical/orders', fixture('orders_page'));
    const page = await client().historical.getOrders({ ticker: 'KXNFLGAME-26NOV29KCDEN-KC' });
    expect(seen[0]?.get('ticker')).toBe('KXNFLGAME-26NOV29KCDEN-KC');
    expect(page.items.map((o) => o.order_id)).toEqual(
      fixture<{ orders: { order_id: string }[] }>('orders_page').orders.map((o) => o.order_id),
    );
  });

  it('getPositions reads archived market positions with the event positions on the response', async () => {
    const seen = route('/historical/positions', fixture('positions'));
    const page = await client().historical.getPositions({
      subaccount: 0,
      event_ticker: 'KXNFLGAME-26NOV29KCDEN',
    });
    expect(seen[0]?.get('subaccount')).toBe('0');
    expect(seen[0]?.get('event_ticker')).toBe('KXNFLGAME-26NOV29KCDEN');
    expect(page.items).toHaveLength(2);
    expect(page.response.event_positions).toHaveLength(1);
  });

  it('getMarkets joins tickers with commas', async () => {
    const seen = route('/historical/markets', fixture('markets_page2'));
    const page = await client().historical.getMarkets({ tickers: ['A-1', 'B-2'] });
    expect(seen[0]?.get('tickers')).toBe('A-1,B-2');
    expect(page.items).toHaveLength(1);
  });

  it('getMarket reads one archived market', async () => {
    route(`/historical/markets/${'KXNFLGAME-26NOV29KCDEN-KC'}`, fixture('market_single'));
    const market = await client().historical.getMarket('KXNFLGAME-26NOV29KCDEN-KC');
    expect(market.ticker).toBe('KXNFLGAME-26NOV29KCDEN-KC');
    expect(market.result).toBe('yes');
  });

  it('getMarket turns a 404 into KalshiMarketNotFoundError', async () => {
    route('/historical/markets/NOPE', { error: { code: 'not_found', message: 'not found' } }, 404);
    await expect(client().historical.getMarket('NOPE')).rejects.toBeInstanceOf(KalshiMarketNotFoundError);
  });

  it('getMarketCandlesticks reads the unsuffixed historical fields, nulls included', async () => {
    const seen = route(`/historical/markets/${TICKER}/candlesticks`, fixture('historical_candlesticks'));
    const candles = await client().historical.getMarketCandlesticks(TICKER, {
      start_ts: 1789401600,
      end_ts: new Date('2026-09-14T18:00:00Z'),
      period_interval: 60,
    });
    expect(seen[0]?.get('start_ts')).toBe('1789401600');
    expect(seen[0]?.get('end_ts')).toBe('1789408800');
    expect(seen[0]?.get('period_interval')).toBe('60');
    expect(candles).toHaveLength(2);
    expect(candles[0]?.end_period_ts).toEqual(new Date(1789405200 * 1000));
    expect(candles[0]?.price?.mean?.toString()).toBe('0.0513');
    expect(candles[0]?.price?.previous).toBeUndefined();
    expect(candles[1]?.price?.close).toBeUndefined();
    expect(candles[1]?.price?.previous?.toString()).toBe('0.051');
    expect(candles[0]?.volume?.toString()).toBe('12');
    expect(candles[0]?.yes_bid?.low?.toString()).toBe('0.049');
  });

  it('getTrades passes is_block_trade and reads public trades', async () => {
    const seen = route('/historical/trades', fixture('trades'));
    const page = await client().historical.getTrades({ is_block_trade: false, ticker: TICKER });
    expect(seen[0]?.get('is_block_trade')).toBe('false');
    expect(page.items).toHaveLength(2);
    expect(page.hasNextPage()).toBe(true);
  });
});
