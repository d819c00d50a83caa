import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';
import type { RequestOptions } from '../core/request-options';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { countText, priceText } from '../internal/wire-numbers';
import {
  type AmendOrderResult,
  amendOrderResultSchema,
  type BatchCancelOrderItem,
  type BatchCreateOrderItem,
  batchCancelResultSchema,
  batchCreateResultSchema,
  type CancelOrderResult,
  type CreateOrderResult,
  cancelOrderResultSchema,
  createOrderResultSchema,
  type DecreaseOrderResult,
  decreaseOrderResultSchema,
  type Order,
  ordersPageSchema,
} from '../schemas/order';
import type { Timestamp } from './markets';

/** How long an order rests. `good_till_canceled` with `expiration_time` expires at that time. */
export type TimeInForce = 'good_till_canceled' | 'immediate_or_cancel' | 'fill_or_kill';

/** What happens when an order would trade against the same account's resting order. */
export type SelfTradePrevention = 'taker_at_cross' | 'maker';

/** A V2 order (`POST /portfolio/events/orders`). Prices are on the YES leg. */
export interface CreateOrderParams {
  /** Market ticker. */
  ticker: string;
  /** `bid` buys YES (or closes NO), `ask` sells YES (or opens NO). */
  side: 'bid' | 'ask';
  /** Contracts, up to 2 decimals (`"10"`, `"2.50"`). */
  count: DecimalInput;
  /** Limit price of YES in dollars, up to 4 decimals, on the market's `price_ranges` grid. */
  price: DecimalInput;
  /** Default `good_till_canceled`. */
  time_in_force?: TimeInForce;
  /** Default `taker_at_cross`. */
  self_trade_prevention_type?: SelfTradePrevention;
  /**
   * Idempotency key: generated (UUID v4) when absent, and reused on every retry so the exchange
   * refuses a duplicate.
   */
  client_order_id?: string;
  post_only?: boolean;
  reduce_only?: boolean;
  cancel_order_on_pause?: boolean;
  /** Expiry of a `good_till_canceled` order (Date or Unix seconds). */
  expiration_time?: Timestamp;
  subaccount?: number;
  order_group_id?: string;
  exchange_index?: number;
}

/** Body of `POST /portfolio/events/orders/{id}/amend`: the order's new price and total count. */
export interface AmendOrderParams {
  ticker: string;
  side: 'bid' | 'ask';
  price: DecimalInput;
  /** New total count (filled + remaining). */
  count: DecimalInput;
  client_order_id?: string;
  /** New client id; when given the amend is retried safely (the exchange refuses a duplicate id). */
  updated_client_order_id?: string;
  exchange_index?: number;
  subaccount?: number;
}

/** Body of `POST /portfolio/events/orders/{id}/decrease`: exactly one of `reduce_by` / `reduce_to`. */
export interface DecreaseOrderParams {
  reduce_by?: DecimalInput;
  /** Absolute target: retried safely, since repeating it changes nothing. */
  reduce_to?: DecimalInput;
  market_ticker?: string;
  exchange_index?: number;
  subaccount?: number;
}

/** Routing of a cancel. */
export interface CancelOrderParams {
  subaccount?: number;
  exchange_index?: number;
  market_ticker?: string;
}

/** One order of a batch cancel: an id, or an id with routing. */
export type BatchCancelEntry = string | ({ order_id: string } & CancelOrderParams);

/** The order's wire body; `client_order_id` is always set. */
export function createOrderBody(
  params: CreateOrderParams,
): Record<string, unknown> & { client_order_id: string } {
  if (params.time_in_force === 'immediate_or_cancel' && params.expiration_time !== undefined) {
    throw new KalshiInvalidParamsError('an immediate_or_cancel order cannot have an expiration_time');
  }
  const expiration =
    params.expiration_time instanceof Date
      ? Math.floor(params.expiration_time.getTime() / 1000)
      : params.expiration_time;
  const body: Record<string, unknown> & { client_order_id: string } = {
    ticker: params.ticker,
    client_order_id: params.client_order_id ?? randomUUID(),
    side: params.side,
    count: countText('count', params.count),
    price: priceText('price', params.price),
    time_in_force: params.time_in_force ?? 'good_till_canceled',
    self_trade_prevention_type: params.self_trade_prevention_type ?? 'taker_at_cross',
  };
  if (params.post_only !== undefined) body.post_only = params.post_only;
  if (params.reduce_only !== undefined) body.reduce_only = params.reduce_only;
  if (params.cancel_order_on_pause !== undefined) body.cancel_order_on_pause = params.cancel_order_on_pause;
  if (expiration !== undefined) body.expiration_time = expiration;
  if (params.subaccount !== undefined) body.subaccount = params.subaccount;
  if (params.order_group_id !== undefined) body.order_group_id = params.order_group_id;
  if (params.exchange_index !== undefined) body.exchange_index = params.exchange_index;
  return body;
}

function resultFromOrder(order: Order): CreateOrderResult {
  const zero = new Decimal(0);
  const filled = order.fill_count_fp;
  const cost = (order.taker_fill_cost_dollars ?? zero).plus(order.maker_fill_cost_dollars ?? zero);
  const fees = (order.taker_fees_dollars ?? zero).plus(order.maker_fees_dollars ?? zero);
  return {
    order_id: order.order_id,
    client_order_id: order.client_order_id,
    fill_count: filled,
    remaining_count: order.remaining_count_fp,
    average_fill_price: filled.isZero() ? undefined : cost.div(filled),
    average_fee_paid: filled.isZero() ? undefined : fees.div(filled),
    ts_ms: order.created_time,
  };
}

// A lookup for an order we may have created must look back past the attempt that timed out.
const LOOKUP_WINDOW_SECONDS = 600;

/** `client.orders`: the V2 order endpoints under `/portfolio/events/orders`. */
export class OrdersResource {
  constructor(private readonly transport: Transport) {}

  /**
   * Places an order. Retried safely: the `client_order_id` is fixed before the first attempt;
   * after a timeout or a 5xx the client first looks the order up by that id, and a
   * `order_already_exists` answer to a retry returns the order the earlier attempt created.
   */
  async create(params: CreateOrderParams, options?: RequestOptions): Promise<CreateOrderResult> {
    const body = createOrderBody(params);
    const since = Math.floor(this.transport.now() / 1000) - LOOKUP_WINDOW_SECONDS;
    return this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/events/orders',
        body,
        schema: createOrderResultSchema,
        retry: 'safe',
        recover: () => this.findByClientOrderId(params.ticker, body.client_order_id, since, options),
      },
      options,
    );
  }

  /** Finds a recent order of `ticker` by its client id; undefined when absent or when the lookup fails. */
  async findByClientOrderId(
    ticker: string,
    clientOrderId: string,
    sinceUnixSeconds: number,
    options?: RequestOptions,
  ): Promise<CreateOrderResult | undefined> {
    try {
      let cursor: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const response = await this.transport.request(
          {
            method: 'GET',
            path: '/portfolio/orders',
            query: { ticker, min_ts: sinceUnixSeconds, limit: 1000, cursor },
            schema: ordersPageSchema,
            retry: 'safe',
          },
          options,
        );
        const match = response.orders.find((order) => order.client_order_id === clientOrderId);
        if (match) return resultFromOrder(match);
        cursor = response.cursor || undefined;
        if (cursor === undefined) return undefined;
      }
      return undefined;
    } catch {
      // Unknown outcome: the caller resends, and the exchange refuses a duplicate client id.
      return undefined;
    }
  }

  /** `DELETE /portfolio/events/orders/{order_id}` (costs 2 tokens). */
  cancel(
    orderId: string,
    params: CancelOrderParams = {},
    options?: RequestOptions,
  ): Promise<CancelOrderResult> {
    return this.transport.request(
      {
        method: 'DELETE',
        path: `/portfolio/events/orders/${segment(orderId)}`,
        query: { ...params },
        schema: cancelOrderResultSchema,
        retry: 'unsafe',
      },
      options,
    );
  }

  /** `POST /portfolio/events/orders/{order_id}/amend`: new price and/or total count. */
  async amend(
    orderId: string,
    params: AmendOrderParams,
    options?: RequestOptions,
  ): Promise<AmendOrderResult> {
    const { subaccount, ...rest } = params;
    const body: Record<string, unknown> = {
      ...rest,
      price: priceText('price', params.price),
      count: countText('count', params.count),
    };
    return this.transport.request(
      {
        method: 'POST',
        path: `/portfolio/events/orders/${segment(orderId)}/amend`,
        query: { subaccount },
        body,
        schema: amendOrderResultSchema,
        retry: params.updated_client_order_id === undefined ? 'unsafe' : 'safe',
      },
      options,
    );
  }

  /** `POST /portfolio/events/orders/{order_id}/decrease`. */
  async decrease(
    orderId: string,
    params: DecreaseOrderParams,
    options?: RequestOptions,
  ): Promise<DecreaseOrderResult> {
    if ((params.reduce_by === undefined) === (params.reduce_to === undefined)) {
      throw new KalshiInvalidParamsError('decrease needs exactly one of reduce_by and reduce_to');
    }
    const { subaccount, reduce_by, reduce_to, ...rest } = params;
    const body: Record<string, unknown> = { ...rest };
    if (reduce_by !== undefined) body.reduce_by = countText('reduce_by', reduce_by);
    if (reduce_to !== undefined) body.reduce_to = zeroOrCount(reduce_to);
    return this.transport.request(
      {
        method: 'POST',
        path: `/portfolio/events/orders/${segment(orderId)}/decrease`,
        query: { subaccount },
        body,
        schema: decreaseOrderResultSchema,
        retry: reduce_to === undefined ? 'unsafe' : 'safe',
      },
      options,
    );
  }

  /**
   * `POST /portfolio/events/orders/batched`: each order gets its own `client_order_id` up front,
   * so a retried batch cannot double-place; each entry carries either the result or an `error`.
   */
  async batchCreate(
    orders: readonly CreateOrderParams[],
    options?: RequestOptions,
  ): Promise<BatchCreateOrderItem[]> {
    if (orders.length === 0) throw new KalshiInvalidParamsError('batchCreate needs at least one order');
    const body = { orders: orders.map(createOrderBody) };
    const response = await this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/events/orders/batched',
        body,
        schema: batchCreateResultSchema,
        retry: 'safe',
        weight: orders.length,
      },
      options,
    );
    return response.orders;
  }

  /** `DELETE /portfolio/events/orders/batched` (2 tokens per order). */
  async batchCancel(
    entries: readonly BatchCancelEntry[],
    options?: RequestOptions,
  ): Promise<BatchCancelOrderItem[]> {
    if (entries.length === 0) throw new KalshiInvalidParamsError('batchCancel needs at least one order id');
    const body = {
      orders: entries.map((entry) => (typeof entry === 'string' ? { order_id: entry } : entry)),
    };
    const response = await this.transport.request(
      {
        method: 'DELETE',
        path: '/portfolio/events/orders/batched',
        body,
        schema: batchCancelResultSchema,
        retry: 'unsafe',
        weight: entries.length,
      },
      options,
    );
    return response.orders;
  }

  /** `DELETE /portfolio/events/orders`: cancels every resting order (of one subaccount, if given). */
  async cancelAll(params: { subaccount?: number } = {}, options?: RequestOptions): Promise<void> {
    await this.transport.request(
      {
        method: 'DELETE',
        path: '/portfolio/events/orders',
        query: { ...params },
        schema: z.unknown(),
        retry: 'unsafe',
      },
      options,
    );
  }
}

function zeroOrCount(value: DecimalInput): string {
  // Decreasing to zero is allowed (it cancels the rest); countText only takes positive counts.
  if (Decimal.isDecimal(value) ? (value as Decimal).isZero() : /^\s*0+(\.0+)?\s*$/.test(value as string))
    return '0.00';
  return countText('reduce_to', value);
}
