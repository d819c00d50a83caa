import { KalshiInvalidParamsError } from './errors';
import type { InvalidItemOptions } from './invalid-items';
import type { PaginationOptions } from './pagination';
import type { RequestOptions } from './request-options';

/** Largest `limit` each list endpoint accepts (a larger one is a 400 from Kalshi). */
export const MAX_PAGE_SIZE = {
  '/markets': 1000,
  '/markets/trades': 1000,
  '/events': 200,
  '/portfolio/orders': 1000,
  '/portfolio/fills': 1000,
  '/portfolio/settlements': 1000,
  '/portfolio/positions': 1000,
  '/historical/fills': 1000,
  '/historical/orders': 1000,
  '/historical/positions': 1000,
  '/historical/markets': 1000,
  '/historical/trades': 1000,
  '/fcm/orders': 1000,
  '/fcm/positions': 1000,
  '/multivariate_event_collections': 200,
  '/portfolio/intra_exchange_instance_transfers': 500,
  '/communications/rfqs': 100,
  '/communications/quotes': 500,
  '/communications/block-trade-proposals': 100,
  '/events/multivariate': 200,
  '/milestones': 500,
  '/portfolio/subaccounts/transfers': 1000,
  '/portfolio/deposits': 500,
  '/portfolio/withdrawals': 500,
  '/incentive_programs': 10_000,
} as const;

/** A list endpoint with a page size limit. */
export type ListPath = keyof typeof MAX_PAGE_SIZE;

/** Options of every list call: per-call request overrides, the page hook and the malformed-item policy. */
export type ListOptions = RequestOptions & PaginationOptions & InvalidItemOptions;

/** Rejects a `limit` the endpoint would refuse, before anything is sent. */
export function checkLimit(path: ListPath, limit: number | undefined): void {
  if (limit === undefined) return;
  const max = MAX_PAGE_SIZE[path];
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new KalshiInvalidParamsError(
      `limit for ${path} must be an integer from 1 to ${max}, got ${limit}`,
      {
        path,
      },
    );
  }
}
