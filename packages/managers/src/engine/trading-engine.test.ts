// The engine end to end on the fake exchange (in process; PGlite, and PostgreSQL when DATABASE_URL
// is set): lock, restart after a crash, graceful stop, persisted breakers, settlement.
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startExchange, type TestExchange } from '../execution/__fixtures__/exchange';
import { snapshotFromMarket } from '../execution/market-snapshot';
import { exitConfig } from '../exits/rules';
import { edgeKellyStrategySchema } from '../strategies/strategy-config';
import type { MarketSnapshot } from '../types';
import { type EngineBackend, engineBackends, openEngineStore } from './__fixtures__/engine-stores';
import { EdgeKellyStrategy } from './edge-kelly-strategy';
import { EngineLockedError } from './errors';
import type { Strategy, StrategyIntent } from './strategy';
import { TradingEngine, type TradingEngineOptions } from './trading-engine';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const d = (v: Decimal.Value) => new Decimal(v);
// Exits that stay quiet on the test book, so only what each test does trades.
const QUIET = exitConfig({
  stopLossPct: null,
  profitTargetPct: null,
  earlyExitEdge: null,
  edgeDisappearedBelow: null,
});

/** A user strategy in a few lines: bid `price` for `count` YES once, exit `exitCount` at the bid when told. */
class ScriptedStrategy implements Strategy {
  readonly name = 'scripted';
  readonly version = '1.0';
  readonly exits = QUIET;
  next: StrategyIntent[] = [];
  onMarket(market: MarketSnapshot): readonly StrategyIntent[] {
    const out = this.next.filter((i) => i.ticker === market.ticker);
    this.next = this.next.filter((i) => i.ticker !== market.ticker);
    return out;
  }
}

const enter = (count: number, price: string): StrategyIntent => ({
  kind: 'enter',
  ticker: T,
  side: 'yes',
  count: d(count),
  limitPrice: d(price),
  reason: 'test',
});

describe.each(engineBackends)('TradingEngine on the fake exchange (%s)', (backend: EngineBackend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let ex: TestExchange;
  let now: number;
  const clock = { now: () => now };

  beforeEach(async () => {
    ({ store, dispose } = await openEngineStore(backend));
    now = Date.now();
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.58',
          yesAsk: '0.60',
          yesBidSize: 100,
          yesAskSize: 100,
          volume: 5000,
        },
      ],
    });
  });
  afterEach(async () => {
    await ex.close();
    await dispose();
  });

  const options = (strategy: Strategy, extra: Partial<TradingEngineOptions> = {}): TradingEngineOptions => ({
    client: ex.client,
    store,
    strategy,
    probability: () => d('0.75'),
    bankroll: d(1000),
    clock,
    sleep: async () => undefined,
    ...extra,
  });
  const markets = async () => [snapshotFromMarket(await ex.client.markets.get(T), now)];
  const ordersSent = () => ex.exchange.snapshot().orders.length;

  it('two engines on one strategy: the second refuses with EngineLockedError', async () => {
    const first = await TradingEngine.start(options(new ScriptedStrategy()));
    const error = await TradingEngine.start(options(new ScriptedStrategy())).catch((e: unknown) => e);
    expect(EngineLockedError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(EngineLockedError);
    expect((error as EngineLockedError).strategyKey).toBe('scripted@1.0');
    expect((error as EngineLockedError).holderPid).toBe(process.pid);
    await first.stop();
    // Released: a new engine starts.
    const third = await TradingEngine.start(options(new ScriptedStrategy()));
    await third.stop();
  });

  it('Ctrl-C (stop) cancels resting entries and releases the lock', async () => {
    const strategy = new ScriptedStrategy();
    const engine = await TradingEngine.start(options(strategy));
    strategy.next = [enter(10, '0.55')]; // below the ask: rests
    const result = await engine.cycle(await markets(), now);
    expect(result.sent).toHaveLength(1);
    expect(engine.orders.resting(T).map((o) => o.remaining.toString())).toEqual(['10']);
    const controller = new AbortController();
    controller.abort();
    const { cancelled } = await engine.run({ markets, intervalMs: 1000, signal: controller.signal });
    expect(cancelled).toBe(1);
    expect(ex.exchange.snapshot().orders.map((o) => o.status)).toEqual(['canceled']);
    const rows = await store.query<{ n: string }>('SELECT count(*)::text AS n FROM engine_locks');
    expect(rows.rows[0]?.n).toBe('0');
  });

  it('restart after a crash mid-order resumes without a duplicate order or a lost position', async () => {
    const strategy = new EdgeKellyStrategy({
      name: 'nfl_edge',
      version: '1.0',
      config: edgeKellyStrategySchema.parse({
        type: 'edge_kelly',
        exits: { stopLossPct: null, profitTargetPct: null, earlyExitEdge: null, edgeDisappearedBelow: null },
      }),
    });
    const first = await TradingEngine.start(options(strategy, { lock: { pid: 999_999 } }));
    // The order reaches the exchange but the answer is lost: the process "dies" there.
    ex.exchange.injectFault({ kind: 'truncated-json', method: 'POST', path: '/portfolio/events/orders' });
    await expect(first.cycle(await markets(), now)).rejects.toThrow();
    expect(ordersSent()).toBe(1);
    const pending = await store.query<{ status: string }>('SELECT status FROM order_intents');
    expect(pending.rows).toEqual([{ status: 'pending' }]);

    // Restart (the dead pid 999999 holds the lock): reconcile finds the order by its client id.
    now += 5_000;
    const second = await TradingEngine.start(options(strategy));
    const open = await second.positions.open();
    expect(open.map((s) => [s.position.ticker, s.position.side, s.position.quantity.toString()])).toEqual([
      // $50 (5 % of $1,000) at 0.60 + 0.02 fee: 80 contracts.
      [T, 'yes', '80'],
    ]);
    // Same market, same edge: the strategy sees what it holds and sends nothing more.
    await second.cycle(await markets(), now);
    expect(ordersSent()).toBe(1);
    const intents = await store.query<{ status: string }>('SELECT status FROM order_intents');
    expect(intents.rows).toEqual([{ status: 'done' }]);
    await second.stop();
  });

  it('a tripped breaker survives a restart: entries stay blocked', async () => {
    const strategy = new ScriptedStrategy();
    const engine = await TradingEngine.start(options(strategy));
    await engine.risk.apply({ type: 'trade_closed', at: now, realizedPnl: d('-450') });
    await engine.stop();
    const again = await TradingEngine.start(options(strategy));
    await again.risk.apply({ type: 'trade_closed', at: now, realizedPnl: d('-60') });
    await again.stop();
    const third = await TradingEngine.start(options(strategy));
    expect(third.status().breaker).toBe('open: daily_loss');
    strategy.next = [enter(5, '0.60')];
    const result = await third.cycle(await markets(), now);
    expect(result.dropped.map((x) => x.reason)).toEqual(['circuit_breaker: daily_loss']);
    expect(ordersSent()).toBe(0);
    await third.stop();
  });

  it('settlement closes positions with the exact net P&L (10 YES @0.60, 4 sold @0.58, YES → +$2.08)', async () => {
    const strategy = new ScriptedStrategy();
    const engine = await TradingEngine.start(options(strategy));
    strategy.next = [enter(10, '0.60')];
    await engine.cycle(await markets(), now);
    strategy.next = [
      { kind: 'exit', ticker: T, side: 'yes', count: d(4), limitPrice: d('0.58'), reason: 'trim' },
    ];
    await engine.cycle(await markets(), now);
    ex.exchange.settle(T, 'yes');
    await engine.cycle([], now);
    const [closed] = await engine.positions.all();
    // Settled through the store's settlements rows (the one path: syncSettlements → applySettlements).
    expect(closed?.position.status).toBe('settled');
    expect(closed?.position.feesPaid.toString()).toBe('0.24');
    expect(closed?.position.realizedPnl.toString()).toBe('2.08');
    expect(engine.status().realizedPnlToday.toString()).toBe('2.08');
    const rows = await store.query<{ ticker: string; market_result: string }>(
      'SELECT ticker, market_result FROM settlements',
    );
    expect(rows.rows).toEqual([{ ticker: T, market_result: 'yes' }]);
    // A second cycle settles nothing twice.
    await engine.cycle([], now);
    expect(engine.status().realizedPnlToday.toString()).toBe('2.08');
    await engine.stop();
  });
});
