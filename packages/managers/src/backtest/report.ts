import type Decimal from 'decimal.js';
import type { Side } from '../types';

/** One simulated fill. `price` is of `side` (the NO price for NO); `fees` the order's taker fee. */
export interface BacktestTrade {
  ticker: string;
  side: Side;
  /** `buy` for an entry, `sell` for an exit. */
  action: 'buy' | 'sell';
  count: Decimal;
  price: Decimal;
  fees: Decimal;
  /** Fill time, epoch ms (the decision's time plus the latency). */
  time: number;
  /** Why the strategy traded. */
  reason: string;
}

/** A position closed by the market's result: $1 a contract of the winning side. */
export interface BacktestSettlement {
  ticker: string;
  side: Side;
  count: Decimal;
  result: 'yes' | 'no';
  /** `count` dollars when `side` won, else 0. */
  payout: Decimal;
  /** Net P&L of the whole position (entries, exits, fees and payout). */
  pnl: Decimal;
  time: number;
}

/** A position still open at the end of the window: valued at its last mark, counted neither won nor lost. */
export interface BacktestOpenPosition {
  ticker: string;
  side: Side;
  count: Decimal;
  /** Cost of the contracts held at their average entry price, fees excluded. */
  costBasis: Decimal;
  /** The last executable bid of the side held; null when nobody bid. */
  mark: Decimal | null;
  /** `mark × count` (0 without a mark). */
  markValue: Decimal;
  /** Net P&L so far: realized part plus `markValue − costBasis` (fees included, no exit fee). */
  pnl: Decimal;
  /** When the last mark was seen, epoch ms. */
  markTime: number;
}

/** One point of a time series. */
export interface BacktestPoint {
  time: number;
  value: Decimal;
}

/** Brier scores over the entries whose market settled yes or no in the window. */
export interface BrierScores {
  /** Mean of (model probability of the side bought − outcome)²; null when no entry carried a model probability. */
  model: Decimal | null;
  /** Mean of (price paid − outcome)²: the market's own forecast at entry. */
  market: Decimal | null;
  /** Entries scored. */
  count: number;
}

/** What a backtest found. Money in dollars; exact Decimals. */
export interface BacktestReport {
  strategy: string;
  model: string;
  from: Date | null;
  to: Date | null;
  /** Market versions replayed. */
  versions: number;
  /** Fills, entries and exits, in time order. */
  trades: BacktestTrade[];
  /** Orders that did not fill, by reason (`market_not_open`, `no_quote`, `price_moved`, `no_size`, `window_end`). */
  unfilled: Record<string, number>;
  settlements: BacktestSettlement[];
  open: BacktestOpenPosition[];
  /** Every fee paid. */
  fees: Decimal;
  /** P&L of the positions closed (settled or sold), fees included. */
  realizedPnl: Decimal;
  /** P&L of the positions still open at their last mark. */
  unrealizedPnl: Decimal;
  /** `realizedPnl + unrealizedPnl`. */
  pnl: Decimal;
  /** Largest fall of equity (cash + open positions at their marks) from a previous peak. */
  maxDrawdown: Decimal;
  /** Cost basis of the open positions after each fill or settlement. */
  exposure: BacktestPoint[];
  /** The largest exposure reached. */
  maxExposure: Decimal;
  /** Equity over time (starting bankroll + P&L), at most `maxCurvePoints` points. */
  equity: BacktestPoint[];
  /** Closed positions that won: settled on their side, or sold at a profit. */
  wins: number;
  /** Closed positions that did not win. */
  losses: number;
  /** `wins / (wins + losses)`; null with no closed position. */
  hitRate: Decimal | null;
  brier: BrierScores;
}
