import { describe, expect, it } from 'vitest';
import { d } from '../__fixtures__/builders';
import { DEFAULT_EXIT_CONFIG } from '../exits/rules';
import {
  circuitBreakerConfigSchema,
  decimalSchema,
  exitConfigSchema,
  minEdgeConfigSchema,
  sizingConfigSchema,
  trailingStopConfigSchema,
} from './schemas';

describe('decimalSchema', () => {
  it('reads strings exactly and numbers through their shortest text', () => {
    expect(decimalSchema.parse('0.1000').toString()).toBe('0.1');
    expect(decimalSchema.parse(0.07).toString()).toBe('0.07');
    expect(decimalSchema.safeParse('1e-3').success).toBe(false);
    expect(decimalSchema.safeParse(Number.NaN).success).toBe(false);
  });
});

describe('trailingStopConfigSchema', () => {
  it('parses a stored config into Decimals', () => {
    const c = trailingStopConfigSchema.parse({
      activationThreshold: '0.10',
      distance: { kind: 'percent', value: '0.05' },
      tightening: { rate: '0.01', every: '0.05', floor: '0.02' },
    });
    expect(c).toEqual({
      activationThreshold: d('0.10'),
      distance: { kind: 'percent', value: d('0.05') },
      tightening: { rate: d('0.01'), every: d('0.05'), floor: d('0.02') },
    });
    expect(
      trailingStopConfigSchema.parse({ activationThreshold: 0, distance: { kind: 'ticks', value: 3 } })
        .tightening,
    ).toBeNull();
  });
  it('refuses an invalid config with the rule that failed', () => {
    const r = trailingStopConfigSchema.safeParse({
      activationThreshold: '0.1',
      distance: { kind: 'percent', value: '1.5' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('trailing distance (percent) must be in (0, 1), got 1.5');
    expect(
      trailingStopConfigSchema.safeParse({
        activationThreshold: '0.1',
        distance: { kind: 'ticks', value: 0 },
      }).success,
    ).toBe(false);
  });
});

describe('exitConfigSchema', () => {
  it('fills absent rules from the defaults and turns null rules off', () => {
    const c = exitConfigSchema.parse({
      stopLossPct: null,
      profitTargetPct: '0.5',
      partialExits: [{ name: 'first_target', profitThreshold: '0.15', exitFraction: '0.5' }],
    });
    expect(c).toEqual({
      ...DEFAULT_EXIT_CONFIG,
      stopLossPct: null,
      profitTargetPct: d('0.5'),
      partialExits: [{ name: 'first_target', profitThreshold: d('0.15'), exitFraction: d('0.5') }],
    });
    expect(exitConfigSchema.parse({})).toEqual(DEFAULT_EXIT_CONFIG);
  });
  it('refuses unknown keys and out-of-range values', () => {
    expect(exitConfigSchema.safeParse({ stopLoss: '0.1' }).success).toBe(false);
    expect(exitConfigSchema.safeParse({ stopLossPct: '1.5' }).success).toBe(false);
    expect(exitConfigSchema.safeParse({ urgentBeforeCloseMs: -1 }).success).toBe(false);
  });
});

describe('sizing, min-edge and breaker schemas', () => {
  it('parse stored configs', () => {
    expect(sizingConfigSchema.parse({ kellyFraction: '0.25', maxContracts: null })).toEqual({
      kellyFraction: d('0.25'),
      maxContracts: null,
    });
    expect(sizingConfigSchema.safeParse({ kellyFraction: '1.5' }).success).toBe(false);
    expect(minEdgeConfigSchema.parse({ global: '0.05', byLeague: { nfl: 0.06 } })).toEqual({
      global: d('0.05'),
      byLeague: { nfl: d('0.06') },
    });
    const b = circuitBreakerConfigSchema.parse({ dailyLossLimit: '250' });
    expect([b.dailyLossLimit.toString(), b.maxConsecutiveLosses, b.apiErrorWindowMs]).toEqual([
      '250',
      5,
      300000,
    ]);
    expect(circuitBreakerConfigSchema.safeParse({ maxConsecutiveLosses: 0 }).success).toBe(false);
  });
});
