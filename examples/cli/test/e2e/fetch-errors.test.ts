import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eExchange, projectDir, runCli, startExchange } from './harness';

// Each bad input gets exactly one line on stderr naming the problem, a distinct exit code, and
// never a secret. Most fail before any database is opened.
describe('precog fetch-* on bad input', () => {
  let cwd: string;
  let fake: E2eExchange;
  beforeAll(async () => {
    cwd = projectDir();
    fake = await startExchange({ balance: '10' }, cwd);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('no credentials: exit 3, naming the variables to set', async () => {
    const run = await runCli(['fetch-fills'], { cwd, env: { KALSHI_BASE_URL: fake.server.url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'precog: KALSHI_DEMO_API_KEY_ID or KALSHI_API_KEY_ID is not set; the demo environment needs it to sign Kalshi requests\n',
    );
    expect(run.stdout).toBe('');
  });

  it('a key file that does not exist or is not a key: exit 3, naming the file', async () => {
    const missing = join(cwd, 'missing.pem');
    const run = await runCli(['fetch-positions'], {
      cwd,
      env: { ...fake.env, KALSHI_DEMO_PRIVATE_KEY_PATH: missing },
    });
    expect([run.code, run.stderr]).toEqual([3, `precog: private key ${missing}: file does not exist\n`]);

    const garbage = join(cwd, 'garbage.pem');
    writeFileSync(garbage, 'not a key\n');
    chmodSync(garbage, 0o600);
    const bad = await runCli(['fetch-positions'], {
      cwd,
      env: { ...fake.env, KALSHI_DEMO_PRIVATE_KEY_PATH: garbage },
    });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(new RegExp(`^precog: private key ${garbage}: not a PEM private key .*\\n$`));
  });

  it('a broken YAML file: exit 3, naming the file and line', async () => {
    const dir = projectDir();
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'trading.yaml'), 'account:\n  daily_loss_limit_dollars: [1,\n');
    const run = await runCli(['sync'], { cwd: dir, env: fake.env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^precog: config\/trading\.yaml:3:1: invalid YAML: [^\n]+\n$/);
  });

  it('an unreachable database: exit 5, naming the host, never the password', async () => {
    const run = await runCli(
      ['fetch-balance', '--database-url', 'postgres://precog:s3cr3t-pw@127.0.0.1:1/precog'],
      {
        cwd,
        env: fake.env,
      },
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      'precog: could not connect to 127.0.0.1:1/precog: connect ECONNREFUSED 127.0.0.1:1\n',
    );
    const verbose = await runCli(
      ['fetch-balance', '--verbose', '--database-url', 'postgres://precog:s3cr3t-pw@127.0.0.1:1/precog'],
      { cwd, env: fake.env },
    );
    expect(verbose.code).toBe(5);
    expect(verbose.stderr).toContain('  caused by ');
    expect(verbose.stderr).not.toContain('s3cr3t-pw');
  });

  it('a key the exchange does not know: exit 4, one line, no signature', async () => {
    const run = await runCli(['fetch-balance'], {
      cwd,
      env: { ...fake.env, KALSHI_DEMO_API_KEY_ID: 'revoked-key' },
    });
    expect(run.code).toBe(4);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('precog: '))).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      'precog: the demo exchange rejected the API key (GET /trade-api/v2/portfolio/balance failed with HTTP 401 (authentication_error: NOT_FOUND)); check KALSHI_DEMO_API_KEY_ID and KALSHI_DEMO_PRIVATE_KEY_PATH belong together and to demo',
    );
    expect(run.stderr).not.toMatch(/signature=|KALSHI-ACCESS-SIGNATURE: /i);
  });

  it('a page size out of range: exit 2', async () => {
    const run = await runCli(['fetch-fills', '--page-size', '0'], { cwd, env: fake.env });
    expect([run.code, run.stderr]).toEqual([
      2,
      "precog: option '--page-size <n>' argument '0' is invalid. must be a whole number from 1 to 1000\n",
    ]);
  });
});
