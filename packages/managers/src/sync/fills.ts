import type { Timestamp } from '@precog/kalshi-client';
import { fillRow } from './mapping';
import { emptyResult, forEachPage, report, requestOptions } from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/** Options of {@link syncFills}. */
export interface SyncFillsOptions extends SyncOptions {
  /** Only fills of this market. Default: all. */
  ticker?: string | undefined;
  /** Only fills at or after this time (a Date or Unix seconds). Default: the whole history. */
  since?: Timestamp | undefined;
}

/**
 * Pages through the account's fills and appends them to `trades`, idempotently on the fill id:
 * a fill already stored counts as a duplicate and is left untouched. Each page is written before
 * the next is fetched.
 */
export async function syncFills(
  client: SyncClient,
  store: SyncStore,
  options: SyncFillsOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('fills');
  const scope = scopeOf(options);
  const list = client.portfolio.getFills(
    {
      ...limitParam(options),
      ...subaccountParam(options),
      ...(options.ticker === undefined ? {} : { ticker: options.ticker }),
      ...(options.since === undefined ? {} : { min_ts: options.since }),
    },
    requestOptions(options),
  );
  await forEachPage(list, result, options, (fills) =>
    store.trades.insertFills(fills.map((fill) => fillRow(fill, scope))),
  );
  report(options, result, true);
  return result;
}
