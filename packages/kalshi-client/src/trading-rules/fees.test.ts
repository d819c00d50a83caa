import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  feeRate,
  feeRoundingIncrement,
  feeScheduleForSeries,
  InvalidFeeInputError,
  MAKER_FEE_RATE,
  makerFee,
  orderFee,
  rawTradingFee,
  roundFeeUp,
  TAKER_FEE_RATE,
  takerFee,
  tradingFee,
} from './fees';

describe('tradingFee', () => {
  it('charges the taker 0.07 × C × P × (1 − P) rounded up to the cent', () => {
    // 0.07 × 1 × 0.5 × 0.5 = 0.0175 → 0.02
    expect(tradingFee({ price: '0.50', count: '1', role: 'taker' }).toFixed(2)).toBe('0.02');
    // 0.07 × 100 × 0.35 × 0.65 = 1.5925 → 1.60
    expect(tradingFee({ price: '0.35', count: '100', role: 'taker' }).toString()).toBe('1.6');
    // 0.07 × 10 × 0.5 × 0.5 = 0.175 → 0.18
    expect(takerFee('0.50', '10').toString()).toBe('0.18');
    // 0.07 × 1 × 0.99 × 0.01 = 0.000693 → 0.01
    expect(takerFee('0.99', '1').toString()).toBe('0.01');
  });

  it('rounds per order: ten 1-lot orders pay more than one 10-lot order', () => {
    const oneOrder = takerFee('0.50', '10');
    const tenOrders = Array.from({ length: 10 }, () => takerFee('0.50', '1')).reduce((a, b) => a.plus(b));
    expect(oneOrder.toString()).toBe('0.18');
    expect(tenOrders.toString()).toBe('0.2');
  });

  it('charges nothing on an exact multiple of a cent and nothing at the price extremes', () => {
    // 0.07 × 400 × 0.5 × 0.5 = 7.00 exactly: no rounding up
    expect(takerFee('0.5', '400').toString()).toBe('7');
    expect(takerFee('0', '5').toString()).toBe('0');
    expect(takerFee('1', '5').toString()).toBe('0');
    expect(takerFee('0.5', '0').toString()).toBe('0');
  });

  it('charges makers nothing unless the series charges makers', () => {
    expect(makerFee('0.50', '10').toString()).toBe('0');
    // 0.0175 × 10 × 0.25 = 0.04375 → 0.05
    expect(makerFee('0.50', '10', { makerFeeRate: MAKER_FEE_RATE }).toString()).toBe('0.05');
    expect(
      tradingFee({ price: '0.25', count: '100', role: 'maker', makerFeeRate: '0.0175' }).toString(),
    ).toBe('0.33');
  });

  it('applies the series fee multiplier to the rate before rounding', () => {
    // 0.07 × 0.5 × 10 × 0.25 = 0.0875 → 0.09
    expect(takerFee('0.50', '10', { feeMultiplier: '0.5' }).toString()).toBe('0.09');
    expect(takerFee('0.50', '10', { feeMultiplier: 2 }).toString()).toBe('0.35');
    expect(feeRate('taker', { feeMultiplier: '0.5' }).toString()).toBe('0.035');
    expect(feeRate('maker').toString()).toBe('0');
  });

  it('handles fractional counts and sub-penny prices exactly', () => {
    // 0.07 × 2.5 × 0.055 × 0.945 = 0.009095625 → 0.01
    expect(rawTradingFee({ price: '0.055', count: '2.5', role: 'taker' }).toString()).toBe('0.009095625');
    expect(takerFee('0.055', '2.5').toString()).toBe('0.01');
  });

  it('rounds to the centicent on request, matching the recorded demo fills', () => {
    // recorded fill: 1 @ 0.52 taker → fee_cost "0.017500"; 1 @ 0.99 → "0.000700"
    expect(takerFee('0.52', '1', { rounding: 'centicent' }).toFixed(6)).toBe('0.017500');
    expect(takerFee('0.99', '1', { rounding: 'centicent' }).toFixed(6)).toBe('0.000700');
    expect(feeRoundingIncrement('centicent').toString()).toBe('0.0001');
    expect(feeRoundingIncrement().toString()).toBe('0.01');
  });

  it('rejects impossible trades with a typed error', async () => {
    const { KalshiError } = await import('../core/errors');
    expect(() => takerFee('1.5', '1')).toThrow(InvalidFeeInputError);
    expect(() => takerFee('1.5', '1')).toThrow(KalshiError);
    try {
      takerFee('x', '1');
    } catch (e) {
      expect((e as Error).name).toBe('KalshiInvalidFeeInputError');
      expect((e as Error).cause).toBeInstanceOf(Error);
    }
    expect(() => takerFee('-0.1', '1')).toThrow('price must be between 0 and 1 dollars, got -0.1');
    expect(() => takerFee('0.5', '-1')).toThrow('count must not be negative, got -1');
    expect(() => takerFee('abc', '1')).toThrow('price "abc" is not a decimal number');
    expect(() => takerFee('0.5', 'Infinity')).toThrow('count must be finite, got Infinity');
    expect(() => takerFee('0.5', '1', { feeMultiplier: '-1' })).toThrow(
      'feeMultiplier must not be negative, got -1',
    );
    expect(() => takerFee('0.5', '1', { takerFeeRate: '-0.07' })).toThrow(
      'taker fee rate must not be negative, got -0.07',
    );
  });

  it('never charges less than the exact fee, nor a cent more (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100_000 }),
        (cents, hundredths) => {
          const price = new Decimal(cents).div(100);
          const count = new Decimal(hundredths).div(100);
          const exact = rawTradingFee({ price, count, role: 'taker' });
          const fee = takerFee(price, count);
          return fee.gte(exact) && fee.minus(exact).lt('0.01') && fee.mod('0.01').isZero();
        },
      ),
    );
  });
});

describe('orderFee', () => {
  it('sums the exact fees of all fills of one order and rounds once', () => {
    // 0.07 × (3 × 0.4 × 0.6 + 2 × 0.41 × 0.59) = 0.07 × (0.72 + 0.4838) = 0.084266 → 0.09
    const fee = orderFee({
      role: 'taker',
      fills: [
        { price: '0.40', count: '3' },
        { price: '0.41', count: '2' },
      ],
    });
    expect(fee.toString()).toBe('0.09');
    // rounding each fill separately would give 0.06 + 0.04 = 0.10
    expect(takerFee('0.40', '3').plus(takerFee('0.41', '2')).toString()).toBe('0.1');
  });

  it('is zero for an order with no fills', () => {
    expect(orderFee({ role: 'taker', fills: [] }).toString()).toBe('0');
  });
});

describe('roundFeeUp', () => {
  it('rounds a positive amount up to the increment and leaves exact multiples alone', () => {
    expect(roundFeeUp('0.0101').toString()).toBe('0.02');
    expect(roundFeeUp('0.03').toString()).toBe('0.03');
    expect(roundFeeUp('0.01750001', 'centicent').toString()).toBe('0.0176');
  });
});

describe('feeScheduleForSeries', () => {
  it('charges makers only on quadratic_with_maker_fees series', () => {
    const withMakers = feeScheduleForSeries({ fee_type: 'quadratic_with_maker_fees', fee_multiplier: 1 });
    expect(String(withMakers.makerFeeRate)).toBe('0.0175');
    expect(String(withMakers.takerFeeRate)).toBe(TAKER_FEE_RATE.toString());
    const plain = feeScheduleForSeries({ fee_type: 'quadratic', fee_multiplier: 0.5 });
    expect(String(plain.makerFeeRate)).toBe('0');
    expect(String(plain.feeMultiplier)).toBe('0.5');
    expect(makerFee('0.5', '10', plain).toString()).toBe('0');
    expect(takerFee('0.5', '10', plain).toString()).toBe('0.09');
  });

  it('defaults the multiplier to 1 and accepts Decimal and string multipliers', () => {
    expect(String(feeScheduleForSeries({ fee_type: 'quadratic' }).feeMultiplier)).toBe('1');
    expect(String(feeScheduleForSeries({ fee_multiplier: '1.5' }).feeMultiplier)).toBe('1.5');
    expect(String(feeScheduleForSeries({ fee_multiplier: new Decimal('2') }).feeMultiplier)).toBe('2');
  });
});
