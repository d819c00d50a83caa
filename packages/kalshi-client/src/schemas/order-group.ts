import { z } from 'zod';
import { decimal, optional } from '../internal/zod';

/** `POST /portfolio/order_groups/create` (201): `{"order_group_id":"8f1c...","subaccount":0,"exchange_index":0}` */
export const createOrderGroupResultSchema = z.object({
  order_group_id: z.string(),
  subaccount: optional(z.number()),
  exchange_index: optional(z.number()),
});
export type CreateOrderGroupResult = z.output<typeof createOrderGroupResultSchema>;

/**
 * One entry of `GET /portfolio/order_groups`:
 * `{"id":"8f1c...","contracts_limit_fp":"25.00","is_auto_cancel_enabled":true,"exchange_index":0}`
 */
export const orderGroupSchema = z.object({
  id: z.string(),
  contracts_limit_fp: optional(decimal),
  is_auto_cancel_enabled: optional(z.boolean()),
  exchange_index: optional(z.number()),
});
export type OrderGroup = z.output<typeof orderGroupSchema>;
export const orderGroupsResponseSchema = z.object({
  order_groups: z
    .array(orderGroupSchema)
    .nullish()
    .transform((v) => v ?? []),
});

/**
 * `GET /portfolio/order_groups/{id}`:
 * `{"is_auto_cancel_enabled":true,"contracts_limit_fp":"25.00","orders":["2597...","97ec..."],"exchange_index":0}`
 */
export const orderGroupDetailSchema = z.object({
  is_auto_cancel_enabled: optional(z.boolean()),
  contracts_limit_fp: optional(decimal),
  orders: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  exchange_index: optional(z.number()),
});
export type OrderGroupDetail = z.output<typeof orderGroupDetailSchema>;
