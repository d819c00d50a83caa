// Two `precog fetch-markets` at once on one key, against a fake exchange that enforces Kalshi's
// Basic read bucket (200 tokens/s, 200 deep, 10 per page): with KALSHI_RATE_LIMIT_URL both share
// one budget in Redis and both succeed, with no retry to hide a 429 (max_attempts 1).
import { nflMarkets } from '@precog/kalshi-client/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eExchange, projectDir, runCli, startExchange } from './harness';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL && process.env.CI) throw new Error('REDIS_URL must be set in CI');
if (!REDIS_URL) console.warn('REDIS_URL is not set: skipping the shared rate limit end-to-end test');

const TEAMS: Array<[string, string]> = [
  ['KC', 'LV'],
  ['NYJ', 'MIA'],
  ['SF', 'SEA'],
  ['DAL', 'PHI'],
  ['GB', 'CHI'],
  ['BUF', 'NE'],
];
const nfl = nflMarkets({
  games: TEAMS.map(([away, home], i) => ({
    away,
    home,
    kickoff: Date.parse('2026-11-29T18:00:00Z') + i * 3_600_000,
  })),
  fillsPerGame: 0,
  seed: 3,
});

describe.skipIf(!REDIS_URL)('two fetch-markets processes sharing one key through Redis', () => {
  let fake: E2eExchange;
  let dirs: string[];
  beforeAll(async () => {
    dirs = [projectDir(), projectDir()];
    fake = await startExchange(nfl, dirs[0]!);
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('both succeed with zero 429s', { timeout: 120_000 }, async () => {
    const url = new URL(REDIS_URL as string);
    url.pathname = '/9';
    const env = {
      ...fake.env,
      KALSHI_RATE_LIMIT_URL: url.toString(),
      PRECOG_SYSTEM__DEFAULTS__RETRIES__MAX_ATTEMPTS: '1',
    };
    // A fresh key prefix is not configurable from the CLI: start from the exchange's full bucket
    // and a Redis bucket that is at most full too (the limiter never starts above the budget).
    fake.exchange.resetRateLimits();
    const runs = await Promise.all(
      dirs.map((cwd) => runCli(['fetch-markets', '--json', '--page-size', '1'], { cwd, env })),
    );
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0]);
    const pages = fake.exchange.requests.filter((r) => r.path.endsWith('/markets'));
    expect(pages.filter((r) => r.status === 429)).toHaveLength(0);
    // Each process read every market page by page: more than a bucket's worth of requests.
    expect(pages.length).toBeGreaterThanOrEqual(2 * 12);
  });
});
