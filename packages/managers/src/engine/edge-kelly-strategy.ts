// The first Strategy: today's edge → minimum edge → Kelly decision (`planEntry`) behind the entry
// gates, one position per market, exits left to the exit rules.
import type { FeeSchedule } from '@precog/kalshi-client';
import { planEntry } from '../entry/plan-entry';
import type { ExitConfig } from '../exits/rules';
import type { TrailingStopConfig } from '../exits/trailing-stop';
import type { EdgeKellyStrategyConfig } from '../strategies/strategy-config';
import type { MarketSnapshot } from '../types';
import { entryGateFailure } from './entry-gates';
import type { Strategy, StrategyContext, StrategyIntent } from './strategy';

/** Options of {@link EdgeKellyStrategy}. */
export interface EdgeKellyStrategyOptions {
  /** Strategy name, e.g. `nfl_edge`. */
  name: string;
  /** Strategy version, e.g. `1.0`. */
  version: string;
  /** The parsed `edge_kelly` config (`edgeKellyStrategySchema.parse(...)`). */
  config: EdgeKellyStrategyConfig;
  /** The series' fee schedule for the edge. Default: Kalshi's general table. */
  feeSchedule?: FeeSchedule;
}

const NOTHING: readonly StrategyIntent[] = Object.freeze([]);

/**
 * Buys the side whose edge (model probability − ask − fee) beats the minimum edge, Kelly-sized,
 * once per market: nothing while an entry of this strategy rests on the market, the size less
 * what is already held, never the side opposite to one held, and only when the entry gates
 * (the exit rules' thresholds) pass. Exits are the exit rules' (`config.exits`).
 */
export class EdgeKellyStrategy implements Strategy {
  readonly name: string;
  readonly version: string;
  readonly exits: ExitConfig;
  readonly trailingStop: TrailingStopConfig | null;
  private readonly config: EdgeKellyStrategyConfig;
  private readonly feeSchedule: FeeSchedule | undefined;

  constructor(options: EdgeKellyStrategyOptions) {
    this.name = options.name;
    this.version = options.version;
    this.config = options.config;
    this.exits = options.config.exits;
    this.trailingStop = options.config.trailingStop;
    this.feeSchedule = options.feeSchedule;
  }

  onMarket(market: MarketSnapshot, context: StrategyContext): readonly StrategyIntent[] {
    if (!context.risk.entryAllowed) return NOTHING;
    const probability = context.probability(market.ticker);
    if (probability === null) return NOTHING;
    if (context.restingOrders(market.ticker).some((o) => o.action === 'buy')) return NOTHING;
    const held = context.position(market.ticker);
    const plan = planEntry({
      yesProbability: probability,
      snapshot: market,
      minEdge: this.config.minEdge,
      market: { league: this.config.league },
      bankroll: context.bankroll,
      currentExposure: context.exposure,
      sizing: this.config.sizing,
      heldSide: held?.side ?? null,
      shrink: this.config.shrink,
      // "Would exit at once" is judged by this strategy's exit rules, at the context's clock.
      exits: this.exits,
      now: context.now,
      ...(this.feeSchedule === undefined ? {} : { feeSchedule: this.feeSchedule }),
    });
    if (plan.action !== 'enter') return NOTHING;
    const { side, limitPrice } = plan.order;
    if (entryGateFailure(market, side, context.gates, context.now) !== null) return NOTHING;
    // The Kelly size is the whole position's: buy only what is missing.
    const count = held === null ? plan.order.count : plan.order.count.minus(held.quantity);
    if (count.lte(0)) return NOTHING;
    const reason =
      `${side} edge ${plan.edge.edge} ≥ ${plan.threshold.minEdge} (${plan.threshold.source}), ` +
      `p ${plan.edge.probability.toDecimalPlaces(4)} vs ask ${limitPrice}`;
    return [{ kind: 'enter', ticker: market.ticker, side, count, limitPrice, reason }];
  }
}
