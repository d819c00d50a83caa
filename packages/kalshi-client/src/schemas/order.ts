import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional, unixMillis } from '../internal/zod';

/**
 * An order as `GET /portfolio/orders[/{id}]` returns it:
 * `{"order_id":"2597...","client_order_id":"4a75...","ticker":"KXW...-LEP","status":"resting","type":"limit",
 *   "outcome_side":"yes","book_side":"bid","action":"buy","side":"yes","yes_price_dollars":"0.0100","no_price_dollars":"0.9900",
 *   "initial_count_fp":"1.00","fill_count_fp":"0.00","remaining_count_fp":"1.00","taker_fees_dollars":"0.000000",
 *   "maker_fees_dollars":"0.000000","taker_fill_cost_dollars":"0.000000","maker_fill_cost_dollars":"0.000000",
 *   "created_time":"2026-06-11T06:29:20.866753Z","last_update_time":"2026-06-11T06:29:20.866753Z",
 *   "self_trade_prevention_type":"taker_at_cross","subaccount_number":0,"user_id":"f506..."}`
 */
export const orderSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  user_id: optional(z.string()),
  ticker: z.string(),
  status: z.string(),
  type: optional(z.string()),
  outcome_side: optional(z.string()),
  book_side: optional(z.string()),
  action: optional(z.string()),
  side: optional(z.string()),
  yes_price_dollars: decimal,
  no_price_dollars: optional(decimal),
  initial_count_fp: optional(decimal),
  fill_count_fp: decimal,
  remaining_count_fp: decimal,
  taker_fill_cost_dollars: optional(decimal),
  maker_fill_cost_dollars: optional(decimal),
  taker_fees_dollars: optional(decimal),
  maker_fees_dollars: optional(decimal),
  expiration_time: optional(isoDate),
  created_time: optional(isoDate),
  last_update_time: optional(isoDate),
  self_trade_prevention_type: optional(z.string()),
  order_group_id: optional(z.string()),
  cancel_order_on_pause: optional(z.boolean()),
  subaccount_number: optional(z.number()),
  exchange_index: optional(z.number()),
});
export type Order = z.output<typeof orderSchema>;
export const ordersPageSchema = z.object({
  orders: itemList(orderSchema, { kind: 'order', idFields: ['order_id', 'client_order_id'] }),
  cursor: optional(z.string()),
});
export const orderResponseSchema = z.object({ order: orderSchema });

/**
 * `POST /portfolio/events/orders` (201):
 * `{"order_id":"97ec...","client_order_id":"2b83...","fill_count":"1.00","remaining_count":"0.00",
 *   "average_fill_price":"0.5200","average_fee_paid":"0.0175","ts_ms":1781159370164}`
 */
export const createOrderResultSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  fill_count: decimal,
  remaining_count: decimal,
  average_fill_price: optional(decimal),
  average_fee_paid: optional(decimal),
  ts_ms: optional(unixMillis),
});
export type CreateOrderResult = z.output<typeof createOrderResultSchema>;

/** `DELETE /portfolio/events/orders/{id}`: `{"order_id":"2597...","reduced_by":"1.00","ts_ms":1781159364112}` */
export const cancelOrderResultSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  reduced_by: decimal,
  ts_ms: optional(unixMillis),
});
export type CancelOrderResult = z.output<typeof cancelOrderResultSchema>;

/** `POST .../amend`: `{"order_id":"...","client_order_id":"...","remaining_count":"2.00","fill_count":"0.00","ts_ms":...}` */
export const amendOrderResultSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  remaining_count: optional(decimal),
  fill_count: optional(decimal),
  average_fill_price: optional(decimal),
  average_fee_paid: optional(decimal),
  ts_ms: optional(unixMillis),
});
export type AmendOrderResult = z.output<typeof amendOrderResultSchema>;

/** `POST .../decrease`: `{"order_id":"...","remaining_count":"1.00","ts_ms":...}` */
export const decreaseOrderResultSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  remaining_count: decimal,
  ts_ms: optional(unixMillis),
});
export type DecreaseOrderResult = z.output<typeof decreaseOrderResultSchema>;

/** A per-item error inside a batch answer: `{"code":"insufficient_balance","message":"insufficient balance"}` */
const batchItemErrorSchema = z.object({
  code: optional(z.string()),
  message: optional(z.string()),
  details: optional(z.string()),
});
export type BatchItemError = z.output<typeof batchItemErrorSchema>;

/** One entry of `POST /portfolio/events/orders/batched` (201): a created order, or an `error`. */
export const batchCreateItemSchema = z.object({
  order_id: optional(z.string()),
  client_order_id: optional(z.string()),
  fill_count: optional(decimal),
  remaining_count: optional(decimal),
  average_fill_price: optional(decimal),
  average_fee_paid: optional(decimal),
  ts_ms: optional(unixMillis),
  error: optional(batchItemErrorSchema),
});
export type BatchCreateOrderItem = z.output<typeof batchCreateItemSchema>;
export const batchCreateResultSchema = z.object({ orders: z.array(batchCreateItemSchema) });

/** One entry of `DELETE /portfolio/events/orders/batched`: `{"order_id":"...","reduced_by":"1.00","ts_ms":...}` or an `error`. */
export const batchCancelItemSchema = z.object({
  order_id: z.string(),
  client_order_id: optional(z.string()),
  reduced_by: optional(decimal),
  ts_ms: optional(unixMillis),
  error: optional(batchItemErrorSchema),
});
export type BatchCancelOrderItem = z.output<typeof batchCancelItemSchema>;
export const batchCancelResultSchema = z.object({ orders: z.array(batchCancelItemSchema) });
