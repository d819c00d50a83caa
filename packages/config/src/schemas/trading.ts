import type { z } from 'zod';
import {
  bool,
  count,
  decIn,
  dollars,
  dollarsUpTo,
  fraction,
  obj,
  oneOf,
  positiveInt,
  str,
  strList,
  time,
} from './primitives';

const hours = obj({ start: time, end: time });

/** Schema of `trading.yaml`: account limits, sizing, execution, filters, breakers, alerts. */
export const tradingSchema = obj({
  version: str,
  account: obj({
    max_total_exposure_dollars: dollars,
    daily_loss_limit_dollars: dollarsUpTo('2000'),
    weekly_loss_limit_dollars: dollars,
    min_balance_to_trade_dollars: dollars,
    max_trades_per_hour: count,
    max_trades_per_day: count,
  }),
  position_sizing: obj({
    method: oneOf(['kelly', 'fixed', 'fixed_fraction']),
    kelly: obj({
      default_fraction: decIn('0.05', '0.50'),
      min_edge_threshold: fraction,
      max_position_pct: fraction,
      min_position_dollars: dollars,
      max_position_dollars: dollarsUpTo('5000'),
    }),
    fixed: obj({ position_size_dollars: dollars }),
    fixed_fraction: obj({ fraction_of_bankroll: fraction }),
  }),
  execution: obj({
    default_order_type: oneOf(['limit', 'market']),
    limit_order_timeout_seconds: positiveInt,
    max_slippage_pct: fraction,
    retry_on_failure: bool,
    max_retries: count,
    retry_backoff_seconds: count,
  }),
  market_filters: obj({
    min_volume_contracts: count,
    max_spread_pct: fraction,
    exclude_categories: strList,
    trading_hours: obj({ enabled: bool, timezone: str, weekdays: hours, weekends: hours }),
  }),
  data_freshness: obj({
    max_price_age_seconds: positiveInt,
    max_game_state_age_seconds: positiveInt,
    on_stale_data: oneOf(['stop_trading', 'continue_with_warning']),
  }),
  circuit_breakers: obj({
    api_errors: obj({ threshold: positiveInt, window_minutes: positiveInt }),
    edge_anomaly: obj({ threshold_pct: fraction, count: positiveInt, window_minutes: positiveInt }),
    rapid_loss: obj({ loss_dollars: dollars, window_minutes: positiveInt }),
    unusual_activity: obj({ trade_count: positiveInt, window_minutes: positiveInt }),
  }),
  alerts: obj({
    on_circuit_breaker: bool,
    on_api_failure: bool,
    on_system_error: bool,
    on_loss_threshold: obj({ enabled: bool, threshold_dollars: dollars }),
    on_gain_threshold: obj({ enabled: bool, threshold_dollars: dollars }),
  }),
});

/** The validated contents of `trading.yaml`. */
export type TradingConfig = z.output<typeof tradingSchema>;
