import { KalshiInvalidParamsError } from '../core/errors';
import type { RequestOptions } from '../core/request-options';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import { type LiveData, liveDataResponseSchema, liveDatasResponseSchema } from '../schemas/live-data';

/** `client.liveData`: live game state (score, clock, ...) of milestones. */
export class LiveDataResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /live_data/milestone/{milestone_id}`. */
  async getByMilestone(
    milestoneId: string,
    params: { include_player_stats?: boolean } = {},
    options?: RequestOptions,
  ): Promise<LiveData> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/live_data/milestone/${segment(milestoneId)}`,
        query: { ...params },
        schema: liveDataResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.live_data;
  }

  /** `GET /live_data/{type}/milestone/{milestone_id}` (the older form naming the type). */
  async get(
    type: string,
    milestoneId: string,
    params: { include_player_stats?: boolean } = {},
    options?: RequestOptions,
  ): Promise<LiveData> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/live_data/${segment(type)}/milestone/${segment(milestoneId)}`,
        query: { ...params },
        schema: liveDataResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.live_data;
  }

  /** `GET /live_data/batch`: the live data of several milestones in one call (ids comma-joined). */
  async getBatch(
    milestoneIds: readonly string[],
    params: { include_player_stats?: boolean } = {},
    options?: RequestOptions,
  ): Promise<LiveData[]> {
    if (milestoneIds.length === 0)
      throw new KalshiInvalidParamsError('getBatch needs at least one milestone id');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/live_data/batch',
        query: { milestone_ids: milestoneIds, ...params },
        schema: liveDatasResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.live_datas;
  }
}
