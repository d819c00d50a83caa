import { nflMarkets } from '@precog/kalshi-client/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  type E2eDatabase,
  type E2eExchange,
  projectDir,
  runCli,
  startCli,
  startExchange,
} from './harness';

const nfl = nflMarkets({
  games: [
    { away: 'KC', home: 'LV', kickoff: Date.parse('2026-11-29T18:00:00Z') },
    { away: 'SF', home: 'SEA', kickoff: Date.parse('2026-11-29T21:00:00Z') },
  ],
  fillsPerGame: 30,
  seed: 3,
});

describe('precog fetch-fills interrupted with Ctrl-C (PGlite)', () => {
  let cwd: string;
  let fake: E2eExchange;
  let db: E2eDatabase;
  beforeAll(async () => {
    cwd = projectDir();
    fake = await startExchange(nfl, cwd);
    db = await createDatabase('pglite', cwd);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('keeps the pages written, exits 130 with one line, and a re-run completes the job', async () => {
    // Page 3 never answers: the command is waiting on it when the user presses Ctrl-C.
    const hang = fake.exchange.injectFault({ kind: 'timeout', path: '/portfolio/fills', nth: 3 });
    const run = startCli(['fetch-fills', '--page-size', '20'], { cwd, env: fake.env });
    while (hang.triggered === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((l) => l.startsWith('precog: '))).toEqual([
      'precog: fills sync interrupted after 2 page(s): 40 inserted, 0 versioned, 0 unchanged, 0 duplicates kept; run the same command again to complete it',
    ]);

    const store = await db.open();
    const count = async () =>
      (await store.query<{ n: string }>('SELECT count(*)::text AS n FROM trades')).rows[0]?.n;
    try {
      expect(await count()).toBe('40');
    } finally {
      await store.close();
    }

    const again = await runCli(['fetch-fills', '--page-size', '20'], { cwd, env: fake.env });
    expect(again.code).toBe(0);
    // The interrupted run left no high-water mark: the re-run reads everything again (three live
    // pages, then the empty historical page) and ends with how fresh the portfolio reads were.
    const [summary, userData] = again.stdout.trimEnd().split('\n');
    expect(summary).toBe('fills: 60 items in 4 pages: 20 inserted, 0 versioned, 0 unchanged, 40 duplicates');
    expect(userData).toMatch(/^user data as of \d{4}-\d\d-\d\dT[\d:.]+Z \(user_data_timestamp\)$/);
    const reopened = await db.open();
    try {
      const t = await reopened.query<{ n: string; ids: string }>(
        'SELECT count(*)::text AS n, count(DISTINCT external_trade_id)::text AS ids FROM trades',
      );
      expect(t.rows[0]).toEqual({ n: '60', ids: '60' });
    } finally {
      await reopened.close();
    }
  });
});
