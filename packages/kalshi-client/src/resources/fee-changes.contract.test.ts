import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError } from '../core/errors';
import { feeScheduleAt } from '../trading-rules/fee-changes';
import { takerFee } from '../trading-rules/fees';

const { route, client } = contractServer();

describe('fee changes', () => {
  contract(
    'getSeriesFeeChanges',
    'reads scheduled changes with Decimal multipliers and Date times',
    async () => {
      const seen = route('get', '/series/fee_changes', fixture('series_fee_changes'));
      const changes = await client().series.getFeeChanges({
        series_ticker: 'KXNFLGAME',
        show_historical: true,
      });
      expect(seen[0]?.query.toString()).toBe('series_ticker=KXNFLGAME&show_historical=true');
      expect(changes).toEqual([
        {
          id: '9b1f0c7e-series-fee-1',
          series_ticker: 'KXNFLGAME',
          fee_type: 'quadratic',
          fee_multiplier: new Decimal(1),
          scheduled_ts: new Date('2026-09-01T00:00:00Z'),
        },
        {
          id: '9b1f0c7e-series-fee-2',
          series_ticker: 'KXNFLGAME',
          fee_type: 'quadratic_with_maker_fees',
          fee_multiplier: new Decimal('0.5'),
          scheduled_ts: new Date('2026-12-01T14:00:00Z'),
        },
      ]);
    },
  );

  contract(
    'getSeriesFeeChanges',
    'feeds feeScheduleAt: the fee of an order uses the schedule of its time',
    async () => {
      route('get', '/series/fee_changes', fixture('series_fee_changes'));
      const seriesChanges = await client().series.getFeeChanges({ show_historical: true });
      const series = { ticker: 'KXNFLGAME', fee_type: 'quadratic_with_maker_fees', fee_multiplier: 0.5 };
      const before = feeScheduleAt({ series, seriesChanges, at: new Date('2026-11-30T12:00:00Z') });
      const after = feeScheduleAt({ series, seriesChanges, at: new Date('2026-12-01T14:00:00Z') });
      // 10 @ $0.50 as taker: 0.07 × 2.5 = 0.175 → $0.18 at multiplier 1; 0.0875 → $0.09 at 0.5.
      expect(takerFee('0.50', '10', before).toFixed(2)).toBe('0.18');
      expect(takerFee('0.50', '10', after).toFixed(2)).toBe('0.09');
      expect(before.makerFeeRate?.toString()).toBe('0');
      expect(after.makerFeeRate?.toString()).toBe('0.0175');
    },
  );

  contract('getEventFeeChanges', 'reads a page of event overrides, null overrides as undefined', async () => {
    const seen = route('get', '/events/fee_changes', fixture('event_fee_changes'));
    const page = await client().events.getFeeChanges({ event_ticker: 'KXNFLGAME-26NOV29KCDEN', limit: 50 });
    expect(seen[0]?.query.toString()).toBe('event_ticker=KXNFLGAME-26NOV29KCDEN&limit=50');
    expect(page.items.map((c) => [c.fee_type_override, c.fee_multiplier_override?.toString()])).toEqual([
      ['quadratic', '0'],
      [undefined, undefined],
    ]);
    expect(page.items[1]?.scheduled_ts).toEqual(new Date('2026-11-30T06:00:00Z'));
  });

  contract('getEventFeeChanges', 'refuses a limit below 1 before sending', async () => {
    await expect(client().events.getFeeChanges({ limit: 0 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
  });
});
