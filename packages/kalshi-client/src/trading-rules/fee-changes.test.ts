import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { feeScheduleAt } from './fee-changes';
import { orderFee } from './fees';

const series = { ticker: 'KXNFLGAME', fee_type: 'quadratic', fee_multiplier: 1 };
const at = (iso: string) => new Date(iso);
const seriesChanges = [
  // Listed out of order on purpose.
  {
    series_ticker: 'KXNFLGAME',
    fee_type: 'quadratic',
    fee_multiplier: 2,
    scheduled_ts: at('2026-12-01T00:00:00Z'),
  },
  {
    series_ticker: 'KXNFLGAME',
    fee_type: 'quadratic',
    fee_multiplier: 0.5,
    scheduled_ts: at('2026-11-01T00:00:00Z'),
  },
  { series_ticker: 'KXNBA', fee_type: 'flat', fee_multiplier: 9, scheduled_ts: at('2026-10-01T00:00:00Z') },
];
const multiplierAt = (iso: string, extra: Partial<Parameters<typeof feeScheduleAt>[0]> = {}) =>
  new Decimal(feeScheduleAt({ series, seriesChanges, at: at(iso), ...extra }).feeMultiplier ?? 1).toString();

describe('feeScheduleAt', () => {
  it('uses the series fields before the first change', () => {
    expect(multiplierAt('2026-10-15T00:00:00Z')).toBe('1');
  });

  it('uses the latest change at or before the time, ignoring other series', () => {
    expect(multiplierAt('2026-11-01T00:00:00Z')).toBe('0.5');
    expect(multiplierAt('2026-11-30T23:59:59Z')).toBe('0.5');
    expect(multiplierAt('2026-12-01T00:00:00Z')).toBe('2');
  });

  it('layers an event override on top, and a null override falls back to the series', () => {
    const eventChanges = [
      {
        event_ticker: 'KXNFLGAME-26NOV29KCDEN',
        fee_type_override: 'quadratic_with_maker_fees',
        fee_multiplier_override: 0,
        scheduled_ts: at('2026-11-29T00:00:00Z'),
      },
      {
        event_ticker: 'KXNFLGAME-26NOV29KCDEN',
        fee_type_override: null,
        fee_multiplier_override: null,
        scheduled_ts: at('2026-11-30T00:00:00Z'),
      },
    ];
    const extra = { eventTicker: 'KXNFLGAME-26NOV29KCDEN', eventChanges };
    expect(multiplierAt('2026-11-29T12:00:00Z', extra)).toBe('0');
    const overridden = feeScheduleAt({ series, seriesChanges, at: at('2026-11-29T12:00:00Z'), ...extra });
    expect(overridden.makerFeeRate?.toString()).toBe('0.0175');
    expect(multiplierAt('2026-11-30T12:00:00Z', extra)).toBe('0.5');
    expect(multiplierAt('2026-11-29T12:00:00Z', { ...extra, eventTicker: 'KXNFLGAME-OTHER' })).toBe('0.5');
  });

  it('prices one order with the schedule of its time', () => {
    const fills = [{ price: '0.40', count: '10' }];
    const fee = (iso: string) =>
      orderFee({ ...feeScheduleAt({ series, seriesChanges, at: at(iso) }), fills, role: 'taker' }).toFixed(2);
    // 0.07 × 10 × 0.4 × 0.6 = 0.168: × 0.5 = 0.084 → 0.09; × 2 = 0.336 → 0.34.
    expect(fee('2026-11-15T00:00:00Z')).toBe('0.09');
    expect(fee('2026-12-15T00:00:00Z')).toBe('0.34');
  });
});
