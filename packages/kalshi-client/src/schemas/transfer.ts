import { z } from 'zod';
import { itemList } from '../internal/item-list';
import { decimal, optional, unixSeconds } from '../internal/zod';

/** Where money sits on the exchange: event contracts, or the margined (perps) product. */
export const EXCHANGE_INSTANCES = ['event_contract', 'margined'] as const;
/** One of {@link EXCHANGE_INSTANCES}. */
export type ExchangeInstance = (typeof EXCHANGE_INSTANCES)[number];

/**
 * One transfer between exchange instances, shards or subaccounts; `amount` is dollars:
 * `{"transfer_id":"iet-7f3a","source":"event_contract","destination":"margined","source_exchange_shard":0,
 *   "destination_exchange_shard":0,"amount":"250.000000","status":"pending","created_ts":1796400000}`
 * `status` is `pending` or `complete` (other values pass through as text).
 */
export const intraExchangeTransferSchema = z.object({
  transfer_id: z.string(),
  source: z.string(),
  destination: z.string(),
  source_exchange_shard: optional(z.number()),
  destination_exchange_shard: optional(z.number()),
  amount: decimal,
  status: z.string(),
  created_ts: optional(unixSeconds),
});
export type IntraExchangeTransfer = z.output<typeof intraExchangeTransferSchema>;

/** `GET /portfolio/intra_exchange_instance_transfers`: `{"transfers":[...],"cursor":"..."}` */
export const intraExchangeTransfersPageSchema = z.object({
  transfers: itemList(intraExchangeTransferSchema, { kind: 'transfer', idFields: ['transfer_id'] }),
  cursor: optional(z.string()),
});
/** `GET /portfolio/intra_exchange_instance_transfers/{transfer_id}`: `{"transfer":{...}}` */
export const intraExchangeTransferResponseSchema = z.object({ transfer: intraExchangeTransferSchema });
/** `POST /portfolio/intra_exchange_instance_transfer`: `{"transfer_id":"iet-7f3a"}` */
export const intraExchangeTransferResultSchema = z.object({ transfer_id: z.string() });

/**
 * `GET /portfolio/target_balance_allocation`:
 * `{"allocations":[{"exchange_index":0,"percent":70},{"exchange_index":1,"percent":30}],
 *   "resting_margin_reservation":"sum"}` (no allocations: automatic rebalancing is off).
 */
export const targetBalanceAllocationSchema = z.object({
  allocations: z
    .array(z.object({ exchange_index: z.number(), percent: z.number() }))
    .nullish()
    .transform((v) => v ?? []),
  resting_margin_reservation: optional(z.string()),
});
export type TargetBalanceAllocation = z.output<typeof targetBalanceAllocationSchema>;
