// The Strategy contract: from a market update (+ the model's probability) to intents. A strategy
// is pure and synchronous: it reads only its arguments (time comes from the context), so the same
// object runs unchanged in the backtester, on the fake exchange (paper) and live.
import type Decimal from 'decimal.js';
import type { ExitConfig } from '../exits/rules';
import type { TrailingStopConfig } from '../exits/trailing-stop';
import type { BreakerName } from '../risk/circuit-breakers';
import type { EpochMs, MarketSnapshot, Side } from '../types';

/** What a strategy can ask for. The engine turns each intent into (at most) one order. */
export type StrategyIntent = EnterIntent | ExitIntent | AdjustIntent;

/** The kind of a {@link StrategyIntent}. */
export type IntentKind = StrategyIntent['kind'];

/** Fields every intent carries. */
interface IntentBase {
  /** Market ticker. */
  ticker: string;
  /** Side of the contract (the NO side is bought and sold in NO prices). */
  side: Side;
  /** Contracts, positive (fixed point: Kalshi allows 0.01 on some markets). */
  count: Decimal;
  /** Limit price of `side`, dollars. */
  limitPrice: Decimal;
  /** One line saying why, with the numbers (logged and stored with the order intent). */
  reason: string;
}

/** Buy `count` contracts of `side` at `limitPrice` or better. The engine gates it (breakers, entry gates). */
export interface EnterIntent extends IntentBase {
  kind: 'enter';
}

/** Sell `count` contracts of the `side` held at `limitPrice` or better (a strategy-driven exit; the exit rules run regardless). */
export interface ExitIntent extends IntentBase {
  kind: 'exit';
}

/**
 * Change the resting entry order on `ticker`/`side` to `count` contracts remaining at
 * `limitPrice`; a `count` of 0 cancels it. Ignored when no entry rests there.
 */
export interface AdjustIntent extends IntentBase {
  kind: 'adjust';
}

/** An open position as a strategy sees it. */
export interface HeldPosition {
  ticker: string;
  side: Side;
  /** Contracts held now. */
  quantity: Decimal;
  /** Weighted average entry price of the contracts held, fees excluded, dollars. */
  avgEntryPrice: Decimal;
  /** Cost of the contracts held at their entry price, dollars. */
  costBasis: Decimal;
  /** When the position opened, epoch ms. */
  openedAt: EpochMs;
}

/** An order of this strategy run resting on the book. */
export interface RestingOrderView {
  /** The exchange's order id. */
  orderId: string;
  /** The engine's deterministic id for the intent that placed it. */
  clientOrderId: string;
  ticker: string;
  side: Side;
  action: 'buy' | 'sell';
  /** Contracts not yet filled. */
  remaining: Decimal;
  /** Limit price of `side`, dollars. */
  limitPrice: Decimal;
}

/**
 * The thresholds an entry must pass: the exit rules' own (spread, volume, time to close, market
 * status, staleness), so the engine never enters what it would exit on the next tick. Derive it
 * with `entryGatesFromExits`.
 */
export interface EntryGates {
  /** Widest spread (ask − bid) of the side bought, dollars (`ExitConfig.maxSpread`); null: no limit. */
  maxSpread: Decimal | null;
  /** Least market volume, contracts (`ExitConfig.minVolume`); null: no limit. */
  minVolume: Decimal | null;
  /** Least time before close, ms (the larger of the exit rules' close windows); null: no limit. */
  minTimeToCloseMs: number | null;
  /** Oldest snapshot an entry acts on, ms (`ExitConfig.maxSnapshotAgeMs`); null: no limit. */
  maxSnapshotAgeMs: number | null;
  /** The stop loss (`ExitConfig.stopLossPct`): an entry whose bid is already at the stop is refused; null: none. */
  stopLossPct: Decimal | null;
}

/** The state of the circuit breakers, for entries. */
export interface StrategyRiskView {
  /** False when a breaker is open: the engine drops every enter intent anyway. */
  entryAllowed: boolean;
  /** Breakers that block entries now. */
  blockedBy: readonly BreakerName[];
}

/** What the engine knows besides the market update, handed to {@link Strategy.onMarket}. */
export interface StrategyContext {
  /** Now, epoch ms: the only clock a strategy reads. */
  readonly now: EpochMs;
  /** Every open position of this strategy. */
  readonly positions: readonly HeldPosition[];
  /** The open position on `ticker`, or null. */
  position(ticker: string): HeldPosition | null;
  /** Resting orders of this strategy run on `ticker`. */
  restingOrders(ticker: string): readonly RestingOrderView[];
  /** The model's probability that `ticker` resolves YES (0–1), or null when the model has none. */
  probability(ticker: string): Decimal | null;
  /** Entry thresholds shared with the exit rules. */
  readonly gates: EntryGates;
  /** Account bankroll (cash available to the strategy), dollars. */
  readonly bankroll: Decimal;
  /** Cost basis of every open position plus resting entries, dollars. */
  readonly exposure: Decimal;
  /** Circuit breakers. */
  readonly risk: StrategyRiskView;
}

/**
 * A trading strategy. `onMarket` is called once per market update and returns what to do on that
 * market (usually nothing). It must be pure: no I/O, no clock, no randomness, so a backtest
 * replays it exactly and a restart re-derives the same intents (the order ids are derived from
 * them). Exits by rule (stop loss, trailing stop, liquidity, time) are run by the engine's
 * `PositionMonitor` from `exits`; a strategy only emits exits of its own making.
 */
export interface Strategy {
  /** Strategy name (`strategies.strategy_name`), e.g. `nfl_edge`. */
  readonly name: string;
  /** Version (`strategies.strategy_version`), e.g. `1.0`. */
  readonly version: string;
  /** The exit rules the engine runs on this strategy's positions; entry gates derive from them. */
  readonly exits: ExitConfig;
  /** Trailing stop armed on each new position; null/absent for none. */
  readonly trailingStop?: TrailingStopConfig | null;
  /** What to do on `market` now. Return an empty array to do nothing. */
  onMarket(market: MarketSnapshot, context: StrategyContext): readonly StrategyIntent[];
}
