// API objects (as @precog/kalshi-client parses them: Decimal money, Date times) → store rows.
// See docs/sync.md for the field-by-field table.
import type { Balance, Fill, Market, MarketPosition, Settlement } from '@precog/kalshi-client';
import type { AccountBalanceInput, FillInput, MarketInput, SettlementInput } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { ManagersError } from '../errors';
import { toMetadata } from './metadata';

/** Row defaults every mapper needs. */
export interface RowScope {
  platformId: string;
  subaccount: number;
}

/** `GET /portfolio/balance` → an account_balance snapshot (dollars, exact). */
export function balanceRow(balance: Balance, scope: RowScope): AccountBalanceInput {
  return {
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    balance: balance.balance,
    portfolioValue: balance.portfolio_value ?? null,
    currency: 'USD',
  };
}

/**
 * A fill → a trade. `externalTradeId` is the exchange's `fill_id` (on Kalshi's demo it equals
 * `trade_id`; `fill_id` is the one the schema guarantees). `price` is dollars per contract of the
 * side traded: `yes_price_dollars` for YES, `no_price_dollars` (or 1 − YES price) for NO.
 */
export function fillRow(fill: Fill, scope: RowScope): FillInput {
  const side = (fill.side ?? fill.outcome_side ?? 'yes').toLowerCase();
  const price =
    side === 'no'
      ? (fill.no_price_dollars ?? new Decimal(1).minus(fill.yes_price_dollars))
      : fill.yes_price_dollars;
  const executedAt = fill.created_time ?? fill.ts;
  if (executedAt === undefined) {
    throw new ManagersError(`fill ${fill.fill_id} has neither created_time nor ts: cannot date it`);
  }
  return {
    externalTradeId: fill.fill_id,
    platformId: scope.platformId,
    subaccount: fill.subaccount_number ?? scope.subaccount,
    ticker: fill.ticker,
    side,
    action: (fill.action ?? (fill.book_side === 'ask' ? 'sell' : 'buy')).toLowerCase(),
    price,
    quantity: fill.count_fp,
    fees: fill.fee_cost ?? new Decimal(0),
    executedAt,
    orderId: fill.order_id,
    isTaker: fill.is_taker ?? null,
    metadata: toMetadata(fill),
  };
}

/** A settlement → a settlements row (revenue and value from Kalshi's cents, exactly, in dollars). */
export function settlementRow(settlement: Settlement, scope: RowScope): SettlementInput {
  return {
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    ticker: settlement.ticker,
    eventTicker: settlement.event_ticker ?? null,
    settledAt: settlement.settled_time,
    marketResult: settlement.market_result,
    yesCount: settlement.yes_count_fp ?? null,
    noCount: settlement.no_count_fp ?? null,
    yesTotalCost: settlement.yes_total_cost_dollars ?? null,
    noTotalCost: settlement.no_total_cost_dollars ?? null,
    settlementValue: settlement.value_dollars ?? null,
    revenue: settlement.revenue_dollars,
    fees: settlement.fee_cost ?? new Decimal(0),
    metadata: toMetadata(settlement),
  };
}

/** A market → a markets snapshot (prices in dollars, volume and open interest in contracts). */
export function marketRow(market: Market, scope: Pick<RowScope, 'platformId'>): MarketInput {
  return {
    platformId: scope.platformId,
    ticker: market.ticker,
    eventTicker: market.event_ticker,
    title: market.title ?? null,
    status: market.status.toLowerCase(),
    yesBid: market.yes_bid_dollars ?? null,
    yesAsk: market.yes_ask_dollars ?? null,
    noBid: market.no_bid_dollars ?? null,
    noAsk: market.no_ask_dollars ?? null,
    lastPrice: market.last_price_dollars ?? null,
    volume: market.volume_fp ?? null,
    openInterest: market.open_interest_fp ?? null,
    result: market.result ?? '',
    metadata: toMetadata(market),
  };
}

/** The exchange's signed position as side and size: positive holds YES, negative NO. */
export function positionSide(position: MarketPosition): { side: 'yes' | 'no'; quantity: Decimal } {
  return position.position_fp.isNegative()
    ? { side: 'no', quantity: position.position_fp.abs() }
    : { side: 'yes', quantity: position.position_fp };
}
