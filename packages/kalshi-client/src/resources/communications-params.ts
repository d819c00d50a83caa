import Decimal from 'decimal.js';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';
import { countText, dollarsText } from '../internal/wire-numbers';
import type { Timestamp } from './markets';

/** Which side of a quote (or block trade) is meant. */
export type QuoteSide = 'yes' | 'no';

/** Filters of `GET /communications/rfqs`. */
export interface ListRfqsParams {
  /** Page size, 1–100. Default (Kalshi's) 100. */
  limit?: number;
  cursor?: string;
  /** One event ticker. */
  event_ticker?: string;
  market_ticker?: string;
  /** Subaccount (0 primary, 1–63). Default: all subaccounts. */
  subaccount?: number;
  /** `open` or `closed`. */
  status?: string;
  /** RFQs of one creator (user UUID). */
  creator_user_id?: string;
  /** `self`: only the caller's RFQs. */
  user_filter?: 'self';
}

/** Filters of `GET /communications/quotes`. */
export interface ListQuotesParams {
  /** Page size, 1–500. Default (Kalshi's) 500. */
  limit?: number;
  cursor?: string;
  /** Only quotes last updated after this time (Date or Unix seconds). */
  min_ts?: Timestamp;
  /** Only quotes last updated before this time (Date or Unix seconds). */
  max_ts?: Timestamp;
  /** `open`, `accepted`, `confirmed`, `executed` or `cancelled`. */
  status?: string;
  quote_creator_user_id?: string;
  /** `self`: only quotes the caller created. */
  user_filter?: 'self';
  /** `self`: only quotes answering the caller's RFQs. */
  rfq_user_filter?: 'self';
  rfq_creator_user_id?: string;
  /** FCM members only. */
  rfq_creator_subtrader_id?: string;
  /** Quotes of one RFQ (its UUID, unchanged). */
  rfq_id?: string;
}

/** Filters of `GET /communications/block-trade-proposals`. */
export interface ListBlockTradeProposalsParams {
  /** Page size, 1–100. Default (Kalshi's) 100. */
  limit?: number;
  cursor?: string;
  market_ticker?: string;
  status?: string;
}

/**
 * Body of `POST /communications/rfqs`: a request for quotes on `market_ticker`, sized by
 * `contracts`, by `target_cost`, or both. At most 100 RFQs may be open at a time.
 */
export interface CreateRfqParams {
  market_ticker: string;
  /** Contracts wanted, up to 2 decimals (`"250"`, `"2.50"`); sent as `contracts_fp`. */
  contracts?: DecimalInput;
  /** Dollars to spend, up to 4 decimals; sent as `target_cost_dollars`. */
  target_cost?: DecimalInput;
  /**
   * Size quotes against `target_cost` as principal only, taker fees charged on top. Default
   * (Kalshi's) false: the target cost caps principal plus fees.
   */
  target_cost_excludes_fees?: boolean;
  /** Rest what is left on the book after the trade executes. */
  rest_remainder: boolean;
  /** Delete the caller's existing RFQs as part of this one's creation. Default (Kalshi's) false. */
  replace_existing?: boolean;
  /** FCM members only: the subtrader the RFQ is for. */
  subtrader_id?: string;
  /** Direct members: subaccount (0 primary, 1–63). */
  subaccount?: number;
}

/** Body of `POST /communications/quotes`: the prices the quoter bids for each side of an RFQ. */
export interface CreateQuoteParams {
  /** The RFQ's UUID, unchanged. */
  rfq_id: string;
  /** Bid for YES in dollars, 0 up to (not including) 1, up to 4 decimals; `"0"` quotes no YES. */
  yes_bid: DecimalInput;
  /** Bid for NO in dollars, 0 up to (not including) 1, up to 4 decimals; `"0"` quotes no NO. */
  no_bid: DecimalInput;
  /** Rest what is left on the book after the trade executes. */
  rest_remainder: boolean;
  /** Cancel the quoter's resting order rather than let it take liquidity. Default (Kalshi's) false. */
  post_only?: boolean;
  /** Subaccount to quote from (0 primary, 1–63). */
  subaccount?: number;
}

/** Body of `PUT .../accept`. */
export interface AcceptQuoteParams {
  /** The side of the quote the RFQ creator takes. */
  accepted_side: QuoteSide;
}

/** Body of `POST /communications/block-trade-proposals`: a trade agreed off the book. */
export interface ProposeBlockTradeParams {
  buyer_user_id: string;
  /** Give this or `buyer_subaccount`, not both. */
  buyer_subtrader_id?: string;
  /** Buyer's subaccount (0 primary, 1–63). Give this or `buyer_subtrader_id`, not both. */
  buyer_subaccount?: number;
  seller_user_id: string;
  /** Give this or `seller_subaccount`, not both. */
  seller_subtrader_id?: string;
  /** Seller's subaccount (0 primary, 1–63). Give this or `seller_subtrader_id`, not both. */
  seller_subaccount?: number;
  market_ticker: string;
  /** Price in dollars, strictly between 0 and 1, up to 4 decimals; sent as `price_centi_cents`. */
  price: DecimalInput;
  /** Contracts, up to 2 decimals; sent as `centicount`. */
  count: DecimalInput;
  maker_side: QuoteSide;
  /** When the proposal lapses; sent as RFC 3339. */
  expiration_ts: Date;
}

/** Body of `POST /communications/block-trade-proposals/{id}/accept`: whom to accept as (one of the two). */
export interface AcceptBlockTradeProposalParams {
  /** FCM members: the subtrader to accept as. */
  subtrader_id?: string;
  /** Subaccount to accept as (0 primary, 1–63). */
  subaccount?: number;
}

/** A path id: a non-empty string (an empty one would address another endpoint). */
export function idSegment(field: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new KalshiInvalidParamsError(`${field} must be a non-empty id, got ${JSON.stringify(value)}`);
  }
  return encodeURIComponent(value);
}

function decimalOf(field: string, value: DecimalInput): Decimal {
  if (Decimal.isDecimal(value)) return value as Decimal;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  throw new KalshiInvalidParamsError(
    `${field} must be a Decimal or a fixed-point string, got ${JSON.stringify(value)}`,
  );
}

function checkSubaccount(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > 63) {
    throw new KalshiInvalidParamsError(`${field} must be an integer from 0 to 63, got ${value}`);
  }
}

function checkSide(field: string, value: string): void {
  if (value !== 'yes' && value !== 'no') {
    throw new KalshiInvalidParamsError(`${field} must be 'yes' or 'no', got ${JSON.stringify(value)}`);
  }
}

function checkOneOf(first: string, second: string, params: object): void {
  const record = params as Record<string, unknown>;
  if (record[first] !== undefined && record[second] !== undefined) {
    throw new KalshiInvalidParamsError(`give ${first} or ${second}, not both`);
  }
}

/** A positive amount of dollars with at most 4 decimals, as Kalshi's text (`"130.00"`, `"0.5150"`). */
function positiveDollarsText(field: string, value: DecimalInput): string {
  const dollars = decimalOf(field, value);
  if (dollars.lte(0))
    throw new KalshiInvalidParamsError(`${field} must be positive, got ${dollars.toString()}`);
  return dollarsText(field, dollars);
}

/** A quote's bid in dollars: 0 (no bid on that side) up to, not including, 1; at most 4 decimals. */
function bidText(field: string, value: DecimalInput): string {
  const bid = decimalOf(field, value);
  if (bid.lt(0) || bid.gte(1)) {
    throw new KalshiInvalidParamsError(
      `${field} must be from 0 up to 1 dollar exclusive, got ${bid.toString()}`,
    );
  }
  if (bid.decimalPlaces() > 4) {
    throw new KalshiInvalidParamsError(`${field} has more than 4 decimals: ${bid.toString()}`);
  }
  return bid.toFixed(4);
}

/** The wire body of `createRfq`. */
export function createRfqBody(params: CreateRfqParams): Record<string, unknown> {
  if (params.market_ticker === '') throw new KalshiInvalidParamsError('createRfq needs a market_ticker');
  if (params.contracts === undefined && params.target_cost === undefined) {
    throw new KalshiInvalidParamsError('createRfq needs contracts, target_cost, or both');
  }
  checkSubaccount('subaccount', params.subaccount);
  const { contracts, target_cost, ...rest } = params;
  const body: Record<string, unknown> = { ...rest };
  if (contracts !== undefined) body.contracts_fp = countText('contracts', contracts);
  if (target_cost !== undefined) body.target_cost_dollars = positiveDollarsText('target_cost', target_cost);
  return body;
}

/** The wire body of `createQuote`. */
export function createQuoteBody(params: CreateQuoteParams): Record<string, unknown> {
  idSegment('rfq_id', params.rfq_id);
  checkSubaccount('subaccount', params.subaccount);
  const yes = bidText('yes_bid', params.yes_bid);
  const no = bidText('no_bid', params.no_bid);
  if (new Decimal(yes).isZero() && new Decimal(no).isZero()) {
    throw new KalshiInvalidParamsError('createQuote needs a positive yes_bid or no_bid');
  }
  return { ...params, yes_bid: yes, no_bid: no };
}

/** The wire body of an accept. */
export function acceptQuoteBody(params: AcceptQuoteParams): Record<string, unknown> {
  checkSide('accepted_side', params.accepted_side);
  return { accepted_side: params.accepted_side };
}

/** The wire body of `proposeBlockTrade`: dollars to centi-cents and contracts to centicounts, exactly. */
export function proposeBlockTradeBody(params: ProposeBlockTradeParams): Record<string, unknown> {
  if (params.buyer_user_id === '' || params.seller_user_id === '') {
    throw new KalshiInvalidParamsError('proposeBlockTrade needs a buyer_user_id and a seller_user_id');
  }
  if (params.market_ticker === '')
    throw new KalshiInvalidParamsError('proposeBlockTrade needs a market_ticker');
  checkOneOf('buyer_subtrader_id', 'buyer_subaccount', params);
  checkOneOf('seller_subtrader_id', 'seller_subaccount', params);
  checkSubaccount('buyer_subaccount', params.buyer_subaccount);
  checkSubaccount('seller_subaccount', params.seller_subaccount);
  checkSide('maker_side', params.maker_side);
  const price = decimalOf('price', params.price);
  if (price.lte(0) || price.gte(1)) {
    throw new KalshiInvalidParamsError(
      `price must be between 0 and 1 dollar exclusive, got ${price.toString()}`,
    );
  }
  if (price.decimalPlaces() > 4) {
    throw new KalshiInvalidParamsError(`price is not a whole number of centi-cents: ${price.toString()}`);
  }
  const count = countText('count', params.count);
  if (!(params.expiration_ts instanceof Date) || Number.isNaN(params.expiration_ts.getTime())) {
    throw new KalshiInvalidParamsError('proposeBlockTrade needs expiration_ts as a valid Date');
  }
  const { price: _price, count: _count, expiration_ts, ...rest } = params;
  return {
    ...rest,
    price_centi_cents: price.times(10_000).toNumber(),
    centicount: new Decimal(count).times(100).toNumber(),
    expiration_ts: expiration_ts.toISOString(),
  };
}

/** The wire body of `acceptBlockTradeProposal`. */
export function acceptBlockTradeBody(params: AcceptBlockTradeProposalParams): Record<string, unknown> {
  checkOneOf('subtrader_id', 'subaccount', params);
  checkSubaccount('subaccount', params.subaccount);
  return { ...params };
}
