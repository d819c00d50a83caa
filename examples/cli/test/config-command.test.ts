import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'precog-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('precog (end to end)', () => {
  it('--help lists the commands and the global options', () => {
    const result = runCli(['--help'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: precog [options] [command]');
    expect(result.stdout).toMatch(/^ {2}config +inspect the resolved configuration$/m);
    for (const flag of [
      '--env <env>',
      '--config-dir <dir>',
      '--database-url <url>',
      '--base-url <url>',
      '--json',
      '--verbose',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('config show prints each value with its source, secrets redacted', () => {
    const cwd = project({
      'config/trading.yaml': 'account:\n  daily_loss_limit_dollars: 250.00\n',
      '.env.demo': 'DATABASE_URL=postgres://bot:hunter2@localhost:5432/precog\n',
    });
    const result = runCli(['config', 'show'], {
      cwd,
      env: { PRECOG_TRADING__EXECUTION__MAX_RETRIES: '4' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const line = (key: string) =>
      result.stdout
        .split('\n')
        .find((l) => l.startsWith(`${key} `))
        ?.split(/ {2,}/);
    expect(line('env')).toEqual(['env', 'demo', 'default']);
    expect(line('databaseUrl')).toEqual([
      'databaseUrl',
      'postgres://bot:[redacted]@localhost:5432/precog',
      '.env.demo (DATABASE_URL)',
    ]);
    expect(line('trading.account.daily_loss_limit_dollars')).toEqual([
      'trading.account.daily_loss_limit_dollars',
      '250',
      'config/trading.yaml:2',
    ]);
    expect(line('trading.execution.max_retries')).toEqual([
      'trading.execution.max_retries',
      '4',
      'env PRECOG_TRADING__EXECUTION__MAX_RETRIES',
    ]);
    expect(line('trading.account.max_trades_per_day')).toEqual([
      'trading.account.max_trades_per_day',
      '50',
      'default',
    ]);
    expect(result.stdout).not.toContain('hunter2');
  });

  it('config show labels flags and gives JSON with --json', () => {
    const result = runCli(
      [
        '--env',
        'prod',
        'config',
        'show',
        '--json',
        '--filter',
        'kalshi',
        '--base-url',
        'http://127.0.0.1:9999/trade-api/v2',
      ],
      { cwd: project() },
    );
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.env).toBe('prod');
    expect(data.values.find((v: { path: string }) => v.path === 'kalshi.baseUrl')).toEqual({
      path: 'kalshi.baseUrl',
      value: 'http://127.0.0.1:9999/trade-api/v2',
      source: { kind: 'override', label: 'flag' },
      origin: 'flag',
    });
    expect(data.values.every((v: { path: string }) => v.path.startsWith('kalshi'))).toBe(true);
  });

  it('--config-dir and --database-url beat the environment', () => {
    const cwd = project({ 'other/markets.yaml': 'blacklist:\n  tickers: [KXBAD]\n' });
    const result = runCli(
      ['config', 'show', '--config-dir', 'other', '--database-url', 'postgres://me:flagpw@db/x', '--json'],
      { cwd, env: { DATABASE_URL: 'postgres://me:envpw@db/x', PRECOG_CONFIG_DIR: 'missing' } },
    );
    expect(result.stderr).toBe('');
    const values = new Map(
      JSON.parse(result.stdout).values.map((v: { path: string; value: string; origin: string }) => [
        v.path,
        v,
      ]),
    );
    expect(values.get('databaseUrl')).toMatchObject({
      value: 'postgres://me:[redacted]@db/x',
      origin: 'flag',
    });
    expect(values.get('markets.blacklist.tickers')).toMatchObject({
      value: '["KXBAD"]',
      origin: 'other/markets.yaml:2',
    });
    expect(result.stdout).not.toMatch(/flagpw|envpw/);
  });

  it('a broken YAML file exits 3 with one line naming file and line', () => {
    const cwd = project({ 'config/trading.yaml': 'account:\n  daily_loss_limit_dollars: [1, 2\n  x: 1\n' });
    const result = runCli(['config', 'show'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^precog: config\/trading\.yaml:3:3: invalid YAML: /);
  });

  it('a wrong type exits 3 naming file, key path, expected and found', () => {
    const cwd = project({ 'config/system.yaml': 'logging:\n  file:\n    enabled: maybe\n' });
    const result = runCli(['config', 'check'], { cwd });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'precog: config/system.yaml:3: system.logging.file.enabled: expected a boolean (true or false, unquoted), found string "maybe"\n',
    );
  });

  it('--verbose adds the cause chain', () => {
    const result = runCli(['--verbose', 'config', 'check'], {
      cwd: project(),
      env: { KALSHI_PRIVATE_KEY_PATH: '/nonexistent/key.pem' },
    });
    expect(result.code).toBe(3);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('precog: private key /nonexistent/key.pem: file does not exist');
    expect(lines[1]).toMatch(/^ {2}caused by Error: ENOENT: no such file or directory/);
  });

  it('a bad --env exits 2 with one line', () => {
    const result = runCli(['--env', 'staging', 'config', 'show'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "precog: option '--env <env>' argument 'staging' is invalid. Allowed choices are demo, prod.\n",
    );
  });

  it('an unknown command exits 2', () => {
    const result = runCli(['confg'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^precog: unknown command 'confg'/);
  });

  it('config check reports success', () => {
    const result = runCli(['config', 'check'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'configuration OK (env demo, database pglite (embedded), Kalshi credentials absent)\n',
    );
  });
});
