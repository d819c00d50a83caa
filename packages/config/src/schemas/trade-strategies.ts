import type { z } from 'zod';
import {
  bool,
  count,
  date,
  dec,
  decIn,
  dollars,
  fraction,
  mapOf,
  obj,
  oneOf,
  positiveInt,
  str,
  strList,
} from './primitives';

const sportRules = obj({
  enabled: bool,
  min_edge: fraction,
  allowed_markets: strList,
  max_key_injuries: count,
});

const strategy = obj({
  enabled: bool,
  min_edge: fraction,
  min_hours_before_game: dec.optional(),
  max_hours_before_game: dec.optional(),
  max_minutes_into_halftime: positiveInt.optional(),
  max_decision_time_seconds: positiveInt.optional(),
  min_win_probability: fraction.optional(),
  max_time_remaining_seconds: positiveInt.optional(),
  kelly_fraction_override: decIn('0.05', '0.50').optional(),
  max_position_override_dollars: dollars.optional(),
  sports: mapOf(sportRules).optional(),
});

/** Schema of `trade_strategies.yaml`: strategies, their versioning and selection. */
export const tradeStrategiesSchema = obj({
  version: str,
  versioning: obj({
    enabled: bool,
    naming_convention: str,
    lifecycle: obj({
      require_testing: bool,
      min_testing_days: count,
      min_testing_trades: count,
      auto_deprecate_on_replacement: bool,
    }),
    ab_testing: obj({
      enabled: bool,
      existing_version_share: fraction,
      new_version_share: fraction,
      min_improvement_pct: fraction,
      confidence_level: fraction,
    }),
  }),
  strategy_priority: mapOf(positiveInt),
  strategies: mapOf(strategy),
  hedge: obj({
    enabled: bool,
    min_unrealized_gain_pct: fraction,
    edge_flip_threshold: fraction,
    sizing_method: oneOf(['full_lock', 'partial_lock', 'kelly_optimal']),
    profit_lock_percentage: fraction,
  }),
  combination_rules: obj({
    allow_pre_game_and_halftime: bool,
    allow_halftime_and_live: bool,
    max_positions_per_game: positiveInt,
    max_position_correlation: fraction,
  }),
  selection: obj({
    method: oneOf(['priority', 'best_edge', 'best_sharpe']),
    min_edge_difference: fraction,
  }),
  backtesting: obj({
    start_date: date,
    end_date: date,
    starting_bankroll: dollars,
    include_transaction_costs: bool,
    simulate_slippage: bool,
    average_slippage_pct: fraction,
  }),
});

/** The validated contents of `trade_strategies.yaml`. */
export type TradeStrategiesConfig = z.output<typeof tradeStrategiesSchema>;
