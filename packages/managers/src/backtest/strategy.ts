// What the backtester asks of a strategy: one market version in, intents out. The engine's
// `Strategy` runs through `backtestEngineStrategy` (engine-strategy.ts) onto this; the
// documented `--exits none` edge rule (`edgeStrategy`) implements it directly.
import type Decimal from 'decimal.js';
import type { Position } from '../positions/position';
import type { Side } from '../types';
import type { ReplayedMarket } from './replay';

/** One thing the strategy wants done now. */
export interface BacktestIntent {
  /**
   * `enter` buys `side`; `exit` sells contracts of the side held; `adjust` changes the entry of
   * `side` waiting out the latency on `ticker` to `count` contracts at `limitPrice` (a `count`
   * of 0 cancels it; ignored when none waits).
   */
  action: 'enter' | 'exit' | 'adjust';
  ticker: string;
  side: Side;
  /** Contracts, positive (0 only for an `adjust` that cancels). */
  count: Decimal;
  /** Worst price accepted (the ask seen for an entry, the bid for an exit); null accepts any. */
  limitPrice: Decimal | null;
  /** One line saying why, for the report. */
  reason: string;
  /** The model's probability that YES wins, when the strategy has one: the report's model Brier score uses it. */
  yesProbability?: Decimal | null | undefined;
}

/** An order waiting out the latency (`RunBacktestOptions.latencyMs`). */
export interface BacktestPendingOrder {
  /** `backtest-<n>`, in the order the intents were made. */
  id: string;
  intent: BacktestIntent;
  /** When it was decided and when it fills, epoch ms. */
  decidedAt: number;
  due: number;
}

/** What the strategy may look at besides the market version. */
export interface BacktestContext {
  /** The replay's clock: the version's time, epoch ms. */
  readonly now: number;
  /** The open position on `ticker`, or null. */
  position(ticker: string): Position | null;
  /** Every open position, by ticker. */
  positions(): readonly Position[];
  /** True while an order on `ticker` waits out the latency. */
  hasPendingOrder(ticker: string): boolean;
  /** The orders on `ticker` waiting out the latency, oldest first. */
  pendingOrders(ticker: string): readonly BacktestPendingOrder[];
  /** Cash: the starting bankroll, less what was paid, plus what was received. */
  readonly cash: Decimal;
  /** The starting bankroll (`RunBacktestOptions.bankroll`), dollars. */
  readonly bankroll: Decimal;
  /** Cost basis of the open positions plus count × limit of the entries waiting, dollars. */
  readonly exposure: Decimal;
  /** Counts an intent the strategy's own gates refused, under `reason`, in the report's `unfilled`. */
  reject(reason: string): void;
}

/** A strategy as the backtester runs it. */
export interface BacktestStrategy {
  /** `name@version` (or a description), for the report and the recorded run. */
  readonly label: string;
  /** The intents for one market version; called for every version replayed. */
  decide(market: ReplayedMarket, context: BacktestContext): readonly BacktestIntent[];
}
