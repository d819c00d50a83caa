import { z } from 'zod';
import { decimal, optional } from '../internal/zod';

/**
 * One subtrader of `GET /fcm/subtraders`:
 * `{"subtrader_id":"u123_desk1","exchange_indices":[0],"trading_blocked":false,
 *   "fcm_trading_blocked":false,"propagation_pending":false}`
 */
export const fcmSubtraderSchema = z.object({
  subtrader_id: z.string(),
  exchange_indices: z
    .array(z.number())
    .nullish()
    .transform((v) => v ?? []),
  trading_blocked: z.boolean(),
  fcm_trading_blocked: optional(z.boolean()),
  propagation_pending: optional(z.boolean()),
});
export type FcmSubtrader = z.output<typeof fcmSubtraderSchema>;
export const fcmSubtradersResponseSchema = z.object({
  subtraders: z
    .array(fcmSubtraderSchema)
    .nullish()
    .transform((v) => v ?? []),
});

/** `POST /fcm/subtraders` (201): `{"subtrader_id":"u123_desk1"}` */
export const createFcmSubtraderResultSchema = z.object({ subtrader_id: z.string() });

/**
 * `GET /fcm/subtraders/event_contract_daily_cap`, all money as dollar strings:
 * `{"subtrader_id":"u123_desk1","limit":"5000.00","executed_utilization":"1234.567800",
 *   "resting_order_utilization":"250.0000","pending_order_utilization":"0.0000","cap_date":"2026-12-06"}`
 * `cap_date` stays the New York calendar date as sent (`YYYY-MM-DD`): it names a trading day, not
 * an instant.
 */
export const fcmDailyCapSchema = z.object({
  subtrader_id: z.string(),
  limit: decimal,
  executed_utilization: decimal,
  resting_order_utilization: decimal,
  pending_order_utilization: decimal,
  cap_date: z.string(),
});
export type FcmDailyCap = z.output<typeof fcmDailyCapSchema>;
