import { describe, expect, it } from 'vitest';
import { d } from '../__fixtures__/builders';
import { TradingConfigError } from '../errors';
import { initTrailingStop, updateTrailingStop } from '../exits/trailing-stop';
import { initialRiskState, reduceRisk } from '../risk/circuit-breakers';
import { riskStateFromJson, riskStateToJson } from './risk-json';
import { trailingStopStateFromJson, trailingStopStateToJson } from './trailing-stop-json';

const T0 = Date.UTC(2026, 10, 25, 18, 0, 0);

describe('trailing stop JSON', () => {
  it('writes the reference shape with exact strings and reads it back', () => {
    const config = {
      activationThreshold: d('0.10'),
      distance: { kind: 'percent' as const, value: d('0.05') },
      tightening: { rate: d('0.01'), every: d('0.05'), floor: d('0.02') },
    };
    const armed = updateTrailingStop(initTrailingStop('0.60', config), {
      side: 'yes',
      bid: d('0.66'),
      now: T0,
    }).state;
    const json = trailingStopStateToJson(armed);
    expect(json).toEqual({
      active: true,
      activated_at: '2026-11-25T18:00:00.000Z',
      activation_price: '0.66',
      peak_price: '0.66',
      peak_timestamp: '2026-11-25T18:00:00.000Z',
      current_stop_price: '0.63',
      current_distance: '0.05',
      entry_price: '0.6',
      config_snapshot: {
        activation_threshold: '0.1',
        distance_kind: 'percent',
        initial_distance: '0.05',
        tightening_rate: '0.01',
        tightening_every: '0.05',
        floor_distance: '0.02',
      },
    });
    expect(trailingStopStateFromJson(JSON.parse(JSON.stringify(json)))).toEqual(armed);
  });
  it('round-trips an unarmed tick-distance stop', () => {
    const s = initTrailingStop('0.4', { activationThreshold: d('0'), distance: { kind: 'ticks', value: 2 } });
    expect(trailingStopStateFromJson(trailingStopStateToJson(s))).toEqual({
      ...s,
      config: { ...s.config, tightening: null },
    });
  });
  it('refuses a malformed state, naming the field', () => {
    const bad = {
      ...trailingStopStateToJson(
        initTrailingStop('0.4', { activationThreshold: d('0'), distance: { kind: 'ticks', value: 2 } }),
      ),
      entry_price: 0.4,
    };
    expect(() => trailingStopStateFromJson(bad)).toThrow(TradingConfigError);
    expect(() => trailingStopStateFromJson(bad)).toThrow(
      /^trailing_stop_state is not a stored trailing stop: entry_price: /,
    );
    expect(() => trailingStopStateFromJson(null)).toThrow(/: \(root\): /);
  });
});

describe('risk state JSON', () => {
  it('round-trips a tripped state', () => {
    let s = initialRiskState();
    s = reduceRisk(s, { type: 'trade_closed', at: T0, realizedPnl: d('-612.5') }).state;
    s = reduceRisk(s, { type: 'api_error', at: T0 + 1 }).state;
    const json = riskStateToJson(s);
    expect([json.dailyRealizedPnl, json.day, json.breakers.daily_loss.status, json.apiErrorTimes]).toEqual([
      '-612.5',
      '2026-11-25',
      'open',
      [T0 + 1],
    ]);
    expect(riskStateFromJson(JSON.parse(JSON.stringify(json)))).toEqual(s);
  });
  it('refuses a malformed state', () => {
    expect(() =>
      riskStateFromJson({ ...riskStateToJson(initialRiskState()), consecutiveLosses: -1 }),
    ).toThrow(/^risk state is not a stored breaker state: consecutiveLosses: /);
    expect(() => riskStateFromJson('x')).toThrow(TradingConfigError);
  });
});
