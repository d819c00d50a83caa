import type Decimal from 'decimal.js';
import { AppendOnlyTable, type AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { Db } from '../internal/db';
import { decodeRow } from '../internal/values';
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
    { field: 'price', column: 'price', type: 'numeric(10,6)' },
    { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
    { field: 'fees', column: 'fees', type: 'numeric(20,6)', default: '0' },
    { field: 'executedAt', column: 'executed_at', type: 'timestamptz' },
    { field: 'orderId', column: 'order_id', type: 'text', nullable: true },
    { field: 'isTaker', column: 'is_taker', type: 'boolean', nullable: true },
    { field: 'orderType', column: 'order_type', type: 'text', nullable: true },
    { field: 'positionKey', column: 'position_key', type: 'text', nullable: true },
    { field: 'strategyId', column: 'strategy_id', type: 'bigint', nullable: true },
    { field: 'modelId', column: 'model_id', type: 'bigint', nullable: true },
    { field: 'methodId', column: 'method_id', type: 'bigint', nullable: true },
    { field: 'edgeAtExecution', column: 'edge_at_execution', type: 'numeric(10,6)', nullable: true },
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

/** A fill the exchange sent again with other figures, recorded in `trade_corrections`. */
export interface FillCorrection {
  /** The exchange's fill id. */
  externalTradeId: string;
  /** The original `trades` row. */
  tradeId: number;
  /** The correction row just written. */
  correctionId: number;
}

/** What {@link TradesRepository.ingestFills} did. */
export interface IngestFillsResult {
  /** New fills stored. */
  inserted: number;
  /** Fills already stored with the same figures (nothing written). */
  duplicates: number;
  /** Fills already stored whose price, quantity or fees changed: one correction row each. */
  corrections: FillCorrection[];
}

/** A fill with its current figures (the latest correction, else the original), from `trades_current`. */
export interface CurrentFill {
  tradeId: number;
  externalTradeId: string;
  platformId: string;
  subaccount: number;
  orderId: string | null;
  ticker: string;
  side: string;
  action: string;
  price: Decimal;
  quantity: Decimal;
  fees: Decimal;
  isTaker: boolean | null;
  executedAt: Date;
  positionKey: string | null;
  /** The correction these figures come from; null for an uncorrected fill. */
  latestCorrectionId: number | null;
}

const CURRENT_SPECS = [
  { field: 'tradeId', column: 'trade_id', type: 'bigint' },
  { field: 'externalTradeId', column: 'external_trade_id', type: 'text' },
  { field: 'platformId', column: 'platform_id', type: 'text' },
  { field: 'subaccount', column: 'subaccount', type: 'integer' },
  { field: 'orderId', column: 'order_id', type: 'text' },
  { field: 'ticker', column: 'ticker', type: 'text' },
  { field: 'side', column: 'side', type: 'text' },
  { field: 'action', column: 'action', type: 'text' },
  { field: 'price', column: 'price', type: 'numeric(10,6)' },
  { field: 'quantity', column: 'quantity', type: 'numeric(12,2)' },
  { field: 'fees', column: 'fees', type: 'numeric(20,6)' },
  { field: 'isTaker', column: 'is_taker', type: 'boolean' },
  { field: 'executedAt', column: 'executed_at', type: 'timestamptz' },
  { field: 'positionKey', column: 'position_key', type: 'text' },
  { field: 'latestCorrectionId', column: 'latest_correction_id', type: 'bigint' },
] as const;

// Compares each input with the fill's current figures and records the ones that changed.
const CORRECTIONS_SQL = `INSERT INTO trade_corrections (trade_id, external_trade_id, price, quantity, fees, is_taker, executed_at, metadata)
SELECT c.trade_id, inp.id, inp.price, inp.quantity, inp.fees, inp.is_taker, inp.executed_at, inp.metadata
FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::numeric[], $5::boolean[], $6::timestamptz[], $7::jsonb[])
  AS inp (id, price, quantity, fees, is_taker, executed_at, metadata)
JOIN trades_current c ON c.external_trade_id = inp.id
WHERE (c.price, c.quantity, c.fees) IS DISTINCT FROM (inp.price, inp.quantity, inp.fees)
RETURNING external_trade_id, trade_id, correction_id`;

/**
 * Fills: append-only, idempotent on the exchange's fill id. A fill sent again with other figures
 * is a correction (`trade_corrections`, linked to the original row), never an update.
 */
export class TradesRepository extends AppendOnlyTable<FillInput, Trade> {
  private readonly tradesDb: Db;

  constructor(db: Db) {
    super(db, tradesDefinition);
    this.tradesDb = db;
  }

  /**
   * Stores new fills and records a correction for every known fill whose price, quantity or fees
   * differ from its current figures. Re-ingesting the same figures writes nothing.
   */
  async ingestFills(fills: readonly FillInput[]): Promise<IngestFillsResult> {
    const { inserted, duplicates } = await this.insert(fills);
    if (duplicates === 0) return { inserted, duplicates, corrections: [] };
    // The last occurrence of a fill id in the batch is the one compared.
    const latest = new Map<string, FillInput>();
    for (const fill of fills) latest.set(fill.externalTradeId, fill);
    const rows = [...latest.values()];
    const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
    const result = await this.tradesDb.query<{
      external_trade_id: string;
      trade_id: string | number;
      correction_id: string | number;
    }>(CORRECTIONS_SQL, [
      rows.map((r) => r.externalTradeId),
      rows.map((r) => text(r.price)),
      rows.map((r) => text(r.quantity)),
      rows.map((r) => text(r.fees ?? '0')),
      rows.map((r) => r.isTaker ?? null),
      rows.map((r) => new Date(r.executedAt as Date | string).toISOString()),
      rows.map((r) => (r.metadata === undefined || r.metadata === null ? null : JSON.stringify(r.metadata))),
    ]);
    const corrections = result.rows.map((row) => ({
      externalTradeId: row.external_trade_id,
      tradeId: Number(row.trade_id),
      correctionId: Number(row.correction_id),
    }));
    return { inserted, duplicates: duplicates - corrections.length, corrections };
  }

  /** Fills with their current figures (corrections applied), oldest first; optionally one ticker. */
  async current(filter: { ticker?: string; externalTradeId?: string } = {}): Promise<CurrentFill[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.ticker !== undefined) {
      params.push(filter.ticker);
      where.push(`ticker = $${params.length}`);
    }
    if (filter.externalTradeId !== undefined) {
      params.push(filter.externalTradeId);
      where.push(`external_trade_id = $${params.length}`);
    }
    const sql = `SELECT ${CURRENT_SPECS.map((c) => c.column).join(', ')} FROM trades_current${
      where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
    } ORDER BY executed_at, trade_id`;
    const result = await this.tradesDb.query<Record<string, unknown>>(sql, params);
    return result.rows.map((row) => decodeRow(CURRENT_SPECS, row) as unknown as CurrentFill);
  }

  /** Inserts fills; a fill whose externalTradeId is already stored counts as a duplicate. */
  insertFills(fills: readonly FillInput[]) {
    return this.insert(fills);
  }
}
