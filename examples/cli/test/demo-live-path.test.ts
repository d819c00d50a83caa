import { nflMarkets } from '@precog/kalshi-client/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo';
import { type E2eExchange, projectDir, startExchange } from './e2e/harness';

// The `--live` flow, pointed by KALSHI_BASE_URL at a fake exchange on loopback (the real demo
// exchange is exercised by test/e2e/live.test.ts when credentials are set).
describe('pnpm demo --live flow (against a fake exchange standing in for Kalshi demo)', () => {
  let cwd: string;
  let fake: E2eExchange;
  beforeAll(async () => {
    cwd = projectDir();
    const nfl = nflMarkets({
      games: [{ away: 'KC', home: 'LV', kickoff: Date.parse('2026-11-29T18:00:00Z') }],
      fillsPerGame: 3,
      seed: 5,
    });
    fake = await startExchange({ ...nfl, balance: '321.09' }, cwd);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('syncs with the demo credentials, prints what was stored and a market history, exit 0', async () => {
    let out = '';
    const code = await runDemo({
      live: true,
      progress: false,
      liveWaitMs: 0,
      env: { ...fake.env, INIT_CWD: cwd },
      out: {
        write: (chunk: string) => {
          out += chunk;
          return true;
        },
      } as unknown as NodeJS.WritableStream,
    });
    expect(code).toBe(0);
    expect(out).toContain(`Kalshi demo exchange at ${fake.server.url} with key e2e-key`);
    // One live page, then the (empty) GET /historical/fills page.
    expect(out).toContain('  fills: 3 items in 2 pages: 3 inserted, 0 versioned, 0 unchanged, 0 duplicates');
    expect(out).toContain('  markets: 2 items in 1 page: 2 inserted, 0 versioned, 0 unchanged, 0 duplicates');
    expect(out).toContain('Balance: $321.09 cash');
    expect(out).toContain('  markets: 2 items in 1 page: 0 inserted, 0 versioned, 2 unchanged, 0 duplicates');
    expect(out).toMatch(/SCD2 history of KXNFLGAME-26NOV29KCLV-(KC|LV) \(1 version\):/);
  });
});
