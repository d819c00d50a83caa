import type { RequestOptions } from '../core/request-options';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { type SeriesFeeChange, seriesFeeChangesResponseSchema } from '../schemas/fee-change';
import { type Series, seriesListResponseSchema, seriesResponseSchema } from '../schemas/series';
import type { Timestamp } from './markets';

/** Filters of `GET /series`. */
export interface ListSeriesParams {
  category?: string;
  /** Comma-joined by the client. */
  tags?: readonly string[];
  include_product_metadata?: boolean;
  include_volume?: boolean;
  min_updated_ts?: Timestamp;
}

/** `client.series`: series (templates of recurring events), with their fee settings. */
export class SeriesResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /series` (not paginated). */
  async list(params: ListSeriesParams = {}, options?: RequestOptions): Promise<Series[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/series',
        query: { ...params },
        schema: seriesListResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.series;
  }

  /**
   * `GET /series/fee_changes`: scheduled fee changes (future ones; past ones too with
   * `show_historical`). Feed them to `feeScheduleAt` to price an order at its time. Not paginated.
   */
  async getFeeChanges(
    params: { series_ticker?: string; show_historical?: boolean } = {},
    options?: RequestOptions,
  ): Promise<SeriesFeeChange[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/series/fee_changes',
        query: { ...params },
        schema: seriesFeeChangesResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.series_fee_change_arr;
  }

  /** `GET /series/{series_ticker}`. */
  async get(
    seriesTicker: string,
    params: { include_volume?: boolean } = {},
    options?: RequestOptions,
  ): Promise<Series> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/series/${segment(seriesTicker)}`,
        query: { ...params },
        schema: seriesResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.series;
  }
}
