import type { VersionedTableDefinition } from '../scd2/definition';
import type { InputOf, RowOf, VersionedSpecs } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `balance`: Cash balance in dollars, NUMERIC(16,4).
 * - `portfolioValue`: Portfolio value in dollars, NUMERIC(16,4).
 * - `currency`: Default `USD`.
 * - `platformId`: Default `kalshi`.
 * - `subaccount`: Default 0 (the primary account).
 */
export const accountBalanceDefinition = {
  table: 'account_balance',
  key: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'subaccount', column: 'subaccount', type: 'integer', default: 0 },
  ],
  tracked: [
    { field: 'balance', column: 'balance', type: 'numeric(20,6)' },
    { field: 'portfolioValue', column: 'portfolio_value', type: 'numeric(20,6)', nullable: true },
    { field: 'currency', column: 'currency', type: 'text', default: 'USD' },
  ],
} as const satisfies VersionedTableDefinition;

/** A balance snapshot in dollars (`balance_dollars` of the exchange, not the truncated cents). */
export type AccountBalanceInput = InputOf<VersionedSpecs<typeof accountBalanceDefinition>>;

/** A stored row of {@link accountBalanceDefinition}. */
export type AccountBalance = RowOf<VersionedSpecs<typeof accountBalanceDefinition>>;
