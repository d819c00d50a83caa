import { nflMarkets } from '@precog/kalshi-client/testing';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  createDatabase,
  type E2eDatabase,
  type E2eExchange,
  projectDir,
  runCli,
  startExchange,
} from './harness';

const KICKOFF = Date.parse('2026-11-29T18:00:00Z');
const TEAMS: Array<[string, string]> = [
  ['KC', 'LV'],
  ['NYJ', 'MIA'],
  ['SF', 'SEA'],
  ['DAL', 'PHI'],
  ['GB', 'CHI'],
  ['BUF', 'NE'],
];
const nfl = nflMarkets({
  games: TEAMS.map(([away, home], i) => ({ away, home, kickoff: KICKOFF + i * 3_600_000 })),
  fillsPerGame: 35,
  seed: 11,
});
const FILLS = nfl.fills.length; // 210
const SUM_COUNT = nfl.fills.reduce((s, f) => s.plus(f.count), new Decimal(0)).toFixed(2);
const SUM_FEES = nfl.fills.reduce((s, f) => s.plus(f.fee ?? 0), new Decimal(0)).toFixed(4);

interface JsonResult {
  store: string;
  results: Array<{
    stage: string;
    pages: number;
    items: number;
    inserted: number;
    versioned: number;
    unchanged: number;
    duplicates: number;
  }>;
}

describe.each(backends)('precog sync and fetch-* end to end on %s', (backend) => {
  let cwd: string;
  let fake: E2eExchange;
  let db: E2eDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    cwd = projectDir();
    fake = await startExchange({ ...nfl, balance: '750.25' }, cwd);
    db = await createDatabase(backend, cwd);
    env = { ...fake.env, ...db.env };
  });
  afterAll(async () => {
    await fake?.close();
    await db?.dispose();
  });

  it('sync with a 502 and a 429 mid-pagination stores every fill exactly once, with exact sums', async () => {
    const html502 = fake.exchange.injectFault({
      kind: 'html',
      status: 502,
      path: '/portfolio/fills',
      nth: 2,
    });
    const limited = fake.exchange.injectFault({
      kind: 'status',
      status: 429,
      path: '/portfolio/fills',
      nth: 4,
    });
    const run = await runCli(['sync', '--json', '--page-size', '40'], { cwd, env });
    expect(run.code).toBe(0);
    // Logs are JSON lines on stderr off a terminal: the migrations applied on first use (info),
    // one warning per retry, and on the first 429 the adoption of /account/limits.
    const logs = run.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: string; status: number; path: string; msg: string });
    expect(logs.filter((l) => l.level !== 'info').map((l) => [l.level, l.status, l.path])).toEqual([
      ['warn', 502, '/trade-api/v2/portfolio/fills'],
      ['warn', undefined, undefined],
      ['warn', 429, '/trade-api/v2/portfolio/fills'],
    ]);
    expect(logs.filter((l) => l.level === 'warn')[1]?.msg).toBe(
      'kalshi: rate limited (429): adopted the key limits from /account/limits',
    );
    expect([html502.triggered, limited.triggered]).toEqual([1, 1]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.store).toMatch(backend === 'pglite' ? /^pglite .*\.precog\/pglite$/ : /^postgres /);
    expect(
      result.results.map((r) => [r.stage, r.items, r.inserted, r.versioned, r.unchanged, r.duplicates]),
    ).toEqual([
      ['balance', 1, 1, 0, 0, 0],
      ['positions', nfl.positions.length, nfl.positions.length, 0, 0, 0],
      ['fills', FILLS, FILLS, 0, 0, 0],
      ['settlements', 0, 0, 0, 0, 0],
      ['markets', 12, 12, 0, 0, 0],
    ]);
    // The live pages, then one (empty) page of GET /historical/fills.
    expect(result.results.find((r) => r.stage === 'fills')?.pages).toBe(Math.ceil(FILLS / 40) + 1);

    const store = await db.open();
    try {
      const t = await store.query<{ n: string; ids: string; qty: Decimal; fees: Decimal }>(
        'SELECT count(*)::text AS n, count(DISTINCT external_trade_id)::text AS ids, sum(quantity) AS qty, sum(fees) AS fees FROM trades',
      );
      expect(t.rows[0]!.n).toBe(String(FILLS));
      expect(t.rows[0]!.ids).toBe(String(FILLS));
      expect(t.rows[0]!.qty.toFixed(2)).toBe(SUM_COUNT);
      expect(t.rows[0]!.fees.toFixed(4)).toBe(SUM_FEES);
      const [balance] = await store.accountBalance.current();
      expect(balance!.balance.toFixed(4)).toBe('750.2500');
    } finally {
      await store.close();
    }
  });

  it('a re-run is a no-op, and off a terminal prints one summary line per stage', async () => {
    const run = await runCli(['sync', '--full'], { cwd, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.pop()).toMatch(/^user data as of \d{4}-\d\d-\d\dT[\d:.]+Z \(user_data_timestamp\)$/);
    expect(lines).toEqual([
      'balance: 1 items in 1 page: 0 inserted, 0 versioned, 1 unchanged, 0 duplicates',
      // --full: the live pages, then one (empty) page of each archive (positions, fills, markets).
      `positions: ${nfl.positions.length} items in 2 pages: 0 inserted, 0 versioned, ${nfl.positions.length} unchanged, 0 duplicates, 0 closed`,
      `fills: ${FILLS} items in ${Math.ceil(FILLS / 100) + 1} pages: 0 inserted, 0 versioned, 0 unchanged, ${FILLS} duplicates`,
      'settlements: 0 items in 1 page: 0 inserted, 0 versioned, 0 unchanged, 0 duplicates',
      'markets: 12 items in 2 pages: 0 inserted, 0 versioned, 12 unchanged, 0 duplicates',
    ]);
  });

  it('fetch-balance alone reports its stage and versions a balance that moved', async () => {
    fake.exchange.setBalance('800.10');
    const balance = await runCli(['fetch-balance', '--json'], { cwd, env });
    expect(balance.code).toBe(0);
    expect((JSON.parse(balance.stdout) as JsonResult).results).toMatchObject([
      { stage: 'balance', inserted: 0, versioned: 1, unchanged: 0 },
    ]);
  });

  it('two fetch-markets processes at once keep the SCD2 invariants', async () => {
    const moved = nfl.markets.slice(0, 5).map((m) => m.ticker);
    for (const ticker of moved) fake.exchange.movePrices(ticker, '0.03');
    const [a, b] = await Promise.all([
      runCli(['fetch-markets', '--json', '--page-size', '3'], { cwd, env }),
      runCli(['fetch-markets', '--json', '--page-size', '5'], { cwd, env }),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    const versioned = [a, b].map((r) => (JSON.parse(r.stdout) as JsonResult).results[0]!.versioned);
    // Each moved market gets exactly one new version, written by whichever process came first.
    expect(versioned[0]! + versioned[1]!).toBe(moved.length);

    const store = await db.open();
    try {
      const current = await store.query<{ ticker: string; n: string }>(
        'SELECT ticker, count(*) FILTER (WHERE row_current_ind)::text AS n FROM markets GROUP BY ticker ORDER BY ticker',
      );
      expect(current.rows).toHaveLength(12);
      expect(current.rows.every((r) => r.n === '1')).toBe(true);
      const versions = await store.query<{
        ticker: string;
        row_start_ts: Date;
        row_end_ts: Date | null;
        row_current_ind: boolean;
      }>(
        'SELECT ticker, row_start_ts, row_end_ts, row_current_ind FROM markets ORDER BY ticker, row_start_ts',
      );
      const byTicker = new Map<string, typeof versions.rows>();
      for (const v of versions.rows) byTicker.set(v.ticker, [...(byTicker.get(v.ticker) ?? []), v]);
      for (const [ticker, list] of byTicker) {
        expect(list.length, ticker).toBe(moved.includes(ticker) ? 2 : 1);
        list.forEach((v, i) => {
          const next = list[i + 1];
          if (next === undefined) {
            expect([v.row_current_ind, v.row_end_ts]).toEqual([true, null]);
          } else {
            // Contiguous and non-overlapping: each version ends exactly where the next starts.
            expect(v.row_current_ind).toBe(false);
            expect(v.row_end_ts).toEqual(next.row_start_ts);
            expect(v.row_start_ts.getTime()).toBeLessThan(next.row_start_ts.getTime());
          }
        });
      }
    } finally {
      await store.close();
    }
  });

  it('fetch-markets needs no key: market data is public', async () => {
    const run = await runCli(['fetch-markets', '--json'], {
      cwd,
      env: { KALSHI_BASE_URL: fake.server.url, ...db.env },
    });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((JSON.parse(run.stdout) as JsonResult).results).toMatchObject([
      { stage: 'markets', items: 12, inserted: 0, versioned: 0, unchanged: 12 },
    ]);
  });
});
