import { z } from 'zod';
import {
  bool,
  count,
  dec,
  decIn,
  dollars,
  fraction,
  intIn,
  mapOf,
  obj,
  oneOf,
  positiveInt,
  str,
  strList,
} from './primitives';

const exitPlan = obj({
  order_type: oneOf(['market', 'limit']),
  price_strategy: oneOf(['aggressive', 'fair', 'conservative']).optional(),
  timeout_seconds: positiveInt,
  retry_strategy: str,
  max_walks: count.optional(),
  /** Ticks the limit moves down per walk; default 1. */
  ticks_per_walk: positiveInt.optional(),
  /** Sweeps sent after the walks when the retry strategy ends in a market order; default 1. */
  market_attempts: positiveInt.optional(),
});
const adjustment = obj({ enabled: bool, threshold: dec, size_reduction_pct: fraction });

/** Schema of `position_management.yaml`: portfolio limits, monitoring, exits, correlation. */
export const positionManagementSchema = obj({
  version: str,
  portfolio: obj({
    max_open_positions: positiveInt,
    max_total_capital_deployed: dollars,
    max_correlated_exposure: dollars,
    max_exposure_by_sport: mapOf(fraction),
    max_positions_per_game: positiveInt,
    max_exposure_per_game: dollars,
  }),
  monitoring: obj({
    normal_frequency: intIn(10, 120, 'seconds'),
    urgent_frequency: intIn(3, 15, 'seconds'),
    urgent_conditions: obj({
      near_stop_loss_pct: fraction,
      near_profit_target_pct: fraction,
      near_trailing_stop_pct: fraction,
    }),
    price_cache_ttl_seconds: count,
    max_api_calls_per_minute: positiveInt,
  }),
  exit_priorities: obj({ CRITICAL: strList, HIGH: strList, MEDIUM: strList, LOW: strList }),
  exit_execution: obj({ CRITICAL: exitPlan, HIGH: exitPlan, MEDIUM: exitPlan, LOW: exitPlan }),
  liquidity: obj({ max_spread: decIn('0.01', '0.10'), min_volume: count }),
  exit_rules: obj({
    stop_loss: obj({ threshold: fraction }),
    profit_target: obj({
      enabled: bool,
      high_confidence: fraction,
      medium_confidence: fraction,
      low_confidence: fraction,
    }),
    trailing_stop: obj({
      enabled: bool,
      activation_threshold: decIn('0.05', '0.20'),
      initial_distance: decIn('0.02', '0.10'),
      tightening_rate: decIn('0.005', '0.02'),
      tightening_every: decIn('0.01', '0.50'),
      floor_distance: decIn('0.01', '0.05'),
    }),
    early_exit: obj({ enabled: bool, edge_threshold: fraction }),
    time_based_urgent: obj({ threshold_minutes: positiveInt }),
    partial_exits: obj({
      enabled: bool,
      stages: z.array(
        obj({
          name: str,
          profit_threshold: fraction,
          exit_percentage: intIn(1, 100, 'an integer percent'),
        }),
      ),
    }),
    negative_edge: obj({ enabled: bool, threshold: decIn('-1', '0') }),
    late_game_loss: obj({ enabled: bool, minutes_remaining: positiveInt, loss_threshold_pct: fraction }),
  }),
  correlation: obj({
    enabled: bool,
    calculation_method: oneOf(['market', 'game', 'team', 'statistical']),
    levels: obj({ low: fraction, medium: fraction, high: fraction, very_high: fraction }),
    reduce_sizing_factor: fraction,
    reject_threshold: fraction,
    alert_threshold: fraction,
  }),
  sizing_adjustments: obj({
    volatility: adjustment,
    low_volume: adjustment,
    wide_spread: adjustment,
    long_duration_hours: adjustment,
    low_confidence: adjustment,
  }),
  settlement: obj({
    auto_exit_before_settlement: obj({
      enabled: bool,
      minutes_before_settlement: positiveInt,
      min_unrealized_gain_pct: fraction,
    }),
    verify_settlements: bool,
  }),
  risk_metrics: obj({
    calculate: strList,
    calculation_frequency: oneOf(['hourly', 'daily']),
    alerts: obj({
      var_threshold: fraction,
      correlation_threshold: fraction,
      max_drawdown_threshold: fraction,
    }),
  }),
});

/** The validated contents of `position_management.yaml`. */
export type PositionManagementConfig = z.output<typeof positionManagementSchema>;
