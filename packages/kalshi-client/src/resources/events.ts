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
import {
  type EventCandlesticks,
  type EventMetadata,
  eventCandlesticksSchema,
  eventMetadataSchema,
  type ForecastPoint,
  forecastHistorySchema,
} from '../schemas/event-extra';
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

  /** `GET /events/{event_ticker}/metadata`: images, colours and settlement sources. */
  getMetadata(eventTicker: string, options?: RequestOptions): Promise<EventMetadata> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/events/${segment(eventTicker)}/metadata`,
        schema: eventMetadataSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /** `GET /events/multivariate`: events of multivariate collections (page size up to 200), validated item by item. */
  listMultivariate(
    params: {
      limit?: number;
      cursor?: string;
      series_ticker?: string;
      collection_ticker?: string;
      with_nested_markets?: boolean;
    } = {},
    options?: ListOptions,
  ): PagePromise<KalshiEvent> {
    return listEndpoint(
      this.transport,
      {
        path: '/events/multivariate',
        query: { ...params },
        schema: eventsPageSchema,
        items: (r) => r.events,
      },
      options,
    );
  }

  /** `GET /series/{series_ticker}/events/{ticker}/candlesticks`: candlesticks of every market of the event. */
  getCandlesticks(
    seriesTicker: string,
    eventTicker: string,
    params: { start_ts: Timestamp; end_ts: Timestamp; period_interval: number },
    options?: RequestOptions,
  ): Promise<EventCandlesticks> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/series/${segment(seriesTicker)}/events/${segment(eventTicker)}/candlesticks`,
        query: { ...params },
        schema: eventCandlesticksSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `GET /series/{series_ticker}/events/{ticker}/forecast_percentile_history`: the forecast at
   * some percentiles (0–9999, at most 10, comma-joined) over time.
   */
  async getForecastHistory(
    seriesTicker: string,
    eventTicker: string,
    params: {
      percentiles: readonly number[];
      start_ts: Timestamp;
      end_ts: Timestamp;
      period_interval: number;
    },
    options?: RequestOptions,
  ): Promise<ForecastPoint[]> {
    const { percentiles, ...rest } = params;
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/series/${segment(seriesTicker)}/events/${segment(eventTicker)}/forecast_percentile_history`,
        query: { percentiles: percentiles.map(String), ...rest },
        schema: forecastHistorySchema,
        retry: 'safe',
      },
      options,
    );
    return response.forecast_history;
  }
}
