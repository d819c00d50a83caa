import { randomUUID } from 'node:crypto';
import type Decimal from 'decimal.js';
import type { VersionedTableDefinition } from '../scd2/definition';
import type { DecimalInput, Json } from './types';

/**
 * A position snapshot. `positionKey` is the stable identity: given when the position opens from
 * zero (see {@link newPositionKey}) and kept on every version until it is back at zero. At most
 * one current `open` position per (platformId, subaccount, ticker) — the database enforces it.
 * `lastCheckTime` and `metadata` are stored with each version but do not by themselves make one.
 */
export interface PositionInput {
  positionKey: string;
  ticker: string;
  /** `yes` or `no`. */
  side: string;
  /** Contracts held, NUMERIC(12,2). */
  quantity: DecimalInput;
  /** `open` (default), `closed`, `settled`. */
  status?: string;
  platformId?: string;
  subaccount?: number;
  entryPrice?: DecimalInput | null;
  currentPrice?: DecimalInput | null;
  marketExposure?: DecimalInput | null;
  totalTraded?: DecimalInput | null;
  feesPaid?: DecimalInput | null;
  realizedPnl?: DecimalInput | null;
  unrealizedPnl?: DecimalInput | null;
  /** Fraction: 0.1234 = 12.34 %. */
  unrealizedPnlPct?: DecimalInput | null;
  strategyId?: number | null;
  modelId?: number | null;
  methodId?: number | null;
  targetPrice?: DecimalInput | null;
  stopLossPrice?: DecimalInput | null;
  trailingStopState?: Json | null;
  entryTime?: Date | null;
  exitTime?: Date | null;
  exitPrice?: DecimalInput | null;
  exitReason?: string | null;
  exitPriority?: string | null;
  initialOrderId?: string | null;
  lastCheckTime?: Date | null;
  metadata?: Json | null;
}

export interface Position {
  positionKey: string;
  platformId: string;
  subaccount: number;
  ticker: string;
  side: string;
  quantity: Decimal;
  status: string;
  entryPrice: Decimal | null;
  currentPrice: Decimal | null;
  marketExposure: Decimal | null;
  totalTraded: Decimal | null;
  feesPaid: Decimal | null;
  realizedPnl: Decimal | null;
  unrealizedPnl: Decimal | null;
  unrealizedPnlPct: Decimal | null;
  strategyId: number | null;
  modelId: number | null;
  methodId: number | null;
  targetPrice: Decimal | null;
  stopLossPrice: Decimal | null;
  trailingStopState: Json | null;
  entryTime: Date | null;
  exitTime: Date | null;
  exitPrice: Decimal | null;
  exitReason: string | null;
  exitPriority: string | null;
  initialOrderId: string | null;
  lastCheckTime: Date | null;
  metadata: Json | null;
}

/** A fresh, stable position key (`POS-<uuid>`), for a position opening from zero. */
export function newPositionKey(): string {
  return `POS-${randomUUID()}`;
}

const PRICE = 'numeric(10,4)';
const MONEY = 'numeric(16,4)';

export const positionsDefinition: VersionedTableDefinition = {
  table: 'positions',
  key: [{ field: 'positionKey', column: 'position_key', type: 'text' }],
  tracked: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'side', column: 'side', type: 'text' },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'status', column: 'status', type: 'text', default: 'open' },
    { field: 'entryPrice', column: 'entry_price', type: PRICE },
    { field: 'currentPrice', column: 'current_price', type: PRICE },
    { field: 'marketExposure', column: 'market_exposure', type: MONEY },
    { field: 'totalTraded', column: 'total_traded', type: MONEY },
    { field: 'feesPaid', column: 'fees_paid', type: MONEY },
    { field: 'realizedPnl', column: 'realized_pnl', type: MONEY },
    { field: 'unrealizedPnl', column: 'unrealized_pnl', type: MONEY },
    { field: 'unrealizedPnlPct', column: 'unrealized_pnl_pct', type: 'numeric(10,4)' },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint' },
    { field: 'modelId', column: 'model_id', type: 'bigint' },
    { field: 'methodId', column: 'method_id', type: 'bigint' },
    { field: 'targetPrice', column: 'target_price', type: PRICE },
    { field: 'stopLossPrice', column: 'stop_loss_price', type: PRICE },
    { field: 'trailingStopState', column: 'trailing_stop_state', type: 'jsonb' },
    { field: 'entryTime', column: 'entry_time', type: 'timestamptz' },
    { field: 'exitTime', column: 'exit_time', type: 'timestamptz' },
    { field: 'exitPrice', column: 'exit_price', type: PRICE },
    { field: 'exitReason', column: 'exit_reason', type: 'text' },
    { field: 'exitPriority', column: 'exit_priority', type: 'text' },
    { field: 'initialOrderId', column: 'initial_order_id', type: 'text' },
  ],
  payload: [
    { field: 'lastCheckTime', column: 'last_check_time', type: 'timestamptz' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
