// `precog run` end to end: the trading engine in a spawned `precog` process, on the fake exchange,
// stopped with Ctrl-C (SIGINT). `--paper` trades on the CLI's own in-process fake exchange (quoted
// from the configured one); `--live` (demo: PRECOG_ENV is not prod) on the configured exchange,
// here the test's fake, whose orders and positions are asserted exactly.
import { ModelManager, StrategyManager } from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Backend,
  backends,
  type CliRun,
  createDatabase,
  type E2eDatabase,
  type E2eExchange,
  projectDir,
  runCli,
  startCli,
  startExchange,
} from './harness';

const KC = 'KXNFLGAME-26NOV29KCLV-KC';
const RUN: string[] = ['run', '--strategy', 'nfl-edge@1.0', '--model', 'elo-nfl@1.0', '--interval', '0.2'];
const messages = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{"level"'));

/** Stores the strategy and model versions `precog run` is given (the teams' seeded Elo ratings: KC 1660, LV 1430). */
async function seedVersions(store: Store): Promise<void> {
  await store.migrate();
  await new StrategyManager(store.strategies).create({
    name: 'nfl-edge',
    version: '1.0',
    config: {
      type: 'edge_kelly',
      league: 'nfl',
      exits: { stopLossPct: null, profitTargetPct: null, earlyExitEdge: null, edgeDisappearedBelow: null },
    },
    createdBy: 'e2e',
  });
  await new ModelManager(store.models).create({
    name: 'elo-nfl',
    version: '1.0',
    config: { type: 'elo', preset: 'nfl', sport: 'nfl' },
    createdBy: 'e2e',
  });
}

/** Starts `precog <args>`, waits for a status line showing a resting entry, then presses Ctrl-C. */
async function runUntilResting(args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  const run = startCli(args, { cwd, env });
  let stderr = '';
  run.child.stderr?.on('data', (d: string) => {
    stderr += d;
  });
  const deadline = Date.now() + 90_000;
  while (!/resting 1 /.test(stderr) && run.child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  run.child.kill('SIGINT');
  return run.done;
}

/** A project whose database holds the versions, and a fake exchange quoting KC. */
async function project(backend: Backend): Promise<{ cwd: string; fake: E2eExchange; db: E2eDatabase }> {
  const cwd = projectDir();
  // Elo: KC (away, 1660) beats LV (home, 1430 + 48) with p 0.7393; YES at 0.60 is an edge. Only
  // 30 contracts are offered at the ask: the Kelly entry of 80 (5 % of $1,000) fills 30, rests 50.
  const fake = await startExchange(
    {
      markets: [
        {
          ticker: KC,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.58',
          yesAsk: '0.60',
          yesBidSize: 100,
          yesAskSize: 30,
          volume: 5000,
        },
      ],
      rateLimit: false,
    },
    cwd,
  );
  const db = await createDatabase(backend, cwd);
  const store = await db.open();
  try {
    await seedVersions(store);
  } finally {
    await store.close();
  }
  return { cwd, fake, db };
}

/** The store after one run: the intent done, 30 held, the lock released. Returns the intent's order id. */
async function expectStored(db: E2eDatabase): Promise<string> {
  const store = await db.open();
  try {
    const intents = await store.query<Record<string, unknown>>(
      `SELECT strategy_key, ticker, side, kind, count::text, limit_price::text, status, filled_count::text,
              order_id FROM order_intents`,
    );
    const { order_id: orderId, ...intent } = intents.rows[0] ?? {};
    expect([intents.rows.length, intent]).toEqual([
      1,
      {
        strategy_key: 'nfl-edge@1.0',
        ticker: KC,
        side: 'yes',
        kind: 'enter',
        count: '80',
        limit_price: '0.6',
        status: 'done',
        filled_count: '30',
      },
    ]);
    const positions = await store.query(
      'SELECT ticker, side, status, quantity::text, entry_price::text FROM positions WHERE row_current_ind',
    );
    expect(positions.rows).toEqual([
      { ticker: KC, side: 'yes', status: 'open', quantity: '30.00', entry_price: '0.600000' },
    ]);
    expect((await store.query('SELECT * FROM engine_locks')).rows).toEqual([]);
    return String(orderId);
  } finally {
    await store.close();
  }
}

describe.each(backends)('precog run (end to end on the fake exchange, %s)', (backend: Backend) => {
  const opened: { fake: E2eExchange; db: E2eDatabase }[] = [];
  afterAll(async () => {
    for (const { fake, db } of opened) {
      await fake.close();
      await db.dispose();
    }
  });

  it('--live (demo) reconciles, enters on the edge, prints the status line, and Ctrl-C cancels the resting entry (exit 130)', async () => {
    const { cwd, fake, db } = await project(backend);
    opened.push({ fake, db });
    const result = await runUntilResting([...RUN, '--live'], cwd, { ...fake.env, ...db.env });
    expect(result.code, result.stderr).toBe(130);
    expect(messages(result.stderr)[0]).toBe(
      '[demo] positions 1 (30 contracts) · P&L today +0.00 · resting 1 · breaker ok',
    );
    expect(result.stdout).toBe('stopped after 1 cycles; 1 resting entries cancelled\n');

    // The exchange: one order (80 YES at 0.60, in the run's order group), 30 filled, the rest cancelled.
    const { orders, positions } = fake.exchange.snapshot();
    expect(
      orders.map((o) => [
        o.ticker,
        o.side,
        o.initialCount.toString(),
        o.price.toString(),
        o.fillCount.toString(),
        o.status,
        o.orderGroupId === undefined ? 'no group' : 'in group',
      ]),
    ).toEqual([[KC, 'bid', '80', '0.6', '30', 'canceled', 'in group']]);
    expect(positions.map((p) => [p.ticker, p.position.toString()])).toEqual([[KC, '30']]);
    expect(await expectStored(db)).toBe(orders[0]?.orderId);
  });

  it('--paper trades on its own fake exchange at the configured prices: same entry, same stop', async () => {
    const { cwd, fake, db } = await project(backend);
    opened.push({ fake, db });
    const result = await runUntilResting([...RUN, '--paper'], cwd, { ...fake.env, ...db.env });
    expect(result.code, result.stderr).toBe(130);
    expect(messages(result.stderr)[0]).toBe(
      '[paper] positions 1 (30 contracts) · P&L today +0.00 · resting 1 · breaker ok',
    );
    expect(result.stdout).toBe('stopped after 1 cycles; 1 resting entries cancelled\n');
    // Nothing reached the configured exchange but market reads.
    expect(fake.exchange.snapshot().orders).toEqual([]);
    expect(await expectStored(db)).toMatch(/.+/);
  });
});

describe('precog run --live on prod (refused before any connection)', () => {
  const cwd = projectDir();
  const prodArgs = [...RUN, '--live', '--env', 'prod'];

  it('refuses without PRECOG_ENV=prod in the environment', async () => {
    const run = await runCli(prodArgs, { cwd });
    expect([run.code, messages(run.stderr)]).toEqual([
      3,
      ['precog: live trading on prod needs PRECOG_ENV=prod in the environment (not only --env prod)'],
    ]);
  });

  it('refuses PRECOG_ENV=prod without --confirm-prod', async () => {
    const run = await runCli([...RUN, '--live'], { cwd, env: { PRECOG_ENV: 'prod' } });
    expect([run.code, messages(run.stderr)]).toEqual([
      3,
      ['precog: live trading on prod moves real money: add --confirm-prod to go ahead'],
    ]);
  });
});
