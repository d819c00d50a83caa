import { describe, expect, it } from 'vitest';
import { KC, makeExchange, manualClock, orderBody, send } from './__fixtures__/harness';

const balanceOf = async (exchange: ReturnType<typeof makeExchange>, clock: ReturnType<typeof manualClock>) =>
  (await send(exchange, clock, 'GET', '/portfolio/balance')).json.balance_dollars;

const post = (
  exchange: ReturnType<typeof makeExchange>,
  clock: ReturnType<typeof manualClock>,
  body: unknown,
) => send(exchange, clock, 'POST', '/portfolio/events/orders', { body });

describe('fake exchange orders', () => {
  it('fills a taker order across two levels with one per-order fee', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const created = await post(
      exchange,
      clock,
      orderBody({ client_order_id: 'c1', count: '10.00', price: '0.6300' }),
    );
    expect(created.status).toBe(201);
    // 5 @ 0.62 and 5 @ 0.63: fee = ceil(0.07 × (5×0.62×0.38 + 5×0.63×0.37)) = ceil(0.164045) = 0.17
    expect(created.json).toEqual({
      average_fee_paid: '0.0170',
      average_fill_price: '0.6250',
      client_order_id: 'c1',
      fill_count: '10.00',
      order_id: '00000000-0000-4000-8000-000000000001',
      remaining_count: '0.00',
      ts_ms: clock.now(),
    });
    expect(await balanceOf(exchange, clock)).toBe('93.5800'); // 100 − 3.10 − 3.15 − 0.17
    const fills = (await send(exchange, clock, 'GET', '/portfolio/fills')).json.fills;
    expect(
      fills.map((f: { yes_price_dollars: string; count_fp: string; fee_cost: string }) => [
        f.yes_price_dollars,
        f.count_fp,
        f.fee_cost,
      ]),
    ).toEqual([
      ['0.6300', '5.00', '0.080000'],
      ['0.6200', '5.00', '0.090000'],
    ]);
    expect(fills[1]).toEqual({
      action: 'buy',
      book_side: 'bid',
      count_fp: '5.00',
      created_time: new Date(clock.now()).toISOString().replace('Z', '000Z'),
      exchange_index: 0,
      fee_cost: '0.090000',
      fill_id: '00000000-0000-4f11-8000-000000000001',
      is_taker: true,
      market_ticker: KC,
      no_price_dollars: '0.3800',
      order_id: '00000000-0000-4000-8000-000000000001',
      outcome_side: 'yes',
      side: 'yes',
      subaccount_number: 0,
      ticker: KC,
      trade_id: '00000000-0000-4f11-8000-000000000001',
      ts: Math.floor(clock.now() / 1000),
      yes_price_dollars: '0.6200',
    });
  });

  it('charges ten 1-lot orders more than one 10-lot order (fees round up per order)', async () => {
    const clock = manualClock();
    const tenOrders = makeExchange(clock, { rateLimit: false });
    tenOrders.setPrices(KC, { yesAsk: '0.50', yesAskSize: '100' });
    for (let i = 0; i < 10; i++) {
      expect((await post(tenOrders, clock, orderBody({ price: '0.5000' }))).json.average_fee_paid).toBe(
        '0.0200',
      );
    }
    expect(await balanceOf(tenOrders, clock)).toBe('94.8000'); // 100 − 5 − 10 × 0.02
    const oneOrder = makeExchange(clock);
    oneOrder.setPrices(KC, { yesAsk: '0.50', yesAskSize: '100' });
    expect(
      (await post(oneOrder, clock, orderBody({ price: '0.5000', count: '10' }))).json.average_fee_paid,
    ).toBe('0.0180');
    expect(await balanceOf(oneOrder, clock)).toBe('94.8200'); // 100 − 5 − 0.18
  });

  it('rests a GTC order, reserves its cash and gives it back on cancel', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const created = await post(
      exchange,
      clock,
      orderBody({
        client_order_id: 'rest-1',
        count: '10.00',
        price: '0.5500',
        time_in_force: 'good_till_canceled',
      }),
    );
    expect(created.json).toEqual({
      client_order_id: 'rest-1',
      fill_count: '0.00',
      order_id: '00000000-0000-4000-8000-000000000001',
      remaining_count: '10.00',
      ts_ms: clock.now(),
    });
    expect(await balanceOf(exchange, clock)).toBe('94.5000');
    const order = (await send(exchange, clock, 'GET', `/portfolio/orders/${created.json.order_id}`)).json
      .order;
    expect(order).toMatchObject({
      action: 'buy',
      book_side: 'bid',
      client_order_id: 'rest-1',
      fill_count_fp: '0.00',
      initial_count_fp: '10.00',
      no_price_dollars: '0.4500',
      outcome_side: 'yes',
      remaining_count_fp: '10.00',
      self_trade_prevention_type: 'taker_at_cross',
      status: 'resting',
      taker_fees_dollars: '0.000000',
      type: 'limit',
      yes_price_dollars: '0.5500',
    });
    const book = (await send(exchange, clock, 'GET', `/markets/${KC}/orderbook`, { key: 'none' })).json;
    expect(book).toEqual({
      orderbook_fp: {
        no_dollars: [
          ['0.3600', '5.00'],
          ['0.3700', '5.00'],
          ['0.3800', '5.00'],
        ],
        yes_dollars: [
          ['0.5500', '10.00'],
          ['0.5800', '50.00'],
          ['0.5900', '50.00'],
          ['0.6000', '50.00'],
        ],
      },
    });
    expect(
      (await send(exchange, clock, 'GET', `/markets/${KC}/orderbook?depth=1`, { key: 'none' })).json,
    ).toEqual({
      orderbook_fp: { no_dollars: [['0.3800', '5.00']], yes_dollars: [['0.6000', '50.00']] },
    });
    const positions = (await send(exchange, clock, 'GET', '/portfolio/positions')).json;
    expect(positions).toEqual({ cursor: '', event_positions: [], market_positions: [] });
    const cancel = await send(exchange, clock, 'DELETE', `/portfolio/events/orders/${created.json.order_id}`);
    expect(cancel.json).toEqual({
      client_order_id: 'rest-1',
      order_id: created.json.order_id,
      reduced_by: '10.00',
      ts_ms: clock.now(),
    });
    expect(await balanceOf(exchange, clock)).toBe('100.0000');
    const again = await send(exchange, clock, 'DELETE', `/portfolio/events/orders/${created.json.order_id}`);
    expect(again.status).toBe(404);
    expect(again.json).toEqual({ error: { code: 'not_found', message: 'not found', service: 'exchange' } });
    const reuse = await post(exchange, clock, orderBody({ client_order_id: 'rest-1' }));
    expect(reuse.status).toBe(409);
    expect(reuse.json).toEqual({
      error: { code: 'order_already_exists', message: 'order already exists', service: 'exchange' },
    });
    const listed = (await send(exchange, clock, 'GET', '/portfolio/orders?status=canceled')).json.orders;
    expect(listed.map((o: { client_order_id: string }) => o.client_order_id)).toEqual(['rest-1']);
  });

  it('fills resting orders as maker when prices move through them', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    await post(
      exchange,
      clock,
      orderBody({ count: '10', price: '0.5500', time_in_force: 'good_till_canceled' }),
    );
    exchange.movePrices(KC, '-0.05'); // asks 0.57, 0.58, 0.59 — still above 0.55
    expect(exchange.snapshot().fills).toHaveLength(0);
    exchange.setPrices(KC, { yesAsk: '0.54', yesAskSize: '20' });
    const fills = (await send(exchange, clock, 'GET', '/portfolio/fills')).json.fills;
    expect(
      fills.map((f: { yes_price_dollars: string; count_fp: string; is_taker: boolean; fee_cost: string }) => [
        f.yes_price_dollars,
        f.count_fp,
        f.is_taker,
        f.fee_cost,
      ]),
    ).toEqual([['0.5500', '10.00', false, '0.000000']]);
    expect(await balanceOf(exchange, clock)).toBe('94.5000');
    const position = (await send(exchange, clock, 'GET', '/portfolio/positions')).json;
    expect(position.market_positions).toEqual([
      {
        exchange_index: 0,
        fees_paid_dollars: '0.000000',
        last_updated_ts: new Date(clock.now()).toISOString().replace('Z', '000Z'),
        market_exposure_dollars: '5.500000',
        position_fp: '10.00',
        realized_pnl_dollars: '0.000000',
        resting_orders_count: 0,
        ticker: KC,
        total_traded_dollars: '5.500000',
      },
    ]);
    expect(position.event_positions).toEqual([
      {
        event_exposure_dollars: '5.500000',
        event_ticker: 'KXNFLGAME-26NOV29KCLV',
        fees_paid_dollars: '0.000000',
        realized_pnl_dollars: '0.000000',
        total_cost_dollars: '5.500000',
        total_cost_shares_fp: '10.00',
      },
    ]);
  });

  it('charges makers where the series charges makers', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, {
      series: [{ ticker: 'KXNFLGAME', feeType: 'quadratic_with_maker_fees' }],
    });
    await post(
      exchange,
      clock,
      orderBody({ count: '10', price: '0.5500', time_in_force: 'good_till_canceled' }),
    );
    exchange.setPrices(KC, { yesAsk: '0.54', yesAskSize: '20' });
    // ceil(0.0175 × 10 × 0.55 × 0.45) = ceil(0.0433125) = 0.05
    expect(exchange.snapshot().fills.map((f) => f.fee.toFixed(2))).toEqual(['0.05']);
    expect(await balanceOf(exchange, clock)).toBe('94.4500');
    const series = (await send(exchange, clock, 'GET', '/series/KXNFLGAME', { key: 'none' })).json.series;
    expect(series.fee_type).toBe('quadratic_with_maker_fees');
    expect(series.fee_multiplier).toBe(1);
  });

  it('sells a held YES position: netting, realized P&L and fees', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    exchange.setPrices(KC, { yesAsk: '0.50', yesAskSize: '100' });
    await post(exchange, clock, orderBody({ count: '10', price: '0.5000' }));
    const sold = await post(exchange, clock, orderBody({ side: 'ask', count: '10', price: '0.6000' }));
    // sells at the 0.60 bid: fee ceil(0.07 × 10 × 0.6 × 0.4) = ceil(0.168) = 0.17
    expect(sold.json).toMatchObject({
      fill_count: '10.00',
      average_fill_price: '0.6000',
      average_fee_paid: '0.0170',
    });
    expect(await balanceOf(exchange, clock)).toBe('100.6500'); // 100 − 5 − 0.18 + 6 − 0.17
    const [position] = (await send(exchange, clock, 'GET', '/portfolio/positions')).json.market_positions;
    expect(position).toMatchObject({
      fees_paid_dollars: '0.350000',
      market_exposure_dollars: '0.000000',
      position_fp: '0.00',
      realized_pnl_dollars: '1.000000',
    });
    const filtered = (await send(exchange, clock, 'GET', '/portfolio/positions?count_filter=position')).json;
    expect(filtered.market_positions).toEqual([]);
    const traded = (await send(exchange, clock, 'GET', '/portfolio/positions?count_filter=total_traded'))
      .json;
    expect(traded.market_positions).toHaveLength(1);
    const trades = (await send(exchange, clock, 'GET', `/markets/trades?ticker=${KC}`, { key: 'none' })).json
      .trades;
    expect(trades[0]).toMatchObject({
      taker_book_side: 'ask',
      taker_outcome_side: 'no',
      yes_price_dollars: '0.6000',
    });
  });

  it('opens a NO position with an ask and closes it with a bid', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    await post(exchange, clock, orderBody({ side: 'ask', count: '5', price: '0.6000' }));
    // pays (1 − 0.60) × 5 = 2.00 plus ceil(0.084) = 0.09
    expect(await balanceOf(exchange, clock)).toBe('97.9100');
    await post(exchange, clock, orderBody({ side: 'bid', count: '5', price: '0.6200' }));
    // pays 0.62 × 5 = 3.10 and ceil(0.08246) = 0.09, gets 5 × $1 back from netting
    expect(await balanceOf(exchange, clock)).toBe('99.7200');
    const [position] = (await send(exchange, clock, 'GET', '/portfolio/positions')).json.market_positions;
    expect(position).toMatchObject({ position_fp: '0.00', realized_pnl_dollars: '-0.100000' });
  });

  it('refuses orders with Kalshi error bodies', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    const numeric = await post(exchange, clock, orderBody({ count: 1, price: 0.01 }));
    expect(numeric.status).toBe(400);
    expect(numeric.json).toEqual({
      code: 'bad_request',
      message: 'bad request',
      details: 'json: cannot unmarshal number into Go struct field CreateOrderV2Request.count of type string',
    });
    const offGrid = await post(exchange, clock, orderBody({ price: '0.5150' }));
    expect(offGrid.json).toEqual({
      error: { code: 'invalid_price', message: 'invalid price', service: 'exchange' },
    });
    expect((await post(exchange, clock, orderBody({ price: '1.0000' }))).json.error.code).toBe(
      'invalid_price',
    );
    expect((await post(exchange, clock, orderBody({ price: 'abc' }))).json.error.code).toBe('invalid_price');
    const broke = await post(
      exchange,
      clock,
      orderBody({ count: '10099.00', price: '0.9900', time_in_force: 'good_till_canceled' }),
    );
    expect(broke.json).toEqual({
      error: { code: 'insufficient_balance', message: 'insufficient balance', service: 'exchange' },
    });
    const postOnly = await post(
      exchange,
      clock,
      orderBody({ post_only: true, price: '0.9900', time_in_force: 'good_till_canceled' }),
    );
    expect(postOnly.json).toEqual({
      error: { code: 'invalid_order', message: 'invalid order', details: 'post only cross' },
    });
    const unknown = await post(exchange, clock, orderBody({ ticker: 'KXNOPE-1' }));
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('market_not_found');
    const noTif = await post(exchange, clock, orderBody({ time_in_force: undefined }));
    expect(noTif.json).toEqual({
      code: 'bad_request',
      message: 'bad request',
      details: 'missing required field time_in_force',
    });
    expect((await post(exchange, clock, orderBody({ side: 'yes' }))).json.details).toBe(
      'invalid side "yes": expected bid or ask',
    );
    expect((await post(exchange, clock, orderBody({ time_in_force: 'day' }))).json.details).toBe(
      'invalid time_in_force "day"',
    );
    expect(
      (await post(exchange, clock, orderBody({ self_trade_prevention_type: 'none' }))).json.details,
    ).toBe('invalid self_trade_prevention_type "none"');
    expect((await post(exchange, clock, orderBody({ count: '1.234' }))).json.error.code).toBe(
      'invalid_order_count',
    );
    expect((await post(exchange, clock, orderBody({ count: '0' }))).json.error.code).toBe(
      'invalid_order_count',
    );
    expect((await post(exchange, clock, orderBody({ post_only: 'yes' }))).json.details).toBe(
      'json: cannot unmarshal object into Go struct field CreateOrderV2Request.post_only of type bool',
    );
    expect((await post(exchange, clock, orderBody({ expiration_time: '1' }))).json.details).toContain(
      'expiration_time',
    );
    const bad = await send(exchange, clock, 'POST', '/portfolio/events/orders', { rawBody: '{"ticker":' });
    expect(bad.json.code).toBe('bad_request');
    expect(
      (await send(exchange, clock, 'POST', '/portfolio/events/orders', { rawBody: '[]' })).json.code,
    ).toBe('bad_request');
    expect((await send(exchange, clock, 'POST', '/portfolio/events/orders')).json.details).toBe('EOF');
    exchange.setMarketStatus(KC, 'closed');
    expect((await post(exchange, clock, orderBody())).json.error.code).toBe('market_closed');
    exchange.setStatus({ tradingActive: false });
    expect((await post(exchange, clock, orderBody())).json.error.code).toBe('trading_is_paused');
    expect((await send(exchange, clock, 'GET', '/exchange/status', { key: 'none' })).json).toEqual({
      exchange_active: true,
      trading_active: false,
    });
    expect(exchange.snapshot().orders).toHaveLength(0);
    expect(await balanceOf(exchange, clock)).toBe('100.0000');
  });

  it('answers the retired V1 order writes with 410', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const legacy = await send(exchange, clock, 'POST', '/portfolio/orders', {
      body: { ticker: KC, count: 1 },
    });
    expect(legacy.status).toBe(410);
    expect(legacy.json.error.code).toBe('deprecated_v1_order_endpoint');
    expect((await send(exchange, clock, 'DELETE', '/portfolio/orders/abc')).status).toBe(410);
  });

  it('fills a fill-or-kill order whole or not at all', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const killed = await post(
      exchange,
      clock,
      orderBody({ count: '11', price: '0.6300', time_in_force: 'fill_or_kill' }),
    );
    expect(killed.json).toMatchObject({ fill_count: '0.00', remaining_count: '0.00' });
    const order = (await send(exchange, clock, 'GET', `/portfolio/orders/${killed.json.order_id}`)).json
      .order;
    expect(order.status).toBe('canceled');
    const filled = await post(
      exchange,
      clock,
      orderBody({ count: '10', price: '0.6300', time_in_force: 'fill_or_kill' }),
    );
    expect(filled.json).toMatchObject({ fill_count: '10.00', remaining_count: '0.00' });
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${filled.json.order_id}`)).json.order.status,
    ).toBe('executed');
  });

  it('cancels the unfilled rest of an IOC order', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const ioc = await post(exchange, clock, orderBody({ count: '8', price: '0.6200' }));
    expect(ioc.json).toMatchObject({ fill_count: '5.00', remaining_count: '0.00' });
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${ioc.json.order_id}`)).json.order,
    ).toMatchObject({
      status: 'canceled',
      fill_count_fp: '5.00',
      taker_fill_cost_dollars: '3.100000',
    });
  });

  it('caps reduce-only orders at the position and refuses them without one', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { positions: [{ ticker: KC, position: '4', marketExposure: '2' }] });
    const none = await post(exchange, clock, orderBody({ reduce_only: true }));
    expect(none.json).toEqual({
      error: {
        code: 'invalid_order',
        message: 'invalid order',
        details: 'reduce only order would increase position',
      },
    });
    const capped = await post(
      exchange,
      clock,
      orderBody({ side: 'ask', count: '10', price: '0.5000', reduce_only: true }),
    );
    expect(capped.json).toMatchObject({
      fill_count: '4.00',
      remaining_count: '0.00',
      average_fill_price: '0.6000',
    });
    const [position] = (await send(exchange, clock, 'GET', '/portfolio/positions')).json.market_positions;
    expect(position).toMatchObject({ position_fp: '0.00', realized_pnl_dollars: '0.400000' });
  });

  it('amends a resting order across the book and decreases another', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    const a = await post(
      exchange,
      clock,
      orderBody({ client_order_id: 'a', count: '5', price: '0.5500', time_in_force: 'good_till_canceled' }),
    );
    const amended = await send(exchange, clock, 'POST', `/portfolio/events/orders/${a.json.order_id}/amend`, {
      body: { ticker: KC, side: 'bid', price: '0.6200', count: '5.00', updated_client_order_id: 'a2' },
    });
    expect(amended.status).toBe(200);
    expect(amended.json).toMatchObject({
      client_order_id: 'a2',
      fill_count: '5.00',
      remaining_count: '0.00',
    });
    expect(await balanceOf(exchange, clock)).toBe('96.8100'); // 100 − 3.10 − ceil(0.08246)
    const b = await post(
      exchange,
      clock,
      orderBody({ client_order_id: 'b', count: '10', price: '0.5000', time_in_force: 'good_till_canceled' }),
    );
    const moved = await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/amend`, {
      body: { ticker: KC, side: 'bid', price: '0.5100', count: '12.00' },
    });
    expect(moved.json).toMatchObject({ fill_count: '0.00', remaining_count: '12.00' });
    expect(await balanceOf(exchange, clock)).toBe('90.6900'); // 96.81 − 12 × 0.51
    const by = await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/decrease`, {
      body: { reduce_by: '4.00' },
    });
    expect(by.json).toEqual({
      client_order_id: 'b',
      order_id: b.json.order_id,
      remaining_count: '8.00',
      ts_ms: clock.now(),
    });
    const to = await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/decrease`, {
      body: { reduce_to: '2.00' },
    });
    expect(to.json.remaining_count).toBe('2.00');
    expect(await balanceOf(exchange, clock)).toBe('95.7900'); // 96.81 − 2 × 0.51
    const both = await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/decrease`, {
      body: { reduce_by: '1', reduce_to: '1' },
    });
    expect(both.json.details).toBe('exactly one of reduce_by and reduce_to is required');
    expect(
      (
        await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/decrease`, {
          body: { reduce_to: '5' },
        })
      ).json.error.code,
    ).toBe('invalid_order_count');
    const gone = await send(exchange, clock, 'POST', `/portfolio/events/orders/${b.json.order_id}/decrease`, {
      body: { reduce_by: '2' },
    });
    expect(gone.json.remaining_count).toBe('0.00');
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${b.json.order_id}`)).json.order.status,
    ).toBe('canceled');
    const missing = await send(exchange, clock, 'POST', '/portfolio/events/orders/nope/amend', {
      body: { ticker: KC, side: 'bid', price: '0.5100', count: '1' },
    });
    expect(missing.status).toBe(404);
  });

  it('checks amend requests', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    const a = await post(
      exchange,
      clock,
      orderBody({ client_order_id: 'a', count: '5', price: '0.5500', time_in_force: 'good_till_canceled' }),
    );
    await post(
      exchange,
      clock,
      orderBody({
        client_order_id: 'taken',
        count: '1',
        price: '0.5000',
        time_in_force: 'good_till_canceled',
      }),
    );
    const amend = (body: Record<string, unknown>) =>
      send(exchange, clock, 'POST', `/portfolio/events/orders/${a.json.order_id}/amend`, {
        body: { ticker: KC, side: 'bid', price: '0.5600', count: '5', ...body },
      });
    expect((await amend({ side: 'ask' })).json.error.details).toBe('ticker and side must match the order');
    expect((await amend({ price: '0.555' })).json.error.code).toBe('invalid_price');
    expect((await amend({ count: '0' })).json.error.code).toBe('invalid_order_count');
    expect((await amend({ count: 'x' })).json.error.code).toBe('invalid_order_count');
    expect((await amend({ updated_client_order_id: 'taken' })).json.error.code).toBe('order_already_exists');
    expect((await amend({ price: 0.56 })).json.code).toBe('bad_request');
  });

  it('creates and cancels orders in batches, with per-order errors', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    const batch = await send(exchange, clock, 'POST', '/portfolio/events/orders/batched', {
      body: {
        orders: [
          orderBody({ client_order_id: 'b1', price: '0.5000', time_in_force: 'good_till_canceled' }),
          orderBody({ client_order_id: 'b2', price: '0.5050' }),
          orderBody({ client_order_id: 'b3', price: '0.4000', time_in_force: 'good_till_canceled' }),
          null,
        ],
      },
    });
    expect(batch.status).toBe(201);
    expect(batch.json.orders).toEqual([
      {
        client_order_id: 'b1',
        fill_count: '0.00',
        order_id: '00000000-0000-4000-8000-000000000001',
        remaining_count: '1.00',
        ts_ms: clock.now(),
      },
      {
        client_order_id: 'b2',
        error: { code: 'invalid_price', message: 'invalid price', service: 'exchange' },
      },
      {
        client_order_id: 'b3',
        fill_count: '0.00',
        order_id: '00000000-0000-4000-8000-000000000002',
        remaining_count: '1.00',
        ts_ms: clock.now(),
      },
      { error: { code: 'bad_request', message: 'bad request' } },
    ]);
    const cancel = await send(exchange, clock, 'DELETE', '/portfolio/events/orders/batched', {
      body: { orders: [{ order_id: '00000000-0000-4000-8000-000000000001' }, { order_id: 'nope' }] },
    });
    expect(cancel.json.orders).toEqual([
      {
        client_order_id: 'b1',
        order_id: '00000000-0000-4000-8000-000000000001',
        reduced_by: '1.00',
        ts_ms: clock.now(),
      },
      {
        order_id: 'nope',
        reduced_by: '0.00',
        error: { code: 'not_found', message: 'not found', service: 'exchange' },
      },
    ]);
    const legacyIds = await send(exchange, clock, 'DELETE', '/portfolio/events/orders/batched', {
      body: { ids: ['nope'] },
    });
    expect(legacyIds.json.orders).toHaveLength(1);
    expect(
      (await send(exchange, clock, 'DELETE', '/portfolio/events/orders/batched', { body: {} })).status,
    ).toBe(400);
    expect(
      (await send(exchange, clock, 'POST', '/portfolio/events/orders/batched', { body: {} })).status,
    ).toBe(400);
    expect(
      (await send(exchange, clock, 'POST', '/portfolio/events/orders/batched', { body: { orders: [] } })).json
        .error.code,
    ).toBe('invalid_batch_size');
    expect(
      (await send(exchange, clock, 'DELETE', '/portfolio/events/orders/batched', { body: { orders: [] } }))
        .json.error.code,
    ).toBe('invalid_batch_size');
    const all = await send(exchange, clock, 'DELETE', '/portfolio/events/orders');
    expect(all.status).toBe(204);
    expect(all.text).toBe('');
    expect(exchange.snapshot().orders.map((o) => o.status)).toEqual(['canceled', 'canceled']);
    expect(await balanceOf(exchange, clock)).toBe('100.0000');
  });

  it('applies self-trade prevention against the account own resting orders', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    await post(
      exchange,
      clock,
      orderBody({
        client_order_id: 'own-ask',
        side: 'ask',
        count: '5',
        price: '0.6100',
        time_in_force: 'good_till_canceled',
      }),
    );
    const blocked = await post(exchange, clock, orderBody({ count: '10', price: '0.6200' }));
    expect(blocked.json).toMatchObject({ fill_count: '0.00', remaining_count: '0.00' });
    const makerStp = await post(
      exchange,
      clock,
      orderBody({ count: '5', price: '0.6200', self_trade_prevention_type: 'maker' }),
    );
    expect(makerStp.json).toMatchObject({ fill_count: '5.00' });
    expect(exchange.snapshot().orders.find((o) => o.clientOrderId === 'own-ask')?.status).toBe('canceled');
  });

  it('expires GTC orders at their expiration_time', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const expiring = await post(
      exchange,
      clock,
      orderBody({
        price: '0.5000',
        time_in_force: 'good_till_canceled',
        expiration_time: Math.floor(clock.now() / 1000) + 60,
      }),
    );
    const order = (await send(exchange, clock, 'GET', `/portfolio/orders/${expiring.json.order_id}`)).json
      .order;
    expect(order.status).toBe('resting');
    expect(order.expiration_time).toBe(new Date(clock.now() + 60_000).toISOString().replace('.000Z', 'Z'));
    clock.advance(61_000);
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${expiring.json.order_id}`)).json.order.status,
    ).toBe('canceled');
  });

  it('reports queue position and 404 for unknown orders', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const resting = await post(
      exchange,
      clock,
      orderBody({ price: '0.6000', time_in_force: 'good_till_canceled' }),
    );
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${resting.json.order_id}/queue_position`)).json,
    ).toEqual({
      queue_position_fp: '50.00',
    });
    expect((await send(exchange, clock, 'GET', '/portfolio/orders/nope/queue_position')).status).toBe(404);
    expect((await send(exchange, clock, 'GET', '/portfolio/orders/nope')).json).toEqual({
      error: { code: 'not_found', message: 'not found', service: 'exchange' },
    });
  });
});
