import type { VersionedTableDefinition } from '../scd2/definition';
import type { InputOf, RowOf, VersionedSpecs } from '../schema/row-types';

const PRICE = 'numeric(10,6)';

/**
 * Detected edges, keyed by (platformId, ticker, strategyId, modelId). Probabilities 0–1.
 * `side` is `yes` or `no`; `confidenceLevel` `high`, `medium` or `low`; `recommendedAction`
 * `auto_execute`, `alert` or `ignore`. `calculationRunId` (the same uuid for every edge of one
 * detection run) and `metadata` are stored but not tracked.
 */
export const edgesDefinition = {
  table: 'edges',
  key: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint' },
    { field: 'modelId', column: 'model_id', type: 'bigint' },
  ],
  tracked: [
    { field: 'side', column: 'side', type: 'text', nullable: true },
    { field: 'expectedValue', column: 'expected_value', type: PRICE },
    { field: 'trueWinProbability', column: 'true_win_probability', type: PRICE },
    { field: 'marketImpliedProbability', column: 'market_implied_probability', type: PRICE },
    { field: 'marketPrice', column: 'market_price', type: PRICE },
    { field: 'confidenceLevel', column: 'confidence_level', type: 'text', nullable: true },
    { field: 'confidenceMetrics', column: 'confidence_metrics', type: 'jsonb', nullable: true },
    { field: 'recommendedAction', column: 'recommended_action', type: 'text', nullable: true },
    { field: 'probabilityMatrixId', column: 'probability_matrix_id', type: 'bigint', nullable: true },
  ],
  payload: [
    { field: 'calculationRunId', column: 'calculation_run_id', type: 'uuid', nullable: true },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies VersionedTableDefinition;

/** A detected edge to upsert (see {@link edgesDefinition}). */
export type EdgeInput = InputOf<VersionedSpecs<typeof edgesDefinition>>;

/** A stored edge (see {@link edgesDefinition}). */
export type Edge = RowOf<VersionedSpecs<typeof edgesDefinition>>;
