import { describe, expect, it } from 'vitest';
import { projectDir, runCli } from './harness';

const messages = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{"level"'));

// `--env prod` is real money: a plain-http or demo base URL is refused without --force.
describe('precog --env prod with a plain-http or demo base URL', () => {
  const cwd = projectDir();

  it('refuses a plain-http base URL (exit 3) before opening anything', async () => {
    const run = await runCli(['fetch-markets', '--env', 'prod'], {
      cwd,
      env: { KALSHI_BASE_URL: 'http://127.0.0.1:1/trade-api/v2' },
    });
    expect([run.code, messages(run.stderr)]).toEqual([
      3,
      [
        'precog: environment prod, but the Kalshi base URL http://127.0.0.1:1/trade-api/v2 is plain http (no TLS); fix KALSHI_BASE_URL / --base-url, or pass --force',
      ],
    ]);
  });

  it("refuses Kalshi's demo exchange", async () => {
    const run = await runCli(
      ['fetch-markets', '--env', 'prod', '--base-url', 'https://external-api.demo.kalshi.co/trade-api/v2'],
      { cwd },
    );
    expect([run.code, messages(run.stderr)]).toEqual([
      3,
      [
        "precog: environment prod, but the Kalshi base URL https://external-api.demo.kalshi.co/trade-api/v2 is Kalshi's demo exchange; fix KALSHI_BASE_URL / --base-url, or pass --force",
      ],
    ]);
  });

  it('--force goes on with a warning (here to a closed port: an exchange error)', async () => {
    const run = await runCli(['fetch-markets', '--env', 'prod', '--force'], {
      cwd,
      env: {
        KALSHI_BASE_URL: 'http://127.0.0.1:59999/trade-api/v2',
        PRECOG_SYSTEM__DEFAULTS__RETRIES__MAX_ATTEMPTS: '1',
      },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('(--force: going on)');
    expect(messages(run.stderr)).toEqual([
      'precog: GET /trade-api/v2/markets failed to connect: connect ECONNREFUSED 127.0.0.1:59999',
    ]);
  });
});
