import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import type { Transport } from '../internal/transport';
import {
  type CashTransfer,
  depositsPageSchema,
  type RestingOrderValue,
  restingOrderValueSchema,
  withdrawalsPageSchema,
} from '../schemas/reference-data';

/** `client.funding`: deposits, withdrawals (both lists validated item by item), and the cash held by resting orders. */
export class FundingResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /portfolio/deposits` (page size up to 500): amounts in dollars from integer cents. */
  listDeposits(
    params: { limit?: number; cursor?: string } = {},
    options?: ListOptions,
  ): PagePromise<CashTransfer> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/deposits',
        query: { ...params },
        schema: depositsPageSchema,
        items: (r) => r.deposits,
      },
      options,
    );
  }

  /** `GET /portfolio/withdrawals` (page size up to 500). */
  listWithdrawals(
    params: { limit?: number; cursor?: string } = {},
    options?: ListOptions,
  ): PagePromise<CashTransfer> {
    return listEndpoint(
      this.transport,
      {
        path: '/portfolio/withdrawals',
        query: { ...params },
        schema: withdrawalsPageSchema,
        items: (r) => r.withdrawals,
      },
      options,
    );
  }

  /** `GET /portfolio/summary/total_resting_order_value`: cash committed to resting orders. */
  getRestingOrderValue(options?: RequestOptions): Promise<RestingOrderValue> {
    return this.transport.request(
      {
        method: 'GET',
        path: '/portfolio/summary/total_resting_order_value',
        schema: restingOrderValueSchema,
        retry: 'safe',
      },
      options,
    );
  }
}
