import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `exitCondition`: One of the exit conditions (`stop_loss`, `trailing_stop`, `profit_target`, ...).
 * - `exitPriority`: `CRITICAL`, `HIGH`, `MEDIUM`, `LOW`.
 * - `exitedAt`: Default: the database clock.
 */
export const positionExitsDefinition = {
  table: 'position_exits',
  orderBy: 'exited_at',
  generated: [{ field: 'exitId', column: 'exit_id', type: 'bigint' }],
  columns: [
    { field: 'positionKey', column: 'position_key', type: 'text' },
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'exitCondition', column: 'exit_condition', type: 'text' },
    { field: 'exitPriority', column: 'exit_priority', type: 'text' },
    { field: 'quantityExited', column: 'quantity_exited', type: 'numeric(12,2)' },
    { field: 'exitPrice', column: 'exit_price', type: 'numeric(10,6)' },
    { field: 'realizedPnl', column: 'realized_pnl', type: 'numeric(20,6)', nullable: true },
    { field: 'unrealizedPnlAtExit', column: 'unrealized_pnl_at_exit', type: 'numeric(20,6)', nullable: true },
    { field: 'externalTradeId', column: 'external_trade_id', type: 'text', nullable: true },
    { field: 'orderId', column: 'order_id', type: 'text', nullable: true },
    { field: 'exitedAt', column: 'exited_at', type: 'timestamptz', sqlDefault: 'now()' },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies AppendOnlyTableDefinition;

/** One (partial) exit of a position. */
export type PositionExitInput = InputOf<(typeof positionExitsDefinition)['columns']>;

/** A stored row of {@link positionExitsDefinition}. */
export type PositionExit = RowOf<AppendOnlySpecs<typeof positionExitsDefinition>>;
