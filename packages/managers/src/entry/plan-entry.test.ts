import { describe, expect, it } from 'vitest';
import { book, d } from '../__fixtures__/builders';
import { initialRiskState, reduceRisk } from '../risk/circuit-breakers';
import { planEntry } from './plan-entry';

const base = {
  snapshot: book('0.53', '0.55', '0.45', '0.47'),
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
      planEntry({ ...base, yesProbability: '0.6', snapshot: book('0.5', null, '0.5', null) }),
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
