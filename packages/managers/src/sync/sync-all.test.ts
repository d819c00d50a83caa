import { nflMarkets } from '@precog/kalshi-client/testing';
import type { Store } from '@precog/scd2-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { syncBalance } from './balance';
import { SyncInterruptedError } from './errors';
import { syncMarkets } from './markets';
import { syncSettlements } from './settlements';
import { syncAll } from './sync-all';
import type { SyncProgress, SyncResult } from './types';

const KICKOFF = Date.parse('2026-11-29T18:00:00Z');
const nfl = nflMarkets({
  games: [
    { away: 'KC', home: 'LV', kickoff: KICKOFF, homeWinProbability: '0.30' },
    { away: 'NYJ', home: 'MIA', kickoff: KICKOFF, homeWinProbability: '0.60' },
    { away: 'SF', home: 'SEA', kickoff: KICKOFF + 3_600_000, homeWinProbability: '0.45', status: 'closed' },
  ],
  fillsPerGame: 4,
  seed: 7,
});

const counts = (r: SyncResult | undefined) => [r?.inserted, r?.versioned, r?.unchanged, r?.duplicates];

describe('syncBalance, syncSettlements, syncMarkets and syncAll against one account', () => {
  let ex: TestExchange;
  let store: Store;
  beforeAll(async () => {
    ex = await startExchange({
      ...nfl,
      balance: '1234.5678',
      settlements: [
        {
          ticker: 'KXNFLGAME-26NOV22KCIND-KC',
          result: 'yes',
          yesCount: '12',
          yesTotalCost: '7.32',
          feeCost: '0.05',
          settledTime: Date.parse('2026-11-23T02:10:00Z'),
        },
        {
          ticker: 'KXNFLGAME-26NOV23GBNYG-NYG',
          result: 'no',
          noCount: '5',
          noTotalCost: '2.15',
          settledTime: Date.parse('2026-11-24T01:05:00Z'),
        },
      ],
    });
    store = await freshStore();
  });
  afterAll(async () => {
    await ex.close();
    await store.close();
  });

  it('syncBalance writes one version, nothing on a re-run, a new version when the balance moves', async () => {
    const progress: SyncProgress[] = [];
    const first = await syncBalance(ex.client, store, { onProgress: (p) => progress.push(p) });
    expect(first).toEqual({
      stage: 'balance',
      pages: 1,
      items: 1,
      inserted: 1,
      versioned: 0,
      unchanged: 0,
      duplicates: 0,
      corrected: 0,
      closed: 0,
      invalid: [],
    });
    expect(progress).toEqual([
      {
        stage: 'balance',
        pages: 1,
        items: 1,
        inserted: 1,
        versioned: 0,
        unchanged: 0,
        duplicates: 0,
        corrected: 0,
        done: true,
      },
    ]);
    expect(counts(await syncBalance(ex.client, store))).toEqual([0, 0, 1, 0]);
    ex.exchange.setBalance('1200.0001');
    expect(counts(await syncBalance(ex.client, store))).toEqual([0, 1, 0, 0]);
    const history = await store.accountBalance.history({ subaccount: 0 });
    expect(history.map((v) => [v.balance.toFixed(4), v.currency, v.rowCurrentInd])).toEqual([
      ['1234.5678', 'USD', false],
      ['1200.0001', 'USD', true],
    ]);
    expect(history[0]!.rowEndTs).toEqual(history[1]!.rowStartTs);
  });

  it('syncSettlements stores each settlement once, in dollars', async () => {
    expect(counts(await syncSettlements(ex.client, store, { pageSize: 1 }))).toEqual([2, 0, 0, 0]);
    // Incremental: from the high-water mark (the newest settlement) less one hour: only it is re-read.
    expect(counts(await syncSettlements(ex.client, store))).toEqual([0, 0, 0, 1]);
    expect(counts(await syncSettlements(ex.client, store, { full: true }))).toEqual([0, 0, 0, 2]);
    const rows = await store.settlements.list();
    expect(
      rows.map((s) => [
        s.ticker,
        s.eventTicker,
        s.marketResult,
        s.settledAt.toISOString(),
        s.revenue.toFixed(2),
        s.fees.toFixed(2),
        s.yesCount?.toString(),
        s.noCount?.toString(),
        s.yesTotalCost?.toFixed(2),
        s.noTotalCost?.toFixed(2),
        s.settlementValue?.toFixed(2),
      ]),
    ).toEqual([
      [
        'KXNFLGAME-26NOV22KCIND-KC',
        'KXNFLGAME-26NOV22KCIND',
        'yes',
        '2026-11-23T02:10:00.000Z',
        '12.00',
        '0.05',
        '12',
        '0',
        '7.32',
        '0.00',
        '1.00',
      ],
      [
        'KXNFLGAME-26NOV23GBNYG-NYG',
        'KXNFLGAME-26NOV23GBNYG',
        'no',
        '2026-11-24T01:05:00.000Z',
        '5.00',
        '0.00',
        '0',
        '5',
        '0.00',
        '2.15',
        '0.00',
      ],
    ]);
    expect(rows[0]!.metadata).toMatchObject({ revenue: '1200', market_result: 'yes' });
  });

  it('syncMarkets filters by event and status, and versions a market whose prices moved', async () => {
    const event = nfl.events[0]!.eventTicker;
    const one = await syncMarkets(ex.client, store, { eventTicker: event });
    expect([one.items, ...counts(one)]).toEqual([2, 2, 0, 0, 0]);
    const closed = await syncMarkets(ex.client, store, { status: 'closed' });
    expect([closed.items, ...counts(closed)]).toEqual([2, 2, 0, 0, 0]);
    const all = await syncMarkets(ex.client, store, { seriesTicker: 'KXNFLGAME', pageSize: 4 });
    expect([all.pages, all.items, ...counts(all)]).toEqual([2, 6, 2, 0, 4, 0]);

    const ticker = `${event}-KC`;
    const [before] = await store.markets.current({ ticker });
    expect(before).toMatchObject({
      eventTicker: event,
      status: 'active',
      title: 'Kansas City at Las Vegas Winner?',
    });
    expect([before!.yesBid, before!.yesAsk, before!.volume].map((d) => d?.toFixed(2))).toEqual([
      '0.69',
      '0.71',
      '0.00',
    ]);
    expect(before!.metadata).toMatchObject({ ticker, yes_bid_dollars: '0.69' });

    ex.exchange.movePrices(ticker, '0.05');
    const moved = await syncMarkets(ex.client, store);
    expect(counts(moved)).toEqual([0, 1, 5, 0]);
    const history = await store.markets.history({ ticker });
    expect(history.map((v) => [v.yesBid?.toFixed(2), v.yesAsk?.toFixed(2), v.rowCurrentInd])).toEqual([
      ['0.69', '0.71', false],
      ['0.74', '0.76', true],
    ]);
    expect(history[0]!.rowEndTs).toEqual(history[1]!.rowStartTs);
  });

  it('syncAll runs every stage in order, and a re-run writes nothing', async () => {
    const seen: string[] = [];
    const result = await syncAll(ex.client, store, {
      pageSize: 5,
      onProgress: (p) => {
        if (p.done) seen.push(p.stage);
      },
    });
    expect(seen).toEqual(['balance', 'positions', 'fills', 'settlements', 'markets']);
    expect(result.results.map((r) => r.stage)).toEqual(seen);
    expect(counts(result.fills)).toEqual([12, 0, 0, 0]);
    expect(result.positions?.inserted).toBe(nfl.positions.length);
    const again = await syncAll(ex.client, store, { pageSize: 5, full: true });
    expect(again.results.map((r) => [r.stage, r.inserted, r.versioned])).toEqual([
      ['balance', 0, 0],
      ['positions', 0, 0],
      ['fills', 0, 0],
      ['settlements', 0, 0],
      ['markets', 0, 0],
    ]);
    expect(again.fills?.duplicates).toBe(12);
  });

  it('syncBalance aborted while its request hangs is interrupted, writing nothing', async () => {
    const fault = ex.exchange.injectFault({ kind: 'timeout', path: '/portfolio/balance' });
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 0);
    const error = await syncBalance(ex.client, store, { signal: abort.signal }).catch((e: unknown) => e);
    fault.clear();
    expect(error).toBeInstanceOf(SyncInterruptedError);
    expect((error as SyncInterruptedError).result).toMatchObject({ stage: 'balance', pages: 0, inserted: 0 });
  });

  it('syncAll runs only the stages asked for, and stops at an interruption', async () => {
    const only = await syncAll(ex.client, store, { stages: ['markets', 'balance'], status: 'closed' });
    expect(only.results.map((r) => r.stage)).toEqual(['balance', 'markets']);
    expect(only.markets?.items).toBe(2);
    expect(only.fills).toBeUndefined();
    const abort = new AbortController();
    abort.abort();
    await expect(syncAll(ex.client, store, { signal: abort.signal })).rejects.toBeInstanceOf(
      SyncInterruptedError,
    );
  });
});
