import Decimal from 'decimal.js';
import { PositionFillError } from '../errors';
import { ONE, ZERO } from '../internal/decimal';
import { oppositeSide } from '../market';
import type { EpochMs, Side } from '../types';

/**
 * One fill from the exchange, as charged. Kalshi's GET /portfolio/fills gives `fill_id`,
 * `ticker`, `side`, `action`, `count_fp`, `yes_price_dollars`/`no_price_dollars` and
 * `fee_cost`; `price` here is the price of `side` (the NO price for a NO fill).
 */
export interface Fill {
  /** The exchange's fill id (unique). */
  fillId: string;
  /** Market ticker. */
  ticker: string;
  /** Side of the contract traded. */
  side: Side;
  /** `buy` adds contracts of `side`, `sell` removes them. */
  action: 'buy' | 'sell';
  /** Contracts filled (fixed point, 2 dp on Kalshi), positive. */
  count: Decimal;
  /** Fill price of `side`, in dollars. */
  price: Decimal;
  /** The fee this fill was charged, in dollars, exactly as the exchange reports it (0 allowed). */
  fee: Decimal;
  /** Fill time, epoch ms. */
  createdAt: EpochMs;
}

/** Where a position lives: Kalshi nets contracts per (platform, subaccount, ticker). */
export interface PositionScope {
  /** Platform id. Default `'kalshi'`. */
  platform?: string;
  /** Kalshi subaccount number. Default 0 (the primary account). */
  subaccount?: number;
}

/**
 * A position built from fills: plain data with Decimal fields, ready to be stored as an SCD2
 * version under `positionKey`. Prices are in the price space of `side`.
 */
export interface Position {
  /** Stable business key: fixed when the position opens from zero, kept until it is back to zero. */
  positionKey: string;
  platform: string;
  subaccount: number;
  ticker: string;
  /** Side held. */
  side: Side;
  /**
   * `open` while contracts are held, `closed` once sold back to zero, `settled` when the market
   * settled with contracts still held (see `settlePosition`: they were paid out, or expired).
   */
  status: 'open' | 'closed' | 'settled';
  /** Contracts held now. */
  quantity: Decimal;
  /** Total contracts bought over the position's life (the base of partial-exit percentages). */
  entryQuantity: Decimal;
  /** Cost of the contracts held now at their average entry price (fees excluded), dollars. */
  costBasis: Decimal;
  /**
   * Weighted average entry price of the contracts held (`costBasis / quantity`, full
   * precision), fees excluded. After the position closes: the average at the last exit.
   */
  avgEntryPrice: Decimal;
  /**
   * Σ (exit price × contracts − cost removed) over every exit, before fees, dollars. A partial
   * exit removes `costBasis × contracts / quantity` rounded half-even to $0.0001; the closing
   * fill removes the rest, so once closed this is exactly proceeds − costs. This is what the
   * `positions.realized_pnl` column stores (Kalshi's convention, `realized_pnl_dollars`).
   */
  realizedTradingPnl: Decimal;
  /** Σ fees of every fill, entries and exits, exactly as charged, dollars. */
  feesPaid: Decimal;
  /**
   * `realizedTradingPnl − feesPaid`: realized P&L net of every fee paid so far, dollars — the
   * figure the breakers count. Never stored as such: the store derives it as
   * `realized_pnl − fees_paid` (see `netRealizedPnl`).
   */
  realizedPnl: Decimal;
  /** Number of fills applied. */
  fillCount: number;
  /** The fill that opened the position. */
  openingFillId: string;
  /** The last fill applied (fills must be applied in exchange order). */
  lastFillId: string;
  openedAt: EpochMs;
  updatedAt: EpochMs;
  /** When the position went back to zero (by a sale or at settlement), else null. */
  closedAt: EpochMs | null;
}

/**
 * The stable key of a position: `platform:subaccount:ticker:openingFillId`. Derived from the
 * fill that opened it, so re-syncing the same fills yields the same key.
 */
export function positionKeyFor(params: {
  platform: string;
  subaccount: number;
  ticker: string;
  openingFillId: string;
}): string {
  return `${params.platform}:${params.subaccount}:${params.ticker}:${params.openingFillId}`;
}

export function checkFill(fill: Fill): void {
  if (!fill.count.gt(ZERO)) {
    throw new PositionFillError(
      `fill ${fill.fillId} has a non-positive count ${fill.count.toString()}`,
      fill.fillId,
    );
  }
  if (fill.price.lt(ZERO) || fill.price.gt(ONE)) {
    throw new PositionFillError(
      `fill ${fill.fillId} has price ${fill.price.toString()} outside [0, 1]`,
      fill.fillId,
    );
  }
  if (fill.fee.isNegative()) {
    throw new PositionFillError(`fill ${fill.fillId} has a negative fee ${fill.fee.toString()}`, fill.fillId);
  }
}

/**
 * A fill seen from the side held. On a binary market buying NO at p while holding YES is
 * selling YES at 1 − p (the exchange nets them), and selling NO at p is buying YES at 1 − p.
 */
export function asHeldSide(fill: Fill, side: Side): { action: 'buy' | 'sell'; price: Decimal } {
  if (fill.side === side) return { action: fill.action, price: fill.price };
  return { action: fill.action === 'buy' ? 'sell' : 'buy', price: ONE.minus(fill.price) };
}

/**
 * Opens a position from the fill that takes it from zero. A buy opens that side; a sell from
 * zero opens the other side (selling YES short is holding NO at 1 − p on Kalshi).
 */
export function openPosition(fill: Fill, scope: PositionScope = {}): Position {
  checkFill(fill);
  const platform = scope.platform ?? 'kalshi';
  const subaccount = scope.subaccount ?? 0;
  const side = fill.action === 'buy' ? fill.side : oppositeSide(fill.side);
  const price = fill.action === 'buy' ? fill.price : ONE.minus(fill.price);
  const costBasis = price.times(fill.count);
  return {
    positionKey: positionKeyFor({ platform, subaccount, ticker: fill.ticker, openingFillId: fill.fillId }),
    platform,
    subaccount,
    ticker: fill.ticker,
    side,
    status: 'open',
    quantity: fill.count,
    entryQuantity: fill.count,
    costBasis,
    avgEntryPrice: price,
    realizedTradingPnl: ZERO,
    feesPaid: fill.fee,
    realizedPnl: ZERO.minus(fill.fee),
    fillCount: 1,
    openingFillId: fill.fillId,
    lastFillId: fill.fillId,
    openedAt: fill.createdAt,
    updatedAt: fill.createdAt,
    closedAt: null,
  };
}

/** Builds a position with one fixed property order (one V8 hidden class for every version). */
export function makePosition(base: Position, changes: Partial<Position>): Position {
  const p = { ...base, ...changes };
  return {
    positionKey: p.positionKey,
    platform: p.platform,
    subaccount: p.subaccount,
    ticker: p.ticker,
    side: p.side,
    status: p.status,
    quantity: p.quantity,
    entryQuantity: p.entryQuantity,
    costBasis: p.costBasis,
    avgEntryPrice: p.avgEntryPrice,
    realizedTradingPnl: p.realizedTradingPnl,
    feesPaid: p.feesPaid,
    realizedPnl: p.realizedPnl,
    fillCount: p.fillCount,
    openingFillId: p.openingFillId,
    lastFillId: p.lastFillId,
    openedAt: p.openedAt,
    updatedAt: p.updatedAt,
    closedAt: p.closedAt,
  };
}

/**
 * Applies one more fill to an open position and returns the new version (the input is not
 * changed). Adds move the weighted average entry; exits realise `(price − average) × count`;
 * every fill's own fee is added to `feesPaid` (fees are per fill as charged, never once per
 * position). Reaching zero closes the position. Throws {@link PositionFillError} for another
 * market, a closed position, or a fill that would take the position through zero (use
 * `applyFillThroughZero` for a fill that may: it closes this position and opens the other side).
 */
export function applyFill(position: Position, fill: Fill): Position {
  checkFill(fill);
  if (fill.ticker !== position.ticker) {
    throw new PositionFillError(
      `fill ${fill.fillId} is for ${fill.ticker}, not for position ${position.positionKey} on ${position.ticker}`,
      fill.fillId,
    );
  }
  if (position.status !== 'open') {
    throw new PositionFillError(
      `fill ${fill.fillId} cannot be applied: position ${position.positionKey} is ${position.status}`,
      fill.fillId,
    );
  }
  const { action, price } = asHeldSide(fill, position.side);
  const feesPaid = position.feesPaid.plus(fill.fee);
  const common = {
    fillCount: position.fillCount + 1,
    lastFillId: fill.fillId,
    updatedAt: fill.createdAt,
    feesPaid,
  };

  if (action === 'buy') {
    const quantity = position.quantity.plus(fill.count);
    const costBasis = position.costBasis.plus(price.times(fill.count));
    return makePosition(position, {
      ...common,
      quantity,
      entryQuantity: position.entryQuantity.plus(fill.count),
      costBasis,
      avgEntryPrice: costBasis.div(quantity),
      realizedPnl: position.realizedTradingPnl.minus(feesPaid),
    });
  }

  if (fill.count.gt(position.quantity)) {
    throw new PositionFillError(
      `fill ${fill.fillId} sells ${fill.count.toString()} contracts but position ${position.positionKey} holds ${position.quantity.toString()}`,
      fill.fillId,
    );
  }
  const quantity = position.quantity.minus(fill.count);
  const closing = quantity.isZero();
  // A partial exit removes its share of the cost at the average, rounded half-even to $0.0001
  // (the money scale) so the basis left stays a short exact decimal; the closing fill removes
  // whatever basis remains, so a closed position's P&L is exactly proceeds − costs.
  const removedCost = closing
    ? position.costBasis
    : position.costBasis.times(fill.count).div(position.quantity).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
  const realizedTradingPnl = position.realizedTradingPnl.plus(price.times(fill.count)).minus(removedCost);
  return makePosition(position, {
    ...common,
    status: closing ? 'closed' : 'open',
    quantity,
    costBasis: position.costBasis.minus(removedCost),
    realizedTradingPnl,
    realizedPnl: realizedTradingPnl.minus(feesPaid),
    closedAt: closing ? fill.createdAt : null,
  });
}
