import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ProbabilitiesFileError } from './errors';
import { simulateFill } from './fill';
import { parseProbabilitiesCsv } from './probabilities';
import type { ReplayedMarket } from './replay';

const D = (v: string) => new Decimal(v);
const market = (over: Partial<ReplayedMarket> = {}): ReplayedMarket => ({
  id: 1,
  ticker: 'KXA-1',
  eventTicker: 'KXA',
  status: 'active',
  yesBid: D('0.53'),
  yesAsk: D('0.55'),
  noBid: D('0.45'),
  noAsk: D('0.47'),
  lastPrice: null,
  volume: null,
  yesBidSize: D('4'),
  yesAskSize: D('7'),
  result: '',
  closeTime: null,
  time: 0,
  ...over,
});
const order = { ticker: 'KXA-1', count: D('10'), limitPrice: null } as const;
const text = (f: ReturnType<typeof simulateFill>) =>
  f.filled ? [f.price.toFixed(), f.count.toFixed(), f.fee.toFixed()] : f.reason;

describe('simulateFill', () => {
  it('buys YES at the YES ask, capped by the YES ask size, fee rounded up to the cent', () => {
    // 0.07 × 7 × 0.55 × 0.45 = 0.121275 → 0.13
    expect(text(simulateFill(market(), { ...order, side: 'yes', action: 'buy' }))).toEqual([
      '0.55',
      '7',
      '0.13',
    ]);
  });

  it('buys NO at the NO ask, taking the YES bid size', () => {
    // 0.07 × 4 × 0.47 × 0.53 = 0.069748 → 0.07
    expect(text(simulateFill(market(), { ...order, side: 'no', action: 'buy' }))).toEqual([
      '0.47',
      '4',
      '0.07',
    ]);
  });

  it('sells NO at the NO bid, and fills the whole order without a size cap', () => {
    const f = simulateFill(market(), { ...order, side: 'no', action: 'sell' }, { capToDisplayedSize: false });
    // 0.07 × 10 × 0.45 × 0.55 = 0.17325 → 0.18
    expect(text(f)).toEqual(['0.45', '10', '0.18']);
  });

  it('refuses a buy whose ask rose above the limit, a closed market and an empty side', () => {
    expect(
      text(simulateFill(market(), { ...order, side: 'yes', action: 'buy', limitPrice: D('0.54') })),
    ).toBe('price_moved');
    expect(text(simulateFill(market({ status: 'closed' }), { ...order, side: 'yes', action: 'buy' }))).toBe(
      'market_not_open',
    );
    expect(text(simulateFill(market({ yesAsk: null }), { ...order, side: 'yes', action: 'buy' }))).toBe(
      'no_quote',
    );
  });
});

describe('parseProbabilitiesCsv', () => {
  it('reads ticker,probability lines with a header, exactly', () => {
    const table = parseProbabilitiesCsv('ticker,probability\nKXA-1,0.70\r\nKXB-1, 0.2\n\n');
    expect([...table].map(([t, p]) => [t, p.toFixed()])).toEqual([
      ['KXA-1', '0.7'],
      ['KXB-1', '0.2'],
    ]);
  });

  it('names the line of a probability outside [0, 1] or a ticker given twice', () => {
    const bad = (csv: string) => {
      try {
        parseProbabilitiesCsv(csv);
      } catch (error) {
        return error instanceof ProbabilitiesFileError ? error.line : -1;
      }
      return null;
    };
    expect(bad('KXA-1,0.7\nKXB-1,1.2')).toBe(2);
    expect(bad('KXA-1,0.7\nKXA-1,0.6')).toBe(2);
    expect(bad('KXA-1;0.7')).toBe(1);
  });
});
