import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional } from '../internal/zod';

/** `GET /communications/id`: `{"communications_id":"c0mm5-1d"}` */
export const communicationsIdSchema = z.object({ communications_id: z.string() });

/** `POST /communications/rfqs` and `/quotes` (201): `{"id":"3f2a..."}` */
export const createdIdSchema = z.object({ id: z.string() });

/**
 * One leg of a multivariate (combo) market an RFQ is for:
 * `{"event_ticker":"KXNFLGAME-26NOV29KCDEN","market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","side":"yes","yes_settlement_value_dollars":null}`
 */
export const mveSelectedLegSchema = z.object({
  event_ticker: optional(z.string()),
  market_ticker: optional(z.string()),
  side: optional(z.string()),
  /** Filled only once the leg is determined. */
  yes_settlement_value_dollars: optional(decimal),
});
export type MveSelectedLeg = z.output<typeof mveSelectedLegSchema>;

/**
 * A request for quote:
 * `{"id":"3f2a...","creator_id":"c0mm5-1d","market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","contracts_fp":"250.00",
 * "target_cost_dollars":"130.000000","status":"open","created_ts":"2026-11-29T20:00:00Z","rest_remainder":false}`
 * `status` is `open` or `closed`.
 */
export const rfqSchema = z.object({
  id: z.string(),
  /** Public communications id of the creator (not the user id). */
  creator_id: z.string(),
  market_ticker: z.string(),
  contracts_fp: decimal,
  target_cost_dollars: optional(decimal),
  target_cost_excludes_fees: optional(z.boolean()),
  status: z.string(),
  created_ts: isoDate,
  updated_ts: optional(isoDate),
  cancelled_ts: optional(isoDate),
  mve_collection_ticker: optional(z.string()),
  mve_selected_legs: optional(z.array(mveSelectedLegSchema)),
  rest_remainder: optional(z.boolean()),
  cancellation_reason: optional(z.string()),
  /** Private: shown to the creator only. */
  creator_user_id: optional(z.string()),
  creator_subaccount: optional(z.number()),
});
export type Rfq = z.output<typeof rfqSchema>;

/** `GET /communications/rfqs/{rfq_id}`: `{"rfq":{...}}` */
export const rfqResponseSchema = z.object({ rfq: rfqSchema });

/** `GET /communications/rfqs`: `{"rfqs":[...],"cursor":"..."}` (`null` reads as no RFQs); validated item by item. */
export const rfqsPageSchema = z.object({
  rfqs: itemList(rfqSchema, { kind: 'rfq', idFields: ['id'] }),
  cursor: optional(z.string()),
});

/**
 * A quote answering an RFQ:
 * `{"id":"9b7e...","rfq_id":"3f2a...","creator_id":"qu0t3r","rfq_creator_id":"c0mm5-1d",
 * "market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","contracts_fp":"250.00","yes_bid_dollars":"0.5150",
 * "no_bid_dollars":"0.4650","created_ts":"2026-11-29T20:00:05Z","updated_ts":"2026-11-29T20:00:05Z","status":"open"}`
 * `status` is `open`, `accepted`, `confirmed`, `executed` or `cancelled`.
 */
export const quoteSchema = z.object({
  id: z.string(),
  rfq_id: z.string(),
  creator_id: z.string(),
  rfq_creator_id: z.string(),
  market_ticker: z.string(),
  contracts_fp: decimal,
  yes_bid_dollars: decimal,
  no_bid_dollars: decimal,
  created_ts: isoDate,
  updated_ts: isoDate,
  status: z.string(),
  /** `yes` or `no`, once accepted. */
  accepted_side: optional(z.string()),
  accepted_ts: optional(isoDate),
  confirmed_ts: optional(isoDate),
  executed_ts: optional(isoDate),
  cancelled_ts: optional(isoDate),
  rest_remainder: optional(z.boolean()),
  post_only: optional(z.boolean()),
  cancellation_reason: optional(z.string()),
  creator_user_id: optional(z.string()),
  rfq_creator_user_id: optional(z.string()),
  rfq_target_cost_dollars: optional(decimal),
  target_cost_excludes_fees: optional(z.boolean()),
  rfq_creator_order_id: optional(z.string()),
  creator_order_id: optional(z.string()),
  creator_subaccount: optional(z.number()),
  rfq_creator_subaccount: optional(z.number()),
  /** Contracts offered on each side when the RFQ asked for a target cost. */
  yes_contracts_fp: optional(decimal),
  no_contracts_fp: optional(decimal),
});
export type Quote = z.output<typeof quoteSchema>;

/** `GET /communications/rfqs/{rfq_id}/quotes/{quote_id}`: `{"quote":{...}}` */
export const quoteResponseSchema = z.object({ quote: quoteSchema });

/** `GET /communications/quotes`: `{"quotes":[...],"cursor":"..."}`; validated item by item. */
export const quotesPageSchema = z.object({
  quotes: itemList(quoteSchema, { kind: 'quote', idFields: ['id'] }),
  cursor: optional(z.string()),
});

/**
 * A block trade proposal, priced in integer centi-cents (1/10,000 of a dollar) and centicounts
 * (1/100 of a contract):
 * `{"id":"btp-1","proposer_user_id":"u-1","buyer_user_id":"u-1","seller_user_id":"","market_ticker":"KXNFLGAME-26NOV29KCDEN-KC",
 * "price_centi_cents":5150,"centicount":25000,"maker_side":"yes","expiration_ts":"2026-11-29T21:00:00Z","status":"pending",
 * "created_ts":"2026-11-29T20:00:00Z","updated_ts":"2026-11-29T20:00:00Z","buyer_accepted":true,"seller_accepted":false}`
 * `price` (dollars) and `count` (contracts) are the exact Decimals of the integers. A counterparty
 * id the caller may not see comes as `""` and reads as undefined.
 */
export const blockTradeProposalSchema = z
  .object({
    id: z.string(),
    proposer_user_id: z.string(),
    buyer_user_id: optional(z.string()),
    buyer_subtrader_id: optional(z.string()),
    seller_user_id: optional(z.string()),
    seller_subtrader_id: optional(z.string()),
    market_ticker: z.string(),
    price_centi_cents: z.number().int(),
    centicount: z.number().int(),
    /** `yes` or `no`. */
    maker_side: z.string(),
    expiration_ts: isoDate,
    status: z.string(),
    created_ts: isoDate,
    updated_ts: isoDate,
    buyer_accepted: z.boolean(),
    seller_accepted: z.boolean(),
    buyer_accepted_ts: optional(isoDate),
    seller_accepted_ts: optional(isoDate),
    executed_ts: optional(isoDate),
    buyer_order_id: optional(z.string()),
    seller_order_id: optional(z.string()),
  })
  .transform((p) => ({
    ...p,
    price: decimal.parse(String(p.price_centi_cents)).div(10_000),
    count: decimal.parse(String(p.centicount)).div(100),
  }));
export type BlockTradeProposal = z.output<typeof blockTradeProposalSchema>;

/** `GET /communications/block-trade-proposals`: `{"block_trade_proposals":[...],"cursor":"..."}`; validated item by item. */
export const blockTradeProposalsPageSchema = z.object({
  block_trade_proposals: itemList(blockTradeProposalSchema, {
    kind: 'block trade proposal',
    idFields: ['id'],
  }),
  cursor: optional(z.string()),
});

/** `POST /communications/block-trade-proposals` (201): `{"block_trade_proposal_id":"btp-1"}` */
export const proposeBlockTradeResultSchema = z.object({ block_trade_proposal_id: z.string() });
