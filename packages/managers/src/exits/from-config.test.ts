import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type PositionManagementConfig } from '@precog/config';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { TradingConfigError } from '../errors';
import { EXIT_EXECUTION } from './execution-plan';
import { exitRulesFromConfig } from './from-config';
import { DEFAULT_EXIT_CONFIG } from './rules';

/** The shipped YAML defaults, through loadConfig (an empty directory: no user file, no .env). */
function shippedDefaults(overrides: Record<string, unknown> = {}): PositionManagementConfig {
  const cwd = mkdtempSync(join(tmpdir(), 'precog-managers-'));
  return loadConfig({ cwd, runtimeEnv: {}, envFile: false, overrides: { position_management: overrides } })
    .position_management;
}

/** Decimals as strings, so two rule objects compare by value. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('exitRulesFromConfig', () => {
  it('makes exactly DEFAULT_EXIT_CONFIG and EXIT_EXECUTION of the shipped position_management.yaml', () => {
    const rules = exitRulesFromConfig(shippedDefaults());
    expect(plain(rules.exits)).toEqual(plain(DEFAULT_EXIT_CONFIG));
    // The staleness limit is trading.yaml's data_freshness, shared with the entry gates.
    const trading = loadConfig({
      cwd: mkdtempSync(join(tmpdir(), 'precog-managers-')),
      runtimeEnv: {},
      envFile: false,
    }).trading;
    expect(DEFAULT_EXIT_CONFIG.maxSnapshotAgeMs).toBe(trading.data_freshness.max_price_age_seconds * 1000);
    expect(rules.execution).toEqual(EXIT_EXECUTION);
    expect(plain(rules.trailingStop)).toEqual({
      activationThreshold: '0.1',
      distance: { kind: 'percent', value: '0.05' },
      tightening: { rate: '0.01', every: '0.05', floor: '0.02' },
    });
  });

  it('reads every exit rule from the section', () => {
    const rules = exitRulesFromConfig(
      shippedDefaults({
        liquidity: { max_spread: new Decimal('0.05'), min_volume: 0 },
        exit_rules: {
          stop_loss: { threshold: new Decimal('0.30') },
          profit_target: { enabled: true, medium_confidence: new Decimal('0.18') },
          trailing_stop: { enabled: false },
          early_exit: { enabled: false },
          time_based_urgent: { threshold_minutes: 2 },
          partial_exits: { enabled: true },
          negative_edge: { threshold: new Decimal('-0.03') },
          late_game_loss: { enabled: false },
        },
        exit_execution: { MEDIUM: { ticks_per_walk: 2 } },
      }),
      {
        confidence: 'medium',
        contractIncrement: new Decimal('0.01'),
        maxHoldMs: 3_600_000,
        maxSnapshotAgeMs: 30_000,
      },
    );
    expect(plain(rules.exits)).toEqual({
      stopLossPct: '0.3',
      profitTargetPct: '0.18',
      urgentBeforeCloseMs: 120_000,
      losingBeforeCloseMs: null,
      losingPnlPct: '0.2',
      maxHoldMs: 3_600_000,
      maxSpread: '0.05',
      minVolume: '0',
      partialExits: [
        { name: 'first_target', profitThreshold: '0.15', exitFraction: '0.5' },
        { name: 'second_target', profitThreshold: '0.25', exitFraction: '0.25' },
      ],
      contractIncrement: '0.01',
      earlyExitEdge: null,
      edgeDisappearedBelow: '-0.03',
      maxSnapshotAgeMs: 30_000,
    });
    expect(rules.trailingStop).toBeNull();
    expect(rules.execution.MEDIUM).toEqual({
      waitMs: 30_000,
      maxWalks: 5,
      ticksPerWalk: 2,
      thenMarket: false,
      marketAttempts: 0,
    });
  });

  it('turns off the rules whose section is disabled', () => {
    const rules = exitRulesFromConfig(
      shippedDefaults({
        exit_rules: { profit_target: { enabled: false }, negative_edge: { enabled: false } },
      }),
    );
    expect(rules.exits.profitTargetPct).toBeNull();
    expect(rules.exits.edgeDisappearedBelow).toBeNull();
  });

  it('refuses a retry strategy it cannot execute, naming the option', () => {
    const section = shippedDefaults({ exit_execution: { LOW: { retry_strategy: 'pray' } } });
    expect(() => exitRulesFromConfig(section)).toThrow(TradingConfigError);
    expect(() => exitRulesFromConfig(section)).toThrow(
      'retry_strategy must be one of immediate_market, walk_then_market, walk_price, walk_slowly, got pray',
    );
  });

  it('refuses an exit_priorities grouping other than the evaluator tiers', () => {
    const section = shippedDefaults({ exit_priorities: { CRITICAL: ['stop_loss'] } });
    let error: unknown;
    try {
      exitRulesFromConfig(section);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TradingConfigError);
    expect((error as TradingConfigError).option).toBe('position_management.exit_priorities.CRITICAL');
    expect((error as Error).message).toBe(
      "exit_priorities.CRITICAL must be [stop_loss, circuit_breaker] (the evaluator's tiers), got [stop_loss]",
    );
  });
});
