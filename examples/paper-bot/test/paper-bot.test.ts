import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  return spawnSync(tsx, ['--conditions=@precog/source', 'src/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 110_000,
    env: { ...process.env, DATABASE_URL: '', PAPER_BOT_DATABASE_URL: '', ...env },
  });
}

describe('pnpm paper-bot (spawned)', () => {
  it('trades one simulated Sunday offline and exits 0 with an exact P&L summary', () => {
    const result = run('--quiet');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Paper trading summary (offline fake exchange)');
    expect(out).toContain('strategy nfl-elo-edge@1.0.0 #1, model elo-nfl@1.0.0 #1');
    expect(out).toContain('Elo: 4 finished games applied, re-run applied 0');
    expect(out).toMatch(/markets 16, edges stored 16, entries 5, exits 5 \(5 IOC attempts\)/);
    expect(out).toContain('reconciliation with the exchange after exits: 5 ok, 0 differ');
    // Entries: the engine's orders (one market per game, at the first cycle), read back from the exchange.
    expect(out).toContain('KXNFLGAME-26NOV29KCLV-KC     YES 72   @ 0.6700  fee $1.1200\n');
    expect(out).toContain('KXNFLGAME-26NOV29MINCHI-MIN  NO  97   @ 0.4100  fee $1.6500  trailing_stop');
    expect(out).toContain('realized P&L (net of all fees)      $7.9900');
    expect(out).toContain('cash $1000.0000 → $1007.9900 (change $7.9900; equals realized − open cost: yes)');
  });

  it('prints its usage with --help and refuses a bad number', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: pnpm paper-bot [options]');
    const bad = run('--ticks', 'many');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('paper-bot: --ticks must be a whole number, got many\n');
  });

  // The scratch PostgreSQL (no TLS). Skipped without DATABASE_URL, like the store's PostgreSQL tests.
  it.skipIf(!process.env.DATABASE_URL)(
    'opens its PostgreSQL store with the system.yaml database settings (ssl_mode require refuses plaintext)',
    () => {
      const result = runWith(
        { PRECOG_SYSTEM__DATABASE__SSL_MODE: 'require' },
        '--quiet',
        '--database-url',
        process.env.DATABASE_URL ?? '',
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^paper-bot: could not connect to [^\n]+: the server does not support TLS, and sslMode require refuses a plaintext connection\n$/,
      );
    },
  );
});
