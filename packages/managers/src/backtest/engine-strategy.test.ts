// The engine's Strategy objects in the backtester: the same object decides the same intents in
// the engine's decision path (TradingEngine.onMarkets on the fake exchange) and in a backtest
// over the same snapshots; a user-written strategy backtests with a hand-computed P&L.
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestBackends, book, openBacktestStore, writeHistory } from '../__fixtures__/backtest-stores';
import { pgliteStore } from '../__fixtures__/stores';
import { EdgeKellyStrategy } from '../engine/edge-kelly-strategy';
import { entryGateFailure } from '../engine/entry-gates';
import type { Strategy, StrategyContext, StrategyIntent } from '../engine/strategy';
import { TradingEngine } from '../engine/trading-engine';
import { startExchange } from '../execution/__fixtures__/exchange';
import { snapshotFromMarket } from '../execution/market-snapshot';
import { DEFAULT_EXIT_CONFIG, exitConfig } from '../exits/rules';
import { edgeKellyStrategySchema } from '../strategies/strategy-config';
import { marketRow } from '../sync/mapping';
import type { MarketSnapshot } from '../types';
import { runBacktest } from './run-backtest';

const d = (v: Decimal.Value) => new Decimal(v);

/** Delegates to `inner` and records what it was shown and what it said. */
class Recording implements Strategy {
  readonly seen: { snapshot: MarketSnapshot; bankroll: string; exposure: string; intents: string[] }[] = [];
  constructor(private readonly inner: Strategy) {}
  get name() {
    return this.inner.name;
  }
  get version() {
    return this.inner.version;
  }
  get exits() {
    return this.inner.exits;
  }
  get trailingStop() {
    return this.inner.trailingStop ?? null;
  }
  onMarket(market: MarketSnapshot, context: StrategyContext): readonly StrategyIntent[] {
    const intents = this.inner.onMarket(market, context);
    this.seen.push({
      snapshot: market,
      bankroll: context.bankroll.toFixed(),
      exposure: context.exposure.toFixed(),
      intents: intents.map(
        (i) => `${i.kind} ${i.ticker} ${i.side} ${i.count} @${i.limitPrice} (${i.reason})`,
      ),
    });
    return intents;
  }
}

const plainSnapshot = (s: MarketSnapshot) => ({
  ticker: s.ticker,
  yesBid: s.yesBid?.toFixed() ?? null,
  yesAsk: s.yesAsk?.toFixed() ?? null,
  noBid: s.noBid?.toFixed() ?? null,
  noAsk: s.noAsk?.toFixed() ?? null,
  volume: s.volume?.toFixed() ?? null,
  closeTime: s.closeTime ?? null,
  observedAt: s.observedAt ?? null,
  status: s.status ?? null,
});

describe('the engine strategy in the backtester and in the engine', () => {
  const A = 'KXNFLGAME-26NOV29KCLV-KC';
  const B = 'KXNFLGAME-26NOV29BUFMIA-BUF';
  const C = 'KXNFLGAME-26NOV29NYGDAL-NYG';
  const model = new Map([
    [A, d('0.75')],
    [B, d('0.30')],
    [C, d('0.75')],
  ]);
  const probability = (t: string) => model.get(t) ?? null;
  const config = edgeKellyStrategySchema.parse({
    type: 'edge_kelly',
    minEdge: { strategy: '0.05' },
    exits: { stopLossPct: null, profitTargetPct: null, earlyExitEdge: null, edgeDisappearedBelow: null },
  });

  it('gives identical intents in TradingEngine.onMarkets and in runBacktest on the same snapshots', async () => {
    const ex = await startExchange({
      markets: [
        // A: YES edge; B: NO edge (NO ask 0.58 against 0.70); C: an edge but a 0.10 spread (gated).
        { ticker: A, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.58', yesAsk: '0.60', volume: 5000 },
        { ticker: B, eventTicker: 'KXNFLGAME-26NOV29BUFMIA', yesBid: '0.42', yesAsk: '0.44', volume: 5000 },
        { ticker: C, eventTicker: 'KXNFLGAME-26NOV29NYGDAL', yesBid: '0.50', yesAsk: '0.60', volume: 5000 },
      ].map((m) => ({ ...m, yesBidSize: 1000, yesAskSize: 1000 })),
    });
    const engineStore = await pgliteStore();
    const backtestStore = await pgliteStore();
    try {
      const now = Date.now();
      const strategy = new EdgeKellyStrategy({ name: 'nfl_edge', version: '1.0', config });
      const inEngine = new Recording(strategy);
      const engine = await TradingEngine.start({
        client: ex.client,
        store: engineStore,
        strategy: inEngine,
        probability,
        bankroll: d(1000),
        clock: { now: () => now },
        sleep: async () => undefined,
      });
      const markets = [];
      for (const ticker of [A, B, C]) {
        const market = await ex.client.markets.get(ticker);
        markets.push(market);
        await engine.onMarkets([snapshotFromMarket(market, now)], now);
      }
      await engine.stop();

      // The same markets as stored versions, replayed at the same clock.
      for (const market of markets) {
        await backtestStore.markets.upsertVersions([marketRow(market, { platformId: 'kalshi' })], {
          at: new Date(now),
        });
      }
      const inBacktest = new Recording(strategy);
      const report = await runBacktest(backtestStore, {
        strategy: inBacktest,
        probability,
        bankroll: 1000,
      });

      expect(inBacktest.seen.map((s) => plainSnapshot(s.snapshot))).toEqual(
        inEngine.seen.map((s) => plainSnapshot(s.snapshot)),
      );
      expect(
        inBacktest.seen.map(({ bankroll, exposure, intents }) => ({ bankroll, exposure, intents })),
      ).toEqual(inEngine.seen.map(({ bankroll, exposure, intents }) => ({ bankroll, exposure, intents })));
      // And what they were: A and B entered (Kelly-sized), C refused by the strategy's own gates.
      expect(inEngine.seen.map((s) => s.intents.length)).toEqual([1, 1, 0]);
      expect(report.trades.map((t) => [t.ticker, t.side, t.count.toFixed(), t.price.toFixed()])).toEqual(
        inEngine.seen.flatMap((s) =>
          s.intents.map((i) => {
            const [, ticker, side, count, price] = /^enter (\S+) (\S+) (\S+) @(\S+)/.exec(
              i,
            ) as RegExpExecArray;
            return [ticker, side, count, price];
          }),
        ),
      );
      expect(report.strategy).toBe('nfl_edge@1.0');
      // Kelly-sized on $1000: 80 × 0.60 = $48 held, then 83 × 0.58 = $48.14 more.
      expect(inEngine.seen.map((s) => [s.exposure, s.intents])).toEqual([
        [
          '0',
          ['enter KXNFLGAME-26NOV29KCLV-KC yes 80 @0.6 (yes edge 0.13 ≥ 0.05 (strategy), p 0.75 vs ask 0.6)'],
        ],
        [
          '48',
          [
            'enter KXNFLGAME-26NOV29BUFMIA-BUF no 83 @0.58 (no edge 0.1 ≥ 0.05 (strategy), p 0.7 vs ask 0.58)',
          ],
        ],
        ['96.14', []],
      ]);
    } finally {
      await ex.close();
      await engineStore.close();
      await backtestStore.close();
    }
  });
});

/** docs/engine.md's user strategy: 10 YES at the ask when the model is 8 points above it. */
class CheapYes implements Strategy {
  readonly name = 'cheap_yes';
  readonly version = '1.0';
  readonly exits = DEFAULT_EXIT_CONFIG;

  onMarket(market: MarketSnapshot, ctx: StrategyContext): readonly StrategyIntent[] {
    const p = ctx.probability(market.ticker);
    const ask = market.yesAsk;
    if (p === null || ask === null || !ctx.risk.entryAllowed) return [];
    if (ctx.position(market.ticker) !== null || ctx.restingOrders(market.ticker).length > 0) return [];
    if (p.minus(ask).lt('0.08')) return [];
    if (entryGateFailure(market, 'yes', ctx.gates, ctx.now) !== null) return [];
    return [
      {
        kind: 'enter',
        ticker: market.ticker,
        side: 'yes',
        count: new Decimal(10),
        limitPrice: ask,
        reason: `p ${p} − ask ${ask} ≥ 0.08`,
      },
    ];
  }
}

/** Enters whatever the script says, without gates of its own: the engine's gates decide. */
class Ungated implements Strategy {
  readonly name = 'ungated';
  readonly version = '1.0';
  readonly exits = exitConfig({ stopLossPct: null, profitTargetPct: null });
  onMarket(market: MarketSnapshot): readonly StrategyIntent[] {
    if (market.yesAsk === null) return [];
    return [
      {
        kind: 'enter',
        ticker: market.ticker,
        side: 'yes',
        count: d(1),
        limitPrice: market.yesAsk,
        reason: 'x',
      },
    ];
  }
}

describe.each(backtestBackends)('a user-written engine strategy backtested on %s', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openBacktestStore(backend));
    const v = { volume: '500' };
    await writeHistory(store, [
      ['2026-05-01T00:00:00Z', book('KXU-1', '0.50', '0.52', v)],
      ['2026-05-01T01:00:00Z', book('KXU-1', '0.66', '0.68', v)],
      ['2026-05-01T02:00:00Z', book('KXU-1', null, null, { ...v, status: 'settled', result: 'no' })],
      // Spread 0.05 > the 0.03 of the exit rules: the engine's entry gate refuses it.
      ['2026-05-02T00:00:00Z', book('KXW-1', '0.45', '0.50', v)],
    ]);
  });
  afterAll(async () => {
    await dispose?.();
  });

  it('takes the profit target with the exit rules on and holds to settlement with --exits none', async () => {
    const probability = (t: string) => (t === 'KXU-1' ? d('0.60') : null);
    const withExits = await runBacktest(store, { strategy: new CheapYes(), probability });
    // Buy 10 @0.52, fee roundUp(0.07 × 10 × 0.52 × 0.48 = 0.17472) = 0.18; the bid 0.66 is
    // +26.9 % ≥ the 25 % target: sell 10 @0.66, fee roundUp(0.15708) = 0.16.
    // P&L 6.60 − 5.20 − 0.18 − 0.16 = 1.06.
    expect(
      withExits.trades.map((t) => [
        t.action,
        t.count.toFixed(),
        t.price.toFixed(),
        t.fees.toFixed(),
        t.reason,
      ]),
    ).toEqual([
      ['buy', '10', '0.52', '0.18', 'p 0.6 − ask 0.52 ≥ 0.08'],
      ['sell', '10', '0.66', '0.16', expect.stringMatching(/^profit_target: /)],
    ]);
    expect([withExits.pnl.toFixed(), withExits.fees.toFixed(), withExits.wins, withExits.losses]).toEqual([
      '1.06',
      '0.34',
      1,
      0,
    ]);
    expect(withExits.strategy).toBe('cheap_yes@1.0');

    const held = await runBacktest(store, { strategy: new CheapYes(), probability, exits: 'none' });
    // Held to the NO settlement: −5.20 − 0.18.
    expect([held.pnl.toFixed(), held.trades.length, held.settlements[0]?.pnl.toFixed()]).toEqual([
      '-5.38',
      1,
      '-5.38',
    ]);
  });

  it("drops an entry the engine's gates refuse and counts it", async () => {
    const report = await runBacktest(store, {
      strategy: new Ungated(),
      probability: () => null,
      from: new Date('2026-05-02T00:00:00Z'),
    });
    expect(report.trades).toEqual([]);
    expect(report.unfilled).toEqual({ 'gate:spread_too_wide': 1 });
  });

  it('refuses an engine strategy without a model', async () => {
    await expect(runBacktest(store, { strategy: new CheapYes() })).rejects.toThrow(/needs the model/);
  });
});
