import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestBackends, book, openBacktestStore, writeHistory } from '../__fixtures__/backtest-stores';
import { exitConfig } from '../exits/rules';
import { edgeStrategy } from './edge-strategy';
import type { BacktestReport } from './report';
import { runBacktest } from './run-backtest';

const probabilities = new Map([
  ['KXA-1', new Decimal('0.70')],
  ['KXB-1', new Decimal('0.20')],
  ['KXC-1', new Decimal('0.40')],
]);
const model = (ticker: string) => probabilities.get(ticker) ?? null;

// Three markets; A settles YES, B settles YES (the NO bought loses), C never settles.
const history = [
  ['2026-05-01T00:00:00Z', book('KXA-1', '0.53', '0.55')],
  ['2026-05-01T00:00:00Z', book('KXB-1', '0.30', '0.32')],
  ['2026-05-01T00:00:00Z', book('KXC-1', '0.20', '0.22')],
  ['2026-05-02T00:00:00Z', book('KXA-1', '0.60', '0.62')],
  ['2026-05-02T01:00:00Z', book('KXB-1', '0.40', '0.42')],
  ['2026-05-02T02:00:00Z', book('KXC-1', '0.30', '0.32')],
  ['2026-05-03T00:00:00Z', book('KXA-1', null, null, { status: 'settled', result: 'yes' })],
  ['2026-05-04T00:00:00Z', book('KXB-1', null, null, { status: 'settled', result: 'yes' })],
] as const;

const plain = (r: BacktestReport) => ({
  trades: r.trades.map((t) => [
    t.ticker,
    t.side,
    t.action,
    t.count.toFixed(),
    t.price.toFixed(),
    t.fees.toFixed(),
    new Date(t.time).toISOString(),
  ]),
  settlements: r.settlements.map((s) => [s.ticker, s.side, s.result, s.payout.toFixed(), s.pnl.toFixed()]),
  open: r.open.map((o) => [
    o.ticker,
    o.side,
    o.count.toFixed(),
    o.mark?.toFixed(),
    o.markValue.toFixed(),
    o.pnl.toFixed(),
  ]),
  fees: r.fees.toFixed(),
  realizedPnl: r.realizedPnl.toFixed(),
  unrealizedPnl: r.unrealizedPnl.toFixed(),
  pnl: r.pnl.toFixed(),
  maxDrawdown: r.maxDrawdown.toFixed(),
  maxExposure: r.maxExposure.toFixed(),
  exposure: r.exposure.map((p) => p.value.toFixed()),
  wins: r.wins,
  losses: r.losses,
  hitRate: r.hitRate?.toFixed() ?? null,
  brierModel: r.brier.model?.toFixed() ?? null,
  brierMarket: r.brier.market?.toFixed() ?? null,
  brierCount: r.brier.count,
});

describe.each(backtestBackends)('runBacktest on %s', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openBacktestStore(backend));
    await writeHistory(store, history);
  });
  afterAll(async () => {
    await dispose?.();
  });

  const holdToSettlement = () =>
    runBacktest(store, {
      strategy: edgeStrategy({ probability: model, minEdge: '0.05', contracts: 10 }),
      exits: 'none',
      pageSize: 2,
    });

  it('equals the hand-computed P&L when held to settlement (entries, fees, settlement, a market left open)', async () => {
    const report = await holdToSettlement();
    expect(plain(report)).toEqual({
      // A: YES edge 0.70 − 0.55 − 0.18/10 = 0.132; fee roundUp(0.07 × 10 × 0.55 × 0.45 = 0.17325) = 0.18.
      // B: NO edge 0.80 − 0.70 − 0.15/10 = 0.085; fee roundUp(0.147) = 0.15.
      // C: YES edge 0.40 − 0.22 − 0.13/10 = 0.167; fee roundUp(0.12012) = 0.13.
      trades: [
        ['KXA-1', 'yes', 'buy', '10', '0.55', '0.18', '2026-05-01T00:00:00.000Z'],
        ['KXB-1', 'no', 'buy', '10', '0.7', '0.15', '2026-05-01T00:00:00.000Z'],
        ['KXC-1', 'yes', 'buy', '10', '0.22', '0.13', '2026-05-01T00:00:00.000Z'],
      ],
      // A: 10 − 5.50 − 0.18 = 4.32. B: 0 − 7.00 − 0.15 = −7.15.
      settlements: [
        ['KXA-1', 'yes', 'yes', '10', '4.32'],
        ['KXB-1', 'no', 'yes', '0', '-7.15'],
      ],
      // C never settles: open at its last YES bid 0.30 → 3.00 − 2.20 − 0.13 = 0.67.
      open: [['KXC-1', 'yes', '10', '0.3', '3', '0.67']],
      fees: '0.46',
      realizedPnl: '-2.83',
      unrealizedPnl: '0.67',
      pnl: '-2.16',
      // Equity (cash + bids held): peak 3.64 after A pays 10 (−5.16 cash + B 5.80 + C 3.00), then −2.16.
      maxDrawdown: '5.8',
      maxExposure: '14.7',
      exposure: ['5.5', '12.5', '14.7', '9.2', '2.2'],
      wins: 1,
      losses: 1,
      hitRate: '0.5',
      // Model: ((0.70 − 1)² + (0.80 − 0)²) / 2; market: ((0.55 − 1)² + (0.70 − 0)²) / 2. C is not scored.
      brierModel: '0.365',
      brierMarket: '0.34625',
      brierCount: 2,
    });
    expect(report.versions).toBe(8);
  });

  it('gives the same report on a rerun', async () => {
    const [first, second] = [await holdToSettlement(), await holdToSettlement()];
    expect(plain(second)).toEqual(plain(first));
    expect(second.equity.map((p) => [p.time, p.value.toFixed()])).toEqual(
      first.equity.map((p) => [p.time, p.value.toFixed()]),
    );
  });

  it('takes the profit with exit rules on, where holding loses', async () => {
    const strategy = edgeStrategy({
      probability: (t) => (t === 'KXD-1' ? new Decimal('0.70') : null),
      minEdge: '0.05',
      contracts: 10,
      exits: exitConfig({ profitTargetPct: new Decimal('0.10') }),
    });
    await writeHistory(store, [
      ['2026-06-01T00:00:00Z', book('KXD-1', '0.53', '0.55')],
      ['2026-06-02T00:00:00Z', book('KXD-1', '0.62', '0.64')],
      ['2026-06-03T00:00:00Z', book('KXD-1', null, null, { status: 'settled', result: 'no' })],
    ]);
    const from = new Date('2026-06-01T00:00:00Z');
    const withExits = plain(await runBacktest(store, { strategy, from }));
    // Sold at the bid 0.62 on the +12.7 % move: 6.20 − 5.50 − 0.18 − roundUp(0.16492) 0.17 = 0.35.
    expect(withExits.trades).toEqual([
      ['KXD-1', 'yes', 'buy', '10', '0.55', '0.18', '2026-06-01T00:00:00.000Z'],
      ['KXD-1', 'yes', 'sell', '10', '0.62', '0.17', '2026-06-02T00:00:00.000Z'],
    ]);
    expect([withExits.pnl, withExits.fees, withExits.wins, withExits.losses]).toEqual(['0.35', '0.35', 1, 0]);
    // The entry is still scored against the outcome (NO): model (0.70 − 0)², market (0.55 − 0)².
    expect([withExits.brierModel, withExits.brierMarket]).toEqual(['0.49', '0.3025']);

    const held = plain(await runBacktest(store, { strategy, from, exits: 'none' }));
    expect([held.pnl, held.fees, held.wins, held.losses]).toEqual(['-5.68', '0.18', 0, 1]);
  });

  it('fills after the latency against the version valid then, and not when the ask moved past the limit', async () => {
    await writeHistory(store, [
      ['2026-07-01T00:00:00.000Z', book('KXE-1', '0.53', '0.55')],
      ['2026-07-01T00:00:00.500Z', book('KXE-1', '0.58', '0.60')],
    ]);
    const strategy = edgeStrategy({
      probability: (t) => (t === 'KXE-1' ? new Decimal('0.70') : null),
      minEdge: '0.05',
      contracts: 10,
    });
    const from = new Date('2026-07-01T00:00:00Z');
    const fast = await runBacktest(store, { strategy, from, exits: 'none', latencyMs: 100 });
    expect(plain(fast).trades).toEqual([
      ['KXE-1', 'yes', 'buy', '10', '0.55', '0.18', '2026-07-01T00:00:00.100Z'],
    ]);
    const slow = await runBacktest(store, { strategy, from, exits: 'none', latencyMs: 1000 });
    // Due at 00:00:01, when the ask is 0.60 > the 0.55 limit: not filled. The 0.60 version came
    // while that order waited, so no second order was sent on the market.
    expect(slow.unfilled).toEqual({ price_moved: 1 });
    expect(plain(slow).trades).toEqual([]);
  });
});
