import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, projectDir, runCli } from './harness';

/** A project whose config/system.yaml holds only `yaml`. */
function projectWithSystem(yaml: string): string {
  const dir = projectDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', 'system.yaml'), yaml);
  return dir;
}

/** Only the lines of stderr that are not JSON log lines. */
const messages = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{"level"'));

// system.yaml's request timeout and retries reach the Kalshi client the CLI builds.
describe('system.yaml defaults.timeouts and defaults.retries reach the Kalshi client', () => {
  let server: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    // Accepts every request and never answers.
    server = createServer(() => {
      requests += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('api_request_seconds 1 and max_attempts 2: two attempts of 1 s each, then a timeout error', async () => {
    const cwd = projectWithSystem(
      'defaults:\n  timeouts:\n    api_request_seconds: 1\n  retries:\n    max_attempts: 2\n    initial_delay_ms: 0\n',
    );
    const run = await runCli(['fetch-markets'], { cwd, env: { KALSHI_BASE_URL: url } });
    expect(run.code).toBe(4);
    expect(messages(run.stderr)).toEqual(['precog: GET /trade-api/v2/markets timed out after 1000 ms']);
    expect(requests).toBe(2);
  });
});

// system.yaml's database settings reach the store the CLI opens (the server here has no TLS).
describe.skipIf(DATABASE_URL === undefined || DATABASE_URL === '')(
  'system.yaml database.* reaches the PostgreSQL store',
  () => {
    it('ssl_mode verify-full against a server without TLS: refused (exit 5), not plaintext', async () => {
      const cwd = projectWithSystem('database:\n  ssl_mode: verify-full\n');
      const run = await runCli(['db', 'status'], { cwd, env: { DATABASE_URL: DATABASE_URL as string } });
      const where = new URL(DATABASE_URL as string);
      expect([run.code, messages(run.stderr)]).toEqual([
        5,
        [
          `precog: could not connect to ${where.hostname}:${where.port || '5432'}${where.pathname}: the server does not support TLS, and sslMode verify-full refuses a plaintext connection`,
        ],
      ]);
    });

    it('ssl_mode prefer (the default) connects in plaintext to a server without TLS', async () => {
      const cwd = projectWithSystem('database:\n  ssl_mode: prefer\n');
      const run = await runCli(['db', 'status', '--json'], {
        cwd,
        env: { DATABASE_URL: DATABASE_URL as string },
      });
      expect(run.code).toBe(0);
    });
  },
);
