import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { type Milestone, milestoneResponseSchema, milestonesPageSchema } from '../schemas/live-data';
import type { Timestamp } from './markets';

/** Filters of `GET /milestones`. */
export interface ListMilestonesParams {
  /** Page size, 1–500. */
  limit?: number;
  cursor?: string;
  /** Only milestones starting at or after this date (RFC 3339 text, or a Date). */
  minimum_start_date?: Date | string;
  /** `Sports`, `Elections`, ... */
  category?: string;
  /** For example `NFL`. */
  competition?: string;
  /** The data source's id of the game. */
  source_id?: string;
  /** `football_game`, `basketball_game`, ... */
  type?: string;
  related_event_ticker?: string;
  min_updated_ts?: Timestamp;
}

/** `client.milestones`: games and other dated happenings markets are tied to. */
export class MilestonesResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /milestones`: await for one page, or `for await` over all; validated item by item. */
  list(params: ListMilestonesParams = {}, options?: ListOptions): PagePromise<Milestone> {
    const { minimum_start_date, ...rest } = params;
    const start = minimum_start_date instanceof Date ? minimum_start_date.toISOString() : minimum_start_date;
    return listEndpoint(
      this.transport,
      {
        path: '/milestones',
        query: { ...rest, minimum_start_date: start },
        schema: milestonesPageSchema,
        items: (r) => r.milestones,
      },
      options,
    );
  }

  /** `GET /milestones/{milestone_id}`. */
  async get(milestoneId: string, options?: RequestOptions): Promise<Milestone> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/milestones/${segment(milestoneId)}`,
        schema: milestoneResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.milestone;
  }
}
