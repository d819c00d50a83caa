import type { InvalidListItem, Settlement } from '@precog/kalshi-client';
import { settlementRow } from './mapping';
import { emptyResult, forEachPage, keepAside, listOptions, report } from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import { splitStorable } from './set-aside';
import { readFrom } from './since';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/**
 * Pages through the account's settlements and appends them to `settlements`, idempotently on
 * (subaccount, ticker, settled time): one already stored counts as a duplicate. Incremental from
 * the `settlements` high-water mark (less the overlap) unless `full`; a malformed settlement is
 * kept aside in `ingest_errors` and named in `invalid`, the rest of its page is stored.
 */
export async function syncSettlements(
  client: SyncClient,
  store: SyncStore,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('settlements');
  const scope = scopeOf(options);
  const stream = 'settlements';
  const since = await readFrom(store, stream, scope, options);
  let newest: Date | undefined;
  const list = client.portfolio.getSettlements(
    {
      ...limitParam(options),
      ...subaccountParam(options),
      ...(since === undefined ? {} : { min_ts: since }),
    },
    listOptions(options),
  );
  await forEachPage(
    list,
    result,
    options,
    async (settlements: Settlement[]) => {
      const { rows, invalid } = splitStorable(settlements, {
        kind: 'settlement',
        idOf: (s) => s.ticker,
        toRow: (s) => settlementRow(s, scope),
        check: (row) => store.settlements.check(row),
      });
      for (const row of rows) if (newest === undefined || row.settledAt > newest) newest = row.settledAt;
      return { ...(await store.settlements.insert(rows)), invalid };
    },
    (items: readonly InvalidListItem[]) => keepAside(store, stream, result, items),
  );
  if (result.invalid.length === 0 && newest !== undefined)
    await store.syncMarks.advance(stream, newest, scope);
  report(options, result, true);
  return result;
}
