import { z } from 'zod';
import { decimal, isoDate, optional } from '../internal/zod';

/**
 * A series:
 * `{"ticker":"KXWTACHALLENGERMATCH","title":"WTA Challenger match","category":"Sports","frequency":"custom",
 *   "tags":["Tennis"],"fee_type":"quadratic","fee_multiplier":1,"contract_url":"https://...","settlement_sources":[...]}`
 * `fee_multiplier` is a JSON number in the API; it is read into a Decimal through its text.
 */
export const seriesSchema = z.object({
  ticker: z.string(),
  title: optional(z.string()),
  frequency: optional(z.string()),
  category: optional(z.string()),
  categories: optional(z.array(z.string())),
  tags: optional(z.array(z.string())),
  settlement_sources: optional(z.array(z.object({ name: optional(z.string()), url: optional(z.string()) }))),
  contract_url: optional(z.string()),
  contract_terms_url: optional(z.string()),
  fee_type: optional(z.string()),
  fee_multiplier: optional(decimal),
  additional_prohibitions: optional(z.array(z.string())),
  volume_fp: optional(decimal),
  last_updated_ts: optional(isoDate),
  exchange_index: optional(z.number()),
});
export type Series = z.output<typeof seriesSchema>;
export const seriesListResponseSchema = z.object({
  series: z
    .array(seriesSchema)
    .nullish()
    .transform((v) => v ?? []),
});
export const seriesResponseSchema = z.object({ series: seriesSchema });
