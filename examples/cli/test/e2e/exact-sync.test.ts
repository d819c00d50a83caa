import type { FakeFillInput } from '@precog/kalshi-client/testing';
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

const T0 = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;
const DECI = 'KXDECI-26NOV29-A';
const DECI_GRID = [
  { start: '0', end: '0.1', step: '0.001' },
  { start: '0.1', end: '0.9', step: '0.01' },
  { start: '0.9', end: '1', step: '0.001' },
];

/** Twelve fills a minute apart on a deci-cent market, 1.33 contracts at $0.051. */
const FILLS: FakeFillInput[] = Array.from({ length: 12 }, (_, i) => ({
  ticker: DECI,
  side: 'bid' as const,
  count: '1.33',
  price: '0.051',
  fee: '0.0012',
  fillId: `fill-${String(i + 1).padStart(2, '0')}`,
  orderId: `order-${i + 1}`,
  time: T0 + (i + 1) * MIN,
}));
const IDS = FILLS.map((f) => f.fillId as string);

interface JsonResult {
  user_data_timestamp: string | null;
  results: Array<{
    stage: string;
    items: number;
    inserted: number;
    duplicates: number;
    corrected: number;
    invalid: Array<{ kind: string; id: string; path: string }>;
  }>;
}

describe.each(backends)('exact sync through the precog CLI on %s', (backend) => {
  let cwd: string;
  let fake: E2eExchange;
  let db: E2eDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    cwd = projectDir();
    fake = await startExchange(
      {
        markets: [
          {
            ticker: DECI,
            eventTicker: 'KXDECI-26NOV29',
            yesBid: '0.050',
            yesAsk: '0.051',
            priceRanges: DECI_GRID,
          },
        ],
        // 1.33 contracts x $0.051 = $0.06783 of exposure: 5 decimals, which 4-place columns refused.
        positions: [
          {
            ticker: DECI,
            position: '1.33',
            marketExposure: '0.06783',
            totalTraded: '0.06783',
            feesPaid: '0.0012',
          },
        ],
        fills: FILLS,
        balance: '10.0012',
      },
      cwd,
    );
    db = await createDatabase(backend, cwd);
    env = { ...fake.env, ...db.env };
  });
  afterAll(async () => {
    await fake?.close();
    await db?.dispose();
  });

  async function storedIds(): Promise<string[]> {
    const store = await db.open();
    try {
      const r = await store.query<{ id: string }>('SELECT external_trade_id AS id FROM trades ORDER BY 1');
      return r.rows.map((row) => row.id);
    } finally {
      await store.close();
    }
  }

  it('a full sync stores fractional deci-cent positions exactly and every fill on both sides of a moving cutoff, through 502s', async () => {
    fake.exchange.setHistoricalCutoff({ tradesCreated: T0 + 5 * MIN });
    const live502 = fake.exchange.injectFault({
      kind: 'html',
      status: 502,
      path: '/portfolio/fills',
      nth: 2,
    });
    const old502 = fake.exchange.injectFault({
      kind: 'html',
      status: 502,
      path: '/historical/fills',
      nth: 1,
    });
    // The cutoff moves while the live side is paged: after the first live page (fill-12..fill-10),
    // before the second live request (a 502 the client retries), fills up to fill-10 are archived.
    fake.exchange.setHistoricalCutoff({ tradesCreated: T0 + 11 * MIN }, { path: '/portfolio/fills', nth: 2 });
    const run = await runCli(['sync', '--json', '--page-size', '3'], { cwd, env });
    expect(run.code).toBe(0);
    expect([live502.triggered, old502.triggered]).toEqual([1, 1]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.user_data_timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const fills = result.results.find((r) => r.stage === 'fills');
    // fill-10 came on the first live page and again from the archive after the move: stored once.
    expect([fills?.items, fills?.inserted, fills?.duplicates, fills?.invalid]).toEqual([13, 12, 1, []]);
    expect(await storedIds()).toEqual(IDS);

    const store = await db.open();
    try {
      const [position] = await store.positions.current({ ticker: DECI });
      expect([
        position?.quantity.toFixed(),
        position?.marketExposure?.toFixed(),
        position?.totalTraded?.toFixed(),
        position?.feesPaid?.toFixed(),
        position?.realizedPnl?.toFixed(),
        // The exchange's figures exactly: realized_pnl is Kalshi's (before fees), fees_paid beside it.
      ]).toEqual(['1.33', '0.06783', '0.06783', '0.0012', '0']);
      const exact = await store.query<{ market_exposure: { toFixed(): string } }>(
        'SELECT market_exposure FROM positions WHERE ticker = $1 AND row_current_ind',
        [DECI],
      );
      expect(exact.rows[0]?.market_exposure.toFixed()).toBe('0.06783');
      const [balance] = await store.accountBalance.current();
      expect(balance?.balance.toFixed()).toBe('10.0012');
    } finally {
      await store.close();
    }
  });

  it('a malformed fill mid-page is named by id with a non-zero exit; a re-run after the fix stores it once', async () => {
    fake.exchange.setHistoricalCutoff({ tradesCreated: 0 });
    fake.exchange.setFillWire('fill-07', { count_fp: 'lots', fill_id: 'fill-13', trade_id: 'fill-13' });
    fake.exchange.setFillWire('fill-06', { fee_cost: '0.00000001' });
    const bad = await runCli(['fetch-fills', '--full', '--page-size', '4'], { cwd, env });
    expect(bad.code).toBe(7);
    expect(bad.stdout).toContain('fills: 12 items in');
    expect(bad.stdout).toContain('2 kept aside');
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe(
      'precog: 2 items kept aside (recorded in ingest_errors): fill fill-13 at count_fp, fill fill-06 at fees',
    );

    fake.exchange.setFillWire('fill-07');
    fake.exchange.setFillWire('fill-06');
    const fixed = await runCli(['fetch-fills', '--json'], { cwd, env });
    expect(fixed.code).toBe(0);
    const fills = (JSON.parse(fixed.stdout) as JsonResult).results[0];
    expect([fills?.inserted, fills?.invalid]).toEqual([0, []]);
    expect(await storedIds()).toEqual(IDS);

    const store = await db.open();
    try {
      const errors = await store.ingestErrors.list({ stream: 'fills' });
      expect(errors.map((e) => [e.itemId, e.itemPath])).toEqual([
        ['fill-13', 'count_fp'],
        ['fill-06', 'fees'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('a corrected fill is reported in the summary and read with its corrected figures', async () => {
    fake.exchange.setFillWire('fill-02', { fee_cost: '0.002400' });
    const run = await runCli(['fetch-fills', '--full'], { cwd, env });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^fills: 12 items in \d+ pages: 0 inserted, 0 versioned, 0 unchanged, 11 duplicates, 1 corrected$/,
    );
    const store = await db.open();
    try {
      const [current] = await store.trades.current({ externalTradeId: 'fill-02' });
      const [original] = await store.trades.list({ externalTradeId: 'fill-02' });
      expect([original?.fees.toFixed(), current?.fees.toFixed()]).toEqual(['0.0012', '0.0024']);
    } finally {
      await store.close();
    }
  });
});

const E1 = 'KXNFLGAME-26NOV29KCLV';
const E2 = 'KXNFLGAME-26NOV30DENBUF';
const KC = `${E1}-KC`;
const LV = `${E1}-LV`;
const DEN = `${E2}-DEN`;
const BUF = `${E2}-BUF`;

describe.each(backends)(
  'positions and markets across the historical cutoff through the precog CLI on %s',
  (backend) => {
    let cwd: string;
    let fake: E2eExchange;
    let db: E2eDatabase;
    let env: Record<string, string>;

    beforeAll(async () => {
      cwd = projectDir();
      fake = await startExchange(
        {
          markets: [
            { ticker: KC, eventTicker: E1, yesBid: '0.58', yesAsk: '0.60' },
            { ticker: LV, eventTicker: E1, yesBid: '0.40', yesAsk: '0.42' },
            { ticker: DEN, eventTicker: E2, yesBid: '0.48', yesAsk: '0.50' },
            { ticker: BUF, eventTicker: E2, yesBid: '0.50', yesAsk: '0.52' },
          ],
          positions: [
            {
              ticker: KC,
              position: '10',
              marketExposure: '6',
              realizedPnl: '-0.08',
              feesPaid: '0.24',
              totalTraded: '8.32',
            },
            { ticker: LV, position: '-3', marketExposure: '1.74', feesPaid: '0.061234', totalTraded: '1.74' },
            {
              ticker: DEN,
              position: '1.33',
              marketExposure: '0.06783',
              feesPaid: '0.0012',
              totalTraded: '0.06783',
            },
            {
              ticker: BUF,
              position: '0',
              marketExposure: '0',
              realizedPnl: '0.12',
              feesPaid: '0.02',
              totalTraded: '2.1',
            },
          ],
        },
        cwd,
      );
      db = await createDatabase(backend, cwd);
      env = { ...fake.env, ...db.env };
    });
    afterAll(async () => {
      await fake?.close();
      await db?.dispose();
    });

    /** Every version of the positions table, per ticker, and the number of keys of each ticker. */
    async function positionsTable() {
      const store = await db.open();
      try {
        const r = await store.query<{
          ticker: string;
          position_key: string;
          status: string;
          quantity: { toFixed(): string };
          market_exposure: { toFixed(): string } | null;
          total_traded: { toFixed(): string } | null;
          fees_paid: { toFixed(): string } | null;
          realized_pnl: { toFixed(): string } | null;
        }>(
          `SELECT ticker, position_key, status, quantity, market_exposure, total_traded, fees_paid, realized_pnl
           FROM positions ORDER BY ticker, row_start_ts, id`,
        );
        const versions: Record<string, string[][]> = {};
        const keys: Record<string, Set<string>> = {};
        for (const row of r.rows) {
          const figures = [row.market_exposure, row.total_traded, row.fees_paid, row.realized_pnl].map(
            (v) => v?.toFixed() ?? 'null',
          );
          versions[row.ticker] = [
            ...(versions[row.ticker] ?? []),
            [row.status, row.quantity.toFixed(), ...figures],
          ];
          keys[row.ticker] = (keys[row.ticker] ?? new Set<string>()).add(row.position_key);
        }
        return { versions, keys: Object.fromEntries(Object.entries(keys).map(([t, k]) => [t, k.size])) };
      } finally {
        await store.close();
      }
    }

    it('precog sync from an empty store stores each position exactly once, with the exchange figures, while the cutoff moves mid-sync', async () => {
      fake.exchange.settle(KC, 'yes');
      fake.exchange.settle(LV, 'no');
      // The KC/LV event is archived just before the second live positions page: KC was listed live
      // (flat), LV never is; both are in GET /historical/positions afterwards.
      fake.exchange.setHistoricalCutoff(
        { positionsLastUpdated: Date.now() + 1000, marketSettled: Date.now() + 1000 },
        { path: '/portfolio/positions', nth: 2 },
      );
      const old502 = fake.exchange.injectFault({
        kind: 'html',
        status: 502,
        path: '/historical/positions',
        nth: 1,
      });
      const run = await runCli(['sync', '--json', '--page-size', '1'], { cwd, env });
      expect(run.code).toBe(0);
      expect(old502.triggered).toBe(1);
      const positions = (JSON.parse(run.stdout) as JsonResult).results.find((r) => r.stage === 'positions');
      // Live: KC (flat), then DEN and BUF; archive: KC and LV. Four positions, each inserted once.
      expect([positions?.items, positions?.inserted, positions?.invalid]).toEqual([5, 4, []]);
      const { versions, keys } = await positionsTable();
      expect(keys).toEqual({ [BUF]: 1, [DEN]: 1, [KC]: 1, [LV]: 1 });
      // market_exposure, total_traded, fees_paid, realized_pnl: the exchange's figures exactly.
      expect(versions).toEqual({
        [KC]: [['settled', '0', '0', '8.32', '0.24', '3.92']],
        [LV]: [['settled', '0', '0', '1.74', '0.061234', '1.26']],
        [DEN]: [['open', '1.33', '0.06783', '0.06783', '0.0012', '0']],
        [BUF]: [['closed', '0', '0', '2.1', '0.02', '0.12']],
      });

      // Again: nothing new is written, and the archive is not walked again (the cutoff did not move).
      const walks = () =>
        fake.exchange.requests.filter(
          (r) => r.path.endsWith('/historical/positions') && !r.query.includes('cursor='),
        ).length;
      const before = walks();
      const again = await runCli(['fetch-positions', '--json'], { cwd, env });
      expect(again.code).toBe(0);
      const second = (JSON.parse(again.stdout) as JsonResult).results[0];
      expect([second?.inserted, second?.invalid]).toEqual([0, []]);
      expect(walks()).toBe(before);
      expect((await positionsTable()).versions).toEqual(versions);
    });

    it('fetch-markets --status settled reads the archived markets, with their result', async () => {
      const run = await runCli(['fetch-markets', '--status', 'settled', '--json'], { cwd, env });
      expect(run.code).toBe(0);
      const store = await db.open();
      try {
        const markets = await store.markets.current();
        expect(
          markets
            .filter((m) => m.ticker === KC || m.ticker === LV)
            .map((m) => [m.ticker, m.result])
            .sort(),
        ).toEqual([
          [KC, 'yes'],
          [LV, 'no'],
        ]);
      } finally {
        await store.close();
      }
    });
  },
);
