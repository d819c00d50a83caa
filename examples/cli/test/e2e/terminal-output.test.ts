import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDir, runCli } from './harness';

// A hostile or broken server: its error code and message carry escape sequences (clear the
// screen, set the window title, colours) and a 5 KB message. The terminal must get one inert,
// short line; --verbose shows the whole body, escaped.
const ESC = '\u001b';
const hostileMessage = `${ESC}[2J${ESC}]0;pwned\u0007${ESC}[31mmarket closed${ESC}[0m\r\t${'A'.repeat(5000)}`;
const body = JSON.stringify({ error: { code: `bad${ESC}[1mcode`, message: hostileMessage } });

describe('precog on a server whose error carries escape sequences and a 5 KB message', () => {
  let server: Server;
  let url: string;
  const cwd = projectDir();
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints one line without control characters, cut to 300 characters', async () => {
    const run = await runCli(['fetch-markets'], { cwd, env: { KALSHI_BASE_URL: url } });
    expect(run.code).toBe(4);
    // The first run also logs the store's migrations (JSON lines); the error is the one other line.
    const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{"level"'));
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(
      line.startsWith('precog: GET /trade-api/v2/markets failed with HTTP 400 (badcode: market closed'),
    ).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(line).toContain('market closed');
    expect(line).not.toContain('A'.repeat(400));
    expect(line).toMatch(/… \(\d+ more characters; --verbose shows all\)$/);
    const shown = line.slice(0, line.indexOf('… ('));
    expect(shown.length).toBe('precog: '.length + 300);
  });

  it('--verbose keeps the whole body, escaped', async () => {
    const run = await runCli(['fetch-markets', '--verbose'], { cwd, env: { KALSHI_BASE_URL: url } });
    expect(run.code).toBe(4);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain(`  response body: ${JSON.stringify(JSON.parse(body))}\n`);
    expect(run.stderr).toContain('A'.repeat(5000));
  });

  it('the log file gets the whole server body while the terminal keeps the short line', async () => {
    const log = join(projectDir(), 'precog.log');
    const run = await runCli(['fetch-markets'], {
      cwd,
      env: {
        KALSHI_BASE_URL: url,
        PRECOG_SYSTEM__LOGGING__FILE__ENABLED: 'true',
        PRECOG_SYSTEM__LOGGING__FILE__PATH: log,
      },
    });
    expect(run.code).toBe(4);
    expect(run.stderr).not.toContain('A'.repeat(400));
    const failure = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((line) => line.msg === 'precog: command failed');
    expect(failure.body).toEqual(JSON.parse(body));
    expect(failure.error).toContain('A'.repeat(5000));
  });
});
