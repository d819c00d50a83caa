import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { isoDate, optional } from '../internal/zod';
import { marketSchema } from './market';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/**
 * An event a collection draws markets from:
 * `{"ticker":"KXNFLGAME-26NOV29KCDEN","is_yes_only":false,"size_min":null,"size_max":1,"active_quoters":[]}`
 * (a null size bound means no limit).
 */
export const associatedEventSchema = z.object({
  ticker: z.string(),
  is_yes_only: optional(z.boolean()),
  size_min: optional(z.number()),
  size_max: optional(z.number()),
  active_quoters: strings,
});
export type AssociatedEvent = z.output<typeof associatedEventSchema>;

/**
 * A multivariate event collection (combos built from markets of its events):
 * `{"collection_ticker":"KXMVENFLSGP-26","series_ticker":"KXMVENFLSGP","title":"NFL same-game parlays",
 *   "description":"...","open_date":"2026-09-01T00:00:00Z","close_date":"2027-02-15T00:00:00Z",
 *   "associated_events":[...],"associated_event_tickers":["KXNFLGAME-26NOV29KCDEN"],"is_ordered":false,
 *   "is_single_market_per_event":true,"is_all_yes":false,"size_min":2,"size_max":6,
 *   "functional_description":"...","exchange_index":0}`
 */
export const multivariateCollectionSchema = z.object({
  collection_ticker: z.string(),
  series_ticker: optional(z.string()),
  exchange_index: optional(z.number()),
  title: optional(z.string()),
  description: optional(z.string()),
  open_date: optional(isoDate),
  close_date: optional(isoDate),
  associated_events: z
    .array(associatedEventSchema)
    .nullish()
    .transform((v) => v ?? []),
  /** Deprecated by Kalshi: use `associated_events`. */
  associated_event_tickers: strings,
  is_ordered: optional(z.boolean()),
  /** Deprecated by Kalshi: use `associated_events`. */
  is_single_market_per_event: optional(z.boolean()),
  /** Deprecated by Kalshi: use `associated_events`. */
  is_all_yes: optional(z.boolean()),
  size_min: optional(z.number()),
  size_max: optional(z.number()),
  functional_description: optional(z.string()),
});
export type MultivariateCollection = z.output<typeof multivariateCollectionSchema>;

/** `GET /multivariate_event_collections`: `{"multivariate_contracts":[...],"cursor":"..."}` */
export const multivariateCollectionsPageSchema = z.object({
  multivariate_contracts: itemList(multivariateCollectionSchema, {
    kind: 'multivariate collection',
    idFields: ['collection_ticker'],
  }),
  cursor: optional(z.string()),
});
/** `GET /multivariate_event_collections/{collection_ticker}`: `{"multivariate_contract":{...}}` */
export const multivariateCollectionResponseSchema = z.object({
  multivariate_contract: multivariateCollectionSchema,
});

/**
 * `POST /multivariate_event_collections/{collection_ticker}`:
 * `{"event_ticker":"KXMVENFLSGP-26-A1B2","market_ticker":"KXMVENFLSGP-26-A1B2-C3D4","market":{...}}`
 * (`market` only with `with_market_payload`).
 */
export const createMultivariateMarketResultSchema = z.object({
  event_ticker: z.string(),
  market_ticker: z.string(),
  market: optional(marketSchema),
});
export type CreateMultivariateMarketResult = z.output<typeof createMultivariateMarketResultSchema>;
