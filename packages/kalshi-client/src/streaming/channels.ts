// The WebSocket channels, one zod schema per message type. Money and sizes are `Decimal`, times
// `Date`, unknown fields are dropped, fields Kalshi may omit are optional. `orderbook_delta`, the
// high-volume message, has a hand-checked fast path in `parse.ts` instead of a schema.
import type Decimal from 'decimal.js';
import { z } from 'zod';
import { decimal, isoDate, optional, unixMillis, unixSeconds } from '../internal/zod';

/** Every channel a subscription can name (the `channels` of a `subscribe` command). */
export const KALSHI_CHANNELS = [
  'orderbook_delta',
  'ticker',
  'trade',
  'fill',
  'market_positions',
  'user_orders',
  'market_lifecycle_v2',
  'order_group_updates',
  'multivariate',
  'communications',
] as const;
/** A channel name. `market_lifecycle_v2` carries `event_lifecycle` messages too. */
export type KalshiChannel = (typeof KALSHI_CHANNELS)[number];

/** Channels whose messages carry no `seq`: a reconnect can lose some, so the stream asks for a REST reconcile. */
export const UNSEQUENCED_PRIVATE_CHANNELS: ReadonlySet<KalshiChannel> = new Set([
  'fill',
  'user_orders',
  'market_positions',
]);

/** Kalshi's ms time when present, else its seconds, else its RFC 3339 text. */
function timeOf(raw: { ts_ms?: Date | undefined; ts?: Date | undefined; time?: Date | undefined }) {
  return raw.ts_ms ?? raw.ts ?? raw.time;
}

const level = z.tuple([decimal, decimal]).rest(z.unknown());

/**
 * `{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"KX…-LEP","market_id":"f5ed…",
 *   "yes_dollars_fp":[["0.4700","3.00"]],"no_dollars_fp":[["0.4800","2.00"]]}}`
 * Each side lists resting bids `[price_dollars, size_fp]`; a side with no bids is omitted.
 */
export const orderbookSnapshotSchema = z.object({
  market_ticker: z.string(),
  market_id: optional(z.string()),
  yes_dollars_fp: optional(z.array(level)),
  no_dollars_fp: optional(z.array(level)),
});

/**
 * `{"type":"ticker","sid":11,"msg":{"market_ticker":"FED-23DEC-T3.00","price_dollars":"0.4800",
 *   "yes_bid_dollars":"0.4500","yes_ask_dollars":"0.5300","volume_fp":"33896.00",
 *   "open_interest_fp":"20422.00","yes_bid_size_fp":"300.00","yes_ask_size_fp":"150.00",
 *   "last_trade_size_fp":"25.00","ts":1669149841,"ts_ms":1669149841000,"time":"2022-11-22T20:44:01Z"}}`
 */
export const tickerSchema = z
  .object({
    market_ticker: z.string(),
    market_id: optional(z.string()),
    price_dollars: optional(decimal),
    yes_bid_dollars: optional(decimal),
    yes_ask_dollars: optional(decimal),
    yes_bid_size_fp: optional(decimal),
    yes_ask_size_fp: optional(decimal),
    last_trade_size_fp: optional(decimal),
    volume_fp: optional(decimal),
    open_interest_fp: optional(decimal),
    ts_ms: optional(unixMillis),
    ts: optional(unixSeconds),
    time: optional(isoDate),
  })
  .transform(({ ts_ms, ts, time, ...rest }) => ({ ...rest, time: timeOf({ ts_ms, ts, time }) }));

/**
 * `{"type":"trade","sid":11,"seq":2,"msg":{"trade_id":"d91b…","market_ticker":"HIGHNY-22DEC23-B53.5",
 *   "yes_price_dollars":"0.3600","no_price_dollars":"0.6400","count_fp":"136.00","taker_side":"no",
 *   "ts":1669149841,"ts_ms":1669149841000}}`
 */
export const tradeSchema = z
  .object({
    trade_id: z.string(),
    market_ticker: z.string(),
    yes_price_dollars: decimal,
    no_price_dollars: optional(decimal),
    count_fp: decimal,
    taker_side: optional(z.string()),
    ts_ms: optional(unixMillis),
    ts: optional(unixSeconds),
  })
  .transform(({ ts_ms, ts, ...rest }) => ({ ...rest, time: timeOf({ ts_ms, ts }) }));

/**
 * `{"type":"fill","sid":13,"msg":{"trade_id":"d91b…","order_id":"ee58…","client_order_id":"my-order-1",
 *   "market_ticker":"HIGHNY-22DEC23-B53.5","is_taker":true,"side":"yes","yes_price_dollars":"0.7500",
 *   "count_fp":"278.00","fee_cost":"0.010000","action":"buy","ts":1671899397,"ts_ms":1671899397000,
 *   "post_position_fp":"500.00","purchased_side":"yes","book_side":"bid","subaccount":3}}`
 * `trade_id` is the fill's id (REST `fill_id`); no `seq`.
 */
export const fillSchema = z
  .object({
    trade_id: z.string(),
    fill_id: optional(z.string()),
    order_id: z.string(),
    client_order_id: optional(z.string()),
    market_ticker: z.string(),
    is_taker: z.boolean(),
    side: z.enum(['yes', 'no']),
    action: optional(z.enum(['buy', 'sell'])),
    book_side: optional(z.enum(['bid', 'ask'])),
    yes_price_dollars: decimal,
    no_price_dollars: optional(decimal),
    count_fp: decimal,
    fee_cost: optional(decimal),
    post_position_fp: optional(decimal),
    purchased_side: optional(z.string()),
    subaccount: optional(z.number()),
    ts_ms: optional(unixMillis),
    ts: optional(unixSeconds),
  })
  .transform(({ ts_ms, ts, ...rest }) => ({
    ...rest,
    fill_id: rest.fill_id ?? rest.trade_id,
    time: timeOf({ ts_ms, ts }),
  }));

const centiCents = z.number().transform((value): Decimal => decimal.parse(String(value)).div(10_000));

/**
 * `{"type":"market_position","sid":14,"msg":{"user_id":"user123","market_ticker":"FED-23DEC-T3.00",
 *   "position_fp":"100.00","position_cost_dollars":"50.0000","realized_pnl_dollars":"10.0000",
 *   "fees_paid_dollars":"1.0000","volume_fp":"15.00"}}`
 * Older frames carry integer centi-cents (`position_cost`, `realized_pnl`, `fees_paid`) instead of
 * the `_dollars` strings; both read as dollars.
 */
export const marketPositionSchema = z
  .object({
    user_id: optional(z.string()),
    market_ticker: z.string(),
    position_fp: decimal,
    position_cost_dollars: optional(decimal),
    realized_pnl_dollars: optional(decimal),
    fees_paid_dollars: optional(decimal),
    position_fee_cost_dollars: optional(decimal),
    position_cost: optional(centiCents),
    realized_pnl: optional(centiCents),
    fees_paid: optional(centiCents),
    position_fee_cost: optional(centiCents),
    volume_fp: optional(decimal),
    subaccount: optional(z.number()),
  })
  .transform((raw) => ({
    user_id: raw.user_id,
    market_ticker: raw.market_ticker,
    position_fp: raw.position_fp,
    position_cost_dollars: raw.position_cost_dollars ?? raw.position_cost,
    realized_pnl_dollars: raw.realized_pnl_dollars ?? raw.realized_pnl,
    fees_paid_dollars: raw.fees_paid_dollars ?? raw.fees_paid,
    position_fee_cost_dollars: raw.position_fee_cost_dollars ?? raw.position_fee_cost,
    volume_fp: raw.volume_fp,
    subaccount: raw.subaccount,
  }));

/**
 * `{"type":"user_order","sid":22,"msg":{"order_id":"ee58…","ticker":"FED-23DEC-T3.00","status":"resting",
 *   "side":"yes","yes_price_dollars":"0.3500","fill_count_fp":"0.00","remaining_count_fp":"10.00",
 *   "initial_count_fp":"10.00","client_order_id":"my-order-1","created_time":"2024-12-01T10:00:00Z", …}}`
 */
export const userOrderSchema = z.object({
  order_id: z.string(),
  user_id: optional(z.string()),
  ticker: z.string(),
  status: z.string(),
  side: optional(z.string()),
  book_side: optional(z.string()),
  yes_price_dollars: optional(decimal),
  fill_count_fp: optional(decimal),
  remaining_count_fp: optional(decimal),
  initial_count_fp: optional(decimal),
  taker_fill_cost_dollars: optional(decimal),
  maker_fill_cost_dollars: optional(decimal),
  taker_fees_dollars: optional(decimal),
  maker_fees_dollars: optional(decimal),
  client_order_id: optional(z.string()),
  order_group_id: optional(z.string()),
  self_trade_prevention_type: optional(z.string()),
  created_time: optional(isoDate),
  last_update_time: optional(isoDate),
  expiration_time: optional(isoDate),
  subaccount_number: optional(z.number()),
});

/**
 * `{"type":"market_lifecycle_v2","sid":13,"seq":4,"msg":{"market_ticker":"INXD-23SEP14-B4487",
 *   "event_type":"settled","settled_ts":1694721600}}` (also `created`, `activated`, `deactivated`,
 * `close_date_updated`, `determined`, `price_level_structure_updated`).
 */
export const marketLifecycleSchema = z.object({
  market_ticker: z.string(),
  event_type: z.string(),
  open_ts: optional(unixSeconds),
  close_ts: optional(unixSeconds),
  determination_ts: optional(unixSeconds),
  settled_ts: optional(unixSeconds),
  result: optional(z.string()),
  settlement_value: optional(decimal),
  is_deactivated: optional(z.boolean()),
  price_level_structure: optional(z.string()),
  price_ranges: optional(z.array(z.object({ start: decimal, end: decimal, step: decimal }))),
  additional_metadata: optional(z.record(z.string(), z.unknown())),
});

/**
 * `{"type":"event_lifecycle","sid":5,"seq":8,"msg":{"event_ticker":"KXQUICKSETTLE-26JAN25H2150",
 *   "title":"What will 1+1 equal on Jan 25 at 21:50?","subtitle":"Jan 25 at 21:50",
 *   "collateral_return_type":"MECNET","series_ticker":"KXQUICKSETTLE"}}`
 */
export const eventLifecycleSchema = z.object({
  event_ticker: z.string(),
  title: optional(z.string()),
  subtitle: optional(z.string()),
  collateral_return_type: optional(z.string()),
  series_ticker: optional(z.string()),
  strike_date: optional(unixSeconds),
  strike_period: optional(z.string()),
});

/**
 * `{"type":"order_group_updates","sid":21,"seq":7,"msg":{"event_type":"limit_updated",
 *   "order_group_id":"og_123","contracts_limit_fp":"150.00","ts_ms":1733047200000}}`
 */
export const orderGroupUpdateSchema = z
  .object({
    event_type: z.string(),
    order_group_id: z.string(),
    contracts_limit_fp: optional(decimal),
    ts_ms: optional(unixMillis),
  })
  .transform(({ ts_ms, ...rest }) => ({ ...rest, time: ts_ms }));

/**
 * `{"type":"multivariate_lookup","sid":3,"seq":1,"msg":{"collection_ticker":"KXMVE…","event_ticker":"…",
 *   "market_ticker":"…","selected_markets":[{"event_ticker":"…","market_ticker":"…","side":"yes"}]}}`
 */
export const multivariateLookupSchema = z.object({
  collection_ticker: z.string(),
  event_ticker: z.string(),
  market_ticker: z.string(),
  selected_markets: z.array(
    z.object({ event_ticker: z.string(), market_ticker: z.string(), side: z.string() }),
  ),
});

/**
 * RFQs and quotes (`rfq_created`, `rfq_deleted`, `quote_created`, `quote_accepted`,
 * `quote_executed`): the common identifiers are typed, money fields read as Decimal when present.
 */
export const communicationSchema = z
  .object({
    id: optional(z.string()),
    rfq_id: optional(z.string()),
    quote_id: optional(z.string()),
    market_ticker: optional(z.string()),
    event_ticker: optional(z.string()),
    contracts_fp: optional(decimal),
    target_cost_dollars: optional(decimal),
    yes_bid_dollars: optional(decimal),
    no_bid_dollars: optional(decimal),
    accepted_side: optional(z.string()),
    client_order_id: optional(z.string()),
    order_id: optional(z.string()),
  })
  .loose();

/** The schema of each data message `type`, and the channel it belongs to. */
export const MESSAGE_SCHEMAS = {
  orderbook_snapshot: { channel: 'orderbook_delta', schema: orderbookSnapshotSchema },
  ticker: { channel: 'ticker', schema: tickerSchema },
  ticker_v2: { channel: 'ticker', schema: tickerSchema },
  trade: { channel: 'trade', schema: tradeSchema },
  fill: { channel: 'fill', schema: fillSchema },
  market_position: { channel: 'market_positions', schema: marketPositionSchema },
  user_order: { channel: 'user_orders', schema: userOrderSchema },
  market_lifecycle_v2: { channel: 'market_lifecycle_v2', schema: marketLifecycleSchema },
  event_lifecycle: { channel: 'market_lifecycle_v2', schema: eventLifecycleSchema },
  order_group_updates: { channel: 'order_group_updates', schema: orderGroupUpdateSchema },
  multivariate_lookup: { channel: 'multivariate', schema: multivariateLookupSchema },
  rfq_created: { channel: 'communications', schema: communicationSchema },
  rfq_deleted: { channel: 'communications', schema: communicationSchema },
  quote_created: { channel: 'communications', schema: communicationSchema },
  quote_accepted: { channel: 'communications', schema: communicationSchema },
  quote_executed: { channel: 'communications', schema: communicationSchema },
} as const satisfies Record<string, { channel: KalshiChannel; schema: z.ZodType }>;

type Schemas = typeof MESSAGE_SCHEMAS;
/** A data message type other than `orderbook_delta`. */
export type SchemaMessageType = keyof Schemas;

/** A validated data message: `type`, subscription id, sequence (when the channel has one) and typed body. */
export type SchemaMessage = {
  [T in SchemaMessageType]: {
    type: T;
    channel: Schemas[T]['channel'];
    sid: number;
    seq: number | undefined;
    msg: z.output<Schemas[T]['schema']>;
  };
}[SchemaMessageType];

/** A ticker update. */
export type TickerUpdate = z.output<typeof tickerSchema>;
/** A public trade. */
export type TradeUpdate = z.output<typeof tradeSchema>;
/** One of the account's fills. */
export type FillUpdate = z.output<typeof fillSchema>;
/** A change of one of the account's positions. */
export type MarketPositionUpdate = z.output<typeof marketPositionSchema>;
/** A change of one of the account's orders. */
export type UserOrderUpdate = z.output<typeof userOrderSchema>;
/** A market lifecycle event. */
export type MarketLifecycleUpdate = z.output<typeof marketLifecycleSchema>;
/** An event lifecycle event. */
export type EventLifecycleUpdate = z.output<typeof eventLifecycleSchema>;
/** An order group change. */
export type OrderGroupUpdate = z.output<typeof orderGroupUpdateSchema>;
/** A multivariate collection lookup. */
export type MultivariateLookup = z.output<typeof multivariateLookupSchema>;
/** An RFQ or quote notification. */
export type CommunicationUpdate = z.output<typeof communicationSchema>;
/** An order-book snapshot as parsed (levels Decimal). */
export type OrderbookSnapshotUpdate = z.output<typeof orderbookSnapshotSchema>;
