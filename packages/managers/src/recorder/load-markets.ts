import type { Market } from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import { marketRow, type RowScope } from '../sync/mapping';
import { listOptions } from '../sync/run-pages';
import { MarketRecorderError, type MarketRecorderOptions } from './options';

/** Kalshi's `tickers` filter is a comma-joined list: asked for in chunks. */
const TICKERS_PER_REQUEST = 100;

/**
 * The markets a recorder records, with their current rows. With a client: the exchange's markets
 * (the named tickers, the open markets of the series or event), each written as a baseline
 * version (`seeded` counts the new or changed ones), because the stream carries no status,
 * title or event. Without one: the stored current versions of the named tickers. A named market
 * that cannot be found, or a series or event without an open market, is a
 * {@link MarketRecorderError}.
 */
export async function loadRecordedMarkets(
  options: Pick<MarketRecorderOptions, 'client' | 'store' | 'tickers' | 'seriesTicker' | 'eventTicker'>,
  scope: RowScope,
): Promise<{ rows: Map<string, MarketInput>; seeded: number }> {
  const { client, store, tickers = [], seriesTicker, eventTicker } = options;
  const rows = new Map<string, MarketInput>();
  let seeded = 0;
  if (client) {
    const lists: Array<Record<string, unknown>> = [];
    for (let i = 0; i < tickers.length; i += TICKERS_PER_REQUEST)
      lists.push({ tickers: tickers.slice(i, i + TICKERS_PER_REQUEST) });
    if (seriesTicker !== undefined) lists.push({ series_ticker: seriesTicker, status: 'open' });
    if (eventTicker !== undefined) lists.push({ event_ticker: eventTicker, status: 'open' });
    for (const params of lists) {
      for await (const page of client.markets.list(params, listOptions({})).pages()) {
        const baseline = page.items.map((m: Market) => marketRow(m, scope));
        if (baseline.length === 0) continue;
        const result = await store.markets.upsertVersions(baseline);
        seeded += result.inserted + result.versioned;
        for (const row of baseline) rows.set(row.ticker, row);
      }
    }
  } else {
    for (const ticker of tickers) {
      const [current] = await store.markets.current({ platformId: scope.platformId, ticker });
      if (current) {
        const { id: _i, rowCurrentInd: _c, rowStartTs: _s, rowEndTs: _e, ...row } = current;
        rows.set(ticker, row);
      }
    }
  }
  const missing = tickers.filter((t) => !rows.has(t));
  if (missing.length > 0)
    throw new MarketRecorderError(
      `market recorder: ${client ? 'the exchange has no market' : 'the store has no market (give a client to read it)'} ${missing.join(', ')}`,
      'tickers',
    );
  if (rows.size === 0)
    throw new MarketRecorderError(
      `market recorder: no open market in ${seriesTicker !== undefined ? `series ${seriesTicker}` : `event ${eventTicker}`}`,
      seriesTicker !== undefined ? 'seriesTicker' : 'eventTicker',
    );
  return { rows, seeded };
}
