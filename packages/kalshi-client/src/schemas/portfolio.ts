import Decimal from 'decimal.js';
import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional, unixSeconds } from '../internal/zod';

/**
 * `GET /portfolio/balance`:
 * `{"balance":9801,"balance_dollars":"98.0186","portfolio_value":198,"updated_ts":1781159348,
 *   "balance_breakdown":[{"balance":"98.0186","exchange_index":0}]}`
 * `balance` and `portfolio_value` are integer cents, truncated; `balance_dollars` is exact. Either
 * twin may go (Kalshi already dropped integer twins from WebSocket messages): one of them is enough.
 */
export const balanceResponseSchema = z
  .object({
    balance: optional(z.number()),
    balance_dollars: optional(decimal),
    portfolio_value: optional(z.number()),
    updated_ts: optional(unixSeconds),
    balance_breakdown: optional(z.array(z.object({ exchange_index: z.number(), balance: decimal }))),
  })
  .superRefine((raw, ctx) => {
    if (raw.balance === undefined && raw.balance_dollars === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['balance_dollars'],
        message: 'neither balance_dollars nor balance',
      });
    }
  })
  .transform((raw) => {
    const dollars = raw.balance_dollars ?? new Decimal(raw.balance ?? 0).div(100);
    return {
      /** Available cash in dollars: `balance_dollars` when present, else the truncated cents / 100. */
      balance: dollars,
      /** Same value as `balance`, under Kalshi's field name. */
      balance_dollars: dollars,
      /** Kalshi's integer-cent `balance` (truncated); undefined when the exchange no longer sends it. */
      balance_cents: raw.balance,
      /** Portfolio value (open positions at market) in dollars, from integer cents. */
      portfolio_value:
        raw.portfolio_value === undefined ? undefined : new Decimal(raw.portfolio_value).div(100),
      /** Kalshi's integer-cent `portfolio_value`. */
      portfolio_value_cents: raw.portfolio_value,
      updated_ts: raw.updated_ts,
      balance_breakdown: raw.balance_breakdown,
    };
  });
export type Balance = z.output<typeof balanceResponseSchema>;

/**
 * A market position:
 * `{"ticker":"KXWTACHALLENGERMATCH-26JUN11JIMLEP-LEP","position_fp":"3.00","market_exposure_dollars":"2.500000",
 *   "realized_pnl_dollars":"0.000000","fees_paid_dollars":"0.018900","total_traded_dollars":"2.500000",
 *   "resting_orders_count":0,"last_updated_ts":"2026-06-11T06:29:30.165032Z"}`
 * `position_fp` is signed: positive holds YES, negative holds NO.
 */
export const marketPositionSchema = z.object({
  ticker: z.string(),
  position_fp: decimal,
  market_exposure_dollars: optional(decimal),
  realized_pnl_dollars: optional(decimal),
  fees_paid_dollars: optional(decimal),
  total_traded_dollars: optional(decimal),
  resting_orders_count: optional(z.number()),
  last_updated_ts: optional(isoDate),
  exchange_index: optional(z.number()),
});
export type MarketPosition = z.output<typeof marketPositionSchema>;

/**
 * An event position:
 * `{"event_ticker":"KXWTACHALLENGERMATCH-26JUN11JIMLEP","event_exposure_dollars":"2.500000","total_cost_dollars":"2.500000",
 *   "total_cost_shares_fp":"3.00","realized_pnl_dollars":"0.000000","fees_paid_dollars":"0.018900"}`
 */
export const eventPositionSchema = z.object({
  event_ticker: z.string(),
  event_exposure_dollars: optional(decimal),
  total_cost_dollars: optional(decimal),
  total_cost_shares_fp: optional(decimal),
  realized_pnl_dollars: optional(decimal),
  fees_paid_dollars: optional(decimal),
});
export type EventPosition = z.output<typeof eventPositionSchema>;

/** `{"cursor":"","market_positions":[...],"event_positions":[...]}` */
export const positionsPageSchema = z.object({
  market_positions: itemList(marketPositionSchema, { kind: 'position', idFields: ['ticker'] }),
  event_positions: z
    .array(eventPositionSchema)
    .nullish()
    .transform((v) => v ?? []),
  cursor: optional(z.string()),
});
export type PositionsResponse = z.output<typeof positionsPageSchema>;

/**
 * A fill:
 * `{"fill_id":"f4a4...","trade_id":"f4a4...","order_id":"97ec...","ticker":"KXW...-LEP","market_ticker":"KXW...-LEP",
 *   "action":"buy","side":"yes","outcome_side":"yes","book_side":"bid","count_fp":"1.00","yes_price_dollars":"0.5200",
 *   "no_price_dollars":"0.4800","is_taker":true,"fee_cost":"0.017500","created_time":"2026-06-11T06:29:30.164956Z","ts":1781159370}`
 */
export const fillSchema = z.object({
  fill_id: z.string(),
  trade_id: optional(z.string()),
  order_id: z.string(),
  ticker: z.string(),
  market_ticker: optional(z.string()),
  action: optional(z.string()),
  side: optional(z.string()),
  outcome_side: optional(z.string()),
  book_side: optional(z.string()),
  count_fp: decimal,
  yes_price_dollars: decimal,
  no_price_dollars: optional(decimal),
  is_taker: optional(z.boolean()),
  fee_cost: optional(decimal),
  created_time: optional(isoDate),
  ts: optional(unixSeconds),
  subaccount_number: optional(z.number()),
  exchange_index: optional(z.number()),
});
export type Fill = z.output<typeof fillSchema>;
export const fillsPageSchema = z.object({
  fills: itemList(fillSchema, { kind: 'fill', idFields: ['fill_id', 'trade_id'] }),
  cursor: optional(z.string()),
});

/**
 * A settlement:
 * `{"ticker":"KXW...-LEP","event_ticker":"KXW...","market_result":"yes","yes_count_fp":"3.00","yes_total_cost_dollars":"2.500000",
 *   "no_count_fp":"0.00","no_total_cost_dollars":"0.000000","revenue":300,"value":100,"fee_cost":"0.000000",
 *   "settled_time":"2026-06-12T01:00:00Z"}`
 * `revenue` and `value` are integer cents in the API; here they are Decimal cents, plus
 * `revenue_dollars` / `value_dollars` derived exactly.
 */
export const settlementSchema = z
  .object({
    ticker: z.string(),
    event_ticker: optional(z.string()),
    market_result: z.string(),
    yes_count_fp: optional(decimal),
    yes_total_cost_dollars: optional(decimal),
    no_count_fp: optional(decimal),
    no_total_cost_dollars: optional(decimal),
    revenue: optional(decimal),
    /** The exact twin of `revenue`, when the exchange sends it. */
    revenue_dollars: optional(decimal),
    value: optional(decimal),
    value_dollars: optional(decimal),
    fee_cost: optional(decimal),
    settled_time: isoDate,
    exchange_index: optional(z.number()),
  })
  .superRefine((raw, ctx) => {
    if (raw.revenue === undefined && raw.revenue_dollars === undefined) {
      ctx.addIssue({ code: 'custom', path: ['revenue'], message: 'neither revenue nor revenue_dollars' });
    }
  })
  .transform((raw) => {
    const revenueDollars = raw.revenue_dollars ?? (raw.revenue ?? new Decimal(0)).div(100);
    return {
      ...raw,
      revenue: raw.revenue ?? revenueDollars.mul(100),
      revenue_dollars: revenueDollars,
      value_dollars: raw.value_dollars ?? (raw.value === undefined ? undefined : raw.value.div(100)),
    };
  });
export type Settlement = z.output<typeof settlementSchema>;
export const settlementsPageSchema = z.object({
  settlements: itemList(settlementSchema, { kind: 'settlement', idFields: ['ticker'] }),
  cursor: optional(z.string()),
});

/** `{"order_id":"...","market_ticker":"...","queue_position_fp":"12.00"}` */
export const queuePositionSchema = z.object({
  order_id: z.string(),
  market_ticker: z.string(),
  queue_position_fp: decimal,
});
export type QueuePosition = z.output<typeof queuePositionSchema>;
export const queuePositionsResponseSchema = z.object({
  queue_positions: z
    .array(queuePositionSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export const queuePositionResponseSchema = z.object({ queue_position_fp: decimal });
