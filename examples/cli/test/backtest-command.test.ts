// `precog backtest` in-process through the real program (commander, runAction, exit codes) on a
// small stored history: PGlite in a temporary directory, and a fresh PostgreSQL schema when
// DATABASE_URL is set. The expected figures are computed by hand in the comments.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  backtestReportToJson,
  EdgeKellyStrategy,
  edgeKellyStrategySchema,
  runBacktest,
} from '@precog/managers';
import { type MarketInput, openStore, type Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../src/cli/run-action';
import { buildProgram } from '../src/main';

const saved = { INIT_CWD: process.env.INIT_CWD, DATABASE_URL: process.env.DATABASE_URL };
const SERVER = saved.DATABASE_URL;

async function precog(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await runProgram(buildProgram(), ['node', 'precog', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

/** A version with the YES book given and the NO book mirrored. */
function book(ticker: string, yesBid: string | null, yesAsk: string | null, over: Partial<MarketInput> = {}) {
  const mirror = (p: string | null) => (p === null ? null : new Decimal(1).minus(p).toFixed());
  return {
    ticker,
    eventTicker: ticker.split('-')[0] ?? ticker,
    status: 'active',
    yesBid,
    yesAsk,
    noBid: mirror(yesAsk),
    noAsk: mirror(yesBid),
    ...over,
  } satisfies MarketInput;
}

// A settles YES, B settles YES (the NO bought loses), C never settles.
const HISTORY: [string, MarketInput][] = [
  ['2026-05-01T00:00:00Z', book('KXA-1', '0.53', '0.55')],
  ['2026-05-01T00:00:00Z', book('KXB-1', '0.30', '0.32')],
  ['2026-05-01T00:00:00Z', book('KXC-1', '0.20', '0.22')],
  ['2026-05-02T00:00:00Z', book('KXA-1', '0.60', '0.62')],
  ['2026-05-02T01:00:00Z', book('KXB-1', '0.40', '0.42')],
  ['2026-05-02T02:00:00Z', book('KXC-1', '0.30', '0.32')],
  ['2026-05-03T00:00:00Z', book('KXA-1', null, null, { status: 'settled', result: 'yes' })],
  ['2026-05-04T00:00:00Z', book('KXB-1', null, null, { status: 'settled', result: 'yes' })],
];

const backends = SERVER === undefined ? ['pglite'] : ['pglite', 'postgres'];

describe.each(backends)('precog backtest on %s', (backend) => {
  let dir: string;
  let schema: string | null = null;
  const openTestStore = () =>
    backend === 'postgres'
      ? openStore({ databaseUrl: process.env.DATABASE_URL })
      : openStore({ dataDir: join(dir, '.precog', 'pglite') });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'precog-backtest-'));
    process.env.INIT_CWD = dir;
    let store: Store;
    if (backend === 'postgres') {
      schema = `cli_backtest_${randomBytes(4).toString('hex')}`;
      const admin = await openStore({ databaseUrl: SERVER });
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
      const url = new URL(SERVER as string);
      url.searchParams.set('options', `-c search_path=${schema}`);
      process.env.DATABASE_URL = url.toString();
      store = await openStore({ databaseUrl: url.toString() });
    } else {
      delete process.env.DATABASE_URL;
      store = await openStore({ dataDir: join(dir, '.precog', 'pglite') });
    }
    try {
      await store.migrate();
      for (const [at, row] of HISTORY) await store.markets.upsertVersions([row], { at: new Date(at) });
    } finally {
      await store.close();
    }
    writeFileSync(join(dir, 'p.csv'), 'ticker,probability\nKXA-1,0.70\nKXB-1,0.20\nKXC-1,0.40\n');
    writeFileSync(join(dir, 'bad.csv'), 'ticker,probability\nKXA-1,1.2\n');
  });
  afterAll(async () => {
    process.env.INIT_CWD = saved.INIT_CWD;
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.DATABASE_URL;
    if (schema !== null) {
      const admin = await openStore({ databaseUrl: SERVER });
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.close();
    }
  });

  it('--probabilities --contracts 10 --exits none --json equals the hand-computed trades, fees and P&L', async () => {
    const run = await precog(
      '--json',
      'backtest',
      '--probabilities',
      'p.csv',
      '--contracts',
      '10',
      '--exits',
      'none',
      '--no-record',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      trades: unknown[];
      pnl: string;
      fees: string;
      realizedPnl: string;
      unrealizedPnl: string;
      settlements: { ticker: string; pnl: string }[];
    };
    // A: YES edge 0.70 − 0.55 − 0.18/10 = 0.132, fee roundUp(0.07 × 10 × 0.55 × 0.45 = 0.17325) = 0.18.
    // B: NO edge 0.80 − 0.70 − 0.15/10 = 0.085, fee roundUp(0.147) = 0.15.
    // C: YES edge 0.40 − 0.22 − 0.13/10 = 0.167, fee roundUp(0.12012) = 0.13.
    expect(doc.trades).toEqual([
      {
        ticker: 'KXA-1',
        side: 'yes',
        count: '10',
        price: '0.55',
        fees: '0.18',
        time: '2026-05-01T00:00:00.000Z',
      },
      {
        ticker: 'KXB-1',
        side: 'no',
        count: '10',
        price: '0.7',
        fees: '0.15',
        time: '2026-05-01T00:00:00.000Z',
      },
      {
        ticker: 'KXC-1',
        side: 'yes',
        count: '10',
        price: '0.22',
        fees: '0.13',
        time: '2026-05-01T00:00:00.000Z',
      },
    ]);
    // A pays 10 − 5.50 − 0.18 = 4.32; B −7.00 − 0.15 = −7.15; C open at its bid 0.30: 3 − 2.2 − 0.13 = 0.67.
    expect(doc.settlements.map((s) => [s.ticker, s.pnl])).toEqual([
      ['KXA-1', '4.32'],
      ['KXB-1', '-7.15'],
    ]);
    expect([doc.fees, doc.realizedPnl, doc.unrealizedPnl, doc.pnl]).toEqual([
      '0.46',
      '-2.83',
      '0.67',
      '-2.16',
    ]);
  });

  it('--plot FILE.svg writes the equity curve as SVG', async () => {
    const run = await precog(
      'backtest',
      '--probabilities',
      'p.csv',
      '--contracts',
      '10',
      '--exits',
      'none',
      '--plot',
      'equity.svg',
      '--no-record',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('net P&L       -2.16 (realized -2.83, open at marks 0.67)');
    expect(run.stdout).toContain('equity curve written to equity.svg');
    const svg = readFileSync(join(dir, 'equity.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>edge · p.csv · net P&amp;L -2.16 · max drawdown 5.8</title>');
    // The curve: from the start at 0, down to its low -2.16 at the bottom of the plot (y 280).
    expect(svg).toMatch(/<path d="M70\.0,189\.1H[^"]*V280\.0" fill="none"/);
  });

  it('refuses bad input with one line and the usage exit code (2)', async () => {
    const base = ['backtest', '--contracts', '10', '--no-record'];
    expect(await precog(...base, '--probabilities', 'missing.csv')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'precog: --probabilities: cannot read missing.csv (ENOENT)\n',
    });
    const outOfRange = await precog(...base, '--probabilities', 'bad.csv');
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toMatch(/^precog: --probabilities bad\.csv: line 2: .*1\.2.*\n$/);
    expect(outOfRange.stderr.split('\n')).toHaveLength(2);
    const window = await precog(
      ...base,
      '--probabilities',
      'p.csv',
      '--from',
      '2026-06-01',
      '--to',
      '2026-05-01',
    );
    expect(window).toEqual({
      code: 2,
      stdout: '',
      stderr: 'precog: to (2026-05-01T00:00:00.000Z) must be after from (2026-06-01T00:00:00.000Z)\n',
    });
    expect(existsSync(join(dir, 'missing.csv'))).toBe(false);
  });

  it("--strategy name@version runs the engine's EdgeKellyStrategy built from the stored version", async () => {
    const config = {
      type: 'edge_kelly',
      minEdge: { strategy: '0.05' },
      exits: { stopLossPct: null, profitTargetPct: null, earlyExitEdge: null, edgeDisappearedBelow: null },
    };
    const created = await precog(
      'strategies',
      'create',
      '--name',
      'nfl-edge',
      '--version',
      '1',
      '--config-json',
      JSON.stringify(config),
    );
    expect(created.code).toBe(0);
    const run = await precog(
      '--json',
      'backtest',
      '--strategy',
      'nfl-edge@1',
      '--probabilities',
      'p.csv',
      '--bankroll',
      '1000',
      '--no-record',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { strategy: string; trades: { ticker: string; count: string }[] };
    expect(doc.strategy).toBe('nfl-edge@1');
    // The same object, built here from the same config, on the same store: the same document.
    const store = await openTestStore();
    try {
      const report = await runBacktest(store, {
        strategy: new EdgeKellyStrategy({
          name: 'nfl-edge',
          version: '1',
          config: edgeKellyStrategySchema.parse(config),
        }),
        probability: (t) =>
          ({ 'KXA-1': new Decimal('0.70'), 'KXB-1': new Decimal('0.20'), 'KXC-1': new Decimal('0.40') })[t] ??
          null,
        bankroll: 1000,
        model: 'p.csv',
      });
      expect(doc).toEqual(JSON.parse(JSON.stringify(backtestReportToJson(report))));
    } finally {
      await store.close();
    }
    // Kelly-sized entries on all three markets (not the fixed 10 of the edge rule), and a top-up
    // on B when its NO ask falls from 0.70 to 0.60 (the strategy buys what its Kelly size lacks).
    expect(doc.trades.map((t) => t.ticker)).toEqual(['KXA-1', 'KXB-1', 'KXC-1', 'KXB-1']);
    expect(doc.trades.every((t) => t.count !== '10')).toBe(true);
  });
});
