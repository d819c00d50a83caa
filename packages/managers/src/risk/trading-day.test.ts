import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { TradingConfigError } from '../errors';
import { DEFAULT_CIRCUIT_BREAKER_CONFIG, initialRiskState, reduceRisk } from './circuit-breakers';
import { tradingDay } from './trading-day';

describe('tradingDay', () => {
  it('is the New York calendar day by default, not the UTC one', () => {
    // 2026-11-27 02:30 UTC is 21:30 on the 26th in New York (EST, UTC−5): a Thursday night game.
    expect(tradingDay(Date.UTC(2026, 10, 27, 2, 30))).toBe('2026-11-26');
    expect(tradingDay(Date.UTC(2026, 10, 27, 4, 59))).toBe('2026-11-26');
    expect(tradingDay(Date.UTC(2026, 10, 27, 5, 0))).toBe('2026-11-27');
  });

  it('follows daylight saving time (EDT is UTC−4)', () => {
    expect(tradingDay(Date.UTC(2026, 8, 14, 3, 59))).toBe('2026-09-13');
    expect(tradingDay(Date.UTC(2026, 8, 14, 4, 0))).toBe('2026-09-14');
  });

  it('keeps the small hours with the previous day when the day starts at a later hour', () => {
    const config = { tradingDayTimeZone: 'America/Los_Angeles', tradingDayStartHour: 4 };
    // 03:59 and 04:00 on Nov 27 in Los Angeles (PST, UTC−8).
    expect(tradingDay(Date.UTC(2026, 10, 27, 11, 59), config)).toBe('2026-11-26');
    expect(tradingDay(Date.UTC(2026, 10, 27, 12, 0), config)).toBe('2026-11-27');
    // Across a month end.
    expect(tradingDay(Date.UTC(2026, 11, 1, 9), config)).toBe('2026-11-30');
  });

  it('can be the UTC day when configured so', () => {
    expect(tradingDay(Date.UTC(2026, 10, 27, 2, 30), { tradingDayTimeZone: 'UTC' })).toBe('2026-11-27');
  });

  it('refuses an unknown time zone and an hour outside 0–23 with a TradingConfigError', () => {
    expect(() => tradingDay(0, { tradingDayTimeZone: 'Mars/Olympus' })).toThrow(TradingConfigError);
    expect(() => tradingDay(0, { tradingDayTimeZone: 'Mars/Olympus' })).toThrow(
      'tradingDayTimeZone must be an IANA time zone such as America/New_York, got "Mars/Olympus"',
    );
    expect(() => tradingDay(0, { tradingDayStartHour: 24 })).toThrow(
      'tradingDayStartHour must be an integer hour 0–23, got 24',
    );
  });

  it('adds a late-evening loss to the same day as the early-evening one (UTC midnight in between)', () => {
    const config = { ...DEFAULT_CIRCUIT_BREAKER_CONFIG, dailyLossLimit: new Decimal(500) };
    const early = reduceRisk(
      initialRiskState(),
      { type: 'trade_closed', at: Date.UTC(2026, 10, 26, 23, 0), realizedPnl: new Decimal(-300) },
      config,
    );
    const late = reduceRisk(
      early.state,
      { type: 'trade_closed', at: Date.UTC(2026, 10, 27, 3, 30), realizedPnl: new Decimal(-200) },
      config,
    );
    expect([late.state.day, late.state.dailyRealizedPnl.toString()]).toEqual(['2026-11-26', '-500']);
    expect(late.state.breakers.daily_loss.status).toBe('open');
  });
});
