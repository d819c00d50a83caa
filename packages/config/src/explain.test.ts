import { describe, expect, it } from 'vitest';
import { describeSource, explainConfig, loadConfig, type PrecogConfig } from './index';
import { tempDir } from './internal/__fixtures__/temp';

describe('explainConfig', () => {
  it('lists every value with its source, runtime settings first', () => {
    const cwd = tempDir({
      'config/markets.yaml': 'blacklist:\n  patterns: [".*TEST.*"]\n',
      '.env.demo': 'PRECOG_SYSTEM__LOGGING__LEVEL=debug\n',
    });
    const entries = explainConfig(
      loadConfig({
        cwd,
        runtimeEnv: { PRECOG_TRADING__EXECUTION__MAX_RETRIES: '4' },
        overrides: { env: 'demo' },
      }),
    );
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(entries.slice(0, 7).map((e) => e.path)).toEqual([
      'env',
      'databaseUrl',
      'kalshi.environment',
      'kalshi.baseUrl',
      'kalshi.websocketUrl',
      'kalshi.apiKeyId',
      'kalshi.privateKey',
    ]);
    expect(byPath.get('env')).toEqual({
      path: 'env',
      value: 'demo',
      source: { kind: 'override', label: 'override' },
      origin: 'override',
    });
    expect(byPath.get('databaseUrl')).toMatchObject({ value: '(not set)', origin: 'default' });
    expect(byPath.get('markets.blacklist.patterns')).toEqual({
      path: 'markets.blacklist.patterns',
      value: '[".*TEST.*"]',
      source: { kind: 'file', file: 'config/markets.yaml', line: 2 },
      origin: 'config/markets.yaml:2',
    });
    expect(byPath.get('system.logging.level')).toMatchObject({
      value: 'debug',
      origin: '.env.demo (PRECOG_SYSTEM__LOGGING__LEVEL)',
    });
    expect(byPath.get('trading.execution.max_retries')).toMatchObject({
      value: '4',
      origin: 'env PRECOG_TRADING__EXECUTION__MAX_RETRIES',
    });
    expect(byPath.get('trading.position_sizing.kelly.default_fraction')).toMatchObject({
      value: '0.25',
      source: { kind: 'default', file: 'defaults/trading.yaml', line: 28 },
    });
    expect(byPath.get('position_management.exit_rules.partial_exits.stages')?.value).toBe(
      '[{"name":"first_target","profit_threshold":"0.15","exit_percentage":50},{"name":"second_target","profit_threshold":"0.25","exit_percentage":25}]',
    );
  });

  it('refuses an object that loadConfig did not return', () => {
    expect(() => explainConfig({} as PrecogConfig)).toThrow(
      'explainConfig: pass a configuration returned by loadConfig',
    );
  });
});

describe('describeSource', () => {
  it.each([
    [{ kind: 'default' } as const, 'default'],
    [{ kind: 'file', file: 'config/a.yaml' } as const, 'config/a.yaml'],
    [{ kind: 'file', file: 'config/a.yaml', line: 3 } as const, 'config/a.yaml:3'],
    [{ kind: 'dotenv', file: '.env.prod', variable: 'X' } as const, '.env.prod (X)'],
    [{ kind: 'env', variable: 'X' } as const, 'env X'],
    [{ kind: 'override', label: 'flag' } as const, 'flag'],
  ])('%o reads %s', (source, text) => {
    expect(describeSource(source)).toBe(text);
  });
});
