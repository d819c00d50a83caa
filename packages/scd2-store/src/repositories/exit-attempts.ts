import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `orderType`: `market` or `limit`.
 * - `attemptNumber`: 1 = first attempt, 2+ = walks.
 * - `attemptedAt`: Default: the database clock.
 */
export const exitAttemptsDefinition = {
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
    { field: 'limitPrice', column: 'limit_price', type: 'numeric(10,6)', nullable: true },
    { field: 'fillPrice', column: 'fill_price', type: 'numeric(10,6)', nullable: true },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'attemptNumber', column: 'attempt_number', type: 'integer' },
    { field: 'timeoutSeconds', column: 'timeout_seconds', type: 'integer', nullable: true },
    { field: 'success', column: 'success', type: 'boolean', nullable: true },
    { field: 'orderId', column: 'order_id', type: 'text', nullable: true },
    { field: 'attemptedAt', column: 'attempted_at', type: 'timestamptz', sqlDefault: 'now()' },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies AppendOnlyTableDefinition;

/**
 * One exit order attempt (price walking). Unique on (positionKey, exitCondition, attemptNumber,
 * attemptedAt): pass `attemptedAt` to make a retried insert idempotent.
 */
export type ExitAttemptInput = InputOf<(typeof exitAttemptsDefinition)['columns']>;

/** A stored row of {@link exitAttemptsDefinition}. */
export type ExitAttempt = RowOf<AppendOnlySpecs<typeof exitAttemptsDefinition>>;
