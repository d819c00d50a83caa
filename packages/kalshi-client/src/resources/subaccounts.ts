import { z } from 'zod';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import type { Transport } from '../internal/transport';
import { moneyToCents } from '../internal/wire-numbers-cents';
import {
  createSubaccountResultSchema,
  type SubaccountBalance,
  type SubaccountNettingConfig,
  type SubaccountTransfer,
  subaccountBalancesSchema,
  subaccountNettingSchema,
  subaccountTransfersPageSchema,
} from '../schemas/subaccount';

/** Body of `POST /portfolio/subaccounts/transfer`. */
export interface SubaccountTransferParams {
  /** Idempotency key of the transfer: the exchange refuses a second transfer with it. */
  client_transfer_id: string;
  from_subaccount: number;
  to_subaccount: number;
  /** Dollars, whole cents (`"25.00"`); more precision is an error, never rounded. */
  amount: DecimalInput;
  exchange_index?: number;
}

/** `client.subaccounts`: subaccounts (1–63) of the account, their balances, transfers and netting. */
export class SubaccountsResource {
  constructor(private readonly transport: Transport) {}

  /** `POST /portfolio/subaccounts`: creates the next subaccount; returns its number. Not retried. */
  async create(params: { exchange_index?: number } = {}, options?: RequestOptions): Promise<number> {
    const response = await this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/subaccounts',
        body: { ...params },
        schema: createSubaccountResultSchema,
        retry: 'unsafe',
      },
      options,
    );
    return response.subaccount_number;
  }

  /** `GET /portfolio/subaccounts/balances`: the balance of every subaccount, in dollars. */
  async getBalances(options?: RequestOptions): Promise<SubaccountBalance[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/subaccounts/balances',
        schema: subaccountBalancesSchema,
        retry: 'safe',
      },
      options,
    );
    return response.subaccount_balances;
  }

  /**
   * `POST /portfolio/subaccounts/transfer`: moves cash between subaccounts. Retried safely: the
   * `client_transfer_id` makes a repeat a no-op on the exchange.
   */
  async transfer(params: SubaccountTransferParams, options?: RequestOptions): Promise<void> {
    if (params.client_transfer_id === '')
      throw new KalshiInvalidParamsError('transfer needs a client_transfer_id');
    const { amount, ...rest } = params;
    await this.transport.request(
      {
        method: 'POST',
        path: '/portfolio/subaccounts/transfer',
        body: { ...rest, amount_cents: moneyToCents('amount', amount) },
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }

  /** `GET /portfolio/subaccounts/transfers` (page size up to 1000): await for one page, or `for await` over all; validated item by item. */
  listTransfers(
    params: { limit?: number; cursor?: string } = {},
    options?: ListOptions,
  ): PagePromise<SubaccountTransfer> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/subaccounts/transfers',
        query: { ...params },
        schema: subaccountTransfersPageSchema,
        items: (r) => r.transfers,
      },
      options,
    );
  }

  /** `GET /portfolio/subaccounts/netting`: whether each subaccount nets YES against NO. */
  async getNetting(options?: RequestOptions): Promise<SubaccountNettingConfig[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/subaccounts/netting',
        schema: subaccountNettingSchema,
        retry: 'safe',
      },
      options,
    );
    return response.netting_configs;
  }

  /** `PUT /portfolio/subaccounts/netting`: turns netting on or off for one subaccount (retried: absolute). */
  async updateNetting(
    params: { subaccount_number: number; enabled: boolean },
    options?: RequestOptions,
  ): Promise<void> {
    await this.transport.request(
      {
        method: 'PUT',
        path: '/portfolio/subaccounts/netting',
        body: { ...params },
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }
}
