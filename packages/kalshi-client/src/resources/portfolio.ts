import type Decimal from 'decimal.js';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { type Order, orderResponseSchema, ordersPageSchema } from '../schemas/order';
import {
  type Balance,
  balanceResponseSchema,
  type Fill,
  fillsPageSchema,
  type MarketPosition,
  type PositionsResponse,
  positionsPageSchema,
  type QueuePosition,
  queuePositionResponseSchema,
  queuePositionsResponseSchema,
  type Settlement,
  settlementsPageSchema,
} from '../schemas/portfolio';
import type { Timestamp } from './markets';

/** Account scoping shared by portfolio reads. */
export interface SubaccountParams {
  /** 0 is the primary account, 1–63 numbered subaccounts. Kalshi's default depends on the endpoint. */
  subaccount?: number;
  /** Exchange shard. */
  exchange_index?: number;
}

/** Filters of `GET /portfolio/positions`. */
export interface GetPositionsParams extends SubaccountParams {
  /** Page size, 1–1000. */
  limit?: number;
  cursor?: string;
  ticker?: string;
  event_ticker?: string;
  /** Only positions with a non-zero value in these fields, e.g. `['position', 'total_traded']`. */
  count_filter?: readonly string[];
}

/** Filters of `GET /portfolio/fills`. */
export interface GetFillsParams extends SubaccountParams {
  /** Page size, 1–1000. */
  limit?: number;
  cursor?: string;
  ticker?: string;
  order_id?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
}

/** Filters of `GET /portfolio/settlements`. */
export interface GetSettlementsParams {
  /** Page size, 1–1000. */
  limit?: number;
  cursor?: string;
  ticker?: string;
  event_ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
  subaccount?: number;
}

/** Filters of `GET /portfolio/orders`. */
export interface ListOrdersParams extends SubaccountParams {
  /** Page size, 1–1000. */
  limit?: number;
  cursor?: string;
  ticker?: string;
  event_ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
  status?: 'resting' | 'canceled' | 'executed';
}

/** Filters of `GET /portfolio/orders/queue_positions`. */
export interface GetQueuePositionsParams {
  market_tickers?: readonly string[];
  event_ticker?: string;
  subaccount?: number;
}

/** `client.portfolio`: balance, positions, fills, settlements and the account's orders. */
export class PortfolioResource {
  constructor(private readonly transport: Transport) {}

  /**
   * `GET /portfolio/balance`. `balance` is in dollars as an exact Decimal, from `balance_dollars`
   * (Kalshi's integer-cent `balance` is truncated; it is kept as `balance_cents`).
   */
  getBalance(params: SubaccountParams = {}, options?: RequestOptions): Promise<Balance> {
    return this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/balance',
        query: { ...params },
        schema: balanceResponseSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /** `GET /portfolio/positions`: items are market positions; `page.response.event_positions` has the rest. */
  getPositions(
    params: GetPositionsParams = {},
    options?: ListOptions,
  ): PagePromise<MarketPosition, PositionsResponse> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/positions',
        query: { ...params },
        schema: positionsPageSchema,
        items: (r) => r.market_positions,
      },
      options,
    );
  }

  /** `GET /portfolio/fills`: the account's executions, newest first. */
  getFills(params: GetFillsParams = {}, options?: ListOptions): PagePromise<Fill> {
    return listEndpoint(
      this.transport,
      { path: '/portfolio/fills', query: { ...params }, schema: fillsPageSchema, items: (r) => r.fills },
      options,
    );
  }

  /** `GET /portfolio/settlements`: markets that settled while the account held a position. */
  getSettlements(params: GetSettlementsParams = {}, options?: ListOptions): PagePromise<Settlement> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/settlements',
        query: { ...params },
        schema: settlementsPageSchema,
        items: (r) => r.settlements,
      },
      options,
    );
  }

  /** `GET /portfolio/orders`. */
  listOrders(params: ListOrdersParams = {}, options?: ListOptions): PagePromise<Order> {
    return listEndpoint(
      this.transport,
      { path: '/portfolio/orders', query: { ...params }, schema: ordersPageSchema, items: (r) => r.orders },
      options,
    );
  }

  /** `GET /portfolio/orders/{order_id}` (costs 2 tokens). */
  async getOrder(orderId: string, options?: RequestOptions): Promise<Order> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/portfolio/orders/${segment(orderId)}`,
        schema: orderResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.order;
  }

  /** `GET /portfolio/orders/queue_positions`: contracts ahead of each resting order. */
  async getQueuePositions(
    params: GetQueuePositionsParams = {},
    options?: RequestOptions,
  ): Promise<QueuePosition[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/orders/queue_positions',
        query: { ...params },
        schema: queuePositionsResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.queue_positions;
  }

  /** `GET /portfolio/orders/{order_id}/queue_position`: contracts ahead of this order. */
  async getOrderQueuePosition(orderId: string, options?: RequestOptions): Promise<Decimal> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/portfolio/orders/${segment(orderId)}/queue_position`,
        schema: queuePositionResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.queue_position_fp;
  }
}
