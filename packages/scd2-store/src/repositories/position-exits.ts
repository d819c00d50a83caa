import type Decimal from 'decimal.js';
import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { DecimalInput, Json } from './types';

/** One (partial) exit of a position. */
export interface PositionExitInput {
  positionKey: string;
  ticker: string;
  /** One of the exit conditions (`stop_loss`, `trailing_stop`, `profit_target`, ...). */
  exitCondition: string;
  /** `CRITICAL`, `HIGH`, `MEDIUM`, `LOW`. */
  exitPriority: string;
  quantityExited: DecimalInput;
  exitPrice: DecimalInput;
  realizedPnl?: DecimalInput | null;
  unrealizedPnlAtExit?: DecimalInput | null;
  externalTradeId?: string | null;
  orderId?: string | null;
  /** Default: the database clock. */
  exitedAt?: Date;
  metadata?: Json | null;
  platformId?: string;
}

export interface PositionExit {
  exitId: number;
  positionKey: string;
  platformId: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  quantityExited: Decimal;
  exitPrice: Decimal;
  realizedPnl: Decimal | null;
  unrealizedPnlAtExit: Decimal | null;
  externalTradeId: string | null;
  orderId: string | null;
  exitedAt: Date;
  metadata: Json | null;
}

export const positionExitsDefinition: AppendOnlyTableDefinition = {
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
    { field: 'exitPrice', column: 'exit_price', type: 'numeric(10,4)' },
    { field: 'realizedPnl', column: 'realized_pnl', type: 'numeric(16,4)' },
    { field: 'unrealizedPnlAtExit', column: 'unrealized_pnl_at_exit', type: 'numeric(16,4)' },
    { field: 'externalTradeId', column: 'external_trade_id', type: 'text' },
    { field: 'orderId', column: 'order_id', type: 'text' },
    { field: 'exitedAt', column: 'exited_at', type: 'timestamptz', sqlDefault: 'now()' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
