import { z } from 'zod';
import { decimal, isoDate, optional, unixSeconds } from '../internal/zod';

/**
 * `GET /historical/cutoff`: where live data ends and the historical archive begins.
 * `{"market_settled_ts":"2026-05-01T00:00:00Z","trades_created_ts":"2026-05-01T00:00:00Z",
 *   "orders_updated_ts":"2026-05-01T00:00:00Z","market_positions_last_updated_ts":"2026-05-01T00:00:00Z"}`
 * Fills before `trades_created_ts` are only in `GET /historical/fills`; orders canceled or executed
 * before `orders_updated_ts` only in `GET /historical/orders`; markets settled before
 * `market_settled_ts` (and their candles) only under `/historical/markets`.
 */
export const historicalCutoffSchema = z.object({
  market_settled_ts: isoDate,
  trades_created_ts: isoDate,
  orders_updated_ts: isoDate,
  /** Settled positions archived before this time are read through `GET /historical/positions`. */
  market_positions_last_updated_ts: optional(isoDate),
});
export type HistoricalCutoff = z.output<typeof historicalCutoffSchema>;

/** Bid/ask OHLC of a historical candle: `{"open":"0.4700","low":"0.4700","high":"0.5200","close":"0.5200"}`. */
const historicalOhlcSchema = z.object({
  open: optional(decimal),
  low: optional(decimal),
  high: optional(decimal),
  close: optional(decimal),
});

/** Trade prices of a historical candle; each is `null` when nothing traded in the period. */
const historicalPriceSchema = historicalOhlcSchema.extend({
  mean: optional(decimal),
  previous: optional(decimal),
});

/**
 * One archived candlestick (field names differ from the live ones: no `_dollars` / `_fp` suffix):
 * `{"end_period_ts":1777593600,"yes_bid":{"open":"0.4700","low":"0.4700","high":"0.5000","close":"0.5000"},
 *   "yes_ask":{...},"price":{"open":"0.4800",...,"mean":"0.4900","previous":null},"volume":"12.00","open_interest":"8.00"}`
 */
export const historicalCandlestickSchema = z.object({
  end_period_ts: unixSeconds,
  yes_bid: optional(historicalOhlcSchema),
  yes_ask: optional(historicalOhlcSchema),
  price: optional(historicalPriceSchema),
  volume: optional(decimal),
  open_interest: optional(decimal),
});
export type HistoricalCandlestick = z.output<typeof historicalCandlestickSchema>;

/** `{"ticker":"KX...","candlesticks":[...]}` (`null` candlesticks read as none). */
export const historicalCandlesticksResponseSchema = z.object({
  ticker: optional(z.string()),
  candlesticks: z
    .array(historicalCandlestickSchema)
    .nullish()
    .transform((v) => v ?? []),
});
