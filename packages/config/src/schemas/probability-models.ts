import type { z } from 'zod';
import { bool, count, dec, fraction, mapOf, obj, oneOf, positiveInt, str } from './primitives';

/** Schema of `probability_models.yaml`: models, Elo parameters, edge detection, calibration. */
export const probabilityModelsSchema = obj({
  version: str,
  versioning: obj({
    enabled: bool,
    naming_convention: str,
    lifecycle: obj({
      require_testing: bool,
      min_testing_days: count,
      min_testing_predictions: count,
      auto_deprecate_on_replacement: bool,
    }),
  }),
  architecture: obj({
    primary_model: oneOf(['elo', 'regression', 'ensemble', 'ml']),
    ensemble: obj({ enabled: bool, weights: mapOf(fraction) }),
  }),
  elo: obj({
    initial_rating: positiveInt,
    k_factor: mapOf(positiveInt),
    home_advantage: mapOf(count),
    mov_adjustment: obj({ enabled: bool, max_multiplier: dec }),
    regression: obj({ enabled: bool, factor: fraction }),
    probability_scaling: mapOf(positiveInt),
  }),
  edge_detection: obj({
    method: oneOf(['simple', 'kelly', 'expected_value']),
    uncertainty_discount: obj({ enabled: bool, shrinkage_factor: fraction }),
    transaction_costs: obj({ enabled: bool, assume_taker: bool }),
    slippage: obj({ enabled: bool, expected_slippage_pct: fraction }),
    min_edge: mapOf(fraction),
  }),
  calibration: obj({
    enabled: bool,
    method: oneOf(['platt', 'isotonic']),
    bins: positiveInt,
    max_calibration_error: fraction,
  }),
  monitoring: obj({
    calibration_error_alert: fraction,
    accuracy_alert: fraction,
    degradation_lookback_days: positiveInt,
    min_performance_pct: fraction,
  }),
  confidence_intervals: obj({
    enabled: bool,
    method: oneOf(['bootstrap', 'bayesian', 'historical']),
    confidence_level: fraction,
  }),
});

/** The validated contents of `probability_models.yaml`. */
export type ProbabilityModelsConfig = z.output<typeof probabilityModelsSchema>;
