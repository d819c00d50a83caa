import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the demo's entry as `pnpm demo` does (`tsx --conditions=@precog/source src/demo.ts`). */
function runDemo(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@precog/source', '--import', 'tsx', 'src/demo.ts', ...args],
      {
        cwd: cliDir,
        env: { PATH: process.env.PATH ?? '', INIT_CWD: mkdtempSync(join(tmpdir(), 'precog-demo-')), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const section = (out: string, heading: string) => {
  const start = out.indexOf(heading);
  const end = out.indexOf('── ', start + heading.length);
  return out.slice(start, end === -1 ? undefined : end);
};

describe('pnpm demo (offline)', () => {
  it('syncs the fake account, shows what was stored and one market history, and exits 0', async () => {
    const run = await runDemo([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Fake Kalshi exchange listening on http:\/\/127\.0\.0\.1:\d+\/trade-api\/v2 /m);
    expect(out).toContain('Store: PGlite in memory, 13 migrations applied');
    expect(section(out, '── 1. Full sync').split('\n').slice(1, 6)).toEqual([
      '  balance: 1 items in 1 page: 1 inserted, 0 versioned, 0 unchanged, 0 duplicates',
      '  positions: 32 items in 2 pages: 32 inserted, 0 versioned, 0 unchanged, 0 duplicates, 0 closed',
      '  fills: 144 items in 4 pages: 144 inserted, 0 versioned, 0 unchanged, 0 duplicates',
      '  settlements: 2 items in 1 page: 2 inserted, 0 versioned, 0 unchanged, 0 duplicates',
      '  markets: 32 items in 1 page: 32 inserted, 0 versioned, 0 unchanged, 0 duplicates',
    ]);
    const stored = section(out, '── 2. What the store holds');
    expect(stored).toContain('Balance: $2500.00 cash');
    expect(stored).toContain('Open positions: 32 (largest 8)');
    expect(stored).toMatch(/^Fills: 144 stored \(\d+ contracts, \$\d+\.\d{2} fees\); latest 5:$/m);
    expect(stored).toContain('Settlements: 2');
    expect(stored).toContain('Markets: 32 stored (32 active in 16 events)');
    // The game that ended: its position closes (same key), a settlement and a status change arrive.
    expect(section(out, '── 3.')).toMatch(
      /positions: 32 items in 1 page: 0 inserted, 1 versioned, 31 unchanged, 0 duplicates, 1 closed\n {2}fills: 9 items in 1 page: 0 inserted, 0 versioned, 0 unchanged, 9 duplicates\n {2}settlements: 2 items in 1 page: 1 inserted, 0 versioned, 0 unchanged, 1 duplicates\n {2}markets: 32 items in 1 page: 0 inserted, 5 versioned, 27 unchanged, 0 duplicates/,
    );
    const history = section(out, '── 4.');
    expect(history).toMatch(/SCD2 history of KXNFLGAME-\S+ \(3 versions\):/);
    const rows = history.split('\n').filter((l) => /^ {2}[123] {2}/.test(l));
    expect(
      rows.map((r) =>
        r
          .trim()
          .split(/\s{2,}/)
          .slice(3, 6),
      ),
    ).toEqual([
      ['active', '0.60', '0.62'],
      ['active', '0.64', '0.66'],
      ['active', '0.57', '0.59'],
    ]);
    expect(rows[2]).toContain('current');
    expect(history).toMatch(/ {2}(POS-\S+) +open +\d+ .*no\n {2}\1 +closed +0 .*yes/);
    expect(section(out, '── 5.')).not.toMatch(/[1-9]\d* (inserted|versioned)/);
    // The recorder on the WebSocket: the followed market's book after each move (up 1, up 1,
    // down 3 cents), one version per move, nothing for a size-only change.
    const streaming = section(out, '── 6.');
    const books = streaming.split('\n').filter((l) => l.includes('YES bid'));
    expect(
      books.map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(1),
      ),
    ).toEqual([
      ['YES bid 0.5700 x 250.00', 'ask 0.5900 x 250.00'],
      ['YES bid 0.5800 x 250.00', 'ask 0.6000 x 250.00'],
      ['YES bid 0.5900 x 250.00', 'ask 0.6100 x 250.00'],
      ['YES bid 0.5600 x 250.00', 'ask 0.5800 x 250.00'],
    ]);
    expect(streaming).toMatch(
      /recorder: 3 market versions in 3 batches from \d+ updates \(\d+ changed no price, \d+ coalesced\); lag p50 \d+ ms, max \d+ ms\n {2}KXNFLGAME-\S+ now has 6 versions/,
    );
    expect(out).toMatch(/Done in \d+\.\d s\. Everything was in memory; nothing was left behind\.\n$/);
  });
});

describe('pnpm demo arguments', () => {
  it('--live without demo credentials says what is missing and exits 3', async () => {
    const run = await runDemo(['--', '--live']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'precog demo --live needs demo credentials (see .env.example):\nprecog: KALSHI_DEMO_API_KEY_ID or KALSHI_API_KEY_ID is not set; the demo environment needs it to sign Kalshi requests\n',
    );
  });

  it('an unknown argument exits 2; --help prints the usage', async () => {
    const bad = await runDemo(['--fast']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'precog demo: unknown argument --fast; see pnpm demo --help\n',
    ]);
    const help = await runDemo(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pnpm demo \[--live\] \[--page-size N\]\n/);
  });
});
