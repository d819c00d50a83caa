import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, optional, unixSeconds } from '../internal/zod';

/** `POST /portfolio/subaccounts` (201): `{"subaccount_number":3}` */
export const createSubaccountResultSchema = z.object({ subaccount_number: z.number() });

/**
 * `GET /portfolio/subaccounts/balances`:
 * `{"subaccount_balances":[{"subaccount_number":0,"exchange_index":0,"balance":"512.340000","updated_ts":1781161200}]}`
 * (`balance` is a dollar string here, not cents.)
 */
export const subaccountBalancesSchema = z.object({
  subaccount_balances: z
    .array(
      z.object({
        subaccount_number: z.number(),
        exchange_index: optional(z.number()),
        balance: decimal,
        updated_ts: optional(unixSeconds),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type SubaccountBalance = z.output<typeof subaccountBalancesSchema>['subaccount_balances'][number];

/**
 * One entry of `GET /portfolio/subaccounts/transfers`:
 * `{"transfer_id":"t-1","from_subaccount":0,"to_subaccount":2,"amount_cents":2500,"created_ts":1781161200,"exchange_index":0}`
 * `amount` is the transfer in dollars (from the integer cents).
 */
export const subaccountTransferSchema = z
  .object({
    transfer_id: z.string(),
    from_subaccount: z.number(),
    to_subaccount: z.number(),
    amount_cents: z.number().int(),
    created_ts: optional(unixSeconds),
    exchange_index: optional(z.number()),
  })
  .transform((t) => ({ ...t, amount: decimal.parse(String(t.amount_cents)).div(100) }));
export type SubaccountTransfer = z.output<typeof subaccountTransferSchema>;
export const subaccountTransfersPageSchema = z.object({
  transfers: itemList(subaccountTransferSchema, { kind: 'subaccount transfer', idFields: ['transfer_id'] }),
  cursor: optional(z.string()),
});

/** `GET /portfolio/subaccounts/netting`: `{"netting_configs":[{"subaccount_number":1,"enabled":true,"exchange_index":0}]}` */
export const subaccountNettingSchema = z.object({
  netting_configs: z
    .array(
      z.object({ subaccount_number: z.number(), enabled: z.boolean(), exchange_index: optional(z.number()) }),
    )
    .nullish()
    .transform((v) => v ?? []),
});
export type SubaccountNettingConfig = z.output<typeof subaccountNettingSchema>['netting_configs'][number];
