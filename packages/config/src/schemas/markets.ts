import type { z } from 'zod';
import {
  bool,
  count,
  decIn,
  fraction,
  mapOf,
  obj,
  oneOf,
  positiveInt,
  redisUrl,
  str,
  strList,
  url,
} from './primitives';

const league = obj({
  enabled: bool,
  series_tickers: strList,
  min_liquidity: count,
  max_spread: fraction,
  kelly_fraction: decIn('0.05', '0.50'),
  min_edge: fraction,
});

const exchangeEnvironment = obj({ base_url: url, websocket_url: url });

/** Schema of `markets.yaml`: exchanges, categories and leagues, filters, discovery. */
export const marketsSchema = obj({
  version: str,
  platforms: obj({
    kalshi: obj({
      enabled: bool,
      environments: obj({ demo: exchangeEnvironment, prod: exchangeEnvironment }),
      fees: obj({ taker_fee_rate: fraction, maker_fee_rate: fraction }),
      rate_limit: obj({
        url: redisUrl.nullable(),
        fallback_fraction: decIn('0.01', '1'),
        command_timeout_ms: positiveInt,
      }),
    }),
    polymarket: obj({ enabled: bool }),
  }),
  categories: obj({
    sports: obj({ enabled: bool, leagues: mapOf(league) }),
    politics: obj({ enabled: bool, leagues: mapOf(league).optional() }),
    entertainment: obj({ enabled: bool, leagues: mapOf(league).optional() }),
    economics: obj({ enabled: bool, leagues: mapOf(league).optional() }),
  }),
  global_filters: obj({
    time_constraints: obj({ min_time_to_close_hours: count, max_time_to_close_days: positiveInt }),
    liquidity: obj({ min_volume_24h: count, min_open_interest: count }),
    status: obj({ allowed_statuses: strList }),
    market_types: obj({ include_binary: bool, include_ranged: bool }),
  }),
  discovery: obj({
    polling: obj({ enabled: bool, interval_seconds: positiveInt, use_websocket: bool }),
    cache: obj({ enabled: bool, ttl_seconds: count }),
  }),
  watchlist: obj({ enabled: bool, tickers: strList, price_move_alert: fraction }),
  blacklist: obj({ enabled: bool, tickers: strList, patterns: strList }),
  prioritization: obj({
    sort_by: oneOf(['edge', 'liquidity', 'confidence', 'composite']),
    weights: obj({ edge: fraction, liquidity: fraction, confidence: fraction }),
    max_simultaneous_markets: positiveInt,
    max_per_sport: positiveInt,
    max_correlated: positiveInt,
  }),
});

/** The validated contents of `markets.yaml`. */
export type MarketsConfig = z.output<typeof marketsSchema>;
