import { takerFee } from '@precog/kalshi-client';
import { describe, expect, it } from 'vitest';
import { book, d } from '../__fixtures__/builders';
import { TradingConfigError } from '../errors';
import { computeEdges, shrinkProbability, sideEdge } from './edge';

describe('shrinkProbability', () => {
  it('pulls the probability toward 0.5 by the factor', () => {
    expect(shrinkProbability('0.65', '0.1').toString()).toBe('0.635');
    expect(shrinkProbability('0.2', '0.1').toString()).toBe('0.23');
  });
  it('leaves the probability alone without a factor', () => {
    expect(shrinkProbability('0.65').toString()).toBe('0.65');
  });
  it('refuses a probability or factor outside [0, 1]', () => {
    expect(() => shrinkProbability('1.2')).toThrow(TradingConfigError);
    expect(() => shrinkProbability('0.5', '-0.1')).toThrow('shrink must be between 0 and 1, got -0.1');
  });
});

describe('sideEdge', () => {
  it('subtracts the ask and the 1-lot fee from the probability (p 0.65, YES ask 0.58)', () => {
    const e = sideEdge({ side: 'yes', yesProbability: '0.65', ask: '0.58' });
    // fee of one contract at 0.58: 0.07 × 0.58 × 0.42 = 0.017052 → $0.02
    expect(e.feePerContract.toString()).toBe('0.02');
    expect(e.effectiveCost.toString()).toBe('0.6');
    expect(e.edge.toString()).toBe('0.05');
    expect(e.evPerDollar.toString()).toBe('0.0833');
    expect(e.probability.toString()).toBe('0.65');
  });
  it('spreads the fee of a larger order over its contracts', () => {
    const e = sideEdge({ side: 'yes', yesProbability: '0.65', ask: '0.58', feeContracts: 100 });
    // 0.07 × 100 × 0.58 × 0.42 = 1.7052 → $1.71 for 100 contracts
    expect(e.feePerContract.toString()).toBe('0.0171');
    expect(e.effectiveCost.toString()).toBe('0.5971');
    expect(e.edge.toString()).toBe('0.0529');
  });
  it('prices NO with 1 − p against the NO ask', () => {
    const e = sideEdge({ side: 'no', yesProbability: '0.30', ask: '0.60' });
    expect(e.probability.toString()).toBe('0.7');
    expect(e.effectiveCost.toString()).toBe('0.62');
    expect(e.edge.toString()).toBe('0.08');
  });
  it('applies the shrink before comparing', () => {
    const e = sideEdge({ side: 'yes', yesProbability: '0.65', ask: '0.58', shrink: '0.1' });
    expect(e.edge.toString()).toBe('0.035');
  });
  it('uses a series fee schedule and a zero maker fee', () => {
    const maker = sideEdge({ side: 'yes', yesProbability: '0.65', ask: '0.58', feeRole: 'maker' });
    expect(maker.feePerContract.toString()).toBe('0');
    expect(maker.edge.toString()).toBe('0.07');
    const half = sideEdge({
      side: 'yes',
      yesProbability: '0.65',
      ask: '0.58',
      feeSchedule: { feeMultiplier: '0.5' },
    });
    expect(half.feePerContract.toString()).toBe('0.01');
  });
  it('refuses an ask outside (0, 1) and a non-positive fee size', () => {
    expect(() => sideEdge({ side: 'yes', yesProbability: '0.5', ask: '1' })).toThrow(TradingConfigError);
    expect(() => sideEdge({ side: 'yes', yesProbability: '0.5', ask: '0.5', feeContracts: 0 })).toThrow(
      'feeContracts must be positive, got 0',
    );
  });
  it('rounds the stored edge half up to 4 dp', () => {
    // 7 contracts at 0.50: fee 0.07 × 7 × 0.25 = 0.1225 → 0.13, per contract 0.0185714…
    const e = sideEdge({ side: 'yes', yesProbability: '0.6', ask: '0.5', feeContracts: 7 });
    expect(takerFee('0.5', 7).toString()).toBe('0.13');
    expect(e.edge.toString()).toBe('0.0814');
  });
});

describe('computeEdges', () => {
  it('computes both sides, each against its own ask, and picks the larger', () => {
    const r = computeEdges({ yesProbability: '0.30', snapshot: book('0.38', '0.40', '0.60', '0.62') });
    expect(r.yes?.edge.toString()).toBe('-0.12');
    expect(r.no?.probability.toString()).toBe('0.7');
    expect(r.no?.edge.toString()).toBe('0.06');
    expect(r.best?.side).toBe('no');
  });
  it('prefers YES on a tie and returns null for a side without an ask', () => {
    const tie = computeEdges({ yesProbability: '0.5', snapshot: book('0.40', '0.40', '0.60', '0.40') });
    expect(tie.yes?.edge.toString()).toBe(tie.no?.edge.toString());
    expect(tie.best?.side).toBe('yes');
    const noYesAsk = computeEdges({ yesProbability: '0.5', snapshot: book('0.40', null, null, '0.60') });
    expect(noYesAsk.yes).toBeNull();
    expect(noYesAsk.best?.side).toBe('no');
    const empty = computeEdges({ yesProbability: '0.5', snapshot: book(null, null, null, null) });
    expect(empty.best).toBeNull();
  });
  it('reports the shrunk YES probability', () => {
    const r = computeEdges({
      yesProbability: '0.9',
      shrink: '0.2',
      snapshot: book('0.5', '0.6', '0.4', '0.5'),
    });
    expect(r.yesProbability.toString()).toBe('0.82');
    expect(r.yes?.probability.toString()).toBe('0.82');
    expect(r.no?.probability.toString()).toBe('0.18');
  });
  it('edge equals probability minus ask minus fee for every cent price', () => {
    for (let cents = 1; cents <= 99; cents += 1) {
      const ask = d(cents).div(100);
      const e = sideEdge({ side: 'yes', yesProbability: '0.5', ask });
      expect(e.edge.toString()).toBe(d('0.5').minus(ask).minus(takerFee(ask, 1)).toString());
    }
  });
});
