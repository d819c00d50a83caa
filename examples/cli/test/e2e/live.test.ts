import { describe, expect, it } from 'vitest';
import { projectDir, runCli } from './harness';

// Against Kalshi's real demo exchange: runs only when demo credentials are in the environment
// (KALSHI_DEMO_API_KEY_ID plus KALSHI_DEMO_PRIVATE_KEY_PATH or KALSHI_PRIVATE_KEY).
const keyId = process.env.KALSHI_DEMO_API_KEY_ID ?? process.env.KALSHI_API_KEY_ID;
const keyPath = process.env.KALSHI_DEMO_PRIVATE_KEY_PATH ?? process.env.KALSHI_PRIVATE_KEY_PATH;
const keyText = process.env.KALSHI_PRIVATE_KEY;
const hasCredentials = keyId !== undefined && (keyPath !== undefined || keyText !== undefined);

describe.skipIf(!hasCredentials)('precog sync against the Kalshi demo exchange (live)', () => {
  it('syncs the demo account and open NFL markets into PGlite; a re-run inserts no fill twice', async () => {
    const cwd = projectDir();
    const env: Record<string, string> = { KALSHI_DEMO_API_KEY_ID: keyId as string, PRECOG_ENV: 'demo' };
    if (keyPath !== undefined) env.KALSHI_DEMO_PRIVATE_KEY_PATH = keyPath;
    if (keyText !== undefined) env.KALSHI_PRIVATE_KEY = keyText;
    const args = ['sync', '--json', '--series', 'KXNFLGAME', '--status', 'open'];
    const first = await runCli(args, { cwd, env });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(args, { cwd, env });
    expect(second.code, second.stderr).toBe(0);
    const fills = (
      JSON.parse(second.stdout) as {
        results: Array<{ stage: string; inserted: number; items: number; duplicates: number }>;
      }
    ).results.find((r) => r.stage === 'fills');
    // Fills made between the two runs would be new; everything seen before is a duplicate.
    expect(fills!.duplicates + fills!.inserted).toBe(fills!.items);
  });
});
