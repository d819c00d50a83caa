import { marketRow } from './mapping';
import { emptyResult, forEachPage, keepAside, listOptions, report } from './run-pages';
import { limitParam, scopeOf } from './scope';
import type { SyncClient, SyncMarketsOptions, SyncResult, SyncStore } from './types';

/**
 * Pages through the exchange's markets (optionally one status, series or event) and writes each
 * page as SCD2 versions of `markets`: a new market is inserted, a changed one (prices, status,
 * volume, ...) gets its current version closed and a new one opened, an unchanged one writes
 * nothing. The raw market is kept in `metadata`.
 */
export async function syncMarkets(
  client: SyncClient,
  store: SyncStore,
  options: SyncMarketsOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('markets');
  const scope = scopeOf(options);
  const list = client.markets.list(
    {
      ...limitParam(options),
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.seriesTicker === undefined ? {} : { series_ticker: options.seriesTicker }),
      ...(options.eventTicker === undefined ? {} : { event_ticker: options.eventTicker }),
    },
    listOptions(options),
  );
  await forEachPage(
    list,
    result,
    options,
    (markets) => store.markets.upsertVersions(markets.map((market) => marketRow(market, scope))),
    (items) => keepAside(store, 'markets', result, items),
  );
  report(options, result, true);
  return result;
}
