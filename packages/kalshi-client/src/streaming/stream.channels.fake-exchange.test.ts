// Every channel the fake exchange streams, read through the client's typed subscriptions: each
// message is compared whole (Decimals as text, times as ISO) with what the exchange's state says.
import { generateKeyPairSync } from 'node:crypto';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KalshiClient } from '../client';
import { createFakeExchange, type FakeExchange, type FakeExchangeServer } from '../testing';
import type { KalshiChannel } from './channels';
import type { KalshiStream } from './stream';

const KC = 'KXNFLGAME-26NOV29KCLV-KC';
const LV = 'KXNFLGAME-26NOV29KCLV-LV';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
// The fake's clock: fixed (so times are exact) and near the real one (so signatures are fresh).
const T0 = Math.floor(Date.now() / 1000) * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

let now: number;
let exchange: FakeExchange;
let server: FakeExchangeServer;
let client: KalshiClient;
let stream: KalshiStream;

/** Decimals as their text and Dates as ISO strings, undefined fields dropped: exact and readable. */
function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, plain(v)]),
    );
  return value;
}

/** Subscribes and records every message of the channel, as plain values. */
async function record(channel: KalshiChannel, marketTickers?: string[]) {
  const sub = await stream.subscribe({ channel, ...(marketTickers ? { marketTickers } : {}) });
  const messages: unknown[] = [];
  sub.on('message', (m) => messages.push(plain(m)));
  return { sid: sub.sid as number, messages };
}

beforeEach(async () => {
  now = T0;
  exchange = createFakeExchange({
    keys: [{ id: 'key-1', publicKey }],
    clock: { now: () => now },
    markets: [
      { ticker: KC, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.45', yesAsk: '0.47', yesAskSize: '10' },
      { ticker: LV, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.52', yesAsk: '0.55' },
    ],
    rateLimit: false,
  });
  server = await exchange.listen();
  client = new KalshiClient({ baseUrl: server.url, apiKeyId: 'key-1', privateKey, rateLimit: false });
  stream = client.stream();
});

afterEach(async () => {
  await stream.close();
  await server.close();
});

describe('the fake exchange streams every channel from its state', () => {
  it('order_group_updates: created, limit_updated, triggered, reset and deleted through REST', async () => {
    const { sid, messages } = await record('order_group_updates');
    const { order_group_id: id } = await client.orderGroups.create({ contracts_limit: '5' });
    now += 1000;
    await client.orderGroups.updateLimit(id, { contracts_limit: '3.5' });
    await client.orderGroups.trigger(id);
    await client.orderGroups.trigger(id);
    now += 1000;
    await client.orderGroups.reset(id);
    await client.orderGroups.delete(id);
    await exchange.streamRoundTrip();
    const update = (seq: number, msg: Record<string, unknown>) => ({
      type: 'order_group_updates',
      channel: 'order_group_updates',
      sid,
      seq,
      msg: { order_group_id: id, ...msg },
    });
    expect(messages).toEqual([
      update(1, { event_type: 'created', contracts_limit_fp: '5', time: iso(T0) }),
      update(2, { event_type: 'limit_updated', contracts_limit_fp: '3.5', time: iso(T0 + 1000) }),
      // A second trigger of a triggered group changes nothing and streams nothing.
      update(3, { event_type: 'triggered', time: iso(T0 + 1000) }),
      update(4, { event_type: 'reset', time: iso(T0 + 2000) }),
      update(5, { event_type: 'deleted', time: iso(T0 + 2000) }),
    ]);
  });

  it('order_group_updates: a group triggered by its own fills', async () => {
    const { messages } = await record('order_group_updates');
    const { order_group_id: id } = await client.orderGroups.create({ contracts_limit: '2' });
    await client.orders.create({ ticker: KC, side: 'bid', count: '3', price: '0.47', order_group_id: id });
    await exchange.streamRoundTrip();
    expect(messages.map((m) => (m as { msg: { event_type: string } }).msg.event_type)).toEqual([
      'created',
      'triggered',
    ]);
  });

  it('fill, user_orders and market_positions when orders match, and positions on settlement', async () => {
    const fills = await record('fill');
    const orders = await record('user_orders');
    const positions = await record('market_positions');
    const taker = await client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '2',
      price: '0.47',
      client_order_id: 'c-taker',
    });
    now += 1000;
    const maker = await client.orders.create({
      ticker: KC,
      side: 'bid',
      count: '1.5',
      price: '0.40',
      client_order_id: 'c-maker',
    });
    now += 1000;
    exchange.setPrices(KC, { yesAsk: '0.40', yesAskSize: '20' });
    await exchange.streamRoundTrip();

    const [takerFill, makerFill] = exchange.snapshot().fills;
    expect(fills.messages).toEqual([
      {
        type: 'fill',
        channel: 'fill',
        sid: fills.sid,
        seq: undefined,
        msg: {
          trade_id: takerFill?.fillId,
          fill_id: takerFill?.fillId,
          order_id: taker.order_id,
          client_order_id: 'c-taker',
          market_ticker: KC,
          is_taker: true,
          side: 'yes',
          action: 'buy',
          book_side: 'bid',
          yes_price_dollars: '0.47',
          no_price_dollars: '0.53',
          count_fp: '2',
          fee_cost: '0.04',
          time: iso(T0),
        },
      },
      {
        type: 'fill',
        channel: 'fill',
        sid: fills.sid,
        seq: undefined,
        msg: {
          trade_id: makerFill?.fillId,
          fill_id: makerFill?.fillId,
          order_id: maker.order_id,
          client_order_id: 'c-maker',
          market_ticker: KC,
          is_taker: false,
          side: 'yes',
          action: 'buy',
          book_side: 'bid',
          yes_price_dollars: '0.4',
          no_price_dollars: '0.6',
          count_fp: '1.5',
          fee_cost: '0',
          time: iso(T0 + 2000),
        },
      },
    ]);
    const order = (id: string, client_order_id: string, rest: Record<string, unknown>) => ({
      type: 'user_order',
      channel: 'user_orders',
      sid: orders.sid,
      seq: undefined,
      msg: {
        order_id: id,
        user_id: 'f0000000-0000-4000-8000-00000000fa6e',
        ticker: KC,
        side: 'yes',
        book_side: 'bid',
        client_order_id,
        self_trade_prevention_type: 'taker_at_cross',
        ...rest,
      },
    });
    expect(orders.messages).toEqual([
      order(taker.order_id, 'c-taker', {
        status: 'executed',
        yes_price_dollars: '0.47',
        fill_count_fp: '2',
        remaining_count_fp: '0',
        initial_count_fp: '2',
        taker_fill_cost_dollars: '0.94',
        maker_fill_cost_dollars: '0',
        created_time: iso(T0),
        last_update_time: iso(T0),
      }),
      order(maker.order_id, 'c-maker', {
        status: 'resting',
        yes_price_dollars: '0.4',
        fill_count_fp: '0',
        remaining_count_fp: '1.5',
        initial_count_fp: '1.5',
        taker_fill_cost_dollars: '0',
        maker_fill_cost_dollars: '0',
        created_time: iso(T0 + 1000),
        last_update_time: iso(T0 + 1000),
      }),
      order(maker.order_id, 'c-maker', {
        status: 'executed',
        yes_price_dollars: '0.4',
        fill_count_fp: '1.5',
        remaining_count_fp: '0',
        initial_count_fp: '1.5',
        taker_fill_cost_dollars: '0',
        maker_fill_cost_dollars: '0.6',
        created_time: iso(T0 + 1000),
        last_update_time: iso(T0 + 2000),
      }),
    ]);
    const position = (rest: Record<string, unknown>) => ({
      type: 'market_position',
      channel: 'market_positions',
      sid: positions.sid,
      seq: undefined,
      msg: { user_id: 'f0000000-0000-4000-8000-00000000fa6e', market_ticker: KC, ...rest },
    });
    const afterTaker = position({
      position_fp: '2',
      position_cost_dollars: '0.94',
      realized_pnl_dollars: '0',
      fees_paid_dollars: '0.04',
      volume_fp: '2',
    });
    const afterMaker = position({
      position_fp: '3.5',
      position_cost_dollars: '1.54',
      realized_pnl_dollars: '0',
      fees_paid_dollars: '0.04',
      volume_fp: '3.5',
    });
    expect(positions.messages).toEqual([afterTaker, afterMaker]);

    now += 1000;
    exchange.settle(KC, 'yes');
    await exchange.streamRoundTrip();
    expect(positions.messages.slice(2)).toEqual([
      position({
        position_fp: '0',
        position_cost_dollars: '0',
        realized_pnl_dollars: '1.96',
        fees_paid_dollars: '0.04',
        volume_fp: '3.5',
      }),
    ]);
    expect(fills.messages).toHaveLength(2);
    expect(orders.messages).toHaveLength(3);
  });

  it('ticker and trade: a price move and a trade, filtered by market', async () => {
    const ticker = await record('ticker', [KC]);
    const trade = await record('trade', [KC]);
    exchange.setPrices(KC, { yesBid: '0.46', yesBidSize: '5' });
    exchange.setPrices(LV, { yesBid: '0.50' });
    now += 1000;
    await client.orders.create({ ticker: KC, side: 'bid', count: '2', price: '0.47' });
    await exchange.streamRoundTrip();
    const tick = (msg: Record<string, unknown>) => ({
      type: 'ticker',
      channel: 'ticker',
      sid: ticker.sid,
      msg: { market_ticker: KC, market_id: KC, yes_ask_dollars: '0.47', ...msg },
    });
    expect(ticker.messages).toEqual([
      tick({
        // The last price of a market never traded: the mid of its first bid and ask, to the cent.
        price_dollars: '0.46',
        yes_bid_dollars: '0.46',
        yes_bid_size_fp: '5',
        yes_ask_size_fp: '10',
        volume_fp: '0',
        open_interest_fp: '0',
        time: iso(T0),
      }),
      tick({
        price_dollars: '0.47',
        yes_bid_dollars: '0.46',
        yes_bid_size_fp: '5',
        yes_ask_size_fp: '8',
        volume_fp: '2',
        open_interest_fp: '2',
        time: iso(T0 + 1000),
      }),
    ]);
    const fill = exchange.snapshot().fills[0];
    expect(trade.messages).toEqual([
      {
        type: 'trade',
        channel: 'trade',
        sid: trade.sid,
        seq: 1,
        msg: {
          trade_id: fill?.fillId,
          market_ticker: KC,
          yes_price_dollars: '0.47',
          no_price_dollars: '0.53',
          count_fp: '2',
          taker_side: 'yes',
          time: iso(T0 + 1000),
        },
      },
    ]);
  });

  it('market_lifecycle_v2 and event_lifecycle: a new event and market, a pause, a settlement', async () => {
    const { sid, messages } = await record('market_lifecycle_v2');
    now += 1000;
    exchange.addMarket({
      ticker: 'KXNEW-26DEC01-A',
      eventTicker: 'KXNEW-26DEC01',
      seriesTicker: 'KXNEW',
      yesBid: '0.30',
      yesAsk: '0.35',
    });
    exchange.setMarketStatus(LV, 'inactive');
    exchange.setMarketStatus(LV, 'active');
    now += 1000;
    exchange.settle(KC, 'no');
    await exchange.streamRoundTrip();
    const created = exchange.marketBody('KXNEW-26DEC01-A') as Record<string, string>;
    const event = (seq: number, type: string, msg: Record<string, unknown>) => ({
      type,
      channel: 'market_lifecycle_v2',
      sid,
      seq,
      msg,
    });
    const secs = (text: string) => new Date(Math.floor(Date.parse(text) / 1000) * 1000).toISOString();
    expect(messages).toEqual([
      event(1, 'event_lifecycle', {
        event_ticker: 'KXNEW-26DEC01',
        title: expect.any(String),
        collateral_return_type: 'MECNET',
        series_ticker: 'KXNEW',
      }),
      event(2, 'market_lifecycle_v2', {
        market_ticker: 'KXNEW-26DEC01-A',
        event_type: 'created',
        open_ts: secs(created.open_time as string),
        close_ts: secs(created.close_time as string),
        additional_metadata: {
          title: created.title,
          yes_sub_title: created.yes_sub_title,
          no_sub_title: created.no_sub_title,
          rules_primary: created.rules_primary,
          event_ticker: 'KXNEW-26DEC01',
          expected_expiration_ts: Math.floor(Date.parse(created.expected_expiration_time as string) / 1000),
        },
      }),
      event(3, 'market_lifecycle_v2', { market_ticker: LV, event_type: 'deactivated', is_deactivated: true }),
      event(4, 'market_lifecycle_v2', { market_ticker: LV, event_type: 'activated', is_deactivated: false }),
      event(5, 'market_lifecycle_v2', {
        market_ticker: KC,
        event_type: 'determined',
        result: 'no',
        determination_ts: iso(T0 + 2000),
        settlement_value: '0',
      }),
      event(6, 'market_lifecycle_v2', {
        market_ticker: KC,
        event_type: 'settled',
        settled_ts: iso(T0 + 2000),
      }),
    ]);
  });

  it('multivariate and communications through the test hooks, sequenced and typed', async () => {
    const mv = await record('multivariate');
    const comms = await record('communications');
    exchange.publishMultivariateLookup({
      collectionTicker: 'KXOSCARWINNERS-25',
      eventTicker: 'KXOSCARWINNERS-25C0CE5',
      marketTicker: 'KXOSCARWINNERS-25C0CE5-36353',
      selectedMarkets: [{ eventTicker: 'KXOSCARACTO-25', marketTicker: 'KXOSCARACTO-25-AB', side: 'yes' }],
    });
    exchange.publishCommunication('rfq_created', {
      id: 'rfq_123',
      creator_id: '',
      market_ticker: KC,
      contracts_fp: '100.00',
      target_cost_dollars: '0.35',
      created_ts: '2024-12-01T10:00:00Z',
    });
    exchange.publishCommunication('quote_executed', {
      quote_id: 'quote_456',
      rfq_id: 'rfq_123',
      order_id: 'order_789',
      client_order_id: 'my_client_order_123',
      market_ticker: KC,
    });
    await exchange.streamRoundTrip();
    expect(mv.messages).toEqual([
      {
        type: 'multivariate_lookup',
        channel: 'multivariate',
        sid: mv.sid,
        seq: 1,
        msg: {
          collection_ticker: 'KXOSCARWINNERS-25',
          event_ticker: 'KXOSCARWINNERS-25C0CE5',
          market_ticker: 'KXOSCARWINNERS-25C0CE5-36353',
          selected_markets: [
            { event_ticker: 'KXOSCARACTO-25', market_ticker: 'KXOSCARACTO-25-AB', side: 'yes' },
          ],
        },
      },
    ]);
    expect(comms.messages).toEqual([
      {
        type: 'rfq_created',
        channel: 'communications',
        sid: comms.sid,
        seq: 1,
        msg: {
          id: 'rfq_123',
          creator_id: '',
          market_ticker: KC,
          contracts_fp: '100',
          target_cost_dollars: '0.35',
          created_ts: '2024-12-01T10:00:00Z',
        },
      },
      {
        type: 'quote_executed',
        channel: 'communications',
        sid: comms.sid,
        seq: 2,
        msg: {
          quote_id: 'quote_456',
          rfq_id: 'rfq_123',
          order_id: 'order_789',
          client_order_id: 'my_client_order_123',
          market_ticker: KC,
        },
      },
    ]);
  });

  it('a lost order group update is a gap on its sid', async () => {
    const { sid, messages } = await record('order_group_updates');
    const gaps: unknown[] = [];
    stream.on('gap', (g) => gaps.push(g));
    const { order_group_id: id } = await client.orderGroups.create({ contracts_limit: '5' });
    exchange.injectStreamFault('lose-message');
    await client.orderGroups.trigger(id);
    await client.orderGroups.reset(id);
    await exchange.streamRoundTrip();
    expect(gaps).toEqual([{ channel: 'order_group_updates', sid, expected: 2, received: 3, tickers: [] }]);
    expect(messages.map((m) => (m as { seq: number }).seq)).toEqual([1, 3]);
  });
});

describe('the fake exchange test hooks', () => {
  it('streamSubscribed resolves for the nth subscription, and again after a reconnect with the new sid', async () => {
    const first = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    expect(await exchange.streamSubscribed('orderbook_delta')).toEqual({
      channel: 'orderbook_delta',
      sid: first.sid,
      marketTickers: [KC],
    });
    const second = exchange.streamSubscribed('orderbook_delta', 2);
    exchange.injectStreamFault('drop-connection');
    const again = await second;
    expect(again.sid).not.toBe(first.sid);
    expect(again.marketTickers).toEqual([KC]);
  });
});
