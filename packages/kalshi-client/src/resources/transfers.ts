import Decimal from 'decimal.js';
import { z } from 'zod';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { parseParams } from '../internal/params';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { moneyToCentiCents } from '../internal/wire-numbers-cents';
import {
  EXCHANGE_INSTANCES,
  type ExchangeInstance,
  type IntraExchangeTransfer,
  intraExchangeTransferResponseSchema,
  intraExchangeTransferResultSchema,
  intraExchangeTransfersPageSchema,
  type TargetBalanceAllocation,
  targetBalanceAllocationSchema,
} from '../schemas/transfer';

/** Body of `POST /portfolio/intra_exchange_instance_transfer`. */
export interface IntraExchangeTransferParams {
  source: ExchangeInstance;
  destination: ExchangeInstance;
  /** Dollars, up to 4 decimals (sent as integer centi-cents); more precision is an error, never rounded. */
  amount: DecimalInput;
  /** Source exchange shard (Kalshi's default 0). */
  source_exchange_shard?: number;
  /** Destination exchange shard (Kalshi's default 0). */
  destination_exchange_shard?: number;
  /** Source subaccount (0 primary, 1–63); event contract to event contract only. */
  source_subaccount?: number;
  /** Destination subaccount (0 primary, 1–63); event contract to event contract only. */
  destination_subaccount?: number;
}

/** Body of `POST /portfolio/target_balance_allocation`. */
export interface SetTargetBalanceAllocationParams {
  /** Share of the sweepable balance per exchange index; totals 100. Empty turns rebalancing off. */
  allocations: readonly { exchange_index: number; percent: number }[];
  /** How resting margin is reserved across indexes; Kalshi's default `sum`. */
  resting_margin_reservation?: 'max' | 'sum';
}

const shard = z.number().int().min(0);
const subaccount = z.number().int().min(0).max(63);
const transferBody = z
  .object({
    source: z.enum(EXCHANGE_INSTANCES),
    destination: z.enum(EXCHANGE_INSTANCES),
    source_exchange_shard: shard.optional(),
    destination_exchange_shard: shard.optional(),
    source_subaccount: subaccount.optional(),
    destination_subaccount: subaccount.optional(),
  })
  .refine(
    (p) =>
      (p.source_subaccount === undefined && p.destination_subaccount === undefined) ||
      (p.source === 'event_contract' && p.destination === 'event_contract'),
    {
      message: 'subaccounts are only for event_contract to event_contract transfers',
      path: ['source_subaccount'],
    },
  )
  .refine(
    (p) =>
      p.source !== p.destination ||
      (p.source_exchange_shard ?? 0) !== (p.destination_exchange_shard ?? 0) ||
      (p.source_subaccount ?? 0) !== (p.destination_subaccount ?? 0),
    { message: 'source and destination are the same place', path: ['destination'] },
  );

const percent = z.number().min(0).max(100);
const allocationBody = z
  .object({
    allocations: z.array(z.object({ exchange_index: shard, percent })),
    resting_margin_reservation: z.enum(['max', 'sum']).optional(),
  })
  .refine(
    // Summed exactly: 33.3 + 33.3 + 33.4 is 100, whatever floats say.
    (p) =>
      p.allocations.length === 0 ||
      p.allocations.reduce((sum, a) => sum.plus(String(a.percent)), new Decimal(0)).eq(100),
    { message: 'percentages must total 100', path: ['allocations'] },
  )
  .refine((p) => new Set(p.allocations.map((a) => a.exchange_index)).size === p.allocations.length, {
    message: 'an exchange index appears twice',
    path: ['allocations'],
  });

/**
 * `client.transfers`: money moved inside the account across exchange instances (event contracts
 * ↔ margined), exchange shards and subaccounts, and the target split of the balance across
 * exchange indexes that Kalshi rebalances to. (Between subaccounts of one shard,
 * `client.subaccounts.transfer` is safer: its `client_transfer_id` makes a retry harmless.)
 */
export class TransfersResource {
  constructor(private readonly transport: Transport) {}

  /**
   * `POST /portfolio/intra_exchange_instance_transfer`: starts a transfer (processed
   * asynchronously; cross-index steps are not atomic) and returns its id. The spec has no
   * idempotency key, so it is NOT retried: after a timeout, look in {@link list} before sending again.
   */
  async create(params: IntraExchangeTransferParams, options?: RequestOptions): Promise<string> {
    const { amount, ...rest } = params;
    const body = parseParams('transfers.create', transferBody, rest);
    const response = await this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/intra_exchange_instance_transfer',
        body: { ...body, amount: moneyToCentiCents('amount', amount) },
        schema: intraExchangeTransferResultSchema,
        retry: 'unsafe',
      },
      options,
    );
    return response.transfer_id;
  }

  /** `GET /portfolio/intra_exchange_instance_transfers` (page size up to 500): await one page, or `for await`. */
  list(
    params: { limit?: number; cursor?: string } = {},
    options?: ListOptions,
  ): PagePromise<IntraExchangeTransfer> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/intra_exchange_instance_transfers',
        query: { ...params },
        schema: intraExchangeTransfersPageSchema,
        items: (r) => r.transfers,
      },
      options,
    );
  }

  /** `GET /portfolio/intra_exchange_instance_transfers/{transfer_id}`: one transfer and its status. */
  async get(transferId: string, options?: RequestOptions): Promise<IntraExchangeTransfer> {
    if (transferId.trim() === '') throw new KalshiInvalidParamsError('transfers.get needs a transfer id');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/portfolio/intra_exchange_instance_transfers/${segment(transferId)}`,
        schema: intraExchangeTransferResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.transfer;
  }

  /** `GET /portfolio/target_balance_allocation`: the target split of the sweepable balance. */
  getTargetAllocation(options?: RequestOptions): Promise<TargetBalanceAllocation> {
    return this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/target_balance_allocation',
        schema: targetBalanceAllocationSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `POST /portfolio/target_balance_allocation`: replaces the target split (percentages total
   * 100; an empty list turns rebalancing off). Retried: it replaces the whole setting, so a
   * repeat changes nothing.
   */
  async setTargetAllocation(
    params: SetTargetBalanceAllocationParams,
    options?: RequestOptions,
  ): Promise<void> {
    const body = parseParams('transfers.setTargetAllocation', allocationBody, params);
    await this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/target_balance_allocation',
        body,
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }
}
