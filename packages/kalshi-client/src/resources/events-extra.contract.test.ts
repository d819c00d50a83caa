import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();
const EVENT = 'KXNFLGAME-26NOV29KCDEN';

describe('events: metadata, multivariate, candlesticks, forecasts', () => {
  contract('getEventMetadata', 'reads images, colours and settlement sources', async () => {
    route('get', `/events/${EVENT}/metadata`, {
      image_url: 'https://kalshi.example/kcden.png',
      market_details: [
        { market_ticker: `${EVENT}-KC`, image_url: 'https://kalshi.example/kc.png', color_code: '#E31837' },
      ],
      settlement_sources: [{ name: 'NFL', url: 'https://nfl.com' }],
      competition: 'NFL',
    });
    const metadata = await client().events.getMetadata(EVENT);
    expect(metadata.market_details[0]?.color_code).toBe('#E31837');
    expect(metadata.settlement_sources).toEqual([{ name: 'NFL', url: 'https://nfl.com' }]);
  });

  contract('getMultivariateEvents', 'lists multivariate events and refuses a limit over 200', async () => {
    const seen = route('get', '/events/multivariate', {
      events: [{ event_ticker: 'KXMVENFL-1', series_ticker: 'KXMVENFL', title: 'Parlay', sub_title: '' }],
      cursor: '',
    });
    const page = await client().events.listMultivariate({ collection_ticker: 'KXMVENFL', limit: 5 });
    expect(seen[0]?.query.toString()).toBe('collection_ticker=KXMVENFL&limit=5');
    expect(page.items.map((e) => e.event_ticker)).toEqual(['KXMVENFL-1']);
    await expect(client().events.listMultivariate({ limit: 201 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
  });

  contract('getMarketCandlesticksByEvent', 'pairs each market with its candlesticks', async () => {
    const seen = route('get', `/series/KXNFLGAME/events/${EVENT}/candlesticks`, {
      market_tickers: [`${EVENT}-KC`, `${EVENT}-DEN`],
      market_candlesticks: [[{ end_period_ts: 1781161200, volume_fp: '3.00' }], []],
      adjusted_end_ts: 1781161200,
    });
    const result = await client().events.getCandlesticks('KXNFLGAME', EVENT, {
      start_ts: 1781157600,
      end_ts: 1781161200,
      period_interval: 60,
    });
    expect(seen[0]?.query.toString()).toBe('start_ts=1781157600&end_ts=1781161200&period_interval=60');
    expect(result.markets.map((m) => [m.market_ticker, m.candlesticks.length])).toEqual([
      [`${EVENT}-KC`, 1],
      [`${EVENT}-DEN`, 0],
    ]);
    expect(result.markets[0]?.candlesticks[0]?.volume_fp?.toFixed(2)).toBe('3.00');
    expect(result.adjusted_end_ts).toEqual(new Date(1781161200 * 1000));
  });

  contract(
    'getEventForecastPercentilesHistory',
    'reads forecasts as Decimals, percentiles comma-joined',
    async () => {
      const seen = route('get', '/series/KXHIGHNY/events/KXHIGHNY-26NOV29/forecast_percentile_history', {
        forecast_history: [
          {
            event_ticker: 'KXHIGHNY-26NOV29',
            end_period_ts: 1781161200,
            period_interval: 60,
            percentile_points: [
              {
                percentile: 5000,
                raw_numerical_forecast: 47.3,
                numerical_forecast: 47.3,
                formatted_forecast: '47.3°',
              },
            ],
          },
        ],
      });
      const history = await client().events.getForecastHistory('KXHIGHNY', 'KXHIGHNY-26NOV29', {
        percentiles: [2500, 5000],
        start_ts: 1781157600,
        end_ts: 1781161200,
        period_interval: 60,
      });
      expect(seen[0]?.query.get('percentiles')).toBe('2500,5000');
      expect(history[0]?.percentile_points[0]?.numerical_forecast?.toString()).toBe('47.3');
    },
  );
});

describe('account usage level', () => {
  contract(
    'getAccountApiUsageLevelVolumeProgress',
    'reads trailing volume and goals as Decimals',
    async () => {
      route('get', '/account/api_usage_level/volume_progress', {
        volume_progress: [
          {
            computed_ts: 1781161200,
            trailing_30d_volume_fp: '1520.00',
            goals: [{ level: 'advanced', earn_volume_goal_fp: '10000.00', keep_volume_goal_fp: '5000.00' }],
          },
        ],
      });
      const [progress] = await client().account.getVolumeProgress();
      expect(progress?.trailing_30d_volume_fp?.toFixed(2)).toBe('1520.00');
      expect(progress?.goals[0]?.earn_volume_goal_fp?.toFixed(2)).toBe('10000.00');
    },
  );

  contract('upgradeAccountApiUsageLevel', 'POSTs with no body', async () => {
    const seen = route('post', '/account/api_usage_level/upgrade', undefined, 204);
    await client().account.upgradeUsageLevel();
    expect(seen[0]?.body).toBeUndefined();
  });
});
