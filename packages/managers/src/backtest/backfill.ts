// `precog backfill markets`: a series' markets and their candlesticks written into the store as
// SCD2 market versions, so a backtest can replay real Kalshi history. Both sides of Kalshi's
// historical cutoff (`GET /historical/cutoff`, `market_settled_ts`): markets settled before it are
// only under `/historical/markets` (and their candles under `/historical/markets/{t}/candlesticks`),
// newer ones under `/markets` and `/series/{s}/markets/{t}/candlesticks`. Each candle becomes a
// version at its period end (backfill-rows.ts); the market as the exchange reports it now (status,
// result) becomes the last version, at its settlement time. Versions not later than what the store
// already holds for a ticker are skipped: history is only ever appended, so a re-run writes nothing
// new.
import type {
  Candlestick,
  GetCandlesticksParams,
  GetHistoricalCandlesticksParams,
  GetHistoricalMarketsParams,
  HistoricalCandlestick,
  HistoricalCutoff,
  ListMarketsParams,
  Market,
} from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import { marketRow } from '../sync/mapping';
import { type CandleClose, candleRows, historicalCandle, liveCandle } from './backfill-rows';
import { BacktestInputError } from './errors';

/** The client calls the backfill makes (a `KalshiClient` has them). */
export interface BackfillClient {
  markets: {
    list(params: ListMarketsParams): AsyncIterable<Market>;
    getCandlesticks(
      seriesTicker: string,
      ticker: string,
      params: GetCandlesticksParams,
    ): Promise<Candlestick[]>;
  };
  historical: {
    getCutoff(): Promise<HistoricalCutoff>;
    getMarkets(params: GetHistoricalMarketsParams): AsyncIterable<Market>;
    getMarketCandlesticks(
      ticker: string,
      params: GetHistoricalCandlesticksParams,
    ): Promise<HistoricalCandlestick[]>;
  };
}

/** The store calls the backfill makes (a `Store` has them). */
export interface BackfillStore {
  markets: { upsertVersions(rows: readonly MarketInput[], options: { at: Date }): Promise<unknown> };
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

/** Options of {@link backfillMarkets}. */
export interface BackfillMarketsOptions {
  /** Series ticker, e.g. `KXNFLGAME`. */
  seriesTicker: string;
  /** Markets closing at or after this time; candles from it on. */
  from: Date;
  /** Candle end bound. Default: now (`clock()`). */
  to?: Date | undefined;
  /** Minutes per candle: 1, 60 (default) or 1440. */
  periodMinutes?: 1 | 60 | 1440 | undefined;
  /** Markets written per batch (their versions grouped by timestamp). Default 50. */
  batchSize?: number | undefined;
  /** Platform id of the rows. Default `kalshi`. */
  platformId?: string | undefined;
  /** Injected clock, epoch ms. Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** Called after each batch with the running totals. */
  onProgress?: ((progress: BackfillResult) => void) | undefined;
}

/** What {@link backfillMarkets} wrote. */
export interface BackfillResult {
  /** Markets read, from both sides of the cutoff. */
  markets: number;
  /** Of them, markets read from the historical archive (settled before the cutoff). */
  historicalMarkets: number;
  candles: number;
  /** Versions offered to the store (unchanged ones write nothing). */
  versions: number;
  /** Versions skipped because the store already held a later one for the ticker. */
  skipped: number;
}

/** A market and the side of the cutoff it was read from. */
interface Listed {
  market: Market;
  historical: boolean;
}

type Settings = Required<
  Pick<BackfillMarketsOptions, 'seriesTicker' | 'from' | 'periodMinutes' | 'platformId'>
> & { to: Date };

/** The market's candles from `from` to its close (or `to`), from the side it was listed on. */
async function candlesOf(client: BackfillClient, listed: Listed, settings: Settings): Promise<CandleClose[]> {
  const { market } = listed;
  const end =
    market.close_time !== undefined && market.close_time < settings.to ? market.close_time : settings.to;
  if (end <= settings.from) return [];
  const range = { start_ts: settings.from, end_ts: end, period_interval: settings.periodMinutes };
  if (listed.historical) {
    return (await client.historical.getMarketCandlesticks(market.ticker, range)).map(historicalCandle);
  }
  return (await client.markets.getCandlesticks(settings.seriesTicker, market.ticker, range)).map(liveCandle);
}

async function latestStarts(
  store: BackfillStore,
  platformId: string,
  tickers: string[],
): Promise<Map<string, number>> {
  const { rows } = await store.query<{ ticker: string; latest: Date }>(
    'SELECT ticker, max(row_start_ts) AS latest FROM markets WHERE platform_id = $1 AND ticker = ANY($2) GROUP BY ticker',
    [platformId, tickers],
  );
  return new Map(rows.map((r) => [r.ticker, r.latest.getTime()]));
}

/** Writes one batch of markets: every version grouped by timestamp, oldest first. */
async function writeBatch(
  client: BackfillClient,
  store: BackfillStore,
  batch: readonly Listed[],
  options: Settings,
  result: BackfillResult,
): Promise<void> {
  const latest = await latestStarts(
    store,
    options.platformId,
    batch.map((l) => l.market.ticker),
  );
  const byTime = new Map<number, MarketInput[]>();
  for (const listed of batch) {
    const { market } = listed;
    const candles = await candlesOf(client, listed, options);
    result.candles += candles.length;
    const rows = candleRows(market, candles, options.platformId);
    const lastCandle =
      rows.length === 0 ? Number.NEGATIVE_INFINITY : (rows[rows.length - 1] as [number, MarketInput])[0];
    // The market as it is now: at its settlement, else at its close or `to`, whichever is first.
    const closeOrTo =
      market.close_time !== undefined && market.close_time < options.to ? market.close_time : options.to;
    const final = (market.settlement_ts ?? closeOrTo).getTime();
    rows.push([Math.max(final, lastCandle + 1), marketRow(market, { platformId: options.platformId })]);
    const after = latest.get(market.ticker) ?? Number.NEGATIVE_INFINITY;
    for (const [time, row] of rows) {
      if (time <= after) {
        result.skipped += 1;
        continue;
      }
      const list = byTime.get(time) ?? [];
      list.push(row);
      byTime.set(time, list);
    }
  }
  for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
    const rows = byTime.get(time) as MarketInput[];
    await store.markets.upsertVersions(rows, { at: new Date(time) });
    result.versions += rows.length;
  }
}

/**
 * Backfills a series: its markets closing from `from` on, from both sides of the historical
 * cutoff (archived markets first, then `GET /markets?series_ticker=…&min_close_ts=…`, a ticker
 * read once), and their candlesticks, as SCD2 versions in time order. Idempotent: a re-run over
 * the same history writes no version.
 */
export async function backfillMarkets(
  client: BackfillClient,
  store: BackfillStore,
  options: BackfillMarketsOptions,
): Promise<BackfillResult> {
  if (options.seriesTicker.trim() === '')
    throw new BacktestInputError('seriesTicker must not be empty', 'series');
  if (Number.isNaN(options.from.getTime())) throw new BacktestInputError('from is not a valid date', 'from');
  const to = options.to ?? new Date((options.clock ?? Date.now)());
  if (to <= options.from) throw new BacktestInputError('to must be after from', 'to');
  const batchSize = options.batchSize ?? 50;
  const settings: Settings = {
    seriesTicker: options.seriesTicker,
    from: options.from,
    to,
    periodMinutes: options.periodMinutes ?? 60,
    platformId: options.platformId ?? 'kalshi',
  };
  const result: BackfillResult = { markets: 0, historicalMarkets: 0, candles: 0, versions: 0, skipped: 0 };
  const seen = new Set<string>();
  let batch: Listed[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await writeBatch(client, store, batch, settings, result);
    batch = [];
    options.onProgress?.({ ...result });
  };
  const take = async (market: Market, historical: boolean) => {
    if (seen.has(market.ticker)) return;
    seen.add(market.ticker);
    result.markets += 1;
    if (historical) result.historicalMarkets += 1;
    batch.push({ market, historical });
    if (batch.length >= batchSize) await flush();
  };

  // Markets settled before the cutoff are only in the archive; it has no close-time filter.
  const cutoff = (await client.historical.getCutoff()).market_settled_ts;
  if (options.from < cutoff) {
    for await (const market of client.historical.getMarkets({
      series_ticker: options.seriesTicker,
      limit: 1000,
    })) {
      if (market.close_time === undefined || market.close_time >= options.from) await take(market, true);
    }
    await flush();
  }
  for await (const market of client.markets.list({
    series_ticker: options.seriesTicker,
    min_close_ts: options.from,
    limit: 1000,
  })) {
    await take(market, false);
  }
  await flush();
  return result;
}
