import type { InvalidListItem, Market } from '@precog/kalshi-client';
import { marketRow } from './mapping';
import {
  emptyResult,
  forEachPage,
  interrupted,
  keepAside,
  listOptions,
  report,
  requestOptions,
} from './run-pages';
import { limitParam, scopeOf } from './scope';
import type { SyncClient, SyncMarketsOptions, SyncResult, SyncStore } from './types';

/** Whether a market sync also reads `GET /historical/markets`: settled or closed markets asked for, or `full`. */
function readsMarketArchive(options: SyncMarketsOptions): boolean {
  return options.full === true || options.status === 'settled' || options.status === 'closed';
}

/**
 * The high-water mark stream of one filtered read of the market archive (the archive has no time
 * filter: the mark is the `market_settled_ts` cutoff the last clean read went up to).
 */
function archiveStream(options: SyncMarketsOptions): string {
  if (options.eventTicker !== undefined) return `markets:archive:event=${options.eventTicker}`;
  if (options.seriesTicker !== undefined) return `markets:archive:series=${options.seriesTicker}`;
  return 'markets:archive';
}

/**
 * Pages through the exchange's markets (optionally one status, series or event) and writes each
 * page as SCD2 versions of `markets`: a new market is inserted, a changed one (prices, status,
 * volume, result, ...) gets its current version closed and a new one opened, an unchanged one
 * writes nothing. The raw market is kept in `metadata`.
 *
 * Markets settled before Kalshi's cutoff (`market_settled_ts`) are no longer in `GET /markets`:
 * when settled or closed markets are asked for, or with `full`, `GET /historical/markets` is read
 * after the live list (the archive only grows, so a market archived meanwhile is found there), with
 * the same series or event filter (Kalshi's archive filters are exclusive: the event wins). Its
 * versions carry the market's `result`. The archive is read again only once the cutoff moved past
 * the stored mark (`markets:archive`, per filter), or with `full`.
 */
export async function syncMarkets(
  client: SyncClient,
  store: SyncStore,
  options: SyncMarketsOptions = {},
): Promise<SyncResult> {
  const result = emptyResult('markets');
  const scope = scopeOf(options);
  const write = (markets: Market[]) =>
    store.markets.upsertVersions(markets.map((market) => marketRow(market, scope)));
  const aside = (items: readonly InvalidListItem[]) => keepAside(store, 'markets', result, items);
  const list = client.markets.list(
    {
      ...limitParam(options),
      ...(options.status === undefined ? {} : { status: options.status }),
      ...(options.seriesTicker === undefined ? {} : { series_ticker: options.seriesTicker }),
      ...(options.eventTicker === undefined ? {} : { event_ticker: options.eventTicker }),
    },
    listOptions(options),
  );
  await forEachPage(list, result, options, write, aside);

  if (readsMarketArchive(options)) {
    const stream = archiveStream(options);
    const cutoff = await client.historical.getCutoff(requestOptions(options)).catch((error: unknown) => {
      throw interrupted(options, result, error);
    });
    const mark = options.full ? undefined : await store.syncMarks.get(stream, scope);
    if (mark === undefined || cutoff.market_settled_ts > mark) {
      const filter =
        options.eventTicker !== undefined
          ? { event_ticker: options.eventTicker }
          : options.seriesTicker !== undefined
            ? { series_ticker: options.seriesTicker }
            : {};
      await forEachPage(
        client.historical.getMarkets({ ...limitParam(options), ...filter }, listOptions(options)),
        result,
        options,
        write,
        aside,
      );
      if (result.invalid.length === 0) await store.syncMarks.advance(stream, cutoff.market_settled_ts, scope);
    }
  }
  report(options, result, true);
  return result;
}
