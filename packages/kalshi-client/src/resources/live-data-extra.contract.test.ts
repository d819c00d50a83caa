import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();
const GAME = 'b2f1c0de-5a4e-4f7e-9f64-0c9a0f3e2a11';

describe('event live data and game stats', () => {
  contract('getEventLiveData', 'reads event-keyed live data with its chart ranges', async () => {
    const seen = route('get', '/live_data/events/KXBTCD-26DEC0617', {
      live_data: {
        type: 'crypto_price',
        details: { price: '97012.55', series: [[1796515200000, '97000.00']] },
        is_historical: false,
        default_range: '1h',
        range_options: ['15min', '1h', '1d'],
      },
    });
    const live = await client().liveData.getByEvent('KXBTCD-26DEC0617', { range: '15min' });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.query.toString()).toBe('range=15min');
    expect(live).toEqual({
      type: 'crypto_price',
      details: { price: '97012.55', series: [[1796515200000, '97000.00']] },
      is_historical: false,
      default_range: '1h',
      range_options: ['15min', '1h', '1d'],
    });
    await expect(client().liveData.getByEvent(' ')).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });

  contract('getGameStats', 'reads the play-by-play by period', async () => {
    const seen = route('get', `/live_data/milestone/${GAME}/game_stats`, {
      pbp: {
        periods: [{ events: [{ type: 'touchdown', clock: '08:12', team: 'DEN' }] }, { events: null }],
      },
    });
    expect(await client().liveData.getGameStats(GAME)).toEqual({
      periods: [{ events: [{ type: 'touchdown', clock: '08:12', team: 'DEN' }] }, { events: [] }],
    });
    expect(seen[0]?.path).toBe(`/trade-api/v2/live_data/milestone/${GAME}/game_stats`);
  });

  contract('getGameStats', 'reads a null answer (unsupported milestone) as undefined', async () => {
    route('get', `/live_data/milestone/${GAME}/game_stats`, null);
    expect(await client().liveData.getGameStats(GAME)).toBeUndefined();
    route('get', `/live_data/milestone/${GAME}/game_stats`, { pbp: null });
    expect(await client().liveData.getGameStats(GAME)).toBeUndefined();
  });
});

describe('weather index', () => {
  contract('getWeatherIndex', 'reads minute points, times as Dates, values exact', async () => {
    const seen = route('get', '/live_data/weather/miami', {
      city: 'miami',
      config_version: 'miami-temperature-v1.0',
      units: 'fahrenheit',
      timeseries: [
        {
          t: 1796515200000,
          v: 84.31,
          status: 'normal',
          contributors: 3,
          stations: [
            {
              station_id: 'KMIA1M',
              code: 'ok',
              source: 'hf_asos',
              temp_f: 84.274,
              received_at_ms: 1796515261000,
            },
            { station_id: 'KTMB1M', code: 'missing' },
          ],
        },
        { t: 1796515260000, status: 'incomplete' },
      ],
    });
    const index = await client().liveData.getWeatherIndex('miami', {
      from: new Date(1796515200000),
      to: 1796515260000,
      detailed: true,
    });
    expect(seen[0]?.query.toString()).toBe('from=1796515200000&to=1796515260000&detailed=true');
    expect(index).toEqual({
      city: 'miami',
      config_version: 'miami-temperature-v1.0',
      units: 'fahrenheit',
      timeseries: [
        {
          t: new Date(1796515200000),
          v: new Decimal('84.31'),
          status: 'normal',
          contributors: 3,
          receipt_basis: undefined,
          stations: [
            {
              station_id: 'KMIA1M',
              code: 'ok',
              source: 'hf_asos',
              temp_f: new Decimal('84.274'),
              obs_time_ms: undefined,
              received_at_ms: new Date(1796515261000),
              primary_code: undefined,
            },
            {
              station_id: 'KTMB1M',
              code: 'missing',
              source: undefined,
              temp_f: undefined,
              obs_time_ms: undefined,
              received_at_ms: undefined,
              primary_code: undefined,
            },
          ],
        },
        {
          t: new Date(1796515260000),
          v: undefined,
          status: 'incomplete',
          contributors: undefined,
          receipt_basis: undefined,
          stations: [],
        },
      ],
    });
    expect(index.timeseries[0]?.v?.toFixed(2)).toBe('84.31');
  });

  contract('getWeatherIndex', 'sends a trailing window; refuses a window Kalshi would', async () => {
    const seen = route('get', '/live_data/weather/miami', {
      city: 'miami',
      units: 'fahrenheit',
      timeseries: [],
    });
    expect((await client().liveData.getWeatherIndex('miami', { last_sec: 3600 })).timeseries).toEqual([]);
    expect(seen[0]?.query.toString()).toBe('last_sec=3600');
    const weather = client().liveData;
    await expect(weather.getWeatherIndex('miami', { last_sec: 60, to: 1 })).rejects.toThrow(
      'getWeatherIndex: last_sec excludes from and to',
    );
    await expect(weather.getWeatherIndex('miami', { from: 1796515200000 })).rejects.toThrow(
      'getWeatherIndex: from needs to',
    );
    await expect(weather.getWeatherIndex('miami', { from: 2, to: 1 })).rejects.toThrow(
      'getWeatherIndex: from is after to',
    );
    await expect(weather.getWeatherIndex('miami', { last_sec: 1.5 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(1);
  });

  contract('getWeatherIndexCalibrations', 'reads the configuration timeline, Celsius exact', async () => {
    const seen = route('get', '/live_data/weather/miami/calibrations', {
      city: 'miami',
      units: 'celsius',
      calibrations: [
        {
          config_version: 'miami-temperature-v1.0',
          effective_at_ms: 1788220800000,
          city_reference_c: 0,
          stations: [{ station_id: 'KMIA1M', weight: 0.5, offset_c: 0 }],
        },
        {
          config_version: 'miami-temperature-v1.0-cal-20260907',
          published_at_ms: 1788825600000,
          effective_at_ms: 1788829200000,
          change_reason: 'weekly calibration',
          calibration_window_start_ms: 1788220800000,
          calibration_window_end_ms: 1788825600000,
          city_reference_c: 0.035,
          stations: [{ station_id: 'KMIA1M', weight: 0.5, offset_c: -0.12, update_note: 'updated n=9800' }],
        },
      ],
    });
    const timeline = await client().liveData.getWeatherCalibrations('miami');
    expect(seen[0]?.method).toBe('GET');
    expect(timeline.city).toBe('miami');
    expect(timeline.units).toBe('celsius');
    expect(timeline.calibrations[1]).toEqual({
      config_version: 'miami-temperature-v1.0-cal-20260907',
      published_at_ms: new Date(1788825600000),
      effective_at_ms: new Date(1788829200000),
      change_reason: 'weekly calibration',
      calibration_window_start_ms: new Date(1788220800000),
      calibration_window_end_ms: new Date(1788825600000),
      city_reference_c: new Decimal('0.035'),
      stations: [
        {
          station_id: 'KMIA1M',
          weight: new Decimal('0.5'),
          offset_c: new Decimal('-0.12'),
          update_note: 'updated n=9800',
        },
      ],
    });
    expect(timeline.calibrations[0]?.published_at_ms).toBeUndefined();
    expect(timeline.calibrations[0]?.effective_at_ms).toEqual(new Date(1788220800000));
  });
});
