import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type Candlestick,
  candlesticksResponseSchema,
  type Market,
  marketResponseSchema,
  marketsPageSchema,
  type Orderbook,
  orderbookResponseSchema,
  type Trade,
  tradesPageSchema,
} from '../schemas/market';
import {
  batchCandlesticksResponseSchema,
  type MarketCandlesticks,
  type MarketOrderbook,
  orderbooksResponseSchema,
} from '../schemas/market-batch';

/** A point in time for a filter: a Date, or Unix seconds. */
export type Timestamp = Date | number;

/** Market lifecycle filter of `GET /markets`. */
export type MarketStatusFilter = 'unopened' | 'open' | 'paused' | 'closed' | 'settled';

/** Filters of `GET /markets`. */
export interface ListMarketsParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  /** Start from this cursor instead of the first page. */
  cursor?: string;
  event_ticker?: string;
  series_ticker?: string;
  status?: MarketStatusFilter;
  /** Only these market tickers. */
  tickers?: readonly string[];
  min_created_ts?: Timestamp;
  max_created_ts?: Timestamp;
  min_updated_ts?: Timestamp;
  min_close_ts?: Timestamp;
  max_close_ts?: Timestamp;
  min_settled_ts?: Timestamp;
  max_settled_ts?: Timestamp;
  /** Multivariate (combo) markets: `only` them or `exclude` them. */
  mve_filter?: 'only' | 'exclude';
}

/** Filters of `GET /markets/trades`. */
export interface ListTradesParams {
  /** Page size, 1–1000. */
  limit?: number;
  cursor?: string;
  ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
  is_block_trade?: boolean;
}

/** Range of `GET /series/{series}/markets/{ticker}/candlesticks`. */
export interface GetCandlesticksParams {
  start_ts: Timestamp;
  end_ts: Timestamp;
  /** Minutes per candle: 1, 60 or 1440. */
  period_interval: 1 | 60 | 1440;
  include_latest_before_start?: boolean;
}

/** `client.markets`: markets, their books, trades and candles. */
export class MarketsResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /markets`: await for one page, or `for await` over every market. */
  list(params: ListMarketsParams = {}, options?: ListOptions): PagePromise<Market> {
    return listEndpoint(
      this.transport,
      { path: '/markets', query: { ...params }, schema: marketsPageSchema, items: (r) => r.markets },
      options,
    );
  }

  /** `GET /markets/{ticker}`; a missing market throws `KalshiMarketNotFoundError`. */
  async get(ticker: string, options?: RequestOptions): Promise<Market> {
    const response = await this.transport.request(
      { method: 'GET', path: `/markets/${segment(ticker)}`, schema: marketResponseSchema, retry: 'safe' },
      options,
    );
    return response.market;
  }

  /** `GET /markets/{ticker}/orderbook`: resting YES and NO bids as `{ price, count }` levels. */
  async getOrderbook(
    ticker: string,
    params: { depth?: number } = {},
    options?: RequestOptions,
  ): Promise<Orderbook> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/markets/${segment(ticker)}/orderbook`,
        query: { depth: params.depth },
        schema: orderbookResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.orderbook_fp;
  }

  /** `GET /markets/trades`: public trades, newest first. */
  listTrades(params: ListTradesParams = {}, options?: ListOptions): PagePromise<Trade> {
    return listEndpoint(
      this.transport,
      { path: '/markets/trades', query: { ...params }, schema: tradesPageSchema, items: (r) => r.trades },
      options,
    );
  }

  /** `GET /series/{series_ticker}/markets/{ticker}/candlesticks`. */
  async getCandlesticks(
    seriesTicker: string,
    ticker: string,
    params: GetCandlesticksParams,
    options?: RequestOptions,
  ): Promise<Candlestick[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/series/${segment(seriesTicker)}/markets/${segment(ticker)}/candlesticks`,
        query: { ...params },
        schema: candlesticksResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.candlesticks;
  }

  /** `GET /markets/orderbooks`: the books of several markets in one call (tickers comma-joined). */
  async getOrderbooks(tickers: readonly string[], options?: RequestOptions): Promise<MarketOrderbook[]> {
    if (tickers.length === 0) throw new KalshiInvalidParamsError('getOrderbooks needs at least one ticker');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/markets/orderbooks',
        query: { tickers },
        schema: orderbooksResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.orderbooks;
  }

  /** `GET /markets/candlesticks`: candlesticks of several markets in one call. */
  async getCandlesticksBatch(
    params: {
      market_tickers: readonly string[];
      start_ts: Timestamp;
      end_ts: Timestamp;
      /** Minutes per candlestick: 1, 60 or 1440. */
      period_interval: number;
      include_latest_before_start?: boolean;
    },
    options?: RequestOptions,
  ): Promise<MarketCandlesticks[]> {
    if (params.market_tickers.length === 0)
      throw new KalshiInvalidParamsError('getCandlesticksBatch needs at least one ticker');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/markets/candlesticks',
        query: { ...params },
        schema: batchCandlesticksResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.markets;
  }
}
