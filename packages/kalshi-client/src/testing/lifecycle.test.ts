import { describe, expect, it } from 'vitest';
import { KC, LV, makeExchange, manualClock, orderBody, send } from './__fixtures__/harness';
import { createFakeExchange } from './index';

describe('fake exchange market lifecycle', () => {
  it('settles a market: pays the winners, records the settlement, finalizes the market', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.setPrices(KC, { yesAsk: '0.50', yesAskSize: '100' });
    await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: orderBody({ count: '10', price: '0.5000' }),
    });
    await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: orderBody({
        client_order_id: 'rest',
        count: '3',
        price: '0.4000',
        time_in_force: 'good_till_canceled',
      }),
    });
    clock.advance(3_600_000);
    const settlement = exchange.settle(KC, 'yes');
    const expected = {
      event_ticker: 'KXNFLGAME-26NOV29KCLV',
      exchange_index: 0,
      fee_cost: '0.000000',
      market_result: 'yes',
      no_count_fp: '0.00',
      no_total_cost_dollars: '0.000000',
      revenue: 1000,
      settled_time: new Date(clock.now()).toISOString().replace('Z', '000Z'),
      ticker: KC,
      value: 100,
      yes_count_fp: '10.00',
      yes_total_cost_dollars: '5.000000',
    };
    expect(settlement).toEqual(expected);
    expect((await send(exchange, clock, 'GET', '/portfolio/settlements')).json).toEqual({
      cursor: '',
      settlements: [expected],
    });
    // 100 − 5 − 0.18 + 10; the resting order was cancelled and its reserve returned.
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).json.balance_dollars).toBe('104.8200');
    const market = (await send(exchange, clock, 'GET', `/markets/${KC}`, { key: 'none' })).json.market;
    expect(market).toMatchObject({
      status: 'finalized',
      result: 'yes',
      settlement_value_dollars: '1.0000',
      last_price_dollars: '1.0000',
      yes_bid_dollars: '0.0000',
      yes_ask_dollars: '1.0000',
    });
    const [position] = (await send(exchange, clock, 'GET', '/portfolio/positions')).json.market_positions;
    expect(position).toMatchObject({
      position_fp: '0.00',
      realized_pnl_dollars: '5.000000',
      fees_paid_dollars: '0.180000',
    });
    expect(
      (await send(exchange, clock, 'GET', '/markets?status=settled', { key: 'none' })).json.markets,
    ).toHaveLength(1);
    const noSide = makeExchange(clock, {
      positions: [{ ticker: LV, position: '-4', marketExposure: '2.40' }],
    });
    expect(noSide.settle(LV, 'no')).toMatchObject({
      no_count_fp: '4.00',
      no_total_cost_dollars: '2.400000',
      revenue: 400,
      value: 0,
    });
  });

  it('serves market bodies with Kalshi field names and fixed-point strings', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const market = (await send(exchange, clock, 'GET', `/markets/${KC}`, { key: 'none' })).json.market;
    // The keys of a recorded demo market (custom_strike is specific to each market type).
    expect(Object.keys(market).sort()).toEqual(
      [
        'can_close_early',
        'close_time',
        'created_time',
        'early_close_condition',
        'event_ticker',
        'expected_expiration_time',
        'expiration_time',
        'expiration_value',
        'fractional_trading_enabled',
        'last_price_dollars',
        'latest_expiration_time',
        'liquidity_dollars',
        'market_type',
        'no_ask_dollars',
        'no_bid_dollars',
        'no_sub_title',
        'notional_value_dollars',
        'occurrence_datetime',
        'open_interest_fp',
        'open_time',
        'previous_price_dollars',
        'previous_yes_ask_dollars',
        'previous_yes_bid_dollars',
        'price_level_structure',
        'price_ranges',
        'response_price_units',
        'result',
        'rules_primary',
        'rules_secondary',
        'settlement_timer_seconds',
        'status',
        'strike_type',
        'ticker',
        'title',
        'updated_time',
        'volume_24h_fp',
        'volume_fp',
        'yes_ask_dollars',
        'yes_ask_size_fp',
        'yes_bid_dollars',
        'yes_bid_size_fp',
        'yes_sub_title',
      ].sort(),
    );
    expect(market).toMatchObject({
      event_ticker: 'KXNFLGAME-26NOV29KCLV',
      last_price_dollars: '0.6100',
      no_ask_dollars: '0.4000',
      no_bid_dollars: '0.3800',
      price_level_structure: 'linear_cent',
      price_ranges: [{ end: '1.0000', start: '0.0000', step: '0.0100' }],
      status: 'active',
      title: 'Kansas City at Las Vegas Winner?',
      yes_ask_dollars: '0.6200',
      yes_ask_size_fp: '5.00',
      yes_bid_dollars: '0.6000',
      yes_bid_size_fp: '50.00',
      yes_sub_title: 'Kansas City',
    });
    expect((await send(exchange, clock, 'GET', '/markets/KXNOPE', { key: 'none' })).status).toBe(404);
    expect((await send(exchange, clock, 'GET', '/markets/KXNOPE/orderbook', { key: 'none' })).status).toBe(
      404,
    );
    expect(exchange.marketBody('KXNOPE')).toBeUndefined();
    expect(exchange.marketBody(KC)?.ticker).toBe(KC);
  });

  it('serves events, series, the schedule and 404 for unknown routes', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, {
      events: [
        {
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          title: 'Kansas City at Las Vegas',
          strikeDate: Date.UTC(2026, 10, 29),
        },
      ],
    });
    const event = (await send(exchange, clock, 'GET', '/events/KXNFLGAME-26NOV29KCLV', { key: 'none' })).json;
    expect(event.event).toMatchObject({
      collateral_return_type: 'binary',
      event_ticker: 'KXNFLGAME-26NOV29KCLV',
      mutually_exclusive: true,
      series_ticker: 'KXNFLGAME',
      strike_date: '2026-11-29T00:00:00Z',
      title: 'Kansas City at Las Vegas',
    });
    expect(event.markets.map((m: { ticker: string }) => m.ticker)).toEqual([KC, LV]);
    expect((await send(exchange, clock, 'GET', '/events/NOPE', { key: 'none' })).status).toBe(404);
    const series = (await send(exchange, clock, 'GET', '/series', { key: 'none' })).json.series;
    expect(series).toEqual([
      {
        additional_prohibitions: [],
        categories: ['Sports'],
        category: 'Sports',
        contract_terms_url: 'https://kalshi.com/docs/kxnflgame-terms.pdf',
        contract_url: 'https://kalshi.com/docs/kxnflgame.pdf',
        fee_multiplier: 1,
        fee_type: 'quadratic',
        frequency: 'custom',
        settlement_sources: [],
        tags: [],
        ticker: 'KXNFLGAME',
        title: 'KXNFLGAME',
      },
    ]);
    expect((await send(exchange, clock, 'GET', '/series?category=Politics', { key: 'none' })).json).toEqual({
      series: [],
    });
    expect((await send(exchange, clock, 'GET', '/series/NOPE', { key: 'none' })).status).toBe(404);
    const schedule = (await send(exchange, clock, 'GET', '/exchange/schedule', { key: 'none' })).json
      .schedule;
    expect(schedule.maintenance_windows).toEqual([]);
    expect((await send(exchange, clock, 'GET', '/nothing/here')).status).toBe(404);
    const outside = await exchange.handle({
      method: 'GET',
      path: '/other/api',
      query: new URLSearchParams(),
      headers: {},
    });
    expect(outside.status).toBe(404);
  });

  it('adds markets, changes status and balance, and exposes its state', async () => {
    const clock = manualClock();
    const exchange = createFakeExchange({ clock });
    exchange.addMarket({
      ticker: 'KXNEW-1-A',
      eventTicker: 'KXNEW-1',
      yesBid: '0.10',
      yesAsk: '0.12',
      priceRanges: [
        { start: '0', end: '0.1', step: '0.001' },
        { start: '0.1', end: '1', step: '0.01' },
      ],
    });
    exchange.setBalance('12.34');
    exchange.setStatus({ exchangeActive: false });
    exchange.setMarketStatus('KXNEW-1-A', 'closed');
    const snap = exchange.snapshot();
    expect(snap.balance.toString()).toBe('12.34');
    expect(snap.exchangeActive).toBe(false);
    expect(snap.tradingActive).toBe(true);
    expect(snap.markets.map((m) => [m.ticker, m.status, m.seriesTicker])).toEqual([
      ['KXNEW-1-A', 'closed', 'KXNEW'],
    ]);
    expect(() => exchange.setPrices('KXMISSING', { yesBid: '0.1' })).toThrow(
      'fake exchange: no market KXMISSING',
    );
    exchange.setPrices('KXNEW-1-A', { yesBid: null, yesAskSize: '7', lastPrice: '0.11' });
    const body = exchange.marketBody('KXNEW-1-A');
    expect(body).toMatchObject({
      yes_bid_dollars: '0.0000',
      yes_ask_size_fp: '7.00',
      last_price_dollars: '0.1100',
    });
    exchange.setPrices('KXNEW-1-A', { yesBidSize: '3', yesBid: '0.095' });
    expect(exchange.marketBody('KXNEW-1-A')).toMatchObject({
      yes_bid_dollars: '0.0950',
      yes_bid_size_fp: '3.00',
    });
    exchange.setPrices('KXNEW-1-A', { yesAsk: null, yesBidSize: '4' });
    expect(exchange.marketBody('KXNEW-1-A')).toMatchObject({
      yes_ask_dollars: '1.0000',
      yes_bid_size_fp: '4.00',
    });
    exchange.movePrices('KXNEW-1-A', '-0.5');
    expect(exchange.marketBody('KXNEW-1-A')).toMatchObject({ yes_bid_dollars: '0.0000' });
  });

  it('seeds fills and positions as given, computing a default fee and exposure', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, {
      fills: [
        { ticker: KC, side: 'ask', count: '3', price: '0.40', isTaker: false },
        { ticker: 'KXOLD-1-A', side: 'bid', count: '2', price: '0.5' },
      ],
      positions: [
        { ticker: KC, position: '3' },
        { ticker: LV, position: '-2' },
        { ticker: 'KXOLD-1-A', position: '1' },
      ],
      settlements: [{ ticker: 'KXOLD-1-A', result: 'yes', yesCount: '1' }],
    });
    const fills = (await send(exchange, clock, 'GET', '/portfolio/fills')).json.fills;
    expect(
      fills.map((f: { fee_cost: string; is_taker: boolean; action: string }) => [
        f.fee_cost,
        f.is_taker,
        f.action,
      ]),
    ).toEqual([
      ['0.040000', true, 'buy'], // ceil(0.07 × 2 × 0.25) = ceil(0.035)
      ['0.000000', false, 'sell'],
    ]);
    const positions = (await send(exchange, clock, 'GET', '/portfolio/positions')).json.market_positions;
    expect(
      positions.map((p: { ticker: string; market_exposure_dollars: string }) => [
        p.ticker,
        p.market_exposure_dollars,
      ]),
    ).toEqual([
      [KC, '1.860000'],
      [LV, '1.240000'],
      ['KXOLD-1-A', '0.000000'],
    ]);
    const settlements = (await send(exchange, clock, 'GET', '/portfolio/settlements?ticker=KXOLD-1-A')).json
      .settlements;
    expect(settlements[0]).toMatchObject({ event_ticker: 'KXOLD-1', revenue: 100 });
    // 3 × 0.60 (KC bid) + 2 × (1 − 0.40) (LV, NO side)
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).json.portfolio_value).toBe(300);
    const ev = (
      await send(
        exchange,
        clock,
        'GET',
        `/portfolio/positions?event_ticker=KXNFLGAME-26NOV29KCLV&ticker=${KC}`,
      )
    ).json;
    expect(ev.market_positions).toHaveLength(1);
  });

  it('rounds fees to the centicent on request', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { feeRounding: 'centicent' });
    exchange.setPrices(KC, { yesAsk: '0.52', yesAskSize: '10' });
    const res = await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: orderBody({ price: '0.5200' }),
    });
    expect(res.json.average_fee_paid).toBe('0.0175');
    expect((await send(exchange, clock, 'GET', '/portfolio/balance')).json).toMatchObject({
      balance: 9946,
      balance_dollars: '99.4625',
    });
  });
});
