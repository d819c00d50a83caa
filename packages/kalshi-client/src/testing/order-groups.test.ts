import { describe, expect, it } from 'vitest';
import { KC, makeExchange, manualClock, orderBody, send } from './__fixtures__/harness';

type Exchange = ReturnType<typeof makeExchange>;
type Clock = ReturnType<typeof manualClock>;

async function createGroup(exchange: Exchange, clock: Clock, limit: string): Promise<string> {
  const created = await send(exchange, clock, 'POST', '/portfolio/order_groups/create', {
    body: { contracts_limit_fp: limit },
  });
  expect(created.status).toBe(201);
  return created.json.order_group_id;
}

const restingBid = (group: string, overrides: Record<string, unknown> = {}) =>
  orderBody({ price: '0.5000', time_in_force: 'good_till_canceled', order_group_id: group, ...overrides });

describe('fake exchange order groups', () => {
  it('creates a group and lists it with its limit', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const id = await createGroup(exchange, clock, '25');
    expect((await send(exchange, clock, 'GET', '/portfolio/order_groups')).json).toEqual({
      order_groups: [{ contracts_limit_fp: '25.00', exchange_index: 0, id, is_auto_cancel_enabled: true }],
    });
  });

  it('refuses a group without a limit, and limits that disagree', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const none = await send(exchange, clock, 'POST', '/portfolio/order_groups/create', { body: {} });
    expect(none.status).toBe(400);
    const differ = await send(exchange, clock, 'POST', '/portfolio/order_groups/create', {
      body: { contracts_limit: 5, contracts_limit_fp: '6.00' },
    });
    expect(differ.status).toBe(400);
  });

  it('records the order_group_id on orders and lists them under the group', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const id = await createGroup(exchange, clock, '25');
    const placed = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    expect(placed.status).toBe(201);
    const orderId = placed.json.order_id;
    expect(
      (await send(exchange, clock, 'GET', `/portfolio/orders/${orderId}`)).json.order.order_group_id,
    ).toBe(id);
    expect((await send(exchange, clock, 'GET', `/portfolio/order_groups/${id}`)).json).toEqual({
      contracts_limit_fp: '25.00',
      exchange_index: 0,
      is_auto_cancel_enabled: true,
      orders: [orderId],
    });
  });

  it('refuses an order for a group that does not exist', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const placed = await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: restingBid('no-such-group'),
    });
    expect(placed.status).toBe(404);
    expect(placed.json.error.code).toBe('order_group_not_found');
  });

  it('trigger cancels the resting orders of the group only, and refuses new ones until reset', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock);
    const id = await createGroup(exchange, clock, '25');
    const inGroup = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    const outside = await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: restingBid(id, { order_group_id: undefined }),
    });
    expect(
      (await send(exchange, clock, 'PUT', `/portfolio/order_groups/${id}/trigger`, { body: {} })).status,
    ).toBe(200);
    const status = (orderId: string) => exchange.snapshot().orders.find((o) => o.orderId === orderId)?.status;
    expect(status(inGroup.json.order_id)).toBe('canceled');
    expect(status(outside.json.order_id)).toBe('resting');
    // The held cash of the canceled order comes back: 100 − 0.50 held for the other order.
    expect(exchange.snapshot().balance.toFixed(4)).toBe('99.5000');

    const refused = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('order_group_triggered');

    await send(exchange, clock, 'PUT', `/portfolio/order_groups/${id}/reset`, { body: {} });
    const again = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    expect(again.status).toBe(201);
  });

  it('triggers the group when its orders match more than the limit within 15 seconds', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    exchange.setPrices(KC, { yesAsk: '0.62', yesAskSize: '100' });
    const id = await createGroup(exchange, clock, '3');
    const resting = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    // 3 matched: at the limit, not past it.
    const take = () =>
      send(exchange, clock, 'POST', '/portfolio/events/orders', {
        body: orderBody({ count: '3.00', order_group_id: id }),
      });
    expect((await take()).json.fill_count).toBe('3.00');
    expect(exchange.snapshot().orders.find((o) => o.orderId === resting.json.order_id)?.status).toBe(
      'resting',
    );
    clock.advance(1_000);
    expect((await take()).json.fill_count).toBe('3.00');
    // 6 matched within the window: the group fired and canceled its resting order.
    expect(exchange.snapshot().orders.find((o) => o.orderId === resting.json.order_id)?.status).toBe(
      'canceled',
    );
    expect((await take()).json.error.code).toBe('order_group_triggered');
  });

  it('forgets fills older than the rolling 15-second window', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    exchange.setPrices(KC, { yesAsk: '0.62', yesAskSize: '100' });
    const id = await createGroup(exchange, clock, '3');
    const take = () =>
      send(exchange, clock, 'POST', '/portfolio/events/orders', {
        body: orderBody({ count: '3.00', order_group_id: id }),
      });
    expect((await take()).status).toBe(201);
    clock.advance(15_000);
    expect((await take()).status).toBe(201);
    clock.advance(15_000);
    expect((await take()).status).toBe(201);
  });

  it('triggers when the limit is lowered below what matched, and delete removes the group', async () => {
    const clock = manualClock();
    const exchange = makeExchange(clock, { rateLimit: false });
    const id = await createGroup(exchange, clock, '10');
    await send(exchange, clock, 'POST', '/portfolio/events/orders', {
      body: orderBody({ count: '2.00', order_group_id: id }),
    });
    const resting = await send(exchange, clock, 'POST', '/portfolio/events/orders', { body: restingBid(id) });
    await send(exchange, clock, 'PUT', `/portfolio/order_groups/${id}/limit`, {
      body: { contracts_limit_fp: '1.00' },
    });
    expect(exchange.snapshot().orders.find((o) => o.orderId === resting.json.order_id)?.status).toBe(
      'canceled',
    );
    expect((await send(exchange, clock, 'DELETE', `/portfolio/order_groups/${id}`)).status).toBe(200);
    expect((await send(exchange, clock, 'GET', `/portfolio/order_groups/${id}`)).status).toBe(404);
    expect(exchange.snapshot().orderGroups).toEqual([]);
  });
});
