import type { Store, UpsertResult } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import type { SideEdge } from '../edge/edge';

/** One market's edge to store, attributed to the versions that produced it. */
export interface EdgeRecord {
  ticker: string;
  /** The side edge (`computeEdges(...).best` or the side bought). */
  edge: SideEdge;
  /** The model's YES probability after shrinking (for the metadata). */
  yesProbability: Decimal;
  /** `auto_execute` (entered), `alert` or `ignore`. */
  recommendedAction: 'auto_execute' | 'alert' | 'ignore';
}

/**
 * Stores edges as SCD2 versions keyed by (platform, ticker, strategy version, model version): an
 * edge that did not change writes nothing, a changed one closes the previous version. Figures
 * are NUMERIC(10,4): the side's probability is stored rounded half-even to 4 decimals (a shrunk
 * probability can have more) with the exact figure, the fee and the effective cost in the metadata.
 */
export async function recordEdges(
  store: Store,
  params: { strategyId: number; modelId: number; runId?: string; edges: readonly EdgeRecord[] },
): Promise<UpsertResult> {
  return store.edges.upsertVersions(
    params.edges.map((e) => ({
      ticker: e.ticker,
      strategyId: params.strategyId,
      modelId: params.modelId,
      side: e.edge.side,
      expectedValue: e.edge.edge,
      trueWinProbability: e.edge.probability.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN),
      marketImpliedProbability: e.edge.ask,
      marketPrice: e.edge.ask,
      recommendedAction: e.recommendedAction,
      calculationRunId: params.runId ?? null,
      metadata: {
        yesProbability: e.yesProbability.toString(),
        probability: e.edge.probability.toString(),
        feePerContract: e.edge.feePerContract.toString(),
        effectiveCost: e.edge.effectiveCost.toString(),
        evPerDollar: e.edge.evPerDollar.toString(),
      },
    })),
  );
}
