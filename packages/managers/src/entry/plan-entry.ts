import Decimal from 'decimal.js';
import { computeEdges, type EdgeOptions, type SideEdge } from '../edge/edge';
import {
  type MinEdgeConfig,
  type MinEdgeContext,
  type ResolvedMinEdge,
  resolveMinEdge,
} from '../edge/min-edge';
import { evaluateExit } from '../exits/evaluate';
import { DEFAULT_EXIT_CONFIG, type ExitConfig, type ExitTrigger } from '../exits/rules';
import { executableAsk } from '../market';
import { openPosition, type Position } from '../positions/position';
import { type BreakerName, entryAllowed, type RiskState } from '../risk/circuit-breakers';
import { type SizingConfig, type SizingResult, sizePosition } from '../sizing/kelly';
import { type EpochMs, isStale, isTrading, type MarketSnapshot } from '../types';

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
  /**
   * The side already held on this market, if any: never buy the other side of an open position.
   * @deprecated Pass `held`, which also sizes the add into the room the position leaves.
   */
  heldSide?: SideEdge['side'] | null;
  /**
   * The open position on this market, if any: the other side is never bought, and an add is
   * sized into the per-position caps left after what is held (four calls never make four
   * full-size positions).
   */
  held?: Pick<Position, 'side' | 'quantity' | 'costBasis' | 'status'> | null;
  /**
   * The exit rules the position will be watched with (the same object the monitor uses). An
   * entry that one of them would exit on the next tick is refused: no bid, a spread wider than
   * `maxSpread`, volume under `minVolume`, less than `urgentBeforeCloseMs` before close, a bid
   * already at the stop loss, an edge under `earlyExitEdge`; a snapshot older than
   * `maxSnapshotAgeMs` (or without `observedAt`) or of a market that does not trade is refused
   * too. Default {@link DEFAULT_EXIT_CONFIG}.
   */
  exits?: ExitConfig;
  /** Decision time, epoch ms (staleness and time to close). Default: the snapshot's `observedAt`. */
  now?: EpochMs;
}

/** Why {@link planEntry} did not enter. */
export type EntrySkipReason =
  | 'circuit_breaker'
  /** The market is closed, determined or settled. */
  | 'market_not_trading'
  /** The snapshot is older than `exits.maxSnapshotAgeMs`, or has no time. */
  | 'stale_snapshot'
  /** An exit rule would sell the position on the next tick (`wouldExit` says which). */
  | 'would_exit'
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
      /** The exit rule that would fire at once (for `would_exit`). */
      wouldExit?: ExitTrigger;
    };

/**
 * The pre-trade decision for one market, pure: breakers → market trades and the snapshot is
 * fresh → edge of both sides → minimum edge → the exit rules would not sell it at once → Kelly
 * size (into the room left by what is held). Returns the buy order to place (limited at the ask
 * of the side bought) or why not. It never buys the side opposite to one already held (that
 * would net against it). The entry gates ARE the exit rules (`exits`, one source): the engine
 * never enters what it would immediately exit.
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
    held,
    exits: exitRules,
    now: nowParam,
    ...options
  } = params;
  const exits = exitRules ?? DEFAULT_EXIT_CONFIG;
  if (!isTrading(snapshot)) return skip('market_not_trading');
  const now = nowParam ?? snapshot.observedAt ?? null;
  if (now === null ? exits.maxSnapshotAgeMs !== null : isStale(snapshot, now, exits.maxSnapshotAgeMs, true)) {
    return skip('stale_snapshot');
  }
  const edges = computeEdges({ ...options, yesProbability, snapshot });
  const best = edges.best;
  if (best === null) return skip('no_ask');
  const threshold = resolveMinEdge(minEdge, { ...market, ticker: snapshot.ticker });
  if (best.edge.lt(threshold.minEdge)) return skip('below_min_edge', best, threshold);
  const heldOpen = held != null && held.status === 'open' ? held : null;
  const sideHeld = heldOpen?.side ?? heldSide ?? null;
  if (sideHeld !== null && sideHeld !== best.side) return skip('opposite_side_held', best, threshold);
  const wouldExit = immediateExit(snapshot, best, now, exits);
  if (wouldExit !== null) {
    return { action: 'skip', reason: 'would_exit', edge: best, threshold, blockedBy: [], wouldExit };
  }
  const size = sizePosition({
    probability: best.probability,
    cost: best.effectiveCost,
    bankroll,
    currentExposure: currentExposure ?? 0,
    held: heldOpen === null ? null : { cost: heldOpen.costBasis, contracts: heldOpen.quantity },
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

/**
 * The exit rule that would fire on a position bought now at the ask of the side (the exit
 * evaluator itself, on a one-contract position opened at `now`), or null.
 */
function immediateExit(
  snapshot: MarketSnapshot,
  edge: SideEdge,
  now: EpochMs | null,
  exits: ExitConfig,
): ExitTrigger | null {
  const ask = executableAsk(snapshot, edge.side) ?? edge.ask;
  const at = now ?? 0;
  const position = openPosition({
    fillId: 'entry-gate',
    ticker: snapshot.ticker,
    side: edge.side,
    action: 'buy',
    count: ONE_CONTRACT,
    price: ask,
    fee: ZERO_FEE,
    createdAt: at,
  });
  // Without a decision time the time rules cannot be judged: evaluate with no close time.
  const seen = now === null ? { ...snapshot, closeTime: null, observedAt: null } : snapshot;
  const decision = evaluateExit({ position }, seen, at, exits, { currentEdge: edge.edge });
  return decision.exit;
}

const ONE_CONTRACT = new Decimal(1);
const ZERO_FEE = new Decimal(0);
