import { takerFee } from '@precog/kalshi-client';
import { describe, expect, it } from 'vitest';
import { d, fill } from '../__fixtures__/builders';
import { SettlementError } from '../errors';
import { applyFill, openPosition } from './position';
import { payoutPerContract, settlePosition } from './settle';

const T = 'KXNFLGAME-T';
const SETTLED_AT = 50_000;

/** 10 YES bought at 0.60 and 4 sold at 0.58, each fill charged Kalshi's taker fee. */
function tenBoughtFourSold() {
  const buyFee = takerFee(d('0.60'), d(10)); // 0.07 × 10 × 0.6 × 0.4 = 0.168 → 0.17
  const sellFee = takerFee(d('0.58'), d(4)); // 0.07 × 4 × 0.58 × 0.42 = 0.068208 → 0.07
  const open = openPosition(fill('yes', 'buy', 10, '0.60', buyFee, { fillId: 'buy-10' }));
  return { position: applyFill(open, fill('yes', 'sell', 4, '0.58', sellFee)), buyFee, sellFee };
}

describe('settlePosition', () => {
  it('settlement P&L: 10 YES @0.60, sell 4 @0.58, settles YES → settled, realized net +$2.08', () => {
    const { position, buyFee, sellFee } = tenBoughtFourSold();
    expect([buyFee.toString(), sellFee.toString()]).toEqual(['0.17', '0.07']);
    // Before settlement the position shows only the sale: −0.08 trading, −0.24 fees.
    expect(position.realizedPnl.toString()).toBe('-0.32');
    const settled = settlePosition(position, { ticker: T, marketResult: 'yes', settledAt: SETTLED_AT });
    expect({
      status: settled.status,
      quantity: settled.quantity.toString(),
      costBasis: settled.costBasis.toString(),
      trading: settled.realizedTradingPnl.toString(),
      fees: settled.feesPaid.toString(),
      net: settled.realizedPnl.toString(),
      closedAt: settled.closedAt,
    }).toEqual({
      status: 'settled',
      quantity: '0',
      costBasis: '0',
      // 2.32 − 2.40 on the sale, 6 × 1.00 − 3.60 at settlement.
      trading: '2.32',
      fees: '0.24',
      net: '2.08',
      closedAt: SETTLED_AT,
    });
  });

  it('an expiry loss: the 6 YES left expire worthless when the market settles NO', () => {
    const { position } = tenBoughtFourSold();
    const settled = settlePosition(position, { ticker: T, marketResult: 'no', settledAt: SETTLED_AT });
    expect([settled.status, settled.realizedTradingPnl.toString(), settled.realizedPnl.toString()]).toEqual([
      'settled',
      '-3.68',
      '-3.92',
    ]);
  });

  it('pays a NO position 1 − the YES value, and a scalar settlement at its value, with the settlement fee', () => {
    const no = openPosition(fill('no', 'buy', 5, '0.30', '0.05', { fillId: 'no-5' }));
    expect(settlePosition(no, { ticker: T, marketResult: 'no', settledAt: 1 }).realizedPnl.toString()).toBe(
      '3.45',
    );
    const scalar = settlePosition(no, {
      ticker: T,
      marketResult: 'scalar',
      yesValue: d('0.25'),
      fee: d('0.01'),
      settledAt: 1,
    });
    // 5 × 0.75 − 1.50 − 0.05 − 0.01.
    expect(scalar.realizedPnl.toString()).toBe('2.19');
    expect(payoutPerContract({ ticker: T, marketResult: 'YES', settledAt: 1 }, 'no').toString()).toBe('0');
  });

  it('refuses another market, a position that is not open, and a result it cannot value', () => {
    const { position } = tenBoughtFourSold();
    expect(() => settlePosition(position, { ticker: 'OTHER', marketResult: 'yes', settledAt: 1 })).toThrow(
      SettlementError,
    );
    const settled = settlePosition(position, { ticker: T, marketResult: 'yes', settledAt: 1 });
    expect(() => settlePosition(settled, { ticker: T, marketResult: 'yes', settledAt: 2 })).toThrow(
      `settlement of ${T} cannot settle position ${position.positionKey}: it is settled`,
    );
    expect(() => settlePosition(position, { ticker: T, marketResult: 'void', settledAt: 1 })).toThrow(
      `settlement of ${T}: cannot value result "void" without the value of a YES contract`,
    );
    expect(() =>
      settlePosition(position, { ticker: T, marketResult: 'yes', yesValue: d(0), settledAt: 1 }),
    ).toThrow(`settlement of ${T}: result yes but a YES contract paid 0`);
  });
});
