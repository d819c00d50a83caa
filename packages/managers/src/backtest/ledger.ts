// The backtest's books: cash, open positions at their marks, closed positions, and the running
// measures (drawdown, exposure, hit rate, Brier terms). Memory grows with trades, not with the
// versions replayed: marks are kept per held market only, the equity curve is thinned.
import type Decimal from 'decimal.js';
import { ONE, ZERO } from '../internal/decimal';
import { applyFill, type Fill, openPosition, type Position } from '../positions/position';
import type { Side } from '../types';
import type { ReplayedMarket } from './replay';
import type { BacktestOpenPosition, BacktestPoint, BacktestSettlement, BacktestTrade } from './report';

interface Held {
  position: Position;
  /** Last executable bid of the side held; null when nobody bid. */
  mark: Decimal | null;
  markValue: Decimal;
  markTime: number;
}

interface ScoredEntry {
  side: Side;
  /** Model probability of `side`, when the strategy gave one. */
  model: Decimal | null;
  price: Decimal;
}

/** What a fill adds to the books. */
export interface LedgerFill {
  ticker: string;
  side: Side;
  action: 'buy' | 'sell';
  count: Decimal;
  price: Decimal;
  fee: Decimal;
  time: number;
  reason: string;
  yesProbability: Decimal | null;
  /** The bid of `side` in the version filled against, to mark a new position at; null: the fill price. */
  markBid: Decimal | null;
}

function bidOf(market: ReplayedMarket, side: Side): Decimal | null {
  return side === 'yes' ? market.yesBid : market.noBid;
}

export class BacktestLedger {
  cash: Decimal;
  readonly trades: BacktestTrade[] = [];
  readonly settlements: BacktestSettlement[] = [];
  readonly exposure: BacktestPoint[] = [];
  equity: BacktestPoint[] = [];
  fees = ZERO;
  realizedPnl = ZERO;
  maxDrawdown = ZERO;
  maxExposure = ZERO;
  wins = 0;
  losses = 0;
  brierModelSum = ZERO;
  brierModelCount = 0;
  brierMarketSum = ZERO;
  brierCount = 0;

  private readonly held = new Map<string, Held>();
  private readonly scoring = new Map<string, ScoredEntry[]>();
  private readonly settled = new Set<string>();
  /** Cash + every open position at its mark, kept up to date (one addition per mark change). */
  private equityNow: Decimal;
  /** `peak − maxDrawdown`: equity below it is a new maximum drawdown (one comparison per mark). */
  private floor: Decimal;
  private costTotal = ZERO;
  private peak: Decimal;
  private fillSeq = 0;

  constructor(
    bankroll: Decimal,
    private readonly maxCurvePoints: number,
  ) {
    this.cash = bankroll;
    this.peak = bankroll;
    this.equityNow = bankroll;
    this.floor = bankroll;
    this.equity.push({ time: Number.NaN, value: bankroll });
  }

  /** The open position on `ticker`, or null. */
  position(ticker: string): Position | null {
    return this.held.get(ticker)?.position ?? null;
  }

  /** Every open position, by ticker. */
  positions(): Position[] {
    return [...this.held.values()].map((h) => h.position);
  }

  /** Cost basis of the open positions, dollars. */
  get openCost(): Decimal {
    return this.costTotal;
  }

  /** True once the market's result was seen: it takes no more orders. */
  isSettled(ticker: string): boolean {
    return this.settled.has(ticker);
  }

  /** A market version: re-marks a held position, and settles it when the result is yes or no. */
  observe(market: ReplayedMarket): void {
    const held = this.held.get(market.ticker);
    if (held !== undefined) {
      const bid = bidOf(market, held.position.side);
      if (bid !== null) this.setMark(held, bid, market.time);
    }
    if ((market.result === 'yes' || market.result === 'no') && !this.settled.has(market.ticker)) {
      this.settled.add(market.ticker);
      this.settle(market.ticker, market.result, market.time);
    }
  }

  /** Books one fill (entry or exit). */
  fill(f: LedgerFill): void {
    this.fillSeq += 1;
    const fill: Fill = {
      fillId: `backtest-${this.fillSeq}`,
      ticker: f.ticker,
      side: f.side,
      action: f.action,
      count: f.count,
      price: f.price,
      fee: f.fee,
      createdAt: f.time,
    };
    this.trades.push({
      ticker: f.ticker,
      side: f.side,
      action: f.action,
      count: f.count,
      price: f.price,
      fees: f.fee,
      time: f.time,
      reason: f.reason,
    });
    this.fees = this.fees.plus(f.fee);
    const amount = f.price.times(f.count);
    this.addCash(f.action === 'buy' ? amount.neg().minus(f.fee) : amount.minus(f.fee));
    const before = this.held.get(f.ticker);
    if (before === undefined) {
      const position = openPosition(fill);
      const held: Held = { position, mark: null, markValue: ZERO, markTime: f.time };
      this.held.set(f.ticker, held);
      this.costTotal = this.costTotal.plus(position.costBasis);
      // Marked at the bid it could be sold at; without one, at what was paid for it.
      this.setMark(held, f.markBid ?? f.price, f.time);
      this.score(f);
    } else {
      const position = applyFill(before.position, fill);
      this.costTotal = this.costTotal.minus(before.position.costBasis).plus(position.costBasis);
      if (position.status === 'closed') {
        this.close(f.ticker, before, position, position.realizedPnl.gt(ZERO));
      } else {
        before.position = position;
        // The quantity changed: re-mark at the same bid (cleared first, so the value is recomputed).
        const bid = before.mark ?? f.price;
        before.mark = null;
        this.setMark(before, bid, f.time);
      }
    }
    this.recordExposure(f.time);
    this.recordEquity(f.time);
  }

  /** The positions still open, at their last marks. */
  openPositions(): BacktestOpenPosition[] {
    return [...this.held.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ticker, h]) => ({
        ticker,
        side: h.position.side,
        count: h.position.quantity,
        costBasis: h.position.costBasis,
        mark: h.mark,
        markValue: h.markValue,
        pnl: h.position.realizedPnl.plus(h.markValue).minus(h.position.costBasis),
        markTime: h.markTime,
      }));
  }

  /** Equity now: cash plus the open positions at their marks. */
  currentEquity(): Decimal {
    return this.equityNow;
  }

  private addCash(delta: Decimal): void {
    this.cash = this.cash.plus(delta);
    this.equityNow = this.equityNow.plus(delta);
  }

  private score(f: LedgerFill): void {
    const model =
      f.yesProbability === null ? null : f.side === 'yes' ? f.yesProbability : ONE.minus(f.yesProbability);
    const list = this.scoring.get(f.ticker) ?? [];
    list.push({ side: f.side, model, price: f.price });
    this.scoring.set(f.ticker, list);
  }

  private settle(ticker: string, result: 'yes' | 'no', time: number): void {
    for (const entry of this.scoring.get(ticker) ?? []) {
      const outcome = entry.side === result ? ONE : ZERO;
      this.brierCount += 1;
      this.brierMarketSum = this.brierMarketSum.plus(entry.price.minus(outcome).pow(2));
      if (entry.model !== null) {
        this.brierModelCount += 1;
        this.brierModelSum = this.brierModelSum.plus(entry.model.minus(outcome).pow(2));
      }
    }
    this.scoring.delete(ticker);
    const held = this.held.get(ticker);
    if (held === undefined) return;
    const { position } = held;
    const won = position.side === result;
    const payout = won ? position.quantity : ZERO;
    // The settlement as a fee-free sale at $1 (won) or $0 (lost): the position's P&L is then
    // exactly payout − costs − fees.
    const closed = applyFill(position, {
      fillId: `backtest-settlement-${ticker}`,
      ticker,
      side: position.side,
      action: 'sell',
      count: position.quantity,
      price: won ? ONE : ZERO,
      fee: ZERO,
      createdAt: time,
    });
    this.addCash(payout);
    this.costTotal = this.costTotal.minus(position.costBasis);
    this.settlements.push({
      ticker,
      side: position.side,
      count: position.quantity,
      result,
      payout,
      pnl: closed.realizedPnl,
      time,
    });
    this.close(ticker, held, closed, won);
    this.recordExposure(time);
    this.recordEquity(time);
  }

  private close(ticker: string, held: Held, closed: Position, won: boolean): void {
    this.equityNow = this.equityNow.minus(held.markValue);
    this.held.delete(ticker);
    this.realizedPnl = this.realizedPnl.plus(closed.realizedPnl);
    if (won) this.wins += 1;
    else this.losses += 1;
  }

  private setMark(held: Held, bid: Decimal, time: number): void {
    held.markTime = time;
    // The replay hands out one Decimal per price: the same object is the same mark, nothing moves.
    if (bid === held.mark) return;
    const value = bid.times(held.position.quantity);
    const delta = value.minus(held.markValue);
    held.mark = bid;
    held.markValue = value;
    if (delta.isZero()) return;
    this.equityNow = this.equityNow.plus(delta);
    this.recordEquity(time);
  }

  private recordExposure(time: number): void {
    if (this.costTotal.gt(this.maxExposure)) this.maxExposure = this.costTotal;
    this.exposure.push({ time, value: this.costTotal });
  }

  private recordEquity(time: number): void {
    const equity = this.currentEquity();
    if (equity.gt(this.peak)) {
      this.peak = equity;
      this.floor = equity.minus(this.maxDrawdown);
    } else if (equity.lt(this.floor)) {
      // peak − equity > maxDrawdown ⇔ equity < floor; the new floor is then the equity itself.
      this.maxDrawdown = this.peak.minus(equity);
      this.floor = equity;
    }
    const last = this.equity[this.equity.length - 1];
    if (last !== undefined && last.time === time) last.value = equity;
    else this.equity.push({ time, value: equity });
    if (this.equity.length > 2 * this.maxCurvePoints) this.thinCurve();
  }

  /** Halves the curve, keeping the first and last points and every other one between. */
  private thinCurve(): void {
    const kept = this.equity.filter((_, i) => i % 2 === 0 || i === this.equity.length - 1);
    this.equity = kept;
  }
}
