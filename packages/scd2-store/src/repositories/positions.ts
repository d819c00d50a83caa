import { randomUUID } from 'node:crypto';
import type { VersionedTableDefinition } from '../scd2/definition';
import type { InputOf, RowOf, VersionedSpecs } from '../schema/row-types';

/** A fresh, stable position key (`POS-<uuid>`), for a position opening from zero. */
export function newPositionKey(): string {
  return `POS-${randomUUID()}`;
}

const PRICE = 'numeric(10,6)';
const MONEY = 'numeric(20,6)';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `side`: `yes` or `no`; null only on a flat closed/settled position whose side the exchange
 *   never reported (an archived market the store never saw held).
 * - `quantity`: Contracts held, NUMERIC(12,2).
 * - `status`: `open` (default), `closed`, `settled`.
 * - `unrealizedPnlPct`: Fraction: 0.1234 = 12.34 %.
 */
export const positionsDefinition = {
  table: 'positions',
  key: [{ field: 'positionKey', column: 'position_key', type: 'text' }],
  tracked: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'side', column: 'side', type: 'text', nullable: true },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'status', column: 'status', type: 'text', default: 'open' },
    { field: 'entryPrice', column: 'entry_price', type: PRICE, nullable: true },
    { field: 'currentPrice', column: 'current_price', type: PRICE, nullable: true },
    { field: 'marketExposure', column: 'market_exposure', type: MONEY, nullable: true },
    { field: 'totalTraded', column: 'total_traded', type: MONEY, nullable: true },
    { field: 'feesPaid', column: 'fees_paid', type: MONEY, nullable: true },
    { field: 'realizedPnl', column: 'realized_pnl', type: MONEY, nullable: true },
    { field: 'unrealizedPnl', column: 'unrealized_pnl', type: MONEY, nullable: true },
    { field: 'unrealizedPnlPct', column: 'unrealized_pnl_pct', type: 'numeric(10,6)', nullable: true },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint', nullable: true },
    { field: 'modelId', column: 'model_id', type: 'bigint', nullable: true },
    { field: 'methodId', column: 'method_id', type: 'bigint', nullable: true },
    { field: 'targetPrice', column: 'target_price', type: PRICE, nullable: true },
    { field: 'stopLossPrice', column: 'stop_loss_price', type: PRICE, nullable: true },
    { field: 'trailingStopState', column: 'trailing_stop_state', type: 'jsonb', nullable: true },
    { field: 'entryTime', column: 'entry_time', type: 'timestamptz', nullable: true },
    { field: 'exitTime', column: 'exit_time', type: 'timestamptz', nullable: true },
    { field: 'exitPrice', column: 'exit_price', type: PRICE, nullable: true },
    { field: 'exitReason', column: 'exit_reason', type: 'text', nullable: true },
    { field: 'exitPriority', column: 'exit_priority', type: 'text', nullable: true },
    { field: 'initialOrderId', column: 'initial_order_id', type: 'text', nullable: true },
  ],
  payload: [
    { field: 'lastCheckTime', column: 'last_check_time', type: 'timestamptz', nullable: true },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies VersionedTableDefinition;

/**
 * A position snapshot. `positionKey` is the stable identity: given when the position opens from
 * zero (see {@link newPositionKey}) and kept on every version until it is back at zero. At most
 * one current `open` position per (platformId, subaccount, ticker) — the database enforces it.
 * `lastCheckTime` and `metadata` are stored with each version but do not by themselves make one.
 */
export type PositionInput = InputOf<VersionedSpecs<typeof positionsDefinition>>;

/** A stored row of {@link positionsDefinition}. */
export type Position = RowOf<VersionedSpecs<typeof positionsDefinition>>;
