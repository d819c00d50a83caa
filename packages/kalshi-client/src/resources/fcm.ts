import { z } from 'zod';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { parseParams } from '../internal/params';
import type { Transport } from '../internal/transport';
import { dollarsText } from '../internal/wire-numbers';
import {
  createFcmSubtraderResultSchema,
  type FcmDailyCap,
  type FcmSubtrader,
  fcmDailyCapSchema,
  fcmSubtradersResponseSchema,
} from '../schemas/fcm';
import { type Order, ordersPageSchema } from '../schemas/order';
import { type MarketPosition, type PositionsResponse, positionsPageSchema } from '../schemas/portfolio';
import type { Timestamp } from './markets';

/** Filters of `GET /fcm/orders`: `subtrader_id`, `client_order_ids` or both are required. */
export interface ListFcmOrdersParams {
  /** Only this subtrader's orders. Required unless `client_order_ids` is given. */
  subtrader_id?: string;
  /**
   * Only these client order ids (at most 100; orders of the last 24 hours). Required unless
   * `subtrader_id` is given; with both, orders matching both.
   */
  client_order_ids?: readonly string[];
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  /** One event ticker. */
  event_ticker?: string;
  ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
  status?: 'resting' | 'canceled' | 'executed';
}

/** Filters of `GET /fcm/positions`. */
export interface GetFcmPositionsParams {
  /** The subtrader whose positions to read (required). */
  subtrader_id: string;
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  ticker?: string;
  event_ticker?: string;
  /** Only positions with a non-zero value in these fields, e.g. `['position', 'total_traded']`. */
  count_filter?: readonly string[];
  /** Settlement status of the markets; Kalshi's default `unsettled`. */
  settlement_status?: 'all' | 'unsettled' | 'settled';
}

/** Body of `PUT /fcm/subtraders/event_contract_daily_cap`. */
export interface UpdateFcmDailyCapParams {
  subtrader_id: string;
  /** The cap on the subtrader's net premium at risk per trading day, in dollars (up to 4 decimals). */
  limit: DecimalInput;
}

const subtraderId = z.string().trim().min(1, 'must not be empty');
const subtraderSuffix = z.string().regex(/^[a-z0-9]{1,16}$/, 'must be 1-16 characters of [a-z0-9]');

/**
 * `client.fcm`: for FCM members: their subtraders' orders and positions, subtrader creation,
 * and each subtrader's event-contract daily premium cap.
 */
export class FcmResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /fcm/orders`: await for one page, or `for await` over all. */
  listOrders(params: ListFcmOrdersParams, options?: ListOptions): PagePromise<Order> {
    return listEndpoint(
      this.transport,
      {
        path: '/fcm/orders',
        query: {
          ...params,
          client_order_ids: params.client_order_ids?.length ? params.client_order_ids : undefined,
        },
        schema: ordersPageSchema,
        items: (r) => r.orders,
        check: () => {
          const ids = params.client_order_ids;
          if (params.subtrader_id === undefined && (ids === undefined || ids.length === 0))
            throw new KalshiInvalidParamsError('fcm.listOrders needs a subtrader_id or client_order_ids');
          if (ids !== undefined && ids.length > 100)
            throw new KalshiInvalidParamsError(
              `fcm.listOrders takes at most 100 client_order_ids, got ${ids.length}`,
            );
        },
      },
      options,
    );
  }

  /** `GET /fcm/positions`: items are market positions; `page.response.event_positions` has the rest. */
  getPositions(
    params: GetFcmPositionsParams,
    options?: ListOptions,
  ): PagePromise<MarketPosition, PositionsResponse> {
    return listEndpoint(
      this.transport,
      {
        path: '/fcm/positions',
        query: { ...params },
        schema: positionsPageSchema,
        items: (r) => r.market_positions,
        check: () => {
          parseParams('fcm.getPositions', z.object({ subtrader_id: subtraderId }), params);
        },
      },
      options,
    );
  }

  /** `GET /fcm/subtraders`: every subtrader, including those without trades (new ones may lag). */
  async listSubtraders(options?: RequestOptions): Promise<FcmSubtrader[]> {
    const response = await this.transport.request(
      { method: 'GET', path: '/fcm/subtraders', schema: fcmSubtradersResponseSchema, retry: 'safe' },
      options,
    );
    return response.subtraders;
  }

  /**
   * `POST /fcm/subtraders`: creates `{your_account_id}_{subtrader_suffix}`; returns its id.
   * Not retried (creating it again is a 409).
   */
  async createSubtrader(params: { subtrader_suffix: string }, options?: RequestOptions): Promise<string> {
    const body = parseParams('fcm.createSubtrader', z.object({ subtrader_suffix: subtraderSuffix }), params);
    const response = await this.transport.request(
      {
        method: 'POST',
        path: '/fcm/subtraders',
        body,
        schema: createFcmSubtraderResultSchema,
        retry: 'unsafe',
      },
      options,
    );
    return response.subtrader_id;
  }

  /**
   * `GET /fcm/subtraders/event_contract_daily_cap`: the cap and its live utilization, in dollars.
   * A subtrader without a cap is a 404 (`KalshiNotFoundError`): its bound keys cannot trade.
   */
  async getDailyCap(subtrader: string, options?: RequestOptions): Promise<FcmDailyCap> {
    const subtrader_id = parseParams('fcm.getDailyCap', subtraderId, subtrader);
    return this.transport.request(
      {
        method: 'GET',
        path: '/fcm/subtraders/event_contract_daily_cap',
        query: { subtrader_id },
        schema: fcmDailyCapSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `PUT /fcm/subtraders/event_contract_daily_cap`: sets the cap (effective at once; resting orders
   * stay). Retried: it sets an absolute value, so a repeat changes nothing.
   */
  async updateDailyCap(params: UpdateFcmDailyCapParams, options?: RequestOptions): Promise<void> {
    const subtrader_id = parseParams('fcm.updateDailyCap', subtraderId, params.subtrader_id);
    const limit = dollarsText('limit', params.limit);
    await this.transport.request(
      {
        method: 'PUT',
        path: '/fcm/subtraders/event_contract_daily_cap',
        body: { subtrader_id, limit },
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `DELETE /fcm/subtraders/event_contract_daily_cap`: removes the cap, which closes the
   * subtrader's bound keys to new orders until a cap is set again. Retried (idempotent).
   */
  async deleteDailyCap(subtrader: string, options?: RequestOptions): Promise<void> {
    const subtrader_id = parseParams('fcm.deleteDailyCap', subtraderId, subtrader);
    await this.transport.request(
      {
        method: 'DELETE',
        path: '/fcm/subtraders/event_contract_daily_cap',
        query: { subtrader_id },
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }
}
