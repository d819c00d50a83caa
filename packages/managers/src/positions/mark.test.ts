import { describe, expect, it } from 'vitest';
import { book, fill, held } from '../__fixtures__/builders';
import { markPosition } from './mark';
import { applyFill, openPosition } from './position';

const strings = (m: ReturnType<typeof markPosition>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? null : v.toString()]));

describe('markPosition', () => {
  it('marks YES at the YES bid, net of the exit fee', () => {
    const p = openPosition(fill('yes', 'buy', 10, '0.45', '0.18'));
    expect(strings(markPosition(p, book('0.50', '0.52', '0.48', '0.50')))).toEqual({
      bid: '0.5',
      marketValue: '5',
      unrealizedTradingPnl: '0.5',
      estimatedExitFee: '0.18',
      unrealizedPnl: '0.32',
      pnlPct: '0.11111111111111111111',
      totalPnl: '0.14',
    });
  });
  it('marks NO at the NO bid, never the YES price', () => {
    const p = held('no', 10, '0.40');
    const m = markPosition(p, book('0.58', '0.60', '0.40', '0.42'));
    expect([m.bid?.toString(), m.unrealizedTradingPnl?.toString(), m.pnlPct?.toString()]).toEqual([
      '0.4',
      '0',
      '0',
    ]);
  });
  it('has no value without a bid, and a closed position is worth its realized P&L', () => {
    const p = held('yes', 1, '0.40');
    expect(strings(markPosition(p, book(null, '0.45', '0.55', null)))).toEqual({
      bid: null,
      marketValue: null,
      unrealizedTradingPnl: null,
      estimatedExitFee: null,
      unrealizedPnl: null,
      pnlPct: null,
      totalPnl: null,
    });
    const closed = applyFill(p, fill('yes', 'sell', 1, '0.50', '0.02'));
    expect(strings(markPosition(closed, book('0.5', '0.6', '0.4', '0.5')))).toEqual({
      bid: null,
      marketValue: '0',
      unrealizedTradingPnl: '0',
      estimatedExitFee: '0',
      unrealizedPnl: '0',
      pnlPct: null,
      totalPnl: '0.08',
    });
  });
});
