import { takerFee } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d, fill } from '../__fixtures__/builders';
import { PositionFillError } from '../errors';
import { applyFill, openPosition, type Position, positionKeyFor } from './position';
import { positionsFromFills } from './through-zero';

const money = (p: Position) => ({
  side: p.side,
  status: p.status,
  quantity: p.quantity.toString(),
  entryQuantity: p.entryQuantity.toString(),
  costBasis: p.costBasis.toString(),
  avgEntryPrice: p.avgEntryPrice.toString(),
  realizedTradingPnl: p.realizedTradingPnl.toString(),
  feesPaid: p.feesPaid.toString(),
  realizedPnl: p.realizedPnl.toString(),
});

describe('openPosition', () => {
  it('opens the side bought, with a key made from the opening fill', () => {
    const f = fill('yes', 'buy', 10, '0.40', '0.17', { fillId: 'abc', createdAt: 5 });
    const p = openPosition(f, { subaccount: 2 });
    expect(p.positionKey).toBe('kalshi:2:KXNFLGAME-T:abc');
    expect(
      positionKeyFor({ platform: 'kalshi', subaccount: 2, ticker: 'KXNFLGAME-T', openingFillId: 'abc' }),
    ).toBe(p.positionKey);
    expect(money(p)).toEqual({
      side: 'yes',
      status: 'open',
      quantity: '10',
      entryQuantity: '10',
      costBasis: '4',
      avgEntryPrice: '0.4',
      realizedTradingPnl: '0',
      feesPaid: '0.17',
      realizedPnl: '-0.17',
    });
    expect([p.openedAt, p.updatedAt, p.closedAt, p.fillCount]).toEqual([5, 5, null, 1]);
  });
  it('opens NO at 1 − p when selling YES from zero', () => {
    const p = openPosition(fill('yes', 'sell', 5, '0.70'));
    expect([p.side, p.avgEntryPrice.toString(), p.quantity.toString()]).toEqual(['no', '0.3', '5']);
  });
});

describe('applyFill', () => {
  it('averages adds, realises partial exits and nets every fee', () => {
    let p = openPosition(fill('yes', 'buy', 10, '0.40', '0.17'));
    p = applyFill(p, fill('yes', 'buy', 10, '0.50', '0.18'));
    expect(money(p)).toEqual({
      side: 'yes',
      status: 'open',
      quantity: '20',
      entryQuantity: '20',
      costBasis: '9',
      avgEntryPrice: '0.45',
      realizedTradingPnl: '0',
      feesPaid: '0.35',
      realizedPnl: '-0.35',
    });
    p = applyFill(p, fill('yes', 'sell', 5, '0.60', '0.09'));
    expect(money(p)).toEqual({
      side: 'yes',
      status: 'open',
      quantity: '15',
      entryQuantity: '20',
      costBasis: '6.75',
      avgEntryPrice: '0.45',
      realizedTradingPnl: '0.75',
      feesPaid: '0.44',
      realizedPnl: '0.31',
    });
    const last = fill('yes', 'sell', 15, '0.30', '0.15', { createdAt: 99 });
    p = applyFill(p, last);
    expect(money(p)).toEqual({
      side: 'yes',
      status: 'closed',
      quantity: '0',
      entryQuantity: '20',
      costBasis: '0',
      avgEntryPrice: '0.45',
      realizedTradingPnl: '-1.5',
      feesPaid: '0.59',
      realizedPnl: '-2.09',
    });
    expect([p.closedAt, p.lastFillId, p.fillCount]).toEqual([99, last.fillId, 4]);
  });
  it('keeps a closed position exact when the average has no finite decimal', () => {
    let p = openPosition(fill('no', 'buy', 1, '0.10'));
    p = applyFill(p, fill('no', 'buy', 2, '0.11'));
    expect(p.avgEntryPrice.toSignificantDigits(6).toString()).toBe('0.106667');
    p = applyFill(p, fill('no', 'sell', 1, '0.20'));
    p = applyFill(p, fill('no', 'sell', 2, '0.20'));
    // proceeds 0.60 − cost 0.32
    expect([p.status, p.realizedTradingPnl.toString(), p.costBasis.toString()]).toEqual([
      'closed',
      '0.28',
      '0',
    ]);
  });
  it('treats buying the other side as selling the side held (the exchange nets them)', () => {
    let p = openPosition(fill('yes', 'buy', 10, '0.40'));
    p = applyFill(p, fill('no', 'buy', 4, '0.55', '0.07'));
    expect(money(p)).toMatchObject({
      side: 'yes',
      quantity: '6',
      realizedTradingPnl: '0.2',
      realizedPnl: '0.13',
    });
    p = applyFill(p, fill('no', 'sell', 4, '0.55'));
    expect(money(p)).toMatchObject({
      quantity: '10',
      entryQuantity: '14',
      costBasis: '4.2',
      avgEntryPrice: '0.42',
    });
  });
  it('refuses fills for another market, a closed position, or through zero', () => {
    const p = openPosition(fill('yes', 'buy', 2, '0.40'));
    expect(() => applyFill(p, fill('yes', 'buy', 1, '0.4', 0, { ticker: 'OTHER', fillId: 'x1' }))).toThrow(
      `fill x1 is for OTHER, not for position ${p.positionKey} on KXNFLGAME-T`,
    );
    expect(() => applyFill(p, fill('yes', 'sell', 3, '0.4', 0, { fillId: 'x2' }))).toThrow(
      `fill x2 sells 3 contracts but position ${p.positionKey} holds 2`,
    );
    const closed = applyFill(p, fill('yes', 'sell', 2, '0.5'));
    expect(() => applyFill(closed, fill('yes', 'buy', 1, '0.4'))).toThrow(PositionFillError);
  });
  it('refuses malformed fills', () => {
    expect(() => openPosition(fill('yes', 'buy', 0, '0.4', 0, { fillId: 'z' }))).toThrow(
      'fill z has a non-positive count 0',
    );
    expect(() => openPosition(fill('yes', 'buy', 1, '1.2', 0, { fillId: 'z' }))).toThrow('outside [0, 1]');
    expect(() => openPosition(fill('yes', 'buy', 1, '0.4', '-0.01', { fillId: 'z' }))).toThrow(
      'negative fee',
    );
  });
});

describe('fees are per fill, as charged', () => {
  it('ten 1-lot fills pay $0.20 where one 10-lot order pays $0.18', () => {
    const one = takerFee('0.50', 1);
    const ten = takerFee('0.50', 10);
    expect([one.toString(), ten.toString()]).toEqual(['0.02', '0.18']);
    const lots = Array.from({ length: 10 }, () => fill('yes', 'buy', 1, '0.50', one));
    const [fromLots] = positionsFromFills(lots);
    const [fromOrder] = positionsFromFills([fill('yes', 'buy', 10, '0.50', ten)]);
    expect(fromLots?.feesPaid.toString()).toBe('0.2');
    expect(fromOrder?.feesPaid.toString()).toBe('0.18');
    expect(fromLots?.costBasis.toString()).toBe(fromOrder?.costBasis.toString());
    // Selling both at 0.60 in one 10-lot each: the only difference left is the entry fees.
    const exitFee = takerFee('0.60', 10);
    const a = applyFill(fromLots as Position, fill('yes', 'sell', 10, '0.60', exitFee));
    const b = applyFill(fromOrder as Position, fill('yes', 'sell', 10, '0.60', exitFee));
    expect([a.realizedPnl.toString(), b.realizedPnl.toString()]).toEqual(['0.63', '0.65']);
  });
});

describe('positionsFromFills', () => {
  it('starts a new position with a new key after the market went back to zero', () => {
    const fills = [
      fill('yes', 'buy', 3, '0.40', 0, { fillId: 'a' }),
      fill('yes', 'sell', 3, '0.45', 0, { fillId: 'b' }),
      fill('no', 'buy', 2, '0.50', 0, { fillId: 'c' }),
      fill('no', 'buy', 2, '0.40', 0, { fillId: 'd' }),
    ];
    const positions = positionsFromFills(fills, { platform: 'kalshi', subaccount: 0 });
    expect(positions.map((p) => [p.positionKey, p.side, p.status, p.quantity.toString()])).toEqual([
      ['kalshi:0:KXNFLGAME-T:a', 'yes', 'closed', '0'],
      ['kalshi:0:KXNFLGAME-T:c', 'no', 'open', '4'],
    ]);
    expect(positions[1]?.avgEntryPrice.toString()).toBe('0.45');
    expect(d(positions[0]?.realizedPnl ?? 0).toString()).toBe('0.15');
  });
});

describe('position accounting properties', () => {
  it('a position closed by any sequence of adds and partial exits realizes proceeds − costs − fees exactly', () => {
    const cents = fc.integer({ min: 1, max: 99 }).map((c) => d(c).div(100));
    const lots = fc.integer({ min: 1, max: 500 }).map((n) => d(n).div(100)); // fixed-point counts
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ buy: fc.boolean(), count: lots, price: cents, fee: fc.integer({ min: 0, max: 20 }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        cents,
        (steps, lastPrice) => {
          let p = openPosition(fill('yes', 'buy', '1', '0.5', '0.01'));
          let cash = d('-0.5');
          let fees = d('0.01');
          for (const s of steps) {
            const count = s.buy ? s.count : Decimal.min(s.count, p.quantity.minus('0.01'));
            if (count.lte(0)) continue;
            const fee = d(s.fee).div(100);
            p = applyFill(p, fill('yes', s.buy ? 'buy' : 'sell', count, s.price, fee));
            cash = s.buy ? cash.minus(s.price.times(count)) : cash.plus(s.price.times(count));
            fees = fees.plus(fee);
            expect(p.avgEntryPrice.gt(0)).toBe(true);
          }
          const rest = p.quantity;
          p = applyFill(p, fill('yes', 'sell', rest, lastPrice, 0));
          cash = cash.plus(lastPrice.times(rest));
          expect(p.status).toBe('closed');
          expect(p.realizedTradingPnl.toString()).toBe(cash.toString());
          expect(p.realizedPnl.toString()).toBe(cash.minus(fees).toString());
          expect(p.feesPaid.toString()).toBe(fees.toString());
        },
      ),
    );
  });
});
