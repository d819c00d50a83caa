import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional } from '../internal/zod';
import { marketSchema } from './market';

/**
 * An event:
 * `{"event_ticker":"KXWTACHALLENGERMATCH-26JUN11JIMLEP","series_ticker":"KXWTACHALLENGERMATCH","title":"...","sub_title":"...",
 *   "mutually_exclusive":true,"collateral_return_type":"binary","strike_date":"2026-06-11T19:00:00Z","markets":[...]}`
 */
export const eventSchema = z.object({
  event_ticker: z.string(),
  series_ticker: z.string(),
  title: optional(z.string()),
  sub_title: optional(z.string()),
  collateral_return_type: optional(z.string()),
  mutually_exclusive: optional(z.boolean()),
  category: optional(z.string()),
  strike_date: optional(isoDate),
  strike_period: optional(z.string()),
  markets: optional(z.array(marketSchema)),
  last_updated_ts: optional(isoDate),
  fee_type_override: optional(z.string()),
  fee_multiplier_override: optional(decimal),
  exchange_index: optional(z.number()),
});
export type KalshiEvent = z.output<typeof eventSchema>;
export const eventsPageSchema = z.object({
  events: itemList(eventSchema, { kind: 'event', idFields: ['event_ticker'] }),
  cursor: optional(z.string()),
});
/** `GET /events/{ticker}`: `{"event":{...},"markets":[...]}` */
export const eventResponseSchema = z.object({
  event: eventSchema,
  markets: z
    .array(marketSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export type EventWithMarkets = z.output<typeof eventResponseSchema>;
