import { z } from 'zod';
import { isoDate, optional } from '../internal/zod';
import { candlestickSchema, orderbookResponseSchema } from './market';

/**
 * `GET /markets/orderbooks?tickers=A,B`:
 * `{"orderbooks":[{"ticker":"KXNFLGAME-26NOV29KCDEN-KC","orderbook_fp":{"yes_dollars":[["0.6000","50.00"]],"no_dollars":[]}}]}`
 */
export const orderbooksResponseSchema = z.object({
  orderbooks: z
    .array(z.object({ ticker: z.string() }).extend(orderbookResponseSchema.shape))
    .nullish()
    .transform((v) => (v ?? []).map((o) => ({ ticker: o.ticker, orderbook: o.orderbook_fp }))),
});
export type MarketOrderbook = z.output<typeof orderbooksResponseSchema>['orderbooks'][number];

/**
 * `GET /markets/candlesticks?market_tickers=A,B&...`:
 * `{"markets":[{"market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","candlesticks":[{"end_period_ts":1781161200,...}]}]}`
 */
export const batchCandlesticksResponseSchema = z.object({
  markets: z
    .array(
      z.object({
        market_ticker: z.string(),
        candlesticks: z
          .array(candlestickSchema)
          .nullish()
          .transform((v) => v ?? []),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type MarketCandlesticks = z.output<typeof batchCandlesticksResponseSchema>['markets'][number];

/** `GET /exchange/user_data_timestamp`: `{"as_of_time":"2026-11-29T21:30:05.123Z"}` */
export const userDataTimestampSchema = z.object({ as_of_time: optional(isoDate) });
