import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, isoDate, optional, unixSeconds } from '../internal/zod';

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);

/** `GET /search/filters_by_sport`: `{"filters_by_sports":{"Football":{...}},"sport_ordering":["Football","Basketball"]}` */
export const filtersBySportSchema = z.object({
  filters_by_sports: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => v ?? {}),
  sport_ordering: list(z.string()),
});
export type FiltersBySport = z.output<typeof filtersBySportSchema>;

/** `GET /search/tags_by_categories`: `{"tags_by_categories":{"Sports":["Football","Golf"]}}` */
export const tagsByCategoriesSchema = z.object({
  tags_by_categories: z
    .record(
      z.string(),
      z
        .array(z.string())
        .nullish()
        .transform((v) => v ?? []),
    )
    .nullish()
    .transform((v) => v ?? {}),
});

/**
 * A structured target (a team, a player, a city...):
 * `{"id":"st-1","name":"Kansas City Chiefs","type":"football_team","details":{...},"source_id":"12","last_updated_ts":"2026-11-01T00:00:00Z"}`
 */
export const structuredTargetSchema = z.object({
  id: z.string(),
  name: optional(z.string()),
  type: optional(z.string()),
  details: optional(z.record(z.string(), z.unknown())),
  source_id: optional(z.string()),
  source_ids: optional(z.record(z.string(), z.string())),
  last_updated_ts: optional(isoDate),
});
export type StructuredTarget = z.output<typeof structuredTargetSchema>;
export const structuredTargetsPageSchema = z.object({
  structured_targets: list(structuredTargetSchema),
  cursor: optional(z.string()),
});
export const structuredTargetResponseSchema = z.object({
  structured_target: optional(structuredTargetSchema),
});

/**
 * An incentive program (rewards for liquidity or volume on a market):
 * `{"id":"ip-1","market_id":"m-1","market_ticker":"KXNFLGAME-26NOV29KCDEN-KC","incentive_type":"liquidity",
 *   "incentive_description":"...","start_date":"2026-11-20T00:00:00Z","end_date":"2026-11-30T00:00:00Z",
 *   "period_reward":50000,"paid_out":false,"target_size_fp":"100.00"}` (`period_reward` in centi-cents).
 */
export const incentiveProgramSchema = z
  .object({
    id: z.string(),
    market_id: optional(z.string()),
    market_ticker: z.string(),
    incentive_type: optional(z.string()),
    incentive_description: optional(z.string()),
    start_date: optional(isoDate),
    end_date: optional(isoDate),
    period_reward: optional(z.number().int()),
    paid_out: optional(z.boolean()),
    discount_factor_bps: optional(z.number()),
    target_size_fp: optional(decimal),
    max_reward_per_account: optional(z.number()),
  })
  .transform((p) => ({
    ...p,
    /** `period_reward` (centi-cents) in dollars. */
    period_reward_dollars:
      p.period_reward === undefined ? undefined : decimal.parse(String(p.period_reward)).div(10_000),
  }));
export type IncentiveProgram = z.output<typeof incentiveProgramSchema>;
export const incentiveProgramsPageSchema = z
  .object({
    incentive_programs: itemList(incentiveProgramSchema, { kind: 'incentive program', idFields: ['id'] }),
    next_cursor: optional(z.string()),
  })
  .transform((r) => ({ incentive_programs: r.incentive_programs, cursor: r.next_cursor }));

/**
 * A deposit or a withdrawal:
 * `{"id":"d-1","status":"applied","type":"ach","amount_cents":50000,"fee_cents":0,"created_ts":1781161200,"finalized_ts":1781247600}`
 */
export const cashTransferSchema = z
  .object({
    id: z.string(),
    status: optional(z.string()),
    type: optional(z.string()),
    amount_cents: z.number().int(),
    fee_cents: optional(z.number().int()),
    created_ts: optional(unixSeconds),
    finalized_ts: optional(unixSeconds),
  })
  .transform((t) => ({
    ...t,
    amount: decimal.parse(String(t.amount_cents)).div(100),
    fee: decimal.parse(String(t.fee_cents ?? 0)).div(100),
  }));
export type CashTransfer = z.output<typeof cashTransferSchema>;
export const depositsPageSchema = z.object({
  deposits: itemList(cashTransferSchema, { kind: 'deposit', idFields: ['id'] }),
  cursor: optional(z.string()),
});
export const withdrawalsPageSchema = z.object({
  withdrawals: itemList(cashTransferSchema, { kind: 'withdrawal', idFields: ['id'] }),
  cursor: optional(z.string()),
});

/**
 * `GET /portfolio/summary/total_resting_order_value`:
 * `{"total_resting_order_value":1250,"resting_order_value_breakdown":[{"exchange_index":0,"balance":"12.500000"}]}`
 */
export const restingOrderValueSchema = z
  .object({
    total_resting_order_value: z.number().int(),
    resting_order_value_breakdown: list(z.object({ exchange_index: z.number(), balance: decimal })),
  })
  .transform((r) => ({
    /** The total in dollars (from integer cents). */
    total: decimal.parse(String(r.total_resting_order_value)).div(100),
    by_exchange_index: r.resting_order_value_breakdown,
  }));
export type RestingOrderValue = z.output<typeof restingOrderValueSchema>;
