// The edges at the first cycle: which market of each game the bot offers to the strategy (a
// game's two markets are one bet: the one with the larger edge), and the edges it stores, marked
// `auto_execute` where the engine sent an entry and `ignore` elsewhere.
import { computeEdges, type EdgeRecord, type MarketSnapshot, recordEdges } from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import type Decimal from 'decimal.js';

const RUN_ID = '00000000-0000-4000-8000-0000000000aa';

/** Stores the best edge of each market of `snapshots` that has one; returns how many. */
export async function recordFirstEdges(
  store: Store,
  params: {
    strategyId: number;
    modelId: number;
    shrink: Decimal;
    snapshots: readonly MarketSnapshot[];
    probability: (ticker: string) => Decimal | null;
    /** Tickers the engine sent an entry on. */
    entered: ReadonlySet<string>;
  },
): Promise<number> {
  const edges: EdgeRecord[] = [];
  for (const snapshot of params.snapshots) {
    const yesProbability = params.probability(snapshot.ticker);
    if (yesProbability === null) continue;
    const result = computeEdges({ yesProbability, snapshot, shrink: params.shrink });
    if (result.best === null) continue;
    edges.push({
      ticker: snapshot.ticker,
      edge: result.best,
      yesProbability: result.yesProbability,
      recommendedAction: params.entered.has(snapshot.ticker) ? 'auto_execute' : 'ignore',
    });
  }
  await recordEdges(store, { strategyId: params.strategyId, modelId: params.modelId, runId: RUN_ID, edges });
  return edges.length;
}

/** Of each game's markets (`gameOf`), the one with the largest best-side edge. */
export function bestMarketPerGame(
  snapshots: readonly MarketSnapshot[],
  probability: (ticker: string) => Decimal | null,
  gameOf: (ticker: string) => string,
  shrink: Decimal,
): Set<string> {
  const best = new Map<string, { ticker: string; edge: Decimal }>();
  for (const snapshot of snapshots) {
    const yesProbability = probability(snapshot.ticker);
    if (yesProbability === null) continue;
    const edge = computeEdges({ yesProbability, snapshot, shrink }).best?.edge;
    if (edge === undefined) continue;
    const game = gameOf(snapshot.ticker);
    const current = best.get(game);
    if (current === undefined || edge.gt(current.edge)) best.set(game, { ticker: snapshot.ticker, edge });
  }
  return new Set([...best.values()].map((b) => b.ticker));
}
