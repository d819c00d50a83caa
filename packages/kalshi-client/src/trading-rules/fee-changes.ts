import type Decimal from 'decimal.js';
import { type FeeSchedule, feeScheduleForSeries, type SeriesFeeFields } from './fees';

/** A scheduled change of a series' fees (`GET /series/fee_changes`). */
export interface SeriesFeeChangeInput {
  series_ticker: string;
  fee_type?: string | null | undefined;
  fee_multiplier?: number | string | Decimal | null | undefined;
  scheduled_ts: Date;
}

/** A scheduled override of one event's fees (`GET /events/fee_changes`); null overrides clear it. */
export interface EventFeeChangeInput {
  event_ticker: string;
  fee_type_override?: string | null | undefined;
  fee_multiplier_override?: number | string | Decimal | null | undefined;
  scheduled_ts: Date;
}

/** Parameters of {@link feeScheduleAt}. */
export interface FeeScheduleAtParams {
  /**
   * The series' fee fields as `GET /series/{ticker}` reports them today: the schedule in force
   * before the first change listed (Kalshi does not say what preceded it).
   */
  series: SeriesFeeFields & { ticker: string };
  /** Scheduled changes of any series (others are ignored), in any order; past and future. */
  seriesChanges?: readonly SeriesFeeChangeInput[];
  /** The event of the order, when its fees may be overridden. */
  eventTicker?: string;
  /** Event overrides of any event (others are ignored), in any order. */
  eventChanges?: readonly EventFeeChangeInput[];
  /** The order's time: the schedule in force at this instant is returned. */
  at: Date;
}

function latestAtOrBefore<T extends { scheduled_ts: Date }>(changes: readonly T[], at: Date): T | undefined {
  let found: T | undefined;
  for (const change of changes) {
    if (change.scheduled_ts.getTime() > at.getTime()) continue;
    if (found === undefined || change.scheduled_ts.getTime() >= found.scheduled_ts.getTime()) found = change;
  }
  return found;
}

/**
 * The {@link FeeSchedule} in force at `at` for a market of `series` (and of `eventTicker`): the
 * latest series fee change scheduled at or before `at` (else the series' own fields), then the
 * latest event override at or before `at` layered on top (a `null` override field falls back to
 * the series). A change scheduled exactly at `at` is in force. Pure: pass what
 * `client.series.getFeeChanges({ show_historical: true })` and `client.events.getFeeChanges()`
 * returned.
 *
 * ```ts
 * const schedule = feeScheduleAt({ series, seriesChanges, at: order.created_time });
 * const fee = takerFee(price, count, schedule);
 * ```
 */
export function feeScheduleAt(params: FeeScheduleAtParams): FeeSchedule {
  const ticker = params.series.ticker;
  const seriesChange = latestAtOrBefore(
    (params.seriesChanges ?? []).filter((c) => c.series_ticker === ticker),
    params.at,
  );
  let feeType = params.series.fee_type;
  let multiplier = params.series.fee_multiplier;
  if (seriesChange) {
    feeType = seriesChange.fee_type ?? feeType;
    multiplier = seriesChange.fee_multiplier ?? multiplier;
  }
  const eventTicker = params.eventTicker;
  if (eventTicker !== undefined) {
    const override = latestAtOrBefore(
      (params.eventChanges ?? []).filter((c) => c.event_ticker === eventTicker),
      params.at,
    );
    if (override) {
      feeType = override.fee_type_override ?? feeType;
      multiplier = override.fee_multiplier_override ?? multiplier;
    }
  }
  return feeScheduleForSeries({ fee_type: feeType ?? null, fee_multiplier: multiplier ?? null });
}
