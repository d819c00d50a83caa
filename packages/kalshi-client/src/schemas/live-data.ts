import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { isoDate, optional } from '../internal/zod';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);
const details = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((v) => v ?? {});

/**
 * A milestone (a game, a race, a tournament leg):
 * `{"id":"b2f1...","category":"Sports","type":"football_game","start_date":"2026-11-29T21:25:00Z",
 *   "title":"Kansas City at Denver","related_event_tickers":["KXNFLGAME-26NOV29KCDEN"],
 *   "primary_event_tickers":["KXNFLGAME-26NOV29KCDEN"],"details":{"home_team":"DEN","away_team":"KC"},
 *   "source_id":"401772935","last_updated_ts":"2026-11-29T21:00:00Z"}`
 */
export const milestoneSchema = z.object({
  id: z.string(),
  category: optional(z.string()),
  type: optional(z.string()),
  start_date: optional(isoDate),
  end_date: optional(isoDate),
  title: optional(z.string()),
  notification_message: optional(z.string()),
  related_event_tickers: strings,
  primary_event_tickers: strings,
  source_id: optional(z.string()),
  source_ids: optional(z.record(z.string(), z.string())),
  details,
  last_updated_ts: optional(isoDate),
});
export type Milestone = z.output<typeof milestoneSchema>;
export const milestonesPageSchema = z.object({
  milestones: itemList(milestoneSchema, { kind: 'milestone', idFields: ['id'] }),
  cursor: optional(z.string()),
});
export const milestoneResponseSchema = z.object({ milestone: milestoneSchema });

/**
 * Live data of a milestone; `details` is shaped by `type`:
 * `{"type":"football_game","milestone_id":"b2f1...","details":{"status":"live","home_points":14,"away_points":10,
 *   "period":"Q3","clock":"08:12","possession":"home"}}`
 */
export const liveDataSchema = z.object({
  type: optional(z.string()),
  milestone_id: z.string(),
  details,
});
export type LiveData = z.output<typeof liveDataSchema>;
export const liveDataResponseSchema = z.object({ live_data: liveDataSchema });
export const liveDatasResponseSchema = z.object({
  live_datas: z
    .array(liveDataSchema)
    .nullish()
    .transform((v) => v ?? []),
});

/**
 * Event-keyed live data (crypto charts, commodity series, weather observations); `details` is
 * shaped by `type`:
 * `{"live_data":{"type":"crypto_price","details":{"price":"97012.55"},"is_historical":false,
 *   "default_range":"1h","range_options":["15min","1h","1d"]}}`
 */
export const eventLiveDataSchema = z.object({
  type: optional(z.string()),
  details,
  is_historical: optional(z.boolean()),
  default_range: optional(z.string()),
  range_options: strings,
});
export type EventLiveData = z.output<typeof eventLiveDataSchema>;
export const eventLiveDataResponseSchema = z.object({ live_data: eventLiveDataSchema });

/**
 * Play-by-play of a game, periods in order, each with its events (shaped by the sport):
 * `{"pbp":{"periods":[{"events":[{"type":"touchdown","clock":"08:12","team":"DEN"}]}]}}`
 * Kalshi answers `null` (or `{"pbp":null}`) for unsupported milestones.
 */
export const gameStatsResponseSchema = z
  .object({
    pbp: z
      .object({
        periods: z
          .array(
            z.object({
              events: z
                .array(z.record(z.string(), z.unknown()))
                .nullish()
                .transform((v) => v ?? []),
            }),
          )
          .nullish()
          .transform((v) => v ?? []),
      })
      .nullish(),
  })
  .nullish()
  .transform((v) => v?.pbp ?? undefined);
export type PlayByPlay = NonNullable<z.output<typeof gameStatsResponseSchema>>;
