import type Decimal from 'decimal.js';
import type { VersionedTableDefinition } from '../scd2/definition';
import type { DecimalInput, Json } from './types';

/** A detected edge, keyed by (platformId, ticker, strategyId, modelId). Probabilities 0–1. */
export interface EdgeInput {
  ticker: string;
  strategyId: number;
  modelId: number;
  expectedValue: DecimalInput;
  trueWinProbability: DecimalInput;
  marketImpliedProbability: DecimalInput;
  marketPrice: DecimalInput;
  /** `yes` or `no`. */
  side?: string | null;
  /** `high`, `medium`, `low`. */
  confidenceLevel?: string | null;
  confidenceMetrics?: Json | null;
  /** `auto_execute`, `alert`, `ignore`. */
  recommendedAction?: string | null;
  probabilityMatrixId?: number | null;
  /** Same uuid for every edge of one detection run. Not tracked. */
  calculationRunId?: string | null;
  /** Not tracked. */
  metadata?: Json | null;
  platformId?: string;
}

export interface Edge {
  platformId: string;
  ticker: string;
  strategyId: number;
  modelId: number;
  side: string | null;
  expectedValue: Decimal;
  trueWinProbability: Decimal;
  marketImpliedProbability: Decimal;
  marketPrice: Decimal;
  confidenceLevel: string | null;
  confidenceMetrics: Json | null;
  recommendedAction: string | null;
  probabilityMatrixId: number | null;
  calculationRunId: string | null;
  metadata: Json | null;
}

const PRICE = 'numeric(10,4)';

export const edgesDefinition: VersionedTableDefinition = {
  table: 'edges',
  key: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint' },
    { field: 'modelId', column: 'model_id', type: 'bigint' },
  ],
  tracked: [
    { field: 'side', column: 'side', type: 'text' },
    { field: 'expectedValue', column: 'expected_value', type: PRICE },
    { field: 'trueWinProbability', column: 'true_win_probability', type: PRICE },
    { field: 'marketImpliedProbability', column: 'market_implied_probability', type: PRICE },
    { field: 'marketPrice', column: 'market_price', type: PRICE },
    { field: 'confidenceLevel', column: 'confidence_level', type: 'text' },
    { field: 'confidenceMetrics', column: 'confidence_metrics', type: 'jsonb' },
    { field: 'recommendedAction', column: 'recommended_action', type: 'text' },
    { field: 'probabilityMatrixId', column: 'probability_matrix_id', type: 'bigint' },
  ],
  payload: [
    { field: 'calculationRunId', column: 'calculation_run_id', type: 'uuid' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
