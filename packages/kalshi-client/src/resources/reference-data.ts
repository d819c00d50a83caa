import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type FiltersBySport,
  filtersBySportSchema,
  type IncentiveProgram,
  incentiveProgramsPageSchema,
  type StructuredTarget,
  structuredTargetResponseSchema,
  structuredTargetsPageSchema,
  tagsByCategoriesSchema,
} from '../schemas/reference-data';

/** `client.search`: the filters and tags Kalshi's own search offers. */
export class SearchResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /search/filters_by_sport`: filters per sport, and the order to show sports in. */
  getFiltersBySport(options?: RequestOptions): Promise<FiltersBySport> {
    return this.transport.request(
      { method: 'GET', path: '/search/filters_by_sport', schema: filtersBySportSchema, retry: 'safe' },
      options,
    );
  }

  /** `GET /search/tags_by_categories`: series tags grouped by category. */
  async getTagsByCategories(options?: RequestOptions): Promise<Record<string, string[]>> {
    const response = await this.transport.request(
      { method: 'GET', path: '/search/tags_by_categories', schema: tagsByCategoriesSchema, retry: 'safe' },
      options,
    );
    return response.tags_by_categories;
  }
}

/** Filters of `GET /structured_targets`. */
export interface ListStructuredTargetsParams {
  ids?: readonly string[];
  type?: string;
  competition?: string;
  /** Page size, 1–2000 (Kalshi's default 100). */
  page_size?: number;
  cursor?: string;
}

/** `client.structuredTargets`: the teams, players and places markets are about. */
export class StructuredTargetsResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /structured_targets`: await for one page, or `for await` over all. */
  list(params: ListStructuredTargetsParams = {}, options?: ListOptions): PagePromise<StructuredTarget> {
    const { onPage, ...requestOptions } = options ?? {};
    const size = params.page_size;
    return new PagePromise(
      async (cursor) => {
        if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 2000)) {
          throw new KalshiInvalidParamsError(`page_size must be an integer from 1 to 2000, got ${size}`);
        }
        const response = await this.transport.request(
          {
            method: 'GET',
            path: '/structured_targets',
            query: { ...params, cursor: cursor ?? params.cursor },
            schema: structuredTargetsPageSchema,
            retry: 'safe',
          },
          requestOptions,
        );
        return { items: response.structured_targets, cursor: response.cursor, response };
      },
      { path: `${this.transport.pathPrefix}/structured_targets`, ...(onPage ? { onPage } : {}) },
    );
  }

  /** `GET /structured_targets/{id}`; undefined when the answer carries none. */
  async get(structuredTargetId: string, options?: RequestOptions): Promise<StructuredTarget | undefined> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/structured_targets/${segment(structuredTargetId)}`,
        schema: structuredTargetResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.structured_target;
  }
}

/** Filters of `GET /incentive_programs`. */
export interface ListIncentiveProgramsParams {
  /** `all` (default), `active`, `upcoming`, `closed`, `paid_out`. */
  status?: string;
  /** `all` (default), `liquidity`, `volume`. */
  type?: string;
  incentive_description?: string;
  /** Page size, 1–10000. */
  limit?: number;
  cursor?: string;
}

/** `client.incentivePrograms`: rewards Kalshi pays for liquidity or volume on markets. */
export class IncentiveProgramsResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /incentive_programs` (its `next_cursor` read as the cursor): await for one page, or `for await`. */
  list(params: ListIncentiveProgramsParams = {}, options?: ListOptions): PagePromise<IncentiveProgram> {
    return listEndpoint(
      this.transport,
      {
        path: '/incentive_programs',
        query: { ...params },
        schema: incentiveProgramsPageSchema,
        items: (r) => r.incentive_programs,
      },
      options,
    );
  }
}
