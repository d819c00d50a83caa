import { z } from 'zod';
import { isoDate, optional } from '../internal/zod';

/** `GET /exchange/status`: `{"exchange_active":true,"trading_active":true}` */
export const exchangeStatusSchema = z.object({
  exchange_active: z.boolean(),
  trading_active: z.boolean(),
  intra_exchange_transfers_active: optional(z.boolean()),
  exchange_estimated_resume_time: optional(isoDate),
});
export type ExchangeStatus = z.output<typeof exchangeStatusSchema>;

/** A trading session in Eastern Time: `{"open_time":"08:00","close_time":"03:00"}` */
const sessionSchema = z.object({ open_time: z.string(), close_time: z.string() });
const sessions = z
  .array(sessionSchema)
  .nullish()
  .transform((v) => v ?? []);

/**
 * `GET /exchange/schedule`:
 * `{"schedule":{"standard_hours":[{"start_time":"2026-01-01T00:00:00Z","end_time":"2027-01-01T00:00:00Z",
 *   "monday":[{"open_time":"00:00","close_time":"23:59"}],...}],
 *   "maintenance_windows":[{"start_datetime":"2026-11-26T08:00:00Z","end_datetime":"2026-11-26T10:00:00Z"}]}}`
 */
export const exchangeScheduleResponseSchema = z.object({
  schedule: z.object({
    standard_hours: z
      .array(
        z.object({
          start_time: optional(isoDate),
          end_time: optional(isoDate),
          monday: sessions,
          tuesday: sessions,
          wednesday: sessions,
          thursday: sessions,
          friday: sessions,
          saturday: sessions,
          sunday: sessions,
        }),
      )
      .nullish()
      .transform((v) => v ?? []),
    maintenance_windows: z
      .array(z.object({ start_datetime: isoDate, end_datetime: isoDate }))
      .nullish()
      .transform((v) => v ?? []),
  }),
});
export type ExchangeSchedule = z.output<typeof exchangeScheduleResponseSchema>['schedule'];

/**
 * `GET /exchange/user_data_timestamp`: `{"as_of_time":"2026-12-06T17:45:02.123Z"}` — when the data of
 * the balance, orders, fills and positions endpoints was last validated (they lag the exchange a little).
 */
export const userDataTimestampSchema = z.object({ as_of_time: isoDate });
