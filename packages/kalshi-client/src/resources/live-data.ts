import { KalshiInvalidParamsError } from '../core/errors';
import type { RequestOptions } from '../core/request-options';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  type EventLiveData,
  eventLiveDataResponseSchema,
  gameStatsResponseSchema,
  type LiveData,
  liveDataResponseSchema,
  liveDatasResponseSchema,
  type PlayByPlay,
} from '../schemas/live-data';
import {
  type WeatherCalibrations,
  type WeatherIndex,
  weatherCalibrationsSchema,
  weatherIndexSchema,
} from '../schemas/weather';

/** Window of `GET /live_data/weather/{city}`: `from` with `to`, or `last_sec`, or neither (last 24 h). */
export interface GetWeatherIndexParams {
  /** Window start, inclusive: a Date or Unix milliseconds. Needs `to`. */
  from?: Date | number;
  /** Window end, inclusive: a Date or Unix milliseconds. Kalshi's default: now. */
  to?: Date | number;
  /** A trailing window of this many seconds up to now; not with `from`/`to`. */
  last_sec?: number;
  /** Adds every member station's reading and quality-control code to each point. */
  detailed?: boolean;
}

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

  /**
   * `GET /live_data/events/{event_ticker}`: event-keyed live data (crypto charts, commodity
   * series, weather observations); `range` (`15min`, `1h`, `1d`) narrows a chart when supported.
   */
  async getByEvent(
    eventTicker: string,
    params: { range?: string } = {},
    options?: RequestOptions,
  ): Promise<EventLiveData> {
    if (eventTicker.trim() === '') throw new KalshiInvalidParamsError('getByEvent needs an event ticker');
    const response = await this.transport.request(
      {
        method: 'GET',
        path: `/live_data/events/${segment(eventTicker)}`,
        query: { ...params },
        schema: eventLiveDataResponseSchema,
        retry: 'safe',
      },
      options,
    );
    return response.live_data;
  }

  /**
   * `GET /live_data/milestone/{milestone_id}/game_stats`: the play-by-play of a game, or
   * undefined when Kalshi has none for it (unsupported sport, no Sportradar id).
   */
  getGameStats(milestoneId: string, options?: RequestOptions): Promise<PlayByPlay | undefined> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/live_data/milestone/${segment(milestoneId)}/game_stats`,
        schema: gameStatsResponseSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `GET /live_data/weather/{city}`: the city temperature index behind hourly temperature
   * markets, one point per minute (a missing minute is a real gap), values exact Decimals (°F).
   */
  async getWeatherIndex(
    city: string,
    params: GetWeatherIndexParams = {},
    options?: RequestOptions,
  ): Promise<WeatherIndex> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/live_data/weather/${segment(city)}`,
        query: weatherWindow(params),
        schema: weatherIndexSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `GET /live_data/weather/{city}/calibrations`: every configuration record of the city's index
   * (launch, weekly offset calibrations, methodology updates), oldest first.
   */
  getWeatherCalibrations(city: string, options?: RequestOptions): Promise<WeatherCalibrations> {
    return this.transport.request(
      {
        method: 'GET',
        path: `/live_data/weather/${segment(city)}/calibrations`,
        schema: weatherCalibrationsSchema,
        retry: 'safe',
      },
      options,
    );
  }
}

/** The query of a weather window, times in Unix milliseconds; a window Kalshi would refuse throws. */
function weatherWindow(params: GetWeatherIndexParams) {
  const from = params.from === undefined ? undefined : millis('from', params.from);
  const to = params.to === undefined ? undefined : millis('to', params.to);
  const { last_sec: lastSec, detailed } = params;
  if (lastSec !== undefined) {
    if (from !== undefined || to !== undefined)
      throw new KalshiInvalidParamsError('getWeatherIndex: last_sec excludes from and to');
    if (!Number.isInteger(lastSec) || lastSec < 1)
      throw new KalshiInvalidParamsError(
        `getWeatherIndex: last_sec must be a positive integer, got ${lastSec}`,
      );
  }
  if (from !== undefined && to === undefined)
    throw new KalshiInvalidParamsError('getWeatherIndex: from needs to');
  if (from !== undefined && to !== undefined && from > to)
    throw new KalshiInvalidParamsError('getWeatherIndex: from is after to');
  return { from, to, last_sec: lastSec, detailed };
}

function millis(field: string, value: Date | number): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (!Number.isInteger(ms) || ms < 0)
    throw new KalshiInvalidParamsError(`getWeatherIndex: ${field} must be a Date or Unix milliseconds`);
  return ms;
}
