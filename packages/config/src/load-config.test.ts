import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ConfigFileNotFoundError,
  ConfigFileTooLargeError,
  ConfigSyntaxError,
  ConfigValidationError,
  explainConfig,
  loadConfig,
  MAX_CONFIG_FILE_BYTES,
  UnknownConfigKeyError,
} from './index';
import { recordingLogger, tempDir } from './internal/__fixtures__/temp';

const KEY = 'trading.account.daily_loss_limit_dollars';
const VAR = 'PRECOG_TRADING__ACCOUNT__DAILY_LOSS_LIMIT_DOLLARS';

function originOf(config: ReturnType<typeof loadConfig>, path: string): string | undefined {
  return explainConfig(config).find((e) => e.path === path)?.origin;
}

describe('loadConfig: defaults', () => {
  it('loads the packaged defaults with money and fractions as Decimal and counts as integers', () => {
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: {} });
    expect(config.env).toBe('demo');
    expect(config.configDir).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(Decimal.isDecimal(config.trading.account.max_total_exposure_dollars)).toBe(true);
    expect(config.trading.account.max_total_exposure_dollars.toString()).toBe('10000');
    expect(config.trading.position_sizing.kelly.default_fraction.toString()).toBe('0.25');
    expect(config.position_management.exit_rules.trailing_stop.tightening_rate.toString()).toBe('0.01');
    expect(config.trading.account.max_trades_per_day).toBe(50);
    expect(config.kalshi).toMatchObject({
      environment: 'demo',
      baseUrl: 'https://external-api.demo.kalshi.co/trade-api/v2',
      websocketUrl: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
    });
    expect(config.kalshi.apiKeyId).toBeUndefined();
    expect(config.kalshi.privateKey).toBeUndefined();
  });

  it('selects prod and its hosts from PRECOG_ENV', () => {
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: { PRECOG_ENV: 'prod' } });
    expect(config.env).toBe('prod');
    expect(config.kalshi.baseUrl).toBe('https://external-api.kalshi.com/trade-api/v2');
    expect(originOf(config, 'env')).toBe('env PRECOG_ENV');
  });

  it('rejects an unknown PRECOG_ENV naming the variable', () => {
    expect(() => loadConfig({ cwd: tempDir(), runtimeEnv: { PRECOG_ENV: 'staging' } })).toThrow(
      'env PRECOG_ENV: env: expected one of demo, prod, found string "staging"',
    );
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.trading.account)).toBe(true);
    expect(Object.isFrozen(config.markets.blacklist.patterns)).toBe(true);
    expect(() => {
      (config.trading.account as { max_trades_per_day: number }).max_trades_per_day = 1;
    }).toThrow(TypeError);
  });
});

describe('loadConfig: precedence', () => {
  // default < YAML file < .env.demo < process environment < override
  const rows: Array<{ layers: string[]; value: string; origin: string }> = [
    { layers: [], value: '500', origin: 'default' },
    { layers: ['yaml'], value: '400', origin: 'config/trading.yaml:3' },
    { layers: ['yaml', 'dotenv'], value: '300', origin: `.env.demo (${VAR})` },
    { layers: ['dotenv'], value: '300', origin: `.env.demo (${VAR})` },
    { layers: ['yaml', 'dotenv', 'env'], value: '200.5', origin: `env ${VAR}` },
    { layers: ['yaml', 'env'], value: '200.5', origin: `env ${VAR}` },
    { layers: ['yaml', 'dotenv', 'env', 'override'], value: '100.25', origin: 'override' },
    { layers: ['override'], value: '100.25', origin: 'override' },
  ];
  it.each(rows)('with layers $layers the value is $value from $origin', ({ layers, value, origin }) => {
    const files: Record<string, string> = {};
    if (layers.includes('yaml'))
      files['config/trading.yaml'] = '# mine\naccount:\n  daily_loss_limit_dollars: 400.00\n';
    if (layers.includes('dotenv')) files['.env.demo'] = `${VAR}=300\n`;
    const cwd = tempDir(files);
    const config = loadConfig({
      cwd,
      runtimeEnv: layers.includes('env') ? { [VAR]: '200.50' } : {},
      ...(layers.includes('override')
        ? { overrides: { trading: { account: { daily_loss_limit_dollars: new Decimal('100.25') } } } }
        : {}),
    });
    expect(config.trading.account.daily_loss_limit_dollars.toString()).toBe(value);
    expect(originOf(config, KEY)).toBe(origin);
  });

  it('keeps the other keys of a partially overridden section at their defaults', () => {
    const cwd = tempDir({ 'config/trading.yaml': 'account:\n  daily_loss_limit_dollars: 400\n' });
    const config = loadConfig({ cwd, runtimeEnv: {} });
    expect(config.trading.account.weekly_loss_limit_dollars.toString()).toBe('1500');
    expect(originOf(config, 'trading.account.weekly_loss_limit_dollars')).toBe('default');
  });

  it('applies the same order to DATABASE_URL and KALSHI_BASE_URL', () => {
    const cwd = tempDir({
      '.env.demo': 'DATABASE_URL=postgres://a@dotenv/db\nKALSHI_BASE_URL=http://127.0.0.1:1/trade-api/v2\n',
    });
    const fromDotenv = loadConfig({ cwd, runtimeEnv: {} });
    expect(fromDotenv.databaseUrl).toBe('postgres://a@dotenv/db');
    expect(fromDotenv.kalshi.baseUrl).toBe('http://127.0.0.1:1/trade-api/v2');
    expect(originOf(fromDotenv, 'kalshi.baseUrl')).toBe('.env.demo (KALSHI_BASE_URL)');

    const fromEnv = loadConfig({ cwd, runtimeEnv: { DATABASE_URL: 'postgres://a@env/db' } });
    expect(fromEnv.databaseUrl).toBe('postgres://a@env/db');
    expect(originOf(fromEnv, 'databaseUrl')).toBe('env DATABASE_URL');

    const fromFlag = loadConfig({
      cwd,
      runtimeEnv: { DATABASE_URL: 'postgres://a@env/db' },
      overrides: {
        databaseUrl: 'postgres://a@flag/db',
        kalshi: { baseUrl: 'http://localhost:9/trade-api/v2/' },
      },
      overrideLabel: 'flag',
    });
    expect(fromFlag.databaseUrl).toBe('postgres://a@flag/db');
    expect(fromFlag.kalshi.baseUrl).toBe('http://localhost:9/trade-api/v2');
    expect(originOf(fromFlag, 'databaseUrl')).toBe('flag');
  });

  it('takes the environment from the option over PRECOG_ENV and reads that environment’s .env file', () => {
    const cwd = tempDir({
      '.env.prod': 'DATABASE_URL=postgres://p@prod/db\n',
      '.env.demo': 'DATABASE_URL=postgres://d@demo/db\n',
    });
    const config = loadConfig({ cwd, env: 'prod', runtimeEnv: { PRECOG_ENV: 'demo' } });
    expect(config.env).toBe('prod');
    expect(config.databaseUrl).toBe('postgres://p@prod/db');
    expect(originOf(config, 'env')).toBe('override');
  });

  it('reads YAML from PRECOG_CONFIG_DIR, and from `dir` over it', () => {
    const cwd = tempDir({
      'a/trading.yaml': 'account:\n  max_trades_per_day: 7\n',
      'b/trading.yaml': 'account:\n  max_trades_per_day: 9\n',
    });
    expect(
      loadConfig({ cwd, runtimeEnv: { PRECOG_CONFIG_DIR: 'a' } }).trading.account.max_trades_per_day,
    ).toBe(7);
    const config = loadConfig({ cwd, dir: 'b', runtimeEnv: { PRECOG_CONFIG_DIR: 'a' } });
    expect(config.trading.account.max_trades_per_day).toBe(9);
    expect(config.configDir).toBe(join(cwd, 'b'));
  });

  it('parses variable values as YAML scalars and lists, matching keys of any casing', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {
        PRECOG_SYSTEM__LOGGING__CONSOLE__ENABLED: 'false',
        PRECOG_MARKETS__BLACKLIST__TICKERS: '[KXA, KXB]',
        PRECOG_POSITION_MANAGEMENT__EXIT_PRIORITIES__CRITICAL: '[stop_loss]',
      },
    });
    expect(config.system.logging.console.enabled).toBe(false);
    expect(config.markets.blacklist.tickers).toEqual(['KXA', 'KXB']);
    expect(config.position_management.exit_priorities.CRITICAL).toEqual(['stop_loss']);
  });
});

describe('loadConfig: missing files and directories', () => {
  it('names the directory given by `dir` when it does not exist', () => {
    const cwd = tempDir();
    const error = catchError(() => loadConfig({ cwd, dir: 'nope', runtimeEnv: {} }));
    expect(error).toBeInstanceOf(ConfigFileNotFoundError);
    expect((error as ConfigFileNotFoundError).path).toBe(join(cwd, 'nope'));
    expect((error as Error).message).toBe(`configuration directory not found: ${join(cwd, 'nope')}`);
  });

  it('names the directory given by PRECOG_CONFIG_DIR when it does not exist', () => {
    const error = catchError(() =>
      loadConfig({ cwd: '/', runtimeEnv: { PRECOG_CONFIG_DIR: '/no/such/dir' } }),
    );
    expect((error as Error).message).toBe('configuration directory not found: /no/such/dir');
  });

  it('accepts a missing implicit ./config, but not in strict mode', () => {
    const cwd = tempDir();
    expect(loadConfig({ cwd, runtimeEnv: {} }).configDir).toBeUndefined();
    expect(() => loadConfig({ cwd, runtimeEnv: {}, strict: true })).toThrow(
      `configuration directory not found: ${join(cwd, 'config')}`,
    );
  });

  it('in strict mode requires each of the seven files, naming the first missing one', () => {
    const cwd = tempDir({ 'config/system.yaml': '{}\n' });
    const error = catchError(() => loadConfig({ cwd, runtimeEnv: {}, strict: true }));
    expect(error).toBeInstanceOf(ConfigFileNotFoundError);
    expect((error as ConfigFileNotFoundError).path).toBe(join(cwd, 'config', 'trading.yaml'));
  });

  it('names an explicitly requested .env file that does not exist', () => {
    const cwd = tempDir();
    expect(() => loadConfig({ cwd, envFile: 'secrets.env', runtimeEnv: {} })).toThrow(
      `environment file not found: ${join(cwd, 'secrets.env')}`,
    );
  });

  it('warns about YAML files it does not know', () => {
    const logger = recordingLogger();
    loadConfig({ cwd: tempDir({ 'config/tradng.yaml': 'a: 1\n' }), runtimeEnv: {}, logger });
    expect(logger.lines.map((l) => l.msg)).toEqual([
      'unknown configuration file config/tradng.yaml (ignored)',
    ]);
  });
});

describe('loadConfig: invalid YAML syntax', () => {
  it('names the file, line and column', () => {
    const cwd = tempDir({ 'config/trading.yaml': 'account:\n  daily_loss_limit_dollars: [1, 2\n  x: 1\n' });
    const error = catchError(() => loadConfig({ cwd, runtimeEnv: {} }));
    expect(error).toBeInstanceOf(ConfigSyntaxError);
    const syntax = error as ConfigSyntaxError;
    expect(syntax.file).toBe('config/trading.yaml');
    expect(syntax.line).toBe(3);
    expect(syntax.column).toBe(3);
    expect(syntax.message).toMatch(/^config\/trading\.yaml:3:3: invalid YAML: /);
  });

  it('reports a tab indentation error at its position', () => {
    const cwd = tempDir({ 'config/system.yaml': 'logging:\n\tlevel: debug\n' });
    expect(() => loadConfig({ cwd, runtimeEnv: {} })).toThrow(/^config\/system\.yaml:2:1: invalid YAML: /);
  });

  it('rejects a file holding several documents at the second one', () => {
    const cwd = tempDir({ 'config/system.yaml': '---\nversion: "2"\n---\nversion: "3"\n' });
    expect(() => loadConfig({ cwd, runtimeEnv: {} })).toThrow(
      'config/system.yaml:3:1: invalid YAML: expected a single YAML document, found several',
    );
  });

  it('accepts a file of only comments, or with a leading and trailing document marker', () => {
    const cwd = tempDir({
      'config/trading.yaml': '# nothing yet\n',
      'config/system.yaml': '---\nversion: "9"\n---\n',
    });
    expect(loadConfig({ cwd, runtimeEnv: {} }).system.version).toBe('9');
  });

  it('names the variable when a variable value does not parse', () => {
    expect(() =>
      loadConfig({ cwd: tempDir(), runtimeEnv: { PRECOG_MARKETS__BLACKLIST__TICKERS: '[a, b' } }),
    ).toThrow(/^env PRECOG_MARKETS__BLACKLIST__TICKERS:1:\d+: invalid YAML: /);
  });
});

describe('loadConfig: invalid data types', () => {
  it('names the file and line, the key path, what was expected and what was found', () => {
    const cwd = tempDir({ 'config/trading.yaml': 'account:\n  daily_loss_limit_dollars: lots\n' });
    const error = catchError(() => loadConfig({ cwd, runtimeEnv: {} })) as ConfigValidationError;
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error.message).toBe(
      'config/trading.yaml:2: trading.account.daily_loss_limit_dollars: expected a decimal number, found string "lots"',
    );
    expect(error.file).toBe('config/trading.yaml');
    expect(error.line).toBe(2);
    expect(error.origin).toBe('config/trading.yaml:2');
    expect(error.keyPath).toBe(KEY);
    expect(error.expected).toBe('a decimal number');
    expect(error.found).toBe('string "lots"');
  });

  it('rejects quoted numbers, floats for integers, and out-of-range fractions', () => {
    const cwd = tempDir({
      'config/trading.yaml': [
        'account:',
        '  weekly_loss_limit_dollars: "1500"',
        '  max_trades_per_day: 2.5',
        'position_sizing:',
        '  kelly:',
        '    default_fraction: 0.75',
        '',
      ].join('\n'),
    });
    const error = catchError(() => loadConfig({ cwd, runtimeEnv: {} })) as ConfigValidationError;
    expect(error.issues).toEqual([
      {
        keyPath: 'trading.account.weekly_loss_limit_dollars',
        expected: 'a decimal number',
        found: 'string "1500"',
        origin: 'config/trading.yaml:2',
        file: 'config/trading.yaml',
        line: 2,
      },
      {
        keyPath: 'trading.account.max_trades_per_day',
        expected: 'an integer',
        found: 'decimal 2.5',
        origin: 'config/trading.yaml:3',
        file: 'config/trading.yaml',
        line: 3,
      },
      {
        keyPath: 'trading.position_sizing.kelly.default_fraction',
        expected: 'a decimal between 0.05 and 0.50',
        found: 'decimal 0.75',
        origin: 'config/trading.yaml:6',
        file: 'config/trading.yaml',
        line: 6,
      },
    ]);
    expect(error.message).toMatch(/\(and 2 more problems\)$/);
  });

  it('refuses to raise the daily loss limit above its safety cap, from any layer', () => {
    expect(() =>
      loadConfig({
        cwd: tempDir(),
        runtimeEnv: {},
        overrides: { trading: { account: { daily_loss_limit_dollars: new Decimal('2000.01') } } },
      }),
    ).toThrow(
      'override: trading.account.daily_loss_limit_dollars: expected a dollar amount no larger than the safety cap 2000, found decimal 2000.01',
    );
  });

  it('names the variable when a variable holds the wrong type', () => {
    expect(() =>
      loadConfig({ cwd: tempDir(), runtimeEnv: { PRECOG_SYSTEM__LOGGING__CONSOLE__ENABLED: 'yes' } }),
    ).toThrow(
      'env PRECOG_SYSTEM__LOGGING__CONSOLE__ENABLED: system.logging.console.enabled: expected a boolean (true or false, unquoted), found string "yes"',
    );
  });

  it('rejects a section that is not a mapping', () => {
    const cwd = tempDir({ 'config/markets.yaml': '- a\n- b\n' });
    expect(() => loadConfig({ cwd, runtimeEnv: {} })).toThrow(
      'config/markets.yaml:1: markets: expected a mapping, found a list of 2',
    );
  });

  it('rejects a DATABASE_URL that is not a postgres URL without echoing it', () => {
    const error = catchError(() =>
      loadConfig({ cwd: tempDir(), runtimeEnv: { DATABASE_URL: 'mysql://root:hunter2@db/x' } }),
    ) as Error;
    expect(error.message).toBe(
      'env DATABASE_URL: databaseUrl: expected a postgres://user:password@host:port/database URL, found a mysql URL',
    );
    expect(() => loadConfig({ cwd: tempDir(), runtimeEnv: { DATABASE_URL: 'hunter2' } })).toThrow(
      'found text that is not a URL',
    );
  });

  it('rejects a KALSHI_BASE_URL that is not http(s)', () => {
    expect(() => loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_BASE_URL: 'ftp://x' } })).toThrow(
      'env KALSHI_BASE_URL: kalshi.baseUrl: expected an http(s) URL',
    );
  });
});

describe('loadConfig: unknown keys', () => {
  it('warns about each unknown key with its file and line, and ignores it', () => {
    const logger = recordingLogger();
    const cwd = tempDir({
      'config/trading.yaml': 'account:\n  max_trades_per_day: 5\n  max_trade_per_week: 9\nbogus: 1\n',
    });
    const config = loadConfig({ cwd, runtimeEnv: { PRECOG_NOPE__X: '1' }, logger });
    expect(config.trading.account.max_trades_per_day).toBe(5);
    expect(logger.lines.map((l) => l.msg)).toEqual([
      'unknown configuration key PRECOG_NOPE__X in env PRECOG_NOPE__X (ignored)',
      'unknown configuration key trading.account.max_trade_per_week in config/trading.yaml:3 (ignored)',
      'unknown configuration key trading.bogus in config/trading.yaml:4 (ignored)',
    ]);
    expect(Object.keys(config.trading)).not.toContain('bogus');
  });

  it('fails in strict mode, naming the key, its file and line', () => {
    const cwd = tempDir({
      'config/system.yaml': '{}\n',
      'config/trading.yaml': 'bogus: 1\n',
      'config/trade_strategies.yaml': '',
      'config/position_management.yaml': '',
      'config/probability_models.yaml': '',
      'config/markets.yaml': '',
      'config/data_sources.yaml': '',
    });
    expect(() => loadConfig({ cwd, runtimeEnv: {} })).not.toThrow();
    const error = catchError(() => loadConfig({ cwd, runtimeEnv: {}, strict: true }));
    expect(error).toBeInstanceOf(UnknownConfigKeyError);
    expect((error as Error).message).toBe(
      'config/trading.yaml:1: trading.bogus: expected a key this configuration file defines, found an unknown key',
    );
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('loadConfig: file size', () => {
  it('refuses a configuration file over 1 MiB with a typed error naming the file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config'));
    const file = join(dir, 'config', 'data_sources.yaml');
    const line = '    key_0000000: 1\n';
    writeFileSync(
      file,
      `caching:\n  ttl_seconds:\n${line.repeat(Math.ceil(MAX_CONFIG_FILE_BYTES / line.length))}`,
    );
    const bytes = statSync(file).size;
    let error: unknown;
    try {
      loadConfig({ cwd: dir, runtimeEnv: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expect((error as Error).message).toBe(
      `config/data_sources.yaml: configuration file is ${bytes} bytes, over the limit of 1048576 bytes (1 MiB); nothing was read`,
    );
  });

  it('loads a file of 40,000 keys just under the limit', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config'));
    const keys = Array.from({ length: 40_000 }, (_, i) => `    k${i}: ${i % 60}\n`).join('');
    writeFileSync(join(dir, 'config', 'data_sources.yaml'), `caching:\n  ttl_seconds:\n${keys}`);
    const config = loadConfig({ cwd: dir, runtimeEnv: {} });
    // The user's 40,000 keys and the 4 packaged ones (live_stats, market_metadata, ...).
    expect(Object.keys(config.data_sources.caching.ttl_seconds)).toHaveLength(40_004);
  }, 60_000);
});
