import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d } from '../__fixtures__/builders';
import { TradingConfigError } from '../errors';
import { kellyFraction, sizePosition } from './kelly';

const summary = (r: ReturnType<typeof sizePosition>) => ({
  contracts: r.contracts.toString(),
  cost: r.cost.toString(),
  fullKelly: r.fullKelly.toString(),
  stake: r.stake.toString(),
  limitedBy: r.limitedBy,
  rejected: r.rejected,
});

describe('kellyFraction', () => {
  it.each([
    // q, c, f* = (q − c)/(1 − c)
    ['0.72', '0.65', '0.2'],
    ['0.30', '0.20', '0.125'],
    ['0.60', '0.50', '0.2'],
    ['0.95', '0.90', '0.5'],
    ['0.65', '0.65', '0'],
    ['0.40', '0.45', '0'],
  ])('q %s at cost %s gives f* %s', (q, c, f) => {
    expect(kellyFraction(q, c).toString()).toBe(f);
  });
  it('refuses impossible inputs', () => {
    expect(() => kellyFraction('1.1', '0.5')).toThrow(TradingConfigError);
    expect(() => kellyFraction('0.5', '0')).toThrow('cost must be strictly between 0 and 1, got 0');
    expect(() => kellyFraction('0.5', '1')).toThrow(TradingConfigError);
  });
  it('maximises expected log growth of a $1 binary contract', () => {
    // g(f) = q·ln(1 + f(1−c)/c) + (1−q)·ln(1 − f): f* is its maximiser, so nearby fractions do worse.
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 90 }), fc.integer({ min: 1, max: 9 }), (cents, extra) => {
        const c = cents / 100;
        const q = Math.min(0.99, c + extra / 100);
        const f = kellyFraction(String(q), String(c)).toNumber();
        const g = (x: number) => q * Math.log(1 + (x * (1 - c)) / c) + (1 - q) * Math.log(1 - x);
        return g(f) >= g(f - 0.01) - 1e-12 && g(f) >= g(Math.min(f + 0.01, 0.999)) - 1e-12;
      }),
    );
  });
});

describe('sizePosition', () => {
  it('quarter Kelly of $10,000 at q 0.72, cost 0.65 buys 769 contracts', () => {
    const r = sizePosition({ probability: '0.72', cost: '0.65', bankroll: 10000 });
    expect(summary(r)).toEqual({
      contracts: '769',
      cost: '499.85',
      fullKelly: '0.2',
      stake: '500',
      limitedBy: [],
      rejected: null,
    });
  });
  it('a cheap long shot with an edge gets a stake that even-money Kelly would refuse', () => {
    const r = sizePosition({ probability: '0.30', cost: '0.20', bankroll: 1000 });
    expect(summary(r)).toEqual({
      contracts: '156',
      cost: '31.2',
      fullKelly: '0.125',
      stake: '31.25',
      limitedBy: [],
      rejected: null,
    });
  });
  it('caps at the bankroll share and then at the dollar maximum', () => {
    const r = sizePosition({
      probability: '0.72',
      cost: '0.65',
      bankroll: 100000,
      config: { maxPositionPct: '0.01' },
    });
    expect(summary(r)).toEqual({
      contracts: '769',
      cost: '499.85',
      fullKelly: '0.2',
      stake: '500',
      limitedBy: ['max_position_pct', 'max_position_dollars'],
      rejected: null,
    });
  });
  it('fits inside the exposure room left', () => {
    const r = sizePosition({ probability: '0.72', cost: '0.65', bankroll: 10000, currentExposure: 9800 });
    expect(summary(r)).toEqual({
      contracts: '307',
      cost: '199.55',
      fullKelly: '0.2',
      stake: '200',
      limitedBy: ['total_exposure'],
      rejected: null,
    });
  });
  it('drops the trade when the exposure limit is used up', () => {
    const r = sizePosition({ probability: '0.72', cost: '0.65', bankroll: 10000, currentExposure: 10000 });
    expect([r.contracts.toString(), r.rejected, r.limitedBy]).toEqual([
      '0',
      'total_exposure',
      ['total_exposure'],
    ]);
  });
  it('drops a trade below the minimum dollars', () => {
    const r = sizePosition({ probability: '0.72', cost: '0.65', bankroll: 100 });
    expect(summary(r)).toEqual({
      contracts: '0',
      cost: '0',
      fullKelly: '0.2',
      stake: '5',
      limitedBy: ['below_min_dollars'],
      rejected: 'below_min_dollars',
    });
  });
  it('drops a trade below the minimum contracts', () => {
    const r = sizePosition({
      probability: '0.72',
      cost: '0.65',
      bankroll: 20,
      config: { minPositionDollars: 0, minContracts: 10 },
    });
    expect([r.contracts.toString(), r.rejected]).toEqual(['0', 'below_min_contracts']);
  });
  it('drops a trade without an edge', () => {
    const r = sizePosition({ probability: '0.60', cost: '0.61', bankroll: 10000 });
    expect(summary(r)).toEqual({
      contracts: '0',
      cost: '0',
      fullKelly: '0',
      stake: '0',
      limitedBy: ['no_edge'],
      rejected: 'no_edge',
    });
  });
  it('rounds down to 0.01 contracts when asked', () => {
    const r = sizePosition({
      probability: '0.72',
      cost: '0.65',
      bankroll: 10000,
      config: { contractIncrement: '0.01' },
    });
    expect([r.contracts.toString(), r.cost.toString()]).toEqual(['769.23', '499.9995']);
  });
  it('caps the contract count', () => {
    const r = sizePosition({
      probability: '0.72',
      cost: '0.65',
      bankroll: 10000,
      config: { maxContracts: 100 },
    });
    expect([r.contracts.toString(), r.cost.toString(), r.limitedBy]).toEqual([
      '100',
      '65',
      ['max_contracts'],
    ]);
  });
  it('uses the configured Kelly fraction', () => {
    const r = sizePosition({
      probability: '0.60',
      cost: '0.50',
      bankroll: 1000,
      config: { kellyFraction: '0.5', maxPositionPct: 1, maxPositionDollars: 10000 },
    });
    // f* = 0.2, half Kelly = 0.1 of $1,000 = $100 → 200 contracts at 0.50
    expect([r.stake.toString(), r.contracts.toString()]).toEqual(['100', '200']);
  });
  it('refuses bad options', () => {
    const base = { probability: '0.72', cost: '0.65', bankroll: 10000 };
    expect(() => sizePosition({ ...base, config: { kellyFraction: 0 } })).toThrow(
      'kellyFraction must be positive, got 0',
    );
    expect(() => sizePosition({ ...base, config: { kellyFraction: '1.5' } })).toThrow(TradingConfigError);
    expect(() => sizePosition({ ...base, bankroll: -1 })).toThrow('bankroll must be zero or more, got -1');
  });
  it('never spends more than the stake, and the stake never exceeds any cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 98 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cents, qPct, bankroll) => {
          const r = sizePosition({ probability: d(qPct).div(100), cost: d(cents).div(100), bankroll });
          expect(r.cost.lte(r.stake)).toBe(true);
          expect(r.stake.lte(500)).toBe(true);
          expect(r.stake.lte(d(bankroll).times('0.05'))).toBe(true);
          expect(r.contracts.isInteger()).toBe(true);
        },
      ),
    );
  });
});

describe('sizePosition with a position held', () => {
  it('caps the position, not the order: what is held uses the per-position room', () => {
    const params = { probability: '0.75', cost: '0.5', bankroll: 10_000 };
    expect(sizePosition(params).contracts.toString()).toBe('1000'); // $500 cap
    const add = sizePosition({ ...params, held: { cost: 400, contracts: 800 } });
    expect([add.contracts.toString(), add.limitedBy]).toEqual(['200', ['max_position_pct']]);
    const full = sizePosition({ ...params, held: { cost: 500, contracts: 1000 } });
    expect([full.contracts.toString(), full.rejected]).toEqual(['0', 'held_position']);
    const contracts = sizePosition({
      ...params,
      config: { maxContracts: 10 },
      held: { cost: 1, contracts: 10 },
    });
    expect(contracts.rejected).toBe('held_position');
  });
});
