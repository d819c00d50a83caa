import { AppendOnlyTable, type AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { Db } from '../internal/db';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `side`: `yes` or `no`: the contract side traded.
 * - `action`: `buy` or `sell`.
 * - `fees`: Default 0.
 * - `orderType`: `market`, `limit`, `stop`, `stop_limit`.
 */
export const tradesDefinition = {
  table: 'trades',
  orderBy: 'executed_at',
  generated: [
    { field: 'tradeId', column: 'trade_id', type: 'bigint' },
    { field: 'recordedAt', column: 'recorded_at', type: 'timestamptz' },
  ],
  columns: [
    { field: 'externalTradeId', column: 'external_trade_id', type: 'text' },
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'side', column: 'side', type: 'text' },
    { field: 'action', column: 'action', type: 'text' },
    { field: 'price', column: 'price', type: 'numeric(10,4)' },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'fees', column: 'fees', type: 'numeric(16,4)', default: '0' },
    { field: 'executedAt', column: 'executed_at', type: 'timestamptz' },
    { field: 'orderId', column: 'order_id', type: 'text', nullable: true },
    { field: 'isTaker', column: 'is_taker', type: 'boolean', nullable: true },
    { field: 'orderType', column: 'order_type', type: 'text', nullable: true },
    { field: 'positionKey', column: 'position_key', type: 'text', nullable: true },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint', nullable: true },
    { field: 'modelId', column: 'model_id', type: 'bigint', nullable: true },
    { field: 'methodId', column: 'method_id', type: 'bigint', nullable: true },
    { field: 'edgeAtExecution', column: 'edge_at_execution', type: 'numeric(10,4)', nullable: true },
    { field: 'confidenceAtExecution', column: 'confidence_at_execution', type: 'text', nullable: true },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies AppendOnlyTableDefinition;

/**
 * One fill from the exchange. `price` is dollars per contract of the side traded; `quantity`
 * contracts (NUMERIC(12,2)); `fees` dollars. Unique on `externalTradeId` (the exchange's fill id).
 */
export type FillInput = InputOf<(typeof tradesDefinition)['columns']>;

/** A stored row of {@link tradesDefinition}. */
export type Trade = RowOf<AppendOnlySpecs<typeof tradesDefinition>>;

/** Fills: append-only, idempotent on the exchange's fill id. */
export class TradesRepository extends AppendOnlyTable<FillInput, Trade> {
  constructor(db: Db) {
    super(db, tradesDefinition);
  }

  /** Inserts fills; a fill whose externalTradeId is already stored counts as a duplicate. */
  insertFills(fills: readonly FillInput[]) {
    return this.insert(fills);
  }
}
