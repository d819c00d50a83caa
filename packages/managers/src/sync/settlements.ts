import { settlementRow } from './mapping';
import { emptyResult, forEachPage, report, requestOptions } from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/**
 * Pages through the account's settlements and appends them to `settlements`, idempotently on
 * (ticker, settled time): one already stored counts as a duplicate.
 */
export async function syncSettlements(
  client: SyncClient,
  store: SyncStore,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('settlements');
  const scope = scopeOf(options);
  const list = client.portfolio.getSettlements(
    { ...limitParam(options), ...subaccountParam(options) },
    requestOptions(options),
  );
  await forEachPage(list, result, options, (settlements) =>
    store.settlements.insert(settlements.map((s) => settlementRow(s, scope))),
  );
  report(options, result, true);
  return result;
}
