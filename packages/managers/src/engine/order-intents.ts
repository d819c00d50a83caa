// The order_intents table (the outbox of the order manager): an intent is written before its
// order is sent, under a deterministic client_order_id, and its status kept in step afterwards.
// Internal to the order manager; `IntentRecord` is exported through order-manager.ts.
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import type { Side } from '../types';
import { clientOrderIdFor } from './client-order-id';
import type { IntentKind, StrategyIntent } from './strategy';

/** One intent as stored. */
export interface IntentRecord {
  clientOrderId: string;
  ticker: string;
  side: Side;
  kind: IntentKind;
  seq: number;
  count: Decimal;
  limitPrice: Decimal;
  status: 'pending' | 'resting' | 'done' | 'not_placed';
  orderId: string | null;
  filled: Decimal;
}

interface IntentRow {
  client_order_id: string;
  ticker: string;
  side: Side;
  kind: IntentKind;
  seq: number;
  count: string;
  limit_price: string;
  status: IntentRecord['status'];
  order_id: string | null;
  filled_count: string;
}

const ZERO = new Decimal(0);

function fromRow(r: IntentRow): IntentRecord {
  return {
    clientOrderId: r.client_order_id,
    ticker: r.ticker,
    side: r.side,
    kind: r.kind,
    seq: r.seq,
    count: new Decimal(r.count),
    limitPrice: new Decimal(r.limit_price),
    status: r.status,
    orderId: r.order_id,
    filled: new Decimal(r.filled_count),
  };
}

/** The order side of an intent: exits sell, entries buy. */
export const actionOf = (kind: IntentKind): 'buy' | 'sell' => (kind === 'exit' ? 'sell' : 'buy');

/** The strategy's unsettled (`pending` or `resting`) intents, oldest first. */
export async function loadUnsettledIntents(store: Store, strategyKey: string): Promise<IntentRecord[]> {
  const rows = await store.query<IntentRow>(
    `SELECT client_order_id, ticker, side, kind, seq, count::text, limit_price::text, status, order_id,
            filled_count::text
       FROM order_intents WHERE strategy_key = $1 AND status IN ('pending', 'resting') ORDER BY created_at`,
    [strategyKey],
  );
  return rows.rows.map(fromRow);
}

/** Where and when a new intent is written. */
export interface InsertIntentParams {
  strategyKey: string;
  runId: string;
  orderGroupId: string | null;
  now: Date;
}

/**
 * Writes a new `pending` intent under the next seq of its (strategy, ticker, side, kind), in one
 * transaction; `onWritten` runs inside it with the record.
 */
export function insertIntent(
  store: Store,
  intent: Exclude<StrategyIntent, { kind: 'adjust' }>,
  params: InsertIntentParams,
  onWritten: (record: IntentRecord) => void,
): Promise<IntentRecord> {
  const { strategyKey, runId, orderGroupId, now } = params;
  return store.transaction(async (tx) => {
    const last = await tx.query<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM order_intents WHERE strategy_key = $1 AND ticker = $2 AND side = $3 AND kind = $4',
      [strategyKey, intent.ticker, intent.side, intent.kind],
    );
    const seq = (last.rows[0]?.seq ?? 0) + 1;
    const clientOrderId = clientOrderIdFor(strategyKey, intent.ticker, intent.side, intent.kind, seq);
    await tx.query(
      `INSERT INTO order_intents (client_order_id, strategy_key, run_id, ticker, side, kind, seq, count,
         limit_price, reason, status, order_group_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $12)`,
      [
        clientOrderId,
        strategyKey,
        runId,
        intent.ticker,
        intent.side,
        intent.kind,
        seq,
        intent.count.toString(),
        intent.limitPrice.toString(),
        intent.reason,
        orderGroupId,
        now,
      ],
    );
    const record: IntentRecord = {
      clientOrderId,
      ticker: intent.ticker,
      side: intent.side,
      kind: intent.kind,
      seq,
      count: intent.count,
      limitPrice: intent.limitPrice,
      status: 'pending',
      orderId: null,
      filled: ZERO,
    };
    onWritten(record);
    return record;
  });
}

/** Stores an intent's status, order id and filled count. */
export async function saveIntent(store: Store, intent: IntentRecord, now: Date): Promise<void> {
  await store.query(
    `UPDATE order_intents SET status = $2, order_id = $3, filled_count = $4, updated_at = $5
      WHERE client_order_id = $1`,
    [intent.clientOrderId, intent.status, intent.orderId, intent.filled.toString(), now],
  );
}
