import type Decimal from 'decimal.js';
import { AppendOnlyTable, type AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { Db } from '../internal/db';
import type { DecimalInput, Json } from './types';

/**
 * One fill from the exchange. `price` is dollars per contract of the side traded; `quantity`
 * contracts (NUMERIC(12,2)); `fees` dollars. Unique on `externalTradeId` (the exchange's fill id).
 */
export interface FillInput {
  externalTradeId: string;
  ticker: string;
  /** `yes` or `no`: the contract side traded. */
  side: string;
  /** `buy` or `sell`. */
  action: string;
  price: DecimalInput;
  quantity: DecimalInput;
  executedAt: Date;
  /** Default 0. */
  fees?: DecimalInput;
  orderId?: string | null;
  isTaker?: boolean | null;
  /** `market`, `limit`, `stop`, `stop_limit`. */
  orderType?: string | null;
  positionKey?: string | null;
  strategyId?: number | null;
  modelId?: number | null;
  methodId?: number | null;
  edgeAtExecution?: DecimalInput | null;
  confidenceAtExecution?: string | null;
  metadata?: Json | null;
  platformId?: string;
  subaccount?: number;
}

export interface Trade {
  tradeId: number;
  recordedAt: Date;
  externalTradeId: string;
  platformId: string;
  subaccount: number;
  ticker: string;
  side: string;
  action: string;
  price: Decimal;
  quantity: Decimal;
  fees: Decimal;
  executedAt: Date;
  orderId: string | null;
  isTaker: boolean | null;
  orderType: string | null;
  positionKey: string | null;
  strategyId: number | null;
  modelId: number | null;
  methodId: number | null;
  edgeAtExecution: Decimal | null;
  confidenceAtExecution: string | null;
  metadata: Json | null;
}

export const tradesDefinition: AppendOnlyTableDefinition = {
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
    { field: 'orderId', column: 'order_id', type: 'text' },
    { field: 'isTaker', column: 'is_taker', type: 'boolean' },
    { field: 'orderType', column: 'order_type', type: 'text' },
    { field: 'positionKey', column: 'position_key', type: 'text' },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint' },
    { field: 'modelId', column: 'model_id', type: 'bigint' },
    { field: 'methodId', column: 'method_id', type: 'bigint' },
    { field: 'edgeAtExecution', column: 'edge_at_execution', type: 'numeric(10,4)' },
    { field: 'confidenceAtExecution', column: 'confidence_at_execution', type: 'text' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};

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
