import { describe, expect, it } from 'vitest';
import { makeExchange, manualClock, send } from './__fixtures__/harness';
import { createFakeExchange, type FakeMarketInput } from './index';

function manyMarkets(n: number): FakeMarketInput[] {
  return Array.from({ length: n }, (_, i) => ({
    ticker: `KXTEST-26NOV${String(i).padStart(3, '0')}-YES`,
    eventTicker: `KXTEST-26NOV${String(i).padStart(3, '0')}`,
    status: i % 2 === 0 ? ('active' as const) : ('finalized' as const),
  }));
}

describe('fake exchange pagination', () => {
  it('walks every market with opaque cursors and ends on an empty cursor', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({ clock, markets: manyMarkets(12), rateLimit: false });
    const seen: string[] = [];
    const cursors: string[] = [];
    let cursor = '';
    do {
      const res = await send(exchange, clock, 'GET', `/markets?limit=5${cursor ? `&cursor=${cursor}` : ''}`, {
        key: 'none',
      });
      expect(res.status).toBe(200);
      seen.push(...res.json.markets.map((m: { ticker: string }) => m.ticker));
      cursor = res.json.cursor;
      cursors.push(cursor);
    } while (cursor);
    expect(seen).toEqual(manyMarkets(12).map((m) => m.ticker));
    expect(cursors.length).toBe(3);
    expect(cursors[2]).toBe('');
    expect(new Set(cursors).size).toBe(3);
  });

  it('filters markets by status, series, event and tickers', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({ clock, markets: manyMarkets(6), rateLimit: false });
    const open = await send(exchange, clock, 'GET', '/markets?status=open', { key: 'none' });
    expect(open.json.markets.map((m: { status: string }) => m.status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    const settled = await send(exchange, clock, 'GET', '/markets?status=settled', { key: 'none' });
    expect(settled.json.markets).toHaveLength(3);
    const byEvent = await send(exchange, clock, 'GET', '/markets?event_ticker=KXTEST-26NOV002', {
      key: 'none',
    });
    expect(byEvent.json.markets.map((m: { ticker: string }) => m.ticker)).toEqual(['KXTEST-26NOV002-YES']);
    const bySeries = await send(exchange, clock, 'GET', '/markets?series_ticker=KXOTHER', { key: 'none' });
    expect(bySeries.json).toEqual({ cursor: '', markets: [] });
    const byTickers = await send(
      exchange,
      clock,
      'GET',
      '/markets?tickers=KXTEST-26NOV001-YES,KXTEST-26NOV003-YES',
      {
        key: 'none',
      },
    );
    expect(byTickers.json.markets).toHaveLength(2);
  });

  it('refuses a limit over the maximum with the {msg} body (1000, or 200 for events)', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const markets = await send(exchange, clock, 'GET', '/markets?limit=1001', { key: 'none' });
    expect(markets.status).toBe(400);
    expect(markets.json).toEqual({
      msg: "Parameter validation failed for GetMarkets: Key: 'GetMarketsParams.Limit' Error:Field validation for 'Limit' failed on the 'lte' tag",
    });
    expect((await send(exchange, clock, 'GET', '/markets?limit=1000', { key: 'none' })).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/events?limit=201', { key: 'none' })).json.msg).toContain(
      "GetEventsParams.Limit' Error:Field validation for 'Limit' failed on the 'lte' tag",
    );
    expect((await send(exchange, clock, 'GET', '/events?limit=200', { key: 'none' })).status).toBe(200);
    expect((await send(exchange, clock, 'GET', '/portfolio/fills?limit=0')).json.msg).toContain("'gte' tag");
    expect((await send(exchange, clock, 'GET', '/portfolio/fills?limit=abc')).json.msg).toContain(
      "'numeric' tag",
    );
  });

  it('restarts from the first page on a cursor it never issued, as Kalshi does', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({ clock, markets: manyMarkets(3), rateLimit: false });
    const first = await send(exchange, clock, 'GET', '/markets?limit=2', { key: 'none' });
    const garbage = await send(exchange, clock, 'GET', '/markets?limit=2&cursor=garbage-cursor-fixture', {
      key: 'none',
    });
    expect(garbage.json).toEqual(first.json);
    // A cursor of another list restarts this one too.
    const events = await send(exchange, clock, 'GET', '/events?limit=2', { key: 'none' });
    const crossed = await send(exchange, clock, 'GET', `/events?limit=2&cursor=${first.json.cursor}`, {
      key: 'none',
    });
    expect(crossed.json).toEqual(events.json);
  });

  it('lists fills newest first and keeps pages stable while new fills arrive', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, {
      fills: Array.from({ length: 5 }, (_, i) => ({
        ticker: 'KXNFLGAME-26NOV29KCLV-KC',
        side: 'bid' as const,
        count: '1',
        price: '0.50',
        fillId: `fill-${i}`,
        time: clock.now() + i * 1000,
      })),
    });
    const page1 = await send(exchange, clock, 'GET', '/portfolio/fills?limit=2');
    expect(page1.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['fill-4', 'fill-3']);
    // A new fill lands between pages: it does not shift the next page.
    await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: {
        ticker: 'KXNFLGAME-26NOV29KCLV-KC',
        side: 'bid',
        count: '1.00',
        price: '0.6200',
        time_in_force: 'immediate_or_cancel',
        self_trade_prevention_type: 'taker_at_cross',
      },
    });
    const page2 = await send(exchange, clock, 'GET', `/portfolio/fills?limit=2&cursor=${page1.json.cursor}`);
    expect(page2.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['fill-2', 'fill-1']);
    const page3 = await send(exchange, clock, 'GET', `/portfolio/fills?limit=2&cursor=${page2.json.cursor}`);
    expect(page3.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['fill-0']);
    expect(page3.json.cursor).toBe('');
    const ranged = await send(
      exchange,
      clock,
      'GET',
      `/portfolio/fills?min_ts=${Math.floor(clock.now() / 1000) + 1}&max_ts=${Math.floor(clock.now() / 1000) + 3}`,
    );
    expect(ranged.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual([
      'fill-3',
      'fill-2',
      'fill-1',
    ]);
  });

  it('paginates events, positions, settlements, orders and trades', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({
      clock,
      rateLimit: false,
      markets: manyMarkets(4),
      positions: manyMarkets(4).map((m) => ({ ticker: m.ticker, position: '2', marketExposure: '1' })),
      settlements: manyMarkets(3).map((m) => ({
        ticker: m.ticker,
        result: 'no' as const,
        noCount: '1',
        noTotalCost: '0.4',
      })),
      keys: [],
    });
    const events = await send(exchange, clock, 'GET', '/events?limit=3', { key: 'none' });
    expect(events.json.events).toHaveLength(3);
    expect(events.json.cursor).not.toBe('');
    const rest = await send(exchange, clock, 'GET', `/events?limit=3&cursor=${events.json.cursor}`, {
      key: 'none',
    });
    expect(rest.json.events.map((e: { event_ticker: string }) => e.event_ticker)).toEqual([
      'KXTEST-26NOV003',
    ]);
    expect(rest.json.cursor).toBe('');
    const openEvents = await send(exchange, clock, 'GET', '/events?status=open&series_ticker=KXTEST', {
      key: 'none',
    });
    expect(openEvents.json.events).toHaveLength(2);
    const nested = await send(
      exchange,
      clock,
      'GET',
      '/events?tickers=KXTEST-26NOV001&with_nested_markets=true',
      {
        key: 'none',
      },
    );
    expect(nested.json.events[0].markets[0].ticker).toBe('KXTEST-26NOV001-YES');
    // Portfolio lists need a key: use a fresh exchange with the harness keys.
    const signed = makeExchange(clock, {
      positions: manyMarkets(3).map((m) => ({ ticker: m.ticker, position: '-2', marketExposure: '0.8' })),
      settlements: manyMarkets(3).map((m) => ({ ticker: m.ticker, result: 'no' as const, noCount: '1' })),
    });
    const positions = await send(signed, clock, 'GET', '/portfolio/positions?limit=2');
    expect(positions.json.market_positions).toHaveLength(2);
    const more = await send(
      signed,
      clock,
      'GET',
      `/portfolio/positions?limit=2&cursor=${positions.json.cursor}`,
    );
    expect(more.json.market_positions).toHaveLength(1);
    expect(more.json.cursor).toBe('');
    const settlements = await send(signed, clock, 'GET', '/portfolio/settlements?limit=2');
    expect(settlements.json.settlements.map((s: { ticker: string }) => s.ticker)).toEqual([
      'KXTEST-26NOV002-YES',
      'KXTEST-26NOV001-YES',
    ]);
    expect((await send(signed, clock, 'GET', '/portfolio/orders?limit=2')).json).toEqual({
      cursor: '',
      orders: [],
    });
    expect((await send(signed, clock, 'GET', '/markets/trades?limit=2', { key: 'none' })).json).toEqual({
      cursor: '',
      trades: [],
    });
  });
});
