import { z } from 'zod';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { parseParams } from '../internal/params';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type CreateMultivariateMarketResult,
  createMultivariateMarketResultSchema,
  type MultivariateCollection,
  multivariateCollectionResponseSchema,
  multivariateCollectionsPageSchema,
} from '../schemas/multivariate';

/** Filters of `GET /multivariate_event_collections`. */
export interface ListMultivariateCollectionsParams {
  status?: 'unopened' | 'open' | 'closed';
  /** Only collections drawing on this event. */
  associated_event_ticker?: string;
  series_ticker?: string;
  /** Page size, 1–200. */
  limit?: number;
  cursor?: string;
}

/** One leg of a combo: a market of one of the collection's events, and its side. */
export interface MultivariateLeg {
  market_ticker: string;
  event_ticker: string;
  side: 'yes' | 'no';
}

/** Body of `POST /multivariate_event_collections/{collection_ticker}`. */
export interface CreateMultivariateMarketParams {
  /** The legs that determine the market (order matters only in ordered collections). */
  selected_markets: readonly MultivariateLeg[];
  /** Also return the market itself (`result.market`). */
  with_market_payload?: boolean;
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const createMarketBody = z.object({
  selected_markets: z
    .array(z.object({ market_ticker: nonEmpty, event_ticker: nonEmpty, side: z.enum(['yes', 'no']) }))
    .min(1, 'needs at least one market'),
  with_market_payload: z.boolean().optional(),
});

/** `client.multivariate`: multivariate event collections (combos) and the markets made from them. */
export class MultivariateResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /multivariate_event_collections`: await for one page, or `for await` over all. */
  list(
    params: ListMultivariateCollectionsParams = {},
    options?: ListOptions,
  ): PagePromise<MultivariateCollection> {
    return listEndpoint(
      this.transport,
      {
        path: '/multivariate_event_collections',
        query: { ...params },
        schema: multivariateCollectionsPageSchema,
        items: (r) => r.multivariate_contracts,
      },
      options,
    );
  }

  /** `GET /multivariate_event_collections/{collection_ticker}`. */
  async get(collectionTicker: string, options?: RequestOptions): Promise<MultivariateCollection> {
    if (collectionTicker.trim() === '')
      throw new KalshiInvalidParamsError('multivariate.get needs a collection ticker');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/multivariate_event_collections/${segment(collectionTicker)}`,
        schema: multivariateCollectionResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.multivariate_contract;
  }

  /**
   * `POST /multivariate_event_collections/{collection_ticker}`: creates (or finds) the market of
   * these legs; needed once before trading or looking it up. Kalshi allows 5000 creations a
   * week. Not retried.
   */
  async createMarket(
    collectionTicker: string,
    params: CreateMultivariateMarketParams,
    options?: RequestOptions,
  ): Promise<CreateMultivariateMarketResult> {
    if (collectionTicker.trim() === '')
      throw new KalshiInvalidParamsError('multivariate.createMarket needs a collection ticker');
    const body = parseParams('multivariate.createMarket', createMarketBody, params);
    return this.transport.request(
      {
        method: 'POST',
        path: `/multivariate_event_collections/${segment(collectionTicker)}`,
        body,
        schema: createMultivariateMarketResultSchema,
        retry: 'unsafe',
      },
      options,
    );
  }
}
