import { describe, expect, it } from 'vitest';
import { d, fill } from '../__fixtures__/builders';
import { PositionFillError } from '../errors';
import { applyFill, openPosition } from './position';
import { applyFillThroughZero, positionsFromFills } from './through-zero';

describe('applyFillThroughZero', () => {
  it('zero-crossing fill: 5 YES held, buy 8 NO → the YES closes and 3 NO open', () => {
    const yes = openPosition(fill('yes', 'buy', 5, '0.40', '0.09', { fillId: 'open-yes' }));
    // Buying NO at 0.55 while holding YES is selling YES at 0.45 for the first 5.
    const cross = fill('no', 'buy', 8, '0.55', '0.14', { fillId: 'cross' });
    expect(() => applyFill(yes, cross)).toThrow(PositionFillError);
    const { position, opened } = applyFillThroughZero(yes, cross);
    expect({
      status: position.status,
      quantity: position.quantity.toString(),
      trading: position.realizedTradingPnl.toString(),
      fees: position.feesPaid.toString(),
      lastFillId: position.lastFillId,
    }).toEqual({
      status: 'closed',
      quantity: '0',
      trading: '0.25', // 5 × (0.45 − 0.40)
      fees: '0.1775', // 0.09 + 0.14 × 5/8 = 0.0875 → 0.09 + 0.0875
      lastFillId: 'cross',
    });
    expect(opened).not.toBeNull();
    expect({
      side: opened!.side,
      status: opened!.status,
      quantity: opened!.quantity.toString(),
      entry: opened!.avgEntryPrice.toString(),
      fee: opened!.feesPaid.toString(),
      key: opened!.positionKey,
    }).toEqual({
      side: 'no',
      status: 'open',
      quantity: '3',
      entry: '0.55',
      fee: '0.0525', // the rest of the 0.14 charged
      key: 'kalshi:0:KXNFLGAME-T:cross',
    });
  });

  it('is applyFill when the fill does not cross zero', () => {
    const yes = openPosition(fill('yes', 'buy', 5, '0.40', 0, { fillId: 'y5' }));
    const exact = applyFillThroughZero(yes, fill('yes', 'sell', 5, '0.45'));
    expect([exact.position.status, exact.opened]).toEqual(['closed', null]);
    const add = applyFillThroughZero(yes, fill('yes', 'buy', 2, '0.50'));
    expect([add.position.quantity.toString(), add.opened]).toEqual(['7', null]);
  });

  it('positionsFromFills splits a crossing fill into the closed position and the new one', () => {
    const positions = positionsFromFills([
      fill('yes', 'buy', 5, '0.40', 0, { fillId: 'a' }),
      fill('yes', 'sell', 8, '0.45', 0, { fillId: 'b' }),
      fill('no', 'buy', 1, '0.55', 0, { fillId: 'c' }),
    ]);
    expect(positions.map((p) => [p.positionKey, p.side, p.status, p.quantity.toString()])).toEqual([
      ['kalshi:0:KXNFLGAME-T:a', 'yes', 'closed', '0'],
      ['kalshi:0:KXNFLGAME-T:b', 'no', 'open', '4'],
    ]);
    expect(positions[1]!.avgEntryPrice.toString()).toBe(d('0.55').toString());
  });
});
