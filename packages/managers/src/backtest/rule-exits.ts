// A replayed version as the `MarketSnapshot` the engine would see, and the exit rules run on it
// for a held position, as the engine's `PositionMonitor` runs them (with a trailing stop per
// position).
import type Decimal from 'decimal.js';
import { evaluateExit } from '../exits/evaluate';
import type { ExitConfig } from '../exits/rules';
import { initTrailingStop, type TrailingStopConfig, type TrailingStopState } from '../exits/trailing-stop';
import type { MarketSnapshot } from '../types';
import type { ReplayedMarket } from './replay';
import type { BacktestContext, BacktestIntent } from './strategy';

const bidOrNull = (d: Decimal | null) => (d === null || d.lte(0) ? null : d);
const askOrNull = (d: Decimal | null) => (d === null || d.lte(0) || d.gte(1) ? null : d);

/**
 * The snapshot of a replayed version, as `snapshotFromMarket` builds it from the API: a bid of 0
 * and an ask of 0 or 1 are null (nobody there), `observedAt` is the version's replay time,
 * volume, close time and status are the version's. The price grid is not stored: the one-cent
 * default applies.
 */
export function snapshotOfVersion(market: ReplayedMarket): MarketSnapshot {
  return {
    ticker: market.ticker,
    yesBid: bidOrNull(market.yesBid),
    yesAsk: askOrNull(market.yesAsk),
    noBid: bidOrNull(market.noBid),
    noAsk: askOrNull(market.noAsk),
    volume: market.volume,
    closeTime: market.closeTime,
    observedAt: market.time,
    status: market.status,
  };
}

/** The exit rules of a strategy, run on every version of a held market. */
export type RuleExits = (
  market: ReplayedMarket,
  snapshot: MarketSnapshot,
  context: BacktestContext,
) => BacktestIntent[];

/**
 * `exits` (with a trailing stop armed at each position's entry when `trailingStop` is set)
 * evaluated on the held position of each version's market: an exit decision becomes an `exit`
 * intent at the bid for the quantity the rule names.
 */
export function ruleExits(exits: ExitConfig, trailingStop: TrailingStopConfig | null): RuleExits {
  const stops = new Map<string, TrailingStopState>();
  return (market, snapshot, context) => {
    const position = context.position(market.ticker);
    if (position === null) return [];
    let stop = stops.get(position.positionKey) ?? null;
    if (stop === null && trailingStop !== null) stop = initTrailingStop(position.avgEntryPrice, trailingStop);
    const decision = evaluateExit({ position, trailingStop: stop }, snapshot, context.now, exits);
    if (decision.trailingStop !== null) stops.set(position.positionKey, decision.trailingStop);
    if (decision.exit === null || decision.bid === null) return [];
    return [
      {
        action: 'exit',
        ticker: market.ticker,
        side: position.side,
        count: decision.exit.quantity,
        limitPrice: decision.bid,
        reason: `${decision.exit.condition}: ${decision.exit.reason}`,
      },
    ];
  };
}
