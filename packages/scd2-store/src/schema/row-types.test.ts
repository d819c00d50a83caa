import type Decimal from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { Edge, EdgeInput } from '../repositories/edges';
import type { DecimalInput, Json } from '../repositories/types';
import type { InputOf, RowOf } from './row-types';

// The hand-written types the edges definition replaced: the derived ones must equal them.
interface HandWrittenEdgeInput {
  ticker: string;
  strategyId: number;
  modelId: number;
  expectedValue: DecimalInput;
  trueWinProbability: DecimalInput;
  marketImpliedProbability: DecimalInput;
  marketPrice: DecimalInput;
  side?: string | null;
  confidenceLevel?: string | null;
  confidenceMetrics?: Json | null;
  recommendedAction?: string | null;
  probabilityMatrixId?: number | null;
  calculationRunId?: string | null;
  metadata?: Json | null;
  platformId?: string;
}

interface HandWrittenEdge {
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

describe('row types derived from a definition', () => {
  it('edges: the derived input and row equal the hand-written interfaces they replaced', () => {
    expectTypeOf<EdgeInput>().toEqualTypeOf<HandWrittenEdgeInput>();
    expectTypeOf<Edge>().toEqualTypeOf<HandWrittenEdge>();
  });

  it('maps each SQL type, nullability and default', () => {
    const specs = [
      { field: 'n', column: 'n', type: 'numeric(16,4)' },
      { field: 'i', column: 'i', type: 'integer', default: 0 },
      { field: 'b', column: 'b', type: 'boolean', nullable: true },
      { field: 't', column: 't', type: 'timestamptz', sqlDefault: 'now()' },
      { field: 'j', column: 'j', type: 'jsonb' },
      { field: 's', column: 's', type: 'text' },
    ] as const;
    expectTypeOf<RowOf<typeof specs>>().toEqualTypeOf<{
      n: Decimal;
      i: number;
      b: boolean | null;
      t: Date;
      j: Json;
      s: string;
    }>();
    expectTypeOf<InputOf<typeof specs>>().toEqualTypeOf<{
      n: DecimalInput;
      i?: number;
      b?: boolean | null;
      t?: Date;
      j: Json;
      s: string;
    }>();
  });
});
