// What the backtester asks of a strategy: one market version in, intents out. The engine's
// `Strategy` runs through an adapter onto this (see docs/backtest.md); the built-in edge rule
// (`edgeStrategy`) implements it directly.
import type Decimal from 'decimal.js';
import type { Position } from '../positions/position';
import type { Side } from '../types';
import type { ReplayedMarket } from './replay';

/** One thing the strategy wants done now. */
export interface BacktestIntent {
  /** `enter` buys `side`; `exit` sells contracts of the side held. */
  action: 'enter' | 'exit';
  ticker: string;
  side: Side;
  /** Contracts, positive. */
  count: Decimal;
  /** Worst price accepted (the ask seen for an entry, the bid for an exit); null accepts any. */
  limitPrice: Decimal | null;
  /** One line saying why, for the report. */
  reason: string;
  /** The model's probability that YES wins, when the strategy has one: the report's model Brier score uses it. */
  yesProbability?: Decimal | null | undefined;
}

/** What the strategy may look at besides the market version. */
export interface BacktestContext {
  /** The replay's clock: the version's time, epoch ms. */
  readonly now: number;
  /** The open position on `ticker`, or null. */
  position(ticker: string): Position | null;
  /** True while an order on `ticker` waits out the latency. */
  hasPendingOrder(ticker: string): boolean;
  /** Cash: the starting bankroll, less what was paid, plus what was received. */
  readonly cash: Decimal;
}

/** A strategy as the backtester runs it. */
export interface BacktestStrategy {
  /** `name@version` (or a description), for the report and the recorded run. */
  readonly label: string;
  /** The intents for one market version; called for every version replayed. */
  decide(market: ReplayedMarket, context: BacktestContext): readonly BacktestIntent[];
}
