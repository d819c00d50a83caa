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
/** Scale of the money columns (`numeric(20,6)`). */
const MONEY_DP = 6;
const sameMoney = (a: Decimal, column: Decimal) =>
  a.toDecimalPlaces(MONEY_DP, Decimal.ROUND_HALF_EVEN).eq(column);

/**
 * Realized P&L net of every fee of a stored position row: `realized_pnl − fees_paid`. The column
 * `realized_pnl` holds the exchange's convention (trading P&L before fees, Kalshi's
 * `realized_pnl_dollars`) in every writer; this is the figure the breakers count. Null when the
 * row has no realized P&L.
 */
export function netRealizedPnl(row: Pick<StoredPositionRow, 'realizedPnl' | 'feesPaid'>): Decimal | null {
  return row.realizedPnl === null ? null : row.realizedPnl.minus(row.feesPaid ?? 0);
}

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
      quantity: s(p.quantity),
      status: p.status,
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
    // Kalshi's convention, as the sync writes it: before fees (the net is realized_pnl − fees_paid).
    realizedPnl: p.realizedTradingPnl,
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

const STATUSES: readonly Position['status'][] = ['open', 'closed', 'settled'];
const statusOf = (row: Versioned<StoredPositionRow>): Position['status'] =>
  STATUSES.includes(row.status as Position['status']) ? (row.status as Position['status']) : 'closed';

/**
 * A position version whose fill-built figures are not in its metadata (the sync service wrote it
 * from the exchange's report, or changed it since the position manager did): rebuilt from the
 * columns. Cost basis is the exchange's market exposure (or entry price × quantity).
 * `realized_pnl` is before fees in every writer (Kalshi's `realized_pnl_dollars`), so it is the
 * trading P&L and the net is `realized_pnl − fees_paid`. The identity of the position (opening
 * fill, open time) is kept from stale metadata when there is some.
 */
function positionFromColumns(
  row: Versioned<StoredPositionRow>,
  stale: { [key: string]: Json } | undefined,
): Position {
  const zero = new Decimal(0);
  const feesPaid = row.feesPaid ?? zero;
  const realizedTradingPnl = row.realizedPnl ?? zero;
  const realizedPnl = realizedTradingPnl.minus(feesPaid);
  const costBasis = row.marketExposure ?? (row.entryPrice ?? zero).times(row.quantity);
  const avgEntryPrice =
    row.entryPrice ?? (row.quantity.isZero() ? zero : costBasis.div(row.quantity).toDecimalPlaces(4));
  const openedAt = (stale?.openedAt as number | undefined) ?? (row.entryTime ?? row.rowStartTs).getTime();
  const entryQuantity =
    typeof stale?.entryQuantity === 'string'
      ? Decimal.max(new Decimal(stale.entryQuantity), row.quantity)
      : row.quantity;
  return {
    positionKey: row.positionKey,
    platform: row.platformId,
    subaccount: row.subaccount,
    ticker: row.ticker,
    side: row.side as Position['side'],
    status: statusOf(row),
    quantity: row.quantity,
    entryQuantity,
    costBasis,
    avgEntryPrice,
    realizedTradingPnl,
    feesPaid,
    realizedPnl,
    fillCount: (stale?.fillCount as number | undefined) ?? 0,
    openingFillId: (stale?.openingFillId as string | undefined) ?? '',
    lastFillId: (stale?.lastFillId as string | undefined) ?? '',
    openedAt,
    updatedAt: (row.lastCheckTime ?? row.rowStartTs).getTime(),
    closedAt: row.exitTime === null ? null : row.exitTime.getTime(),
  };
}

/**
 * Whether the fill-built figures in a version's metadata still describe its columns: the sync
 * carries the position manager's metadata over when it writes the exchange's figures, so a
 * version where the quantity, the status, the fees or the realized P&L moved since has stale
 * metadata. `realized_pnl` is compared with the trading P&L (before fees); a version written
 * before that rule (the column then held the net) still matches its own metadata's net.
 */
function metadataCurrent(m: { [key: string]: Json }, row: Versioned<StoredPositionRow>): boolean {
  if (typeof m.quantity === 'string' && !new Decimal(m.quantity).eq(row.quantity)) return false;
  if (typeof m.status === 'string' && m.status !== row.status) return false;
  if (typeof m.feesPaid === 'string' && row.feesPaid !== null) {
    if (!sameMoney(new Decimal(m.feesPaid), row.feesPaid)) return false;
  }
  if (row.realizedPnl !== null) {
    const column = row.realizedPnl;
    const gross =
      typeof m.realizedTradingPnl === 'string' && sameMoney(new Decimal(m.realizedTradingPnl), column);
    const legacyNet = typeof m.realizedPnl === 'string' && sameMoney(new Decimal(m.realizedPnl), column);
    if (!gross && !legacyNet) return false;
  }
  return true;
}

/**
 * Rebuilds a stored position from its row: exactly when the position manager wrote it (see
 * {@link positionToRow}), from the columns when the sync service did or changed it since.
 */
export function positionFromRow(row: Versioned<StoredPositionRow>): StoredPosition {
  const meta = (row.metadata ?? {}) as { [key: string]: Json };
  const m = meta.position as { [key: string]: Json } | undefined;
  const position: Position =
    m === undefined || !metadataCurrent(m, row)
      ? positionFromColumns(row, m)
      : {
          positionKey: row.positionKey,
          platform: row.platformId,
          subaccount: row.subaccount,
          ticker: row.ticker,
          side: row.side as Position['side'],
          status: statusOf(row),
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
