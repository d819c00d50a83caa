import Decimal from 'decimal.js';
import { dec } from '../internal/decimal';

/** Where a minimum edge came from, in the order they are looked up. */
export type MinEdgeSource = 'market' | 'series' | 'strategy' | 'league' | 'global';

/**
 * Minimum-edge thresholds at every level; the first one set wins, in the order market > series >
 * strategy > league > global. A strategy's own minimum is never loosened by a league default.
 */
export interface MinEdgeConfig {
  /** Threshold when nothing more specific is set. Default 0.05 (trading.yaml `kelly.min_edge_threshold`). */
  global?: Decimal.Value;
  /**
   * The strategy version's own minimum (e.g. 0.08 for NFL pre-game). It beats the league and
   * global defaults (the spec: the strategy wins); only a per-market or per-series setting
   * overrides it.
   */
  strategy?: Decimal.Value | null;
  /** Per league, keyed by lower-case league code (`nfl`, `nba`, ...), e.g. markets.yaml `nfl: 0.05`. */
  byLeague?: Readonly<Record<string, Decimal.Value>>;
  /** Per series ticker (`KXNFLGAME`), case-insensitive. */
  bySeries?: Readonly<Record<string, Decimal.Value>>;
  /** Per market ticker, case-insensitive. */
  byMarket?: Readonly<Record<string, Decimal.Value>>;
}

/** What a market is, for {@link resolveMinEdge}. */
export interface MinEdgeContext {
  /** Market ticker. */
  ticker: string;
  /** Series ticker of the market, when known. */
  seriesTicker?: string | null;
  /** League code of the market (`nfl`), when known. */
  league?: string | null;
}

/** A resolved threshold and the level it came from. */
export interface ResolvedMinEdge {
  minEdge: Decimal;
  source: MinEdgeSource;
}

/** Default global minimum edge, 0.05 probability points. */
export const DEFAULT_MIN_EDGE = new Decimal('0.05');

function lookup(table: Readonly<Record<string, Decimal.Value>> | undefined, key: string | null | undefined) {
  if (table === undefined || key == null) return undefined;
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(table)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

/**
 * The minimum edge for a market: market > series > strategy > league > global. The strategy's
 * own minimum wins over a league default (0.08 for the strategy stays 0.08 on an NFL market whose
 * league default is 0.05).
 */
export function resolveMinEdge(config: MinEdgeConfig, context: MinEdgeContext): ResolvedMinEdge {
  const candidates: [MinEdgeSource, Decimal.Value | null | undefined][] = [
    ['market', lookup(config.byMarket, context.ticker)],
    ['series', lookup(config.bySeries, context.seriesTicker)],
    ['strategy', config.strategy],
    ['league', lookup(config.byLeague, context.league)],
  ];
  for (const [source, value] of candidates) {
    if (value != null) return { minEdge: dec(value), source };
  }
  return { minEdge: config.global == null ? DEFAULT_MIN_EDGE : dec(config.global), source: 'global' };
}

/** Whether an edge clears its threshold (inclusive: an edge equal to the minimum qualifies). */
export function meetsMinEdge(edge: Decimal, minEdge: Decimal): boolean {
  return edge.gte(minEdge);
}
