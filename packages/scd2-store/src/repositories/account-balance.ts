import type Decimal from 'decimal.js';
import type { VersionedTableDefinition } from '../scd2/definition';
import type { DecimalInput } from './types';

/** A balance snapshot in dollars (`balance_dollars` of the exchange, not the truncated cents). */
export interface AccountBalanceInput {
  /** Cash balance in dollars, NUMERIC(16,4). */
  balance: DecimalInput;
  /** Portfolio value in dollars, NUMERIC(16,4). */
  portfolioValue?: DecimalInput | null;
  /** Default `USD`. */
  currency?: string;
  /** Default `kalshi`. */
  platformId?: string;
  /** Default 0 (the primary account). */
  subaccount?: number;
}

export interface AccountBalance {
  platformId: string;
  subaccount: number;
  balance: Decimal;
  portfolioValue: Decimal | null;
  currency: string;
}

export const accountBalanceDefinition: VersionedTableDefinition = {
  table: 'account_balance',
  key: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
  ],
  tracked: [
    { field: 'balance', column: 'balance', type: 'numeric(16,4)' },
    { field: 'portfolioValue', column: 'portfolio_value', type: 'numeric(16,4)' },
    { field: 'currency', column: 'currency', type: 'text', default: 'USD' },
  ],
};
