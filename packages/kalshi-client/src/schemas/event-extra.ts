import { z } from 'zod';
import { decimal, optional, unixSeconds } from '../internal/zod';
import { candlestickSchema } from './market';

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);

/**
 * `GET /events/{event_ticker}/metadata`:
 * `{"image_url":"https://...","market_details":[{"market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","image_url":"...","color_code":"#E31837"}],
 *   "settlement_sources":[{"name":"NFL","url":"https://nfl.com"}],"competition":"NFL"}`
 */
export const eventMetadataSchema = z.object({
  image_url: optional(z.string()),
  featured_image_url: optional(z.string()),
  market_details: list(
    z.object({
      market_ticker: z.string(),
      image_url: optional(z.string()),
      color_code: optional(z.string()),
    }),
  ),
  settlement_sources: list(z.object({ name: optional(z.string()), url: optional(z.string()) })),
  competition: optional(z.string()),
  competition_scope: optional(z.string()),
});
export type EventMetadata = z.output<typeof eventMetadataSchema>;

/**
 * `GET /series/{s}/events/{e}/candlesticks`: one list of candlesticks per market, in the order of
 * `market_tickers`; read here as `{ market_ticker, candlesticks }` pairs.
 * `{"market_tickers":["A","B"],"market_candlesticks":[[{...}],[{...}]],"adjusted_end_ts":1781161200}`
 */
export const eventCandlesticksSchema = z
  .object({
    market_tickers: list(z.string()),
    market_candlesticks: list(list(candlestickSchema)),
    adjusted_end_ts: optional(unixSeconds),
  })
  .transform((r) => ({
    markets: r.market_tickers.map((ticker, i) => ({
      market_ticker: ticker,
      candlesticks: r.market_candlesticks[i] ?? [],
    })),
    adjusted_end_ts: r.adjusted_end_ts,
  }));
export type EventCandlesticks = z.output<typeof eventCandlesticksSchema>;

/**
 * `GET /series/{s}/events/{e}/forecast_percentile_history`:
 * `{"forecast_history":[{"event_ticker":"KXHIGHNY-26NOV29","end_period_ts":1781161200,"period_interval":60,
 *   "percentile_points":[{"percentile":5000,"raw_numerical_forecast":47.3,"numerical_forecast":47.3,"formatted_forecast":"47.3°"}]}]}`
 */
export const forecastHistorySchema = z.object({
  forecast_history: list(
    z.object({
      event_ticker: z.string(),
      end_period_ts: unixSeconds,
      period_interval: optional(z.number()),
      percentile_points: list(
        z.object({
          percentile: z.number(),
          raw_numerical_forecast: optional(decimal),
          numerical_forecast: optional(decimal),
          formatted_forecast: optional(z.string()),
        }),
      ),
    }),
  ),
});
export type ForecastPoint = z.output<typeof forecastHistorySchema>['forecast_history'][number];

/**
 * `GET /account/api_usage_level/volume_progress`:
 * `{"volume_progress":[{"computed_ts":1781161200,"trailing_30d_volume_fp":"1520.00",
 *   "goals":[{"level":"advanced","earn_volume_goal_fp":"10000.00","keep_volume_goal_fp":"5000.00"}]}]}`
 */
export const volumeProgressSchema = z.object({
  volume_progress: list(
    z.object({
      computed_ts: optional(unixSeconds),
      trailing_30d_volume_fp: optional(decimal),
      goals: list(
        z.object({
          level: z.string(),
          earn_volume_goal_fp: optional(decimal),
          keep_volume_goal_fp: optional(decimal),
        }),
      ),
    }),
  ),
});
export type VolumeProgress = z.output<typeof volumeProgressSchema>['volume_progress'][number];
