import { type FeeSchedule, takerFee } from '@precog/kalshi-client';
import type Decimal from 'decimal.js';
import { ZERO } from '../internal/decimal';
import { executableBid } from '../market';
import type { MarketSnapshot } from '../types';
import type { Position } from './position';

/** A position valued at the executable bid of the side held. */
export interface PositionMark {
  /** The bid used: YES bid for a YES position, NO bid for a NO position; null when nobody bids. */
  bid: Decimal | null;
  /** `bid × quantity`, dollars; null without a bid. */
  marketValue: Decimal | null;
  /** `(bid − avgEntryPrice) × quantity` before fees, dollars; null without a bid. */
  unrealizedTradingPnl: Decimal | null;
  /** Taker fee of selling the whole position at the bid in one order, dollars; null without a bid. */
  estimatedExitFee: Decimal | null;
  /** Unrealized P&L net of the estimated exit fee; null without a bid. */
  unrealizedPnl: Decimal | null;
  /** `(bid − avgEntryPrice) / avgEntryPrice`, the price return the exit rules compare; null without a bid. */
  pnlPct: Decimal | null;
  /** `realizedPnl + unrealizedPnl`: net P&L if the rest were sold at the bid now; null without a bid. */
  totalPnl: Decimal | null;
}

/**
 * Marks a position to market at the executable bid of the side held (never the other leg,
 * never a mid): what it could be sold for now, net of the fee that sale would pay. Entry fees
 * are already in `realizedPnl`, so `totalPnl` counts every fee once.
 */
export function markPosition(
  position: Position,
  snapshot: MarketSnapshot,
  options: { feeSchedule?: FeeSchedule } = {},
): PositionMark {
  const bid = position.quantity.isZero() ? null : executableBid(snapshot, position.side);
  if (bid === null) {
    const flat = position.quantity.isZero();
    return {
      bid,
      marketValue: flat ? ZERO : null,
      unrealizedTradingPnl: flat ? ZERO : null,
      estimatedExitFee: flat ? ZERO : null,
      unrealizedPnl: flat ? ZERO : null,
      pnlPct: null,
      totalPnl: flat ? position.realizedPnl : null,
    };
  }
  const marketValue = bid.times(position.quantity);
  const unrealizedTradingPnl = marketValue.minus(position.costBasis);
  const estimatedExitFee = takerFee(bid, position.quantity, options.feeSchedule);
  const unrealizedPnl = unrealizedTradingPnl.minus(estimatedExitFee);
  return {
    bid,
    marketValue,
    unrealizedTradingPnl,
    estimatedExitFee,
    unrealizedPnl,
    pnlPct: position.avgEntryPrice.isZero()
      ? null
      : bid.minus(position.avgEntryPrice).div(position.avgEntryPrice),
    totalPnl: position.realizedPnl.plus(unrealizedPnl),
  };
}
