// backfillMarkets against the fake exchange over HTTP: a series with one market archived behind
// the historical cutoff and one live, their candles as versions, and an idempotent re-run.
import { KalshiClient } from '@precog/kalshi-client';
import { createFakeExchange, type FakeExchangeServer } from '@precog/kalshi-client/testing';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestBackends, openBacktestStore } from '../__fixtures__/backtest-stores';
import { type BackfillResult, backfillMarkets } from './backfill';
import { edgeStrategy } from './edge-strategy';
import { runBacktest } from './run-backtest';

const H = 3_600_000;
const DAY0 = Date.parse('2026-05-01T00:00:00Z');
const OLD = 'KXBF-26MAY01-OLD';
const NEW = 'KXBF-26MAY01-NEW';

describe.each(backtestBackends)('backfillMarkets on %s', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let server: FakeExchangeServer;
  let client: KalshiClient;
  const clock = { now: () => DAY0 + 6 * H };

  beforeAll(async () => {
    ({ store, dispose } = await openBacktestStore(backend));
    const exchange = createFakeExchange({
      clock,
      markets: [
        { ticker: OLD, eventTicker: 'KXBF-26MAY01', yesBid: '0.40', yesAsk: '0.42', closeTime: DAY0 + 5 * H },
        {
          ticker: NEW,
          eventTicker: 'KXBF-26MAY01',
          yesBid: '0.60',
          yesAsk: '0.62',
          closeTime: DAY0 + 30 * H,
        },
      ],
    });
    exchange.setCandlesticks(OLD, [
      { end: DAY0 + 1 * H, yesBid: '0.40', yesAsk: '0.42', price: '0.41', volume: 10, openInterest: 5 },
      { end: DAY0 + 2 * H, yesBid: '0.55', yesAsk: '0.57', volume: 20 },
    ]);
    exchange.setCandlesticks(NEW, [{ end: DAY0 + 3 * H, yesBid: '0.60', yesAsk: '0.62', volume: 7 }]);
    // OLD settles YES at 06:00, before the cutoff at 12:00: it is only in the archive now.
    exchange.settle(OLD, 'yes');
    exchange.setHistoricalCutoff({ marketSettled: DAY0 + 12 * H });
    server = await exchange.listen();
    client = new KalshiClient({ baseUrl: server.url, maxRetries: 0, circuitBreaker: false });
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  const versions = async () =>
    (
      await store.query<{ v: string }>(
        `SELECT concat_ws(' ', ticker, to_char(row_start_ts AT TIME ZONE 'UTC', 'DD HH24:MI'), status,
                coalesce(yes_bid::text, '-'), coalesce(yes_ask::text, '-'), coalesce(no_bid::text, '-'),
                coalesce(no_ask::text, '-'), coalesce(volume::text, '-'), coalesce(nullif(result, ''), '-')) AS v
         FROM markets ORDER BY ticker DESC, row_start_ts`,
      )
    ).rows.map((r) => r.v);

  it('stores the archived and the live markets with their candles, and a re-run writes nothing', async () => {
    const progress: BackfillResult[] = [];
    const options = {
      seriesTicker: 'KXBF',
      from: new Date(DAY0),
      to: new Date(DAY0 + 24 * H),
      onProgress: (p: BackfillResult) => progress.push(p),
    };
    const first = await backfillMarkets(client, store, options);
    expect(first).toEqual({ markets: 2, historicalMarkets: 1, candles: 3, versions: 5, skipped: 0 });
    expect(progress.map((p) => p.markets)).toEqual([1, 2]);
    expect(await versions()).toEqual([
      // Archived: two candles (NO book mirrored), then the settled market at its settlement.
      'KXBF-26MAY01-OLD 01 01:00 active 0.400000 0.420000 0.580000 0.600000 10.00 -',
      'KXBF-26MAY01-OLD 01 02:00 active 0.550000 0.570000 0.430000 0.450000 20.00 -',
      expect.stringMatching(/^KXBF-26MAY01-OLD 01 06:00 finalized .* yes$/),
      // Live: its candle, then the market as it is now, at `to` (it closes later).
      'KXBF-26MAY01-NEW 01 03:00 active 0.600000 0.620000 0.380000 0.400000 7.00 -',
      expect.stringMatching(/^KXBF-26MAY01-NEW 02 00:00 active 0.600000 0.620000 0.380000 0.400000 /),
    ]);

    const again = await backfillMarkets(client, store, options);
    expect(again).toEqual({ markets: 2, historicalMarkets: 1, candles: 3, versions: 0, skipped: 5 });
    expect(await versions()).toHaveLength(5);
  });

  it('feeds a backtest: the archived market settles from its result', async () => {
    const report = await runBacktest(store, {
      strategy: edgeStrategy({ probability: (t) => (t === OLD ? new Decimal('0.60') : null), contracts: 10 }),
      exits: 'none',
    });
    // Bought 10 YES @0.42 at 01:00: fee roundUp(0.07 × 10 × 0.42 × 0.58 = 0.17052) = 0.18, edge
    // 0.60 − 0.42 − 0.018 = 0.162 ≥ 0.05; settled YES: 10 − 4.20 − 0.18 = 5.62.
    expect(report.trades.map((t) => [t.ticker, t.price.toFixed(), t.fees.toFixed()])).toEqual([
      [OLD, '0.42', '0.18'],
    ]);
    expect(report.pnl.toFixed()).toBe('5.62');
  });
});
