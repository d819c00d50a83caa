import { randomUUID } from 'node:crypto';
import type { KalshiClient, Fill as KalshiFill } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import type { Fill } from '../positions/position';
import type { Side } from '../types';

/** The part of a KalshiClient the executors use (a real client, or one on the fake exchange). */
export type TradingClient = Pick<KalshiClient, 'orders' | 'portfolio'>;

/** One immediate-or-cancel order on one side of a market, priced in that side's space. */
export interface SideOrderParams {
  ticker: string;
  side: Side;
  action: 'buy' | 'sell';
  count: Decimal;
  /** Limit in the side's price space (a NO price for a NO order). */
  price: Decimal;
  /** Sells of a held position are reduce-only. */
  reduceOnly?: boolean;
  /** Default: a fresh uuid (the client reuses it on retries). */
  clientOrderId?: string;
}

/** What an order did: its id and the fills it got, as position fills (side's price space). */
export interface SideOrderResult {
  orderId: string;
  clientOrderId: string;
  fills: Fill[];
  /** Σ fill counts. */
  filled: Decimal;
}

const ONE = new Decimal(1);

/**
 * Places an IOC order through the V2 endpoint, whose `side` is the book side of the YES leg:
 * buying YES or selling NO is a YES `bid` (at the YES price, `1 − NO price`), buying NO or
 * selling YES is a YES `ask`. Then reads the order's fills, mapped back to the side traded.
 */
export async function placeSideOrder(
  client: TradingClient,
  params: SideOrderParams,
): Promise<SideOrderResult> {
  const yesBid = (params.side === 'yes') === (params.action === 'buy');
  const yesPrice = params.side === 'yes' ? params.price : ONE.minus(params.price);
  const clientOrderId = params.clientOrderId ?? randomUUID();
  const result = await client.orders.create({
    ticker: params.ticker,
    side: yesBid ? 'bid' : 'ask',
    count: params.count.toString(),
    price: yesPrice.toString(),
    time_in_force: 'immediate_or_cancel',
    reduce_only: params.reduceOnly ?? false,
    client_order_id: clientOrderId,
  });
  const fills: Fill[] = [];
  if (new Decimal(result.fill_count).gt(0)) {
    const raw: KalshiFill[] = [];
    for await (const f of client.portfolio.getFills({ order_id: result.order_id, ticker: params.ticker }))
      raw.push(f);
    // The list is newest first; positions take fills in exchange order.
    raw.reverse();
    for (const f of raw) fills.push(toPositionFill(f, params.side, params.action));
  }
  const filled = fills.reduce((sum, f) => sum.plus(f.count), new Decimal(0));
  return { orderId: result.order_id, clientOrderId, fills, filled };
}

/** An exchange fill of our own order → a position fill in the price space of `side`. */
export function toPositionFill(fill: KalshiFill, side: Side, action: 'buy' | 'sell'): Fill {
  const price =
    side === 'yes' ? fill.yes_price_dollars : (fill.no_price_dollars ?? ONE.minus(fill.yes_price_dollars));
  const at = fill.created_time ?? fill.ts;
  return {
    fillId: fill.fill_id,
    ticker: fill.ticker,
    side,
    action,
    count: new Decimal(fill.count_fp),
    price: new Decimal(price),
    fee: new Decimal(fill.fee_cost ?? 0),
    createdAt: at === undefined ? 0 : at.getTime(),
  };
}
