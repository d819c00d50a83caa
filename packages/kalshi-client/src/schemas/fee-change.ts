import { z } from 'zod';
import { decimal, isoDate, optional } from '../internal/zod';

/**
 * One entry of `GET /series/fee_changes`:
 * `{"id":"fc-1","series_ticker":"KXNFLGAME","fee_type":"quadratic_with_maker_fees","fee_multiplier":0.5,
 *   "scheduled_ts":"2026-12-01T00:00:00Z"}`
 */
export const seriesFeeChangeSchema = z.object({
  id: optional(z.string()),
  series_ticker: z.string(),
  fee_type: optional(z.string()),
  fee_multiplier: optional(decimal),
  scheduled_ts: isoDate,
});
export type SeriesFeeChange = z.output<typeof seriesFeeChangeSchema>;
export const seriesFeeChangesResponseSchema = z.object({
  series_fee_change_arr: z
    .array(seriesFeeChangeSchema)
    .nullish()
    .transform((v) => v ?? []),
});

/**
 * One entry of `GET /events/fee_changes`: an override of the series' fees for one event; both
 * overrides `null` clears it.
 * `{"id":"efc-1","event_ticker":"KXNFLGAME-26NOV29KCDEN","series_ticker":"KXNFLGAME",
 *   "fee_type_override":"quadratic","fee_multiplier_override":0,"scheduled_ts":"2026-11-29T18:00:00Z"}`
 */
export const eventFeeChangeSchema = z.object({
  id: optional(z.string()),
  event_ticker: z.string(),
  series_ticker: optional(z.string()),
  fee_type_override: optional(z.string()),
  fee_multiplier_override: optional(decimal),
  scheduled_ts: isoDate,
});
export type EventFeeChange = z.output<typeof eventFeeChangeSchema>;
export const eventFeeChangesPageSchema = z.object({
  event_fee_changes: z
    .array(eventFeeChangeSchema)
    .nullish()
    .transform((v) => v ?? []),
  cursor: optional(z.string()),
});
