import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type HistoricalCandlestick,
  type HistoricalCutoff,
  historicalCandlesticksResponseSchema,
  historicalCutoffSchema,
} from '../schemas/historical';
import {
  type Market,
  marketResponseSchema,
  marketsPageSchema,
  type Trade,
  tradesPageSchema,
} from '../schemas/market';
import { type Order, ordersPageSchema } from '../schemas/order';
import {
  type Fill,
  fillsPageSchema,
  type MarketPosition,
  type PositionsResponse,
  positionsPageSchema,
} from '../schemas/portfolio';
import type { Timestamp } from './markets';

/** Filters of `GET /historical/fills`. */
export interface GetHistoricalFillsParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  ticker?: string;
  /** Only fills at or after this time. */
  min_ts?: Timestamp;
  /** Only fills before this time. */
  max_ts?: Timestamp;
}

/** Filters of `GET /historical/orders`. */
export interface GetHistoricalOrdersParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
}

/** Filters of `GET /historical/positions` (settled positions archived from the live set). */
export interface GetHistoricalPositionsParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  ticker?: string;
  event_ticker?: string;
  /** 0 is the primary account (Kalshi's default), 1–63 numbered subaccounts. */
  subaccount?: number;
}

/** Filters of `GET /historical/markets` (Kalshi treats them as mutually exclusive). */
export interface GetHistoricalMarketsParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  /** Only these market tickers. */
  tickers?: readonly string[];
  event_ticker?: string;
  series_ticker?: string;
  /** `exclude` leaves out multivariate (combo) markets; by default they are included. */
  mve_filter?: 'exclude';
}

/** Range of `GET /historical/markets/{ticker}/candlesticks`. */
export interface GetHistoricalCandlesticksParams {
  /** Candles ending at or after this time. */
  start_ts: Timestamp;
  /** Candles ending at or before this time. */
  end_ts: Timestamp;
  /** Minutes per candle: 1, 60 or 1440. */
  period_interval: 1 | 60 | 1440;
}

/** Filters of `GET /historical/trades`. */
export interface GetHistoricalTradesParams {
  /** Page size, 1–1000 (Kalshi's default 100). */
  limit?: number;
  cursor?: string;
  ticker?: string;
  min_ts?: Timestamp;
  max_ts?: Timestamp;
  /** `true` only block trades, `false` none; omitted, both. */
  is_block_trade?: boolean;
}

/**
 * `client.historical`: the archive behind `GET /historical/cutoff`. Fills, orders, settled
 * positions and settled markets older than the cutoff are only here, not in the live endpoints;
 * a complete read takes both sides (see `@precog/managers`' sync, which does).
 */
export class HistoricalResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /historical/cutoff`: the four boundaries between live and historical data. */
  getCutoff(options?: RequestOptions): Promise<HistoricalCutoff> {
    return this.transport.request(
      { method: 'GET', path: '/historical/cutoff', schema: historicalCutoffSchema, retry: 'safe' },
      options,
    );
  }

  /** `GET /historical/fills`: the account's fills from before `trades_created_ts`. */
  getFills(params: GetHistoricalFillsParams = {}, options?: ListOptions): PagePromise<Fill> {
    return listEndpoint(
      this.transport,
      { path: '/historical/fills', query: { ...params }, schema: fillsPageSchema, items: (r) => r.fills },
      options,
    );
  }

  /** `GET /historical/orders`: orders canceled or fully executed before `orders_updated_ts`. */
  getOrders(params: GetHistoricalOrdersParams = {}, options?: ListOptions): PagePromise<Order> {
    return listEndpoint(
      this.transport,
      { path: '/historical/orders', query: { ...params }, schema: ordersPageSchema, items: (r) => r.orders },
      options,
    );
  }

  /** `GET /historical/positions`: settled positions archived before `market_positions_last_updated_ts`. */
  getPositions(
    params: GetHistoricalPositionsParams = {},
    options?: ListOptions,
  ): PagePromise<MarketPosition, PositionsResponse> {
    return listEndpoint(
      this.transport,
      {
        path: '/historical/positions',
        query: { ...params },
        schema: positionsPageSchema,
        items: (r) => r.market_positions,
      },
      options,
    );
  }

  /** `GET /historical/markets`: markets settled before `market_settled_ts`. */
  getMarkets(params: GetHistoricalMarketsParams = {}, options?: ListOptions): PagePromise<Market> {
    return listEndpoint(
      this.transport,
      {
        path: '/historical/markets',
        query: { ...params },
        schema: marketsPageSchema,
        items: (r) => r.markets,
      },
      options,
    );
  }

  /** `GET /historical/markets/{ticker}`; a ticker the archive does not hold throws `KalshiMarketNotFoundError`. */
  async getMarket(ticker: string, options?: RequestOptions): Promise<Market> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/historical/markets/${segment(ticker)}`,
        schema: marketResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.market;
  }

  /** `GET /historical/markets/{ticker}/candlesticks`: candles of an archived market. */
  async getMarketCandlesticks(
    ticker: string,
    params: GetHistoricalCandlesticksParams,
    options?: RequestOptions,
  ): Promise<HistoricalCandlestick[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/historical/markets/${segment(ticker)}/candlesticks`,
        query: { ...params },
        schema: historicalCandlesticksResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.candlesticks;
  }

  /** `GET /historical/trades`: public trades from before the cutoff, newest first. */
  getTrades(params: GetHistoricalTradesParams = {}, options?: ListOptions): PagePromise<Trade> {
    return listEndpoint(
      this.transport,
      { path: '/historical/trades', query: { ...params }, schema: tradesPageSchema, items: (r) => r.trades },
      options,
    );
  }
}
