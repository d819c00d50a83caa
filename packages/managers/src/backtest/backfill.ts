// `precog backfill markets`: a series' markets and their candlesticks written into the store as
// SCD2 market versions, so a backtest can replay real Kalshi history. Each hourly candle becomes
// a version at its period end (YES bid/ask closes, last price, volume, open interest, status
// `active`); the market as the exchange reports it now (status, result) becomes the last version,
// at its settlement time. Versions older than what the store already holds for a ticker are
// skipped: history is only ever appended after the latest stored version.
import type { Candlestick, GetCandlesticksParams, ListMarketsParams, Market } from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { marketRow } from '../sync/mapping';
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
  markets: number;
  candles: number;
  /** Versions offered to the store (unchanged ones write nothing). */
  versions: number;
  /** Versions skipped because the store already held a later one for the ticker. */
  skipped: number;
}

const ONE = new Decimal(1);
const mirror = (p: Decimal | null | undefined) => (p == null ? null : ONE.minus(p));

function candleRows(
  market: Market,
  candles: readonly Candlestick[],
  platformId: string,
): [number, MarketInput][] {
  return candles.map((c) => {
    const yesBid = c.yes_bid?.close_dollars ?? null;
    const yesAsk = c.yes_ask?.close_dollars ?? null;
    return [
      c.end_period_ts.getTime(),
      {
        platformId,
        ticker: market.ticker,
        eventTicker: market.event_ticker,
        title: market.title ?? null,
        status: 'active',
        yesBid,
        yesAsk,
        noBid: mirror(yesAsk),
        noAsk: mirror(yesBid),
        lastPrice: c.price?.close_dollars ?? null,
        volume: c.volume_fp ?? null,
        openInterest: c.open_interest_fp ?? null,
        result: '',
      },
    ];
  });
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
  markets: Market[],
  options: Required<
    Pick<BackfillMarketsOptions, 'seriesTicker' | 'from' | 'periodMinutes' | 'platformId'>
  > & { to: Date },
  result: BackfillResult,
): Promise<void> {
  const latest = await latestStarts(
    store,
    options.platformId,
    markets.map((m) => m.ticker),
  );
  const byTime = new Map<number, MarketInput[]>();
  for (const market of markets) {
    const end =
      market.close_time !== undefined && market.close_time < options.to ? market.close_time : options.to;
    const candles =
      end > options.from
        ? await client.markets.getCandlesticks(options.seriesTicker, market.ticker, {
            start_ts: options.from,
            end_ts: end,
            period_interval: options.periodMinutes,
          })
        : [];
    result.candles += candles.length;
    const rows = candleRows(market, candles, options.platformId);
    const lastCandle =
      rows.length === 0 ? Number.NEGATIVE_INFINITY : (rows[rows.length - 1] as [number, MarketInput])[0];
    const final = (market.settlement_ts ?? market.close_time ?? options.to).getTime();
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
 * Backfills a series: its markets closing from `from` on (`GET /markets?series_ticker=…`) and
 * their candlesticks, as SCD2 versions in time order. Markets older than Kalshi's historical
 * cutoff are served under `/historical/*` and are not read here yet.
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
  const settings = {
    seriesTicker: options.seriesTicker,
    from: options.from,
    to,
    periodMinutes: options.periodMinutes ?? 60,
    platformId: options.platformId ?? 'kalshi',
  } as const;
  const result: BackfillResult = { markets: 0, candles: 0, versions: 0, skipped: 0 };
  let batch: Market[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await writeBatch(client, store, batch, settings, result);
    batch = [];
    options.onProgress?.({ ...result });
  };
  for await (const market of client.markets.list({
    series_ticker: options.seriesTicker,
    min_close_ts: options.from,
    limit: 1000,
  })) {
    result.markets += 1;
    batch.push(market);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return result;
}
