import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional, unixSeconds } from '../internal/zod';

/**
 * One band of a market's price grid.
 * `{"start":"0.0000","end":"1.0000","step":"0.0100"}`
 */
export const priceRangeSchema = z.object({ start: decimal, end: decimal, step: decimal });
export type PriceRange = z.output<typeof priceRangeSchema>;

/**
 * A market, as `GET /markets` and `GET /markets/{ticker}` return it. Abridged sample:
 * `{"ticker":"KXWTACHALLENGERMATCH-26JUN11JIMLEP-LEP","event_ticker":"KXWTACHALLENGERMATCH-26JUN11JIMLEP",
 *   "status":"active","yes_bid_dollars":"0.4700","yes_ask_dollars":"0.5200","last_price_dollars":"0.9900",
 *   "volume_fp":"2.00","price_level_structure":"linear_cent","price_ranges":[...],"close_time":"2026-06-25T16:00:00Z"}`
 */
export const marketSchema = z.object({
  ticker: z.string(),
  event_ticker: z.string(),
  market_type: optional(z.string()),
  title: optional(z.string()),
  subtitle: optional(z.string()),
  yes_sub_title: optional(z.string()),
  no_sub_title: optional(z.string()),
  status: z.string(),
  created_time: optional(isoDate),
  updated_time: optional(isoDate),
  open_time: optional(isoDate),
  close_time: optional(isoDate),
  expected_expiration_time: optional(isoDate),
  expiration_time: optional(isoDate),
  latest_expiration_time: optional(isoDate),
  occurrence_datetime: optional(isoDate),
  settlement_ts: optional(isoDate),
  fee_waiver_expiration_time: optional(isoDate),
  settlement_timer_seconds: optional(z.number()),
  yes_bid_dollars: optional(decimal),
  yes_bid_size_fp: optional(decimal),
  yes_ask_dollars: optional(decimal),
  yes_ask_size_fp: optional(decimal),
  no_bid_dollars: optional(decimal),
  no_ask_dollars: optional(decimal),
  last_price_dollars: optional(decimal),
  previous_yes_bid_dollars: optional(decimal),
  previous_yes_ask_dollars: optional(decimal),
  previous_price_dollars: optional(decimal),
  volume_fp: optional(decimal),
  volume_24h_fp: optional(decimal),
  open_interest_fp: optional(decimal),
  notional_value_dollars: optional(decimal),
  liquidity_dollars: optional(decimal),
  settlement_value_dollars: optional(decimal),
  result: optional(z.string()),
  can_close_early: optional(z.boolean()),
  fractional_trading_enabled: optional(z.boolean()),
  expiration_value: optional(z.string()),
  early_close_condition: optional(z.string()),
  strike_type: optional(z.string()),
  floor_strike: optional(decimal),
  cap_strike: optional(decimal),
  custom_strike: optional(z.record(z.string(), z.unknown())),
  rules_primary: optional(z.string()),
  rules_secondary: optional(z.string()),
  price_level_structure: optional(z.string()),
  /** `null` or absent reads as no bands (Kalshi has sent `null`). */
  price_ranges: z
    .array(priceRangeSchema)
    .nullish()
    .transform((v) => v ?? []),
  is_provisional: optional(z.boolean()),
  exchange_index: optional(z.number()),
});
export type Market = z.output<typeof marketSchema>;

/** `{"cursor":"CgwI...","markets":[...]}` */
export const marketsPageSchema = z.object({
  markets: itemList(marketSchema, { kind: 'market', idFields: ['ticker'] }),
  cursor: optional(z.string()),
});
/** `{"market":{...}}` */
export const marketResponseSchema = z.object({ market: marketSchema });

/** One price level: `["0.4700","3.00"]` → `{ price, count }`. */
const levelSchema = z
  .tuple([decimal, decimal])
  .rest(z.unknown())
  .transform(([price, count]) => ({ price, count }));
export type OrderbookLevel = z.output<typeof levelSchema>;

/**
 * Resting bids on each outcome, best last as Kalshi sends them:
 * `{"orderbook_fp":{"yes_dollars":[["0.4700","3.00"]],"no_dollars":[["0.4800","3.00"]]}}`
 */
export const orderbookResponseSchema = z.object({
  orderbook_fp: z.object({
    yes_dollars: z
      .array(levelSchema)
      .nullish()
      .transform((v) => v ?? []),
    no_dollars: z
      .array(levelSchema)
      .nullish()
      .transform((v) => v ?? []),
  }),
});
export type Orderbook = z.output<typeof orderbookResponseSchema>['orderbook_fp'];

/**
 * A public trade:
 * `{"trade_id":"5693...","ticker":"KXPGATOUR-USO26-JDAY","count_fp":"7.77","yes_price_dollars":"0.0300",
 *   "no_price_dollars":"0.9700","taker_outcome_side":"yes","taker_book_side":"bid","created_time":"2026-06-15T15:48:42.609997Z","is_block_trade":false}`
 */
export const tradeSchema = z.object({
  trade_id: z.string(),
  ticker: z.string(),
  count_fp: decimal,
  yes_price_dollars: decimal,
  no_price_dollars: optional(decimal),
  taker_side: optional(z.string()),
  taker_outcome_side: optional(z.string()),
  taker_book_side: optional(z.string()),
  created_time: isoDate,
  is_block_trade: optional(z.boolean()),
});
export type Trade = z.output<typeof tradeSchema>;
export const tradesPageSchema = z.object({
  trades: itemList(tradeSchema, { kind: 'trade', idFields: ['trade_id'] }),
  cursor: optional(z.string()),
});

const ohlcSchema = z.object({
  open_dollars: optional(decimal),
  low_dollars: optional(decimal),
  high_dollars: optional(decimal),
  close_dollars: optional(decimal),
});
const priceDistributionSchema = ohlcSchema.extend({
  mean_dollars: optional(decimal),
  previous_dollars: optional(decimal),
  min_dollars: optional(decimal),
  max_dollars: optional(decimal),
});

/**
 * One candlestick:
 * `{"end_period_ts":1781161200,"yes_bid":{"open_dollars":"0.4700",...},"yes_ask":{...},"price":{"close_dollars":"0.5200",...},
 *   "volume_fp":"3.00","open_interest_fp":"2.00"}`
 */
export const candlestickSchema = z.object({
  end_period_ts: unixSeconds,
  yes_bid: optional(ohlcSchema),
  yes_ask: optional(ohlcSchema),
  price: optional(priceDistributionSchema),
  volume_fp: optional(decimal),
  open_interest_fp: optional(decimal),
});
export type Candlestick = z.output<typeof candlestickSchema>;
export const candlesticksResponseSchema = z.object({
  ticker: optional(z.string()),
  candlesticks: z.array(candlestickSchema),
});
