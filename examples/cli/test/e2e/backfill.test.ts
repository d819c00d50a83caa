// `precog backfill markets` spawned as a user runs it, against the fake exchange over HTTP: a
// series with a market archived behind the historical cutoff and a live one, stored with their
// candlesticks as market versions; a re-run writes nothing.
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

const H = 3_600_000;
const DAY0 = Date.parse('2026-05-01T00:00:00Z');
const OLD = 'KXBF-26MAY01-OLD';
const NEW = 'KXBF-26MAY01-NEW';

describe.each(backends)('precog backfill markets end to end on %s', (backend) => {
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
            ticker: OLD,
            eventTicker: 'KXBF-26MAY01',
            yesBid: '0.40',
            yesAsk: '0.42',
            closeTime: DAY0 + 5 * H,
          },
          {
            ticker: NEW,
            eventTicker: 'KXBF-26MAY01',
            yesBid: '0.60',
            yesAsk: '0.62',
            closeTime: DAY0 + 30 * H,
          },
        ],
      },
      cwd,
    );
    fake.exchange.setCandlesticks(OLD, [
      { end: DAY0 + 1 * H, yesBid: '0.40', yesAsk: '0.42', price: '0.41', volume: 10 },
      { end: DAY0 + 2 * H, yesBid: '0.55', yesAsk: '0.57', volume: 20 },
    ]);
    fake.exchange.setCandlesticks(NEW, [{ end: DAY0 + 3 * H, yesBid: '0.60', yesAsk: '0.62', volume: 7 }]);
    fake.exchange.settle(OLD, 'yes');
    // Everything settled until now is archived: OLD is only under /historical/* from here on.
    fake.exchange.setHistoricalCutoff({ marketSettled: Date.now() + 1000 });
    db = await createDatabase(backend, cwd);
    env = { ...fake.env, ...db.env };
  });
  afterAll(async () => {
    await fake?.close();
    await db?.dispose();
  });

  it('stores the archived and the live markets and their candles; a re-run writes nothing', async () => {
    const args = ['backfill', 'markets', '--series', 'KXBF', '--from', '2026-05-01', '--to', '2026-05-02'];
    const run = await runCli(['--json', ...args], { cwd, env });
    expect(run.stderr).not.toContain('precog:');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      series: 'KXBF',
      markets: 2,
      historicalMarkets: 1,
      candles: 3,
      versions: 5,
      skipped: 0,
    });
    const store = await db.open();
    try {
      const { rows } = await store.query<{ v: string }>(
        `SELECT concat_ws(' ', ticker, to_char(row_start_ts AT TIME ZONE 'UTC', 'MM-DD HH24:MI'), status,
                coalesce(yes_bid::text, '-'), coalesce(yes_ask::text, '-'), coalesce(volume::text, '-'),
                coalesce(nullif(result, ''), '-')) AS v
         FROM markets ORDER BY ticker DESC, row_start_ts`,
      );
      expect(rows.map((r) => r.v)).toEqual([
        'KXBF-26MAY01-OLD 05-01 01:00 active 0.400000 0.420000 10.00 -',
        'KXBF-26MAY01-OLD 05-01 02:00 active 0.550000 0.570000 20.00 -',
        expect.stringMatching(/^KXBF-26MAY01-OLD \d\d-\d\d \d\d:\d\d finalized .* yes$/),
        'KXBF-26MAY01-NEW 05-01 03:00 active 0.600000 0.620000 7.00 -',
        expect.stringMatching(/^KXBF-26MAY01-NEW 05-02 00:00 active 0.600000 0.620000 /),
      ]);
    } finally {
      await store.close();
    }
    const again = await runCli(args, { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^backfilled KXBF: 2 markets \(1 from the archive\), 3 candles, 0 versions written to .* \(5 older than the stored history skipped\)\n$/,
    );
  });
});
