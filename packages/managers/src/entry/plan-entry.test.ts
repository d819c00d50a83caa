import { describe, expect, it } from 'vitest';
import { book, d } from '../__fixtures__/builders';
import { exitConfig } from '../exits/rules';
import { openPosition } from '../positions/position';
import { initialRiskState, reduceRisk } from '../risk/circuit-breakers';
import { planEntry } from './plan-entry';

const NOW = Date.UTC(2026, 10, 29, 17);
const base = {
  snapshot: book('0.53', '0.55', '0.45', '0.47', { observedAt: NOW }),
  now: NOW,
  minEdge: { global: '0.05' },
  bankroll: 10_000,
  feeContracts: 100,
};

describe('planEntry', () => {
  it('buys the side with the edge, sized by Kelly, limited at its ask', () => {
    const plan = planEntry({ ...base, yesProbability: '0.62' });
    if (plan.action !== 'enter') throw new Error(`expected an entry, got ${plan.reason}`);
    expect([plan.order.side, plan.order.count.toString(), plan.order.limitPrice.toString()]).toEqual([
      'yes',
      '535',
      '0.55',
    ]);
    expect([plan.edge.edge.toString(), plan.threshold.source]).toEqual(['0.0526', 'global']);
  });
  it('buys NO when the model is below the market, at the NO ask', () => {
    const plan = planEntry({ ...base, yesProbability: '0.35' });
    expect(plan.action === 'enter' && [plan.order.side, plan.order.limitPrice.toString()]).toEqual([
      'no',
      '0.47',
    ]);
  });
  it('skips below the most specific minimum edge', () => {
    const plan = planEntry({
      ...base,
      yesProbability: '0.62',
      minEdge: { global: '0.05', byLeague: { nfl: '0.08' } },
      market: { league: 'nfl' },
    });
    expect(plan).toMatchObject({
      action: 'skip',
      reason: 'below_min_edge',
      threshold: { minEdge: d('0.08'), source: 'league' },
    });
  });
  it('skips while a breaker is open, naming it', () => {
    const risk = reduceRisk(initialRiskState(), {
      type: 'trade_closed',
      at: 0,
      realizedPnl: d('-500'),
    }).state;
    expect(planEntry({ ...base, yesProbability: '0.9', risk })).toEqual({
      action: 'skip',
      reason: 'circuit_breaker',
      edge: null,
      threshold: null,
      blockedBy: ['daily_loss'],
    });
    expect(planEntry({ ...base, yesProbability: '0.62', risk: initialRiskState() }).action).toBe('enter');
  });
  it('skips without an ask, against a held opposite side, and when sizing drops the trade', () => {
    expect(
      planEntry({
        ...base,
        yesProbability: '0.6',
        snapshot: book('0.5', null, '0.5', null, { observedAt: NOW }),
      }),
    ).toMatchObject({ reason: 'no_ask' });
    expect(planEntry({ ...base, yesProbability: '0.62', heldSide: 'no' })).toMatchObject({
      reason: 'opposite_side_held',
    });
    expect(planEntry({ ...base, yesProbability: '0.62', heldSide: 'yes' }).action).toBe('enter');
    expect(planEntry({ ...base, yesProbability: '0.62', bankroll: 100 })).toMatchObject({
      reason: 'below_min_dollars',
    });
    expect(planEntry({ ...base, yesProbability: '0.62', currentExposure: 10_000 })).toMatchObject({
      reason: 'total_exposure',
    });
  });
});

describe('planEntry: gates equal exits', () => {
  const strongEdge = { ...base, yesProbability: '0.75' };
  const reasonOf = (plan: ReturnType<typeof planEntry>) =>
    plan.action === 'skip' ? [plan.reason, plan.wouldExit?.condition ?? null] : ['enter', null];

  it.each([
    [
      'a 0.56/0.60 book: spread 0.04 over maxSpread 0.03',
      book('0.56', '0.60', '0.40', '0.44', { observedAt: NOW }),
      ['would_exit', 'liquidity_dried_up'],
    ],
    [
      '60 s before close',
      book('0.53', '0.55', '0.45', '0.47', { observedAt: NOW, closeTime: NOW + 60_000, volume: d(1000) }),
      ['would_exit', 'time_based_urgent'],
    ],
    [
      'volume 3 (under minVolume 50)',
      book('0.53', '0.55', '0.45', '0.47', { observedAt: NOW, volume: d(3) }),
      ['would_exit', 'liquidity_dried_up'],
    ],
    [
      'no YES bid to sell into',
      book(null, '0.55', '0.45', null, { observedAt: NOW }),
      ['would_exit', 'liquidity_dried_up'],
    ],
    [
      'a settled market',
      book('0.53', '0.55', '0.45', '0.47', { observedAt: NOW, status: 'settled' }),
      ['market_not_trading', null],
    ],
    [
      'a snapshot 121 s old',
      book('0.53', '0.55', '0.45', '0.47', { observedAt: NOW - 121_000 }),
      ['stale_snapshot', null],
    ],
    ['a snapshot without a time', book('0.53', '0.55', '0.45', '0.47'), ['stale_snapshot', null]],
  ])('gates equal exits: refuses %s', (_case, snapshot, expected) => {
    expect(reasonOf(planEntry({ ...strongEdge, snapshot }))).toEqual(expected);
  });

  it('enters the same market once it is liquid, fresh and far from close, and follows the exit thresholds given', () => {
    const liquid = book('0.53', '0.55', '0.45', '0.47', {
      observedAt: NOW - 120_000,
      closeTime: NOW + 3_600_000,
      volume: d(1000),
      status: 'active',
    });
    expect(reasonOf(planEntry({ ...strongEdge, snapshot: liquid }))).toEqual(['enter', null]);
    // One source: the same rules object the monitor watches with. A wider allowed spread lets the 0.56/0.60 book in.
    const wide = book('0.56', '0.60', '0.40', '0.44', { observedAt: NOW });
    expect(
      reasonOf(planEntry({ ...strongEdge, snapshot: wide, exits: exitConfig({ maxSpread: d('0.05') }) })),
    ).toEqual(['enter', null]);
  });

  it('refuses an entry whose bid is already at the stop loss, and an edge the early-exit rule would drop', () => {
    // Cheap YES: bid 0.08 ≤ 0.10 × (1 − 0.15).
    const cheap = book('0.08', '0.10', '0.90', '0.92', { observedAt: NOW });
    expect(
      reasonOf(
        planEntry({
          ...base,
          yesProbability: '0.30',
          snapshot: cheap,
          exits: exitConfig({ maxSpread: d('0.05') }),
        }),
      ),
    ).toEqual(['would_exit', 'stop_loss']);
    // Edge 0.0135 passes a 0.01 minimum, but early_exit fires under 0.02.
    expect(reasonOf(planEntry({ ...base, yesProbability: '0.58', minEdge: { global: '0.01' } }))).toEqual([
      'would_exit',
      'early_exit',
    ]);
  });
});

describe('planEntry: size counts what is held', () => {
  it('size counts what is held: four calls on one market add up to one position at the caps', () => {
    const config = { ...base, yesProbability: '0.75', sizing: { maxPositionDollars: 500 } };
    let held = null as ReturnType<typeof openPosition> | null;
    const orders: string[] = [];
    for (let call = 0; call < 4; call += 1) {
      const plan = planEntry({ ...config, held });
      if (plan.action !== 'enter') {
        orders.push(plan.reason);
        continue;
      }
      orders.push(plan.order.count.toString());
      const fill = {
        fillId: `f${call}`,
        ticker: 'KXNFLGAME-T',
        side: plan.order.side,
        action: 'buy' as const,
        count: plan.order.count,
        price: plan.order.limitPrice,
        fee: d(0),
        createdAt: call,
      };
      held =
        held === null
          ? openPosition(fill)
          : {
              ...held,
              quantity: held.quantity.plus(fill.count),
              costBasis: held.costBasis.plus(fill.count.times(fill.price)),
            };
    }
    // Stake capped at $500 (fees included) → 883 contracts at 0.5661 effective cost; then no room.
    // The $500 per-position cap is the stake (fees included) of the first order: 881 contracts
    // (cost basis 484.55); the next call only fills the room the cap leaves ($15.45 → 27), then
    // the room left is under the $10 minimum. Before: 881 on every call, 3,524 in all.
    expect(orders).toEqual(['881', '27', 'below_min_dollars', 'below_min_dollars']);
    expect([held?.quantity.toString(), held?.costBasis.toString()]).toEqual(['908', '499.4']);
  });
});
