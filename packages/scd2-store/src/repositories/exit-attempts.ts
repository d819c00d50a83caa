import type Decimal from 'decimal.js';
import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { DecimalInput, Json } from './types';

/**
 * One exit order attempt (price walking). Unique on (positionKey, exitCondition, attemptNumber,
 * attemptedAt): pass `attemptedAt` to make a retried insert idempotent.
 */
export interface ExitAttemptInput {
  positionKey: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  /** `market` or `limit`. */
  orderType: string;
  quantity: DecimalInput;
  /** 1 = first attempt, 2+ = walks. */
  attemptNumber: number;
  limitPrice?: DecimalInput | null;
  fillPrice?: DecimalInput | null;
  timeoutSeconds?: number | null;
  success?: boolean | null;
  orderId?: string | null;
  /** Default: the database clock. */
  attemptedAt?: Date;
  metadata?: Json | null;
  platformId?: string;
}

export interface ExitAttempt {
  attemptId: number;
  positionKey: string;
  platformId: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  orderType: string;
  limitPrice: Decimal | null;
  fillPrice: Decimal | null;
  quantity: Decimal;
  attemptNumber: number;
  timeoutSeconds: number | null;
  success: boolean | null;
  orderId: string | null;
  attemptedAt: Date;
  metadata: Json | null;
}

export const exitAttemptsDefinition: AppendOnlyTableDefinition = {
  table: 'exit_attempts',
  orderBy: 'attempted_at',
  generated: [{ field: 'attemptId', column: 'attempt_id', type: 'bigint' }],
  columns: [
    { field: 'positionKey', column: 'position_key', type: 'text' },
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'exitCondition', column: 'exit_condition', type: 'text' },
    { field: 'exitPriority', column: 'exit_priority', type: 'text' },
    { field: 'orderType', column: 'order_type', type: 'text' },
    { field: 'limitPrice', column: 'limit_price', type: 'numeric(10,4)' },
    { field: 'fillPrice', column: 'fill_price', type: 'numeric(10,4)' },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'attemptNumber', column: 'attempt_number', type: 'integer' },
    { field: 'timeoutSeconds', column: 'timeout_seconds', type: 'integer' },
    { field: 'success', column: 'success', type: 'boolean' },
    { field: 'orderId', column: 'order_id', type: 'text' },
    { field: 'attemptedAt', column: 'attempted_at', type: 'timestamptz', sqlDefault: 'now()' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
