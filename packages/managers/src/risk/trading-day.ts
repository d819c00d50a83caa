// The trading day the daily-loss figures belong to: a calendar day in a configurable time zone
// (default America/New_York), optionally starting at a later local hour.
import { TradingConfigError } from '../errors';
import type { EpochMs } from '../types';

/** Where a trading day starts: the options of `CircuitBreakerConfig` that set it. */
export interface TradingDayConfig {
  /** IANA time zone. Default `America/New_York`. */
  tradingDayTimeZone?: string;
  /** Local hour (0–23) at which the day starts. Default 0. */
  tradingDayStartHour?: number;
}

/** The default trading-day time zone: Kalshi's and the US slates' clock. */
export const DEFAULT_TRADING_DAY_TIME_ZONE = 'America/New_York';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        hourCycle: 'h23',
      });
    } catch (error) {
      throw new TradingConfigError(
        `tradingDayTimeZone must be an IANA time zone such as America/New_York, got ${JSON.stringify(timeZone)}`,
        'tradingDayTimeZone',
        { cause: error },
      );
    }
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The trading day (`YYYY-MM-DD`) of an instant: its calendar date in `tradingDayTimeZone`, or
 * the date before when the local hour is earlier than `tradingDayStartHour`. DST is handled by
 * the time-zone database (the local hour is read, never computed from a fixed offset). Throws
 * {@link TradingConfigError} for an unknown zone or an hour outside 0–23.
 */
export function tradingDay(at: EpochMs, config: TradingDayConfig = {}): string {
  const timeZone = config.tradingDayTimeZone ?? DEFAULT_TRADING_DAY_TIME_ZONE;
  const startHour = config.tradingDayStartHour ?? 0;
  if (!Number.isInteger(startHour) || startHour < 0 || startHour > 23) {
    throw new TradingConfigError(
      `tradingDayStartHour must be an integer hour 0–23, got ${startHour}`,
      'tradingDayStartHour',
    );
  }
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (Number(parts.hour) >= startHour) return date;
  // Before the start hour: the previous calendar date (UTC arithmetic on a date has no DST).
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}
