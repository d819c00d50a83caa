import { z } from 'zod';
import type { DecimalInput } from '../core/decimal';
import type { RequestOptions } from '../core/request-options';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { countText } from '../internal/wire-numbers';
import {
  type CreateOrderGroupResult,
  createOrderGroupResultSchema,
  type OrderGroup,
  type OrderGroupDetail,
  orderGroupDetailSchema,
  orderGroupsResponseSchema,
} from '../schemas/order-group';

/** Routing of an order-group call: which subaccount and exchange shard own the group. */
export interface OrderGroupRouting {
  /** Subaccount number (0 primary, 1–63). Default: Kalshi's (0, or all subaccounts for reads). */
  subaccount?: number;
  /** Exchange shard. Default 0. */
  exchange_index?: number;
}

/** Body of `POST /portfolio/order_groups/create`. */
export interface CreateOrderGroupParams {
  /**
   * Contracts the group's orders may match over a rolling 15 seconds (1 to 1,000,000, up to 2
   * decimals). Matching more triggers the group: its resting orders are canceled and new ones
   * refused until {@link OrderGroupsResource.reset}.
   */
  contracts_limit: DecimalInput;
  /** Subaccount that owns the group (0 primary, 1–63). */
  subaccount?: number;
  /** Exchange shard. Default 0. */
  exchange_index?: number;
}

/**
 * `client.orderGroups`: groups of orders with a rolling contracts limit, and the switch that
 * cancels all of them at once (`trigger`). Put an order in a group with `order_group_id` on
 * `client.orders.create`. Every call costs the default 10 write (or read) tokens.
 */
export class OrderGroupsResource {
  constructor(private readonly transport: Transport) {}

  /**
   * `POST /portfolio/order_groups/create`. Not retried after an ambiguous failure: a second
   * attempt would create a second group.
   */
  async create(params: CreateOrderGroupParams, options?: RequestOptions): Promise<CreateOrderGroupResult> {
    const body: Record<string, unknown> = {
      contracts_limit_fp: countText('contracts_limit', params.contracts_limit),
    };
    if (params.subaccount !== undefined) body.subaccount = params.subaccount;
    if (params.exchange_index !== undefined) body.exchange_index = params.exchange_index;
    return this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/order_groups/create',
        body,
        schema: createOrderGroupResultSchema,
        retry: 'unsafe',
      },
      options,
    );
  }

  /** `GET /portfolio/order_groups/{id}`: the group's limit and the ids of its orders. */
  get(
    orderGroupId: string,
    params: { subaccount?: number } = {},
    options?: RequestOptions,
  ): Promise<OrderGroupDetail> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/portfolio/order_groups/${segment(orderGroupId)}`,
        query: { ...params },
        schema: orderGroupDetailSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /** `GET /portfolio/order_groups`: every group of the account (or of one subaccount). Not paginated. */
  async list(params: { subaccount?: number } = {}, options?: RequestOptions): Promise<OrderGroup[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/order_groups',
        query: { ...params },
        schema: orderGroupsResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.order_groups;
  }

  /**
   * `PUT /portfolio/order_groups/{id}/trigger`: cancels every order of the group and refuses new
   * ones until a reset. Retried (triggering twice is triggering once) and sent even while the
   * client's circuit breaker is open: it is the kill switch.
   */
  async trigger(
    orderGroupId: string,
    routing: OrderGroupRouting = {},
    options?: RequestOptions,
  ): Promise<void> {
    await this.put(orderGroupId, 'trigger', {}, routing, options, true);
  }

  /** `PUT /portfolio/order_groups/{id}/reset`: clears the triggered state and the rolling count. */
  async reset(
    orderGroupId: string,
    routing: OrderGroupRouting = {},
    options?: RequestOptions,
  ): Promise<void> {
    await this.put(orderGroupId, 'reset', {}, routing, options, false);
  }

  /**
   * `PUT /portfolio/order_groups/{id}/limit`: a new contracts limit (retried: it is absolute). A
   * limit below what already matched in the window triggers the group at once.
   */
  async updateLimit(
    orderGroupId: string,
    params: { contracts_limit: DecimalInput } & OrderGroupRouting,
    options?: RequestOptions,
  ): Promise<void> {
    const { contracts_limit, ...routing } = params;
    const body = { contracts_limit_fp: countText('contracts_limit', contracts_limit) };
    await this.put(orderGroupId, 'limit', body, routing, options, false);
  }

  /**
   * `DELETE /portfolio/order_groups/{id}`: cancels the group's orders and removes the group. Not
   * retried: a repeat after a success answers 404.
   */
  async delete(
    orderGroupId: string,
    routing: OrderGroupRouting = {},
    options?: RequestOptions,
  ): Promise<void> {
    await this.transport.request(
      {
        method: 'DELETE',
        path: `/portfolio/order_groups/${segment(orderGroupId)}`,
        query: { ...routing },
        schema: z.unknown(),
        retry: 'unsafe',
      },
      options,
    );
  }

  private async put(
    orderGroupId: string,
    action: 'trigger' | 'reset' | 'limit',
    body: Record<string, unknown>,
    routing: OrderGroupRouting,
    options: RequestOptions | undefined,
    bypassBreaker: boolean,
  ): Promise<void> {
    await this.transport.request(
      {
        method: 'PUT',
        path: `/portfolio/order_groups/${segment(orderGroupId)}/${action}`,
        query: { ...routing },
        body,
        schema: z.unknown(),
        retry: 'safe',
        bypassBreaker,
      },
      options,
    );
  }
}
