import type { Json, PositionInput, Position as StoredPositionRow, Versioned } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { ManagersError } from '../errors';
import type { ExitCondition, ExitPriority } from '../exits/conditions';
import type { TrailingStopState } from '../exits/trailing-stop';
import { trailingStopStateFromJson, trailingStopStateToJson } from '../persistence/trailing-stop-json';
import type { PositionMark } from '../positions/mark';
import type { Position } from '../positions/position';

/** What a stored position carries besides the fills: who opened it, its stops, how it ended. */
export interface PositionAttribution {
  /** Strategy version (strategies.strategy_id) that opened it. */
  strategyId: number | null;
  /** Model version (probability_models.model_id) whose probability it traded on. */
  modelId: number | null;
  /** The trailing stop, or null for none. */
  trailingStop: TrailingStopState | null;
  /** Fixed stop-loss price in the side's space, or null. */
  stopLossPrice: Decimal | null;
  /** Profit-target price in the side's space, or null. */
  targetPrice: Decimal | null;
  /** Exchange order id of the opening order. */
  initialOrderId: string | null;
  /** Partial-exit stages already executed. */
  partialStagesDone: string[];
}

/** The last exit of a closed position. */
export interface PositionExitSummary {
  condition: ExitCondition;
  priority: ExitPriority;
  /** Volume-weighted exit price of that exit, rounded half-even to $0.0001. */
  price: Decimal;
  at: number;
}

/** A position as the store keeps it: the fill-built position plus its attribution. */
export interface StoredPosition extends PositionAttribution {
  position: Position;
  /** The mark stored with this version (bid and unrealized P&L), when one was given. */
  mark: Pick<PositionMark, 'bid' | 'unrealizedPnl' | 'pnlPct'> | null;
  exit: PositionExitSummary | null;
  /** Version timestamps of the row this was read from. */
  version: { id: number; start: Date; end: Date | null } | null;
}

const s = (d: Decimal) => d.toString();
const d = (v: unknown, field: string): Decimal => {
  if (typeof v !== 'string') throw new ManagersError(`stored position: metadata.${field} is missing`);
  return new Decimal(v);
};
const PRICE_DP = 4;
const round4 = (x: Decimal) => x.toDecimalPlaces(PRICE_DP, Decimal.ROUND_HALF_EVEN);

/**
 * The row of one position version. Columns are the queryable projection (entry price rounded
 * half-even to $0.0001 for NUMERIC(10,4)); `metadata.position` keeps every figure of the
 * fill-built position exactly, so {@link positionFromRow} gives back the same Decimals.
 */
export function positionToRow(stored: Omit<StoredPosition, 'version'>, checkedAt: Date): PositionInput {
  const p = stored.position;
  const mark = stored.mark;
  const metadata: { [key: string]: Json } = {
    position: {
      entryQuantity: s(p.entryQuantity),
      costBasis: s(p.costBasis),
      avgEntryPrice: s(p.avgEntryPrice),
      realizedTradingPnl: s(p.realizedTradingPnl),
      feesPaid: s(p.feesPaid),
      realizedPnl: s(p.realizedPnl),
      fillCount: p.fillCount,
      openingFillId: p.openingFillId,
      lastFillId: p.lastFillId,
      openedAt: p.openedAt,
      updatedAt: p.updatedAt,
      closedAt: p.closedAt,
    },
    partialStagesDone: stored.partialStagesDone,
  };
  if (stored.exit !== null) metadata.exitAt = stored.exit.at;
  return {
    positionKey: p.positionKey,
    platformId: p.platform,
    subaccount: p.subaccount,
    ticker: p.ticker,
    side: p.side,
    quantity: p.quantity,
    status: p.status,
    entryPrice: round4(p.avgEntryPrice),
    currentPrice: mark?.bid ?? null,
    marketExposure: p.costBasis,
    feesPaid: p.feesPaid,
    realizedPnl: p.realizedPnl,
    unrealizedPnl: mark?.unrealizedPnl ?? null,
    unrealizedPnlPct: mark?.pnlPct == null ? null : round4(mark.pnlPct),
    strategyId: stored.strategyId,
    modelId: stored.modelId,
    targetPrice: stored.targetPrice,
    stopLossPrice: stored.stopLossPrice,
    trailingStopState:
      stored.trailingStop === null ? null : (trailingStopStateToJson(stored.trailingStop) as unknown as Json),
    entryTime: new Date(p.openedAt),
    exitTime: p.closedAt === null ? null : new Date(p.closedAt),
    exitPrice: stored.exit?.price ?? null,
    exitReason: stored.exit?.condition ?? null,
    exitPriority: stored.exit?.priority ?? null,
    initialOrderId: stored.initialOrderId,
    lastCheckTime: checkedAt,
    metadata,
  };
}

/**
 * A position version the sync service wrote from the exchange's report (no fill-built figures in
 * its metadata): rebuilt from the columns. Cost basis is the exchange's market exposure (or entry
 * price × quantity). Kalshi reports `realized_pnl` and `fees_paid` side by side, so the
 * exchange's figure is taken as trading P&L before fees, as the fake exchange computes it.
 */
function positionFromColumns(row: Versioned<StoredPositionRow>): Position {
  const zero = new Decimal(0);
  const feesPaid = row.feesPaid ?? zero;
  const realizedTradingPnl = row.realizedPnl ?? zero;
  const costBasis = row.marketExposure ?? (row.entryPrice ?? zero).times(row.quantity);
  const avgEntryPrice =
    row.entryPrice ?? (row.quantity.isZero() ? zero : costBasis.div(row.quantity).toDecimalPlaces(4));
  const openedAt = (row.entryTime ?? row.rowStartTs).getTime();
  return {
    positionKey: row.positionKey,
    platform: row.platformId,
    subaccount: row.subaccount,
    ticker: row.ticker,
    side: row.side as Position['side'],
    status: row.status === 'open' ? 'open' : 'closed',
    quantity: row.quantity,
    entryQuantity: row.quantity,
    costBasis,
    avgEntryPrice,
    realizedTradingPnl,
    feesPaid,
    realizedPnl: realizedTradingPnl.minus(feesPaid),
    fillCount: 0,
    openingFillId: '',
    lastFillId: '',
    openedAt,
    updatedAt: (row.lastCheckTime ?? row.rowStartTs).getTime(),
    closedAt: row.exitTime === null ? null : row.exitTime.getTime(),
  };
}

/**
 * Rebuilds a stored position from its row: exactly when the position manager wrote it (see
 * {@link positionToRow}), from the columns when the sync service did.
 */
export function positionFromRow(row: Versioned<StoredPositionRow>): StoredPosition {
  const meta = (row.metadata ?? {}) as { [key: string]: Json };
  const m = meta.position as { [key: string]: Json } | undefined;
  const position: Position =
    m === undefined
      ? positionFromColumns(row)
      : {
          positionKey: row.positionKey,
          platform: row.platformId,
          subaccount: row.subaccount,
          ticker: row.ticker,
          side: row.side as Position['side'],
          status: row.status === 'open' ? 'open' : 'closed',
          quantity: row.quantity,
          entryQuantity: d(m.entryQuantity, 'position.entryQuantity'),
          costBasis: d(m.costBasis, 'position.costBasis'),
          avgEntryPrice: d(m.avgEntryPrice, 'position.avgEntryPrice'),
          realizedTradingPnl: d(m.realizedTradingPnl, 'position.realizedTradingPnl'),
          feesPaid: d(m.feesPaid, 'position.feesPaid'),
          realizedPnl: d(m.realizedPnl, 'position.realizedPnl'),
          fillCount: m.fillCount as number,
          openingFillId: m.openingFillId as string,
          lastFillId: m.lastFillId as string,
          openedAt: m.openedAt as number,
          updatedAt: m.updatedAt as number,
          closedAt: (m.closedAt as number | null) ?? null,
        };
  const exit: PositionExitSummary | null =
    row.exitReason === null || row.exitPrice === null
      ? null
      : {
          condition: row.exitReason as ExitCondition,
          priority: row.exitPriority as ExitPriority,
          price: row.exitPrice,
          at: (meta.exitAt as number | undefined) ?? row.exitTime?.getTime() ?? 0,
        };
  return {
    position,
    strategyId: row.strategyId,
    modelId: row.modelId,
    trailingStop: row.trailingStopState === null ? null : trailingStopStateFromJson(row.trailingStopState),
    stopLossPrice: row.stopLossPrice,
    targetPrice: row.targetPrice,
    initialOrderId: row.initialOrderId,
    partialStagesDone: (meta.partialStagesDone as string[] | undefined) ?? [],
    mark:
      row.currentPrice === null
        ? null
        : { bid: row.currentPrice, unrealizedPnl: row.unrealizedPnl, pnlPct: row.unrealizedPnlPct },
    exit,
    version: { id: row.id, start: row.rowStartTs, end: row.rowEndTs },
  };
}
