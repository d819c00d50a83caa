import type Decimal from 'decimal.js';
import { computeEdges, type EdgeOptions, type SideEdge } from '../edge/edge';
import {
  type MinEdgeConfig,
  type MinEdgeContext,
  type ResolvedMinEdge,
  resolveMinEdge,
} from '../edge/min-edge';
import { type BreakerName, entryAllowed, type RiskState } from '../risk/circuit-breakers';
import { type SizingConfig, type SizingResult, sizePosition } from '../sizing/kelly';
import type { MarketSnapshot } from '../types';

/** Parameters of {@link planEntry}. */
export interface PlanEntryParams extends EdgeOptions {
  /** The model's probability that the market resolves YES, 0–1. */
  yesProbability: Decimal.Value;
  /** The market's current book. */
  snapshot: MarketSnapshot;
  /** Minimum-edge thresholds and what the market is (league, series). */
  minEdge: MinEdgeConfig;
  market?: Omit<MinEdgeContext, 'ticker'>;
  /** Account bankroll, dollars. */
  bankroll: Decimal.Value;
  /** Cost of the positions already open, dollars. */
  currentExposure?: Decimal.Value;
  sizing?: SizingConfig;
  /** Circuit-breaker state; an open breaker blocks the entry. Absent: no breaker checks. */
  risk?: RiskState | null;
  /** The side already held on this market, if any: never buy the other side of an open position. */
  heldSide?: SideEdge['side'] | null;
}

/** Why {@link planEntry} did not enter. */
export type EntrySkipReason =
  | 'circuit_breaker'
  | 'no_ask'
  | 'below_min_edge'
  | 'opposite_side_held'
  | Exclude<SizingResult['rejected'], null>;

/** Result of {@link planEntry}. */
export type EntryPlan =
  | {
      action: 'enter';
      /** The side to buy and its edge. */
      edge: SideEdge;
      threshold: ResolvedMinEdge;
      sizing: SizingResult;
      /** The order: a buy of `count` contracts of `side` limited at the side's ask. */
      order: { action: 'buy'; side: SideEdge['side']; count: Decimal; limitPrice: Decimal };
    }
  | {
      action: 'skip';
      reason: EntrySkipReason;
      /** The best edge seen, when there was one. */
      edge: SideEdge | null;
      threshold: ResolvedMinEdge | null;
      /** Breakers that blocked the entry (for `circuit_breaker`). */
      blockedBy: BreakerName[];
    };

/**
 * The pre-trade decision for one market, pure: breakers → edge of both sides → minimum edge →
 * Kelly size. Returns the buy order to place (limited at the ask of the side bought) or why
 * not. It never buys the side opposite to one already held (that would net against it).
 */
export function planEntry(params: PlanEntryParams): EntryPlan {
  const skip = (
    reason: EntrySkipReason,
    edge: SideEdge | null = null,
    threshold: ResolvedMinEdge | null = null,
    blockedBy: BreakerName[] = [],
  ): EntryPlan => ({ action: 'skip', reason, edge, threshold, blockedBy });

  if (params.risk != null) {
    const gate = entryAllowed(params.risk);
    if (!gate.allowed) return skip('circuit_breaker', null, null, gate.blockedBy);
  }
  const {
    snapshot,
    yesProbability,
    minEdge,
    market,
    bankroll,
    currentExposure,
    sizing,
    risk,
    heldSide,
    ...options
  } = params;
  const edges = computeEdges({ ...options, yesProbability, snapshot });
  const best = edges.best;
  if (best === null) return skip('no_ask');
  const threshold = resolveMinEdge(minEdge, { ...market, ticker: snapshot.ticker });
  if (best.edge.lt(threshold.minEdge)) return skip('below_min_edge', best, threshold);
  if (heldSide != null && heldSide !== best.side) return skip('opposite_side_held', best, threshold);
  const size = sizePosition({
    probability: best.probability,
    cost: best.effectiveCost,
    bankroll,
    currentExposure: currentExposure ?? 0,
    config: sizing ?? {},
  });
  if (size.rejected !== null) return skip(size.rejected, best, threshold);
  return {
    action: 'enter',
    edge: best,
    threshold,
    sizing: size,
    order: { action: 'buy', side: best.side, count: size.contracts, limitPrice: best.ask },
  };
}
