import type Decimal from 'decimal.js';
import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { DecimalInput, Json } from './types';

/**
 * A market settlement of the account. Unique on (platformId, subaccount, ticker, settledAt). Money
 * in dollars.
 */
export interface SettlementInput {
  ticker: string;
  settledAt: Date;
  /** `yes`, `no`, `scalar`, `void`. */
  marketResult: string;
  /** Dollars paid out, NUMERIC(20,6). */
  revenue: DecimalInput;
  /** Default 0. */
  fees?: DecimalInput;
  eventTicker?: string | null;
  yesCount?: DecimalInput | null;
  noCount?: DecimalInput | null;
  yesTotalCost?: DecimalInput | null;
  noTotalCost?: DecimalInput | null;
  /** Value of a YES contract at settlement, 0–1. */
  settlementValue?: DecimalInput | null;
  externalSettlementId?: string | null;
  metadata?: Json | null;
  platformId?: string;
  /** Kalshi subaccount number; 0 (the default) is the primary account. */
  subaccount?: number;
}

export interface Settlement {
  settlementId: number;
  recordedAt: Date;
  platformId: string;
  subaccount: number;
  ticker: string;
  eventTicker: string | null;
  settledAt: Date;
  marketResult: string;
  yesCount: Decimal | null;
  noCount: Decimal | null;
  yesTotalCost: Decimal | null;
  noTotalCost: Decimal | null;
  settlementValue: Decimal | null;
  revenue: Decimal;
  fees: Decimal;
  externalSettlementId: string | null;
  metadata: Json | null;
}

const MONEY = 'numeric(20,6)';

export const settlementsDefinition: AppendOnlyTableDefinition = {
  table: 'settlements',
  orderBy: 'settled_at',
  generated: [
    { field: 'settlementId', column: 'settlement_id', type: 'bigint' },
    { field: 'recordedAt', column: 'recorded_at', type: 'timestamptz' },
  ],
  columns: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
    { field: 'ticker', column: 'ticker', type: 'text' },
    { field: 'eventTicker', column: 'event_ticker', type: 'text' },
    { field: 'settledAt', column: 'settled_at', type: 'timestamptz' },
    { field: 'marketResult', column: 'market_result', type: 'text' },
    { field: 'yesCount', column: 'yes_count', type: 'numeric(12,2)' },
    { field: 'noCount', column: 'no_count', type: 'numeric(12,2)' },
    { field: 'yesTotalCost', column: 'yes_total_cost', type: MONEY },
    { field: 'noTotalCost', column: 'no_total_cost', type: MONEY },
    { field: 'settlementValue', column: 'settlement_value', type: 'numeric(10,6)' },
    { field: 'revenue', column: 'revenue', type: MONEY },
    { field: 'fees', column: 'fees', type: MONEY, default: '0' },
    { field: 'externalSettlementId', column: 'external_settlement_id', type: 'text' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
