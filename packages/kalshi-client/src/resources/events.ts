import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';
import type { RequestOptions } from '../core/request-options';
import { listEndpoint } from '../internal/list-endpoint';
import { pagedEndpoint } from '../internal/paged';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type EventWithMarkets,
  eventResponseSchema,
  eventsPageSchema,
  type KalshiEvent,
} from '../schemas/event';
import { type EventFeeChange, eventFeeChangesPageSchema } from '../schemas/fee-change';
import type { Timestamp } from './markets';

/** Filters of `GET /events`. */
export interface ListEventsParams {
  /** Page size, 1–200 (Kalshi's default 200). */
  limit?: number;
  cursor?: string;
  with_nested_markets?: boolean;
  with_milestones?: boolean;
  status?: 'unopened' | 'open' | 'closed' | 'settled';
  series_ticker?: string;
  /** Only these event tickers. */
  tickers?: readonly string[];
  min_close_ts?: Timestamp;
  min_updated_ts?: Timestamp;
}

/** `client.events`: events (groups of markets). */
export class EventsResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /events`: await for one page, or `for await` over every event. */
  list(params: ListEventsParams = {}, options?: ListOptions): PagePromise<KalshiEvent> {
    return listEndpoint(
      this.transport,
      { path: '/events', query: { ...params }, schema: eventsPageSchema, items: (r) => r.events },
      options,
    );
  }

  /**
   * `GET /events/fee_changes`: scheduled overrides of events' fees (layered on the series' fees;
   * both overrides null clears one). Await for one page, or `for await` over all.
   */
  getFeeChanges(
    params: { event_ticker?: string; limit?: number; cursor?: string } = {},
    options?: ListOptions,
  ): PagePromise<EventFeeChange> {
    return pagedEndpoint(
      this.transport,
      {
        path: '/events/fee_changes',
        query: { ...params },
        schema: eventFeeChangesPageSchema,
        items: (r) => r.event_fee_changes,
      },
      options,
    );
  }

  /** `GET /events/{event_ticker}`: the event and its markets. */
  get(
    eventTicker: string,
    params: { with_nested_markets?: boolean } = {},
    options?: RequestOptions,
  ): Promise<EventWithMarkets> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/events/${segment(eventTicker)}`,
        query: { ...params },
        schema: eventResponseSchema,
        retry: 'safe',
      },
      options,
    );
  }
}
