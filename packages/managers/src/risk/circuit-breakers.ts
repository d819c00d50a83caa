import Decimal from 'decimal.js';
import { ZERO } from '../internal/decimal';
import type { EpochMs } from '../types';
import { tradingDay } from './trading-day';

/** The breakers this state machine runs. */
export type BreakerName = 'daily_loss' | 'consecutive_losses' | 'api_errors';

/** `closed`: trading; `open`: tripped; `half_open`: cooling-down period over, probing (entries allowed). */
export type BreakerStatus = 'closed' | 'open' | 'half_open';

/** One breaker's state. */
export interface BreakerState {
  status: BreakerStatus;
  /** When it last tripped, else null. */
  trippedAt: EpochMs | null;
  /** Why it last tripped, else null. */
  reason: string | null;
  /** When an auto-resuming breaker goes half-open; null for manual-reset breakers. */
  resumeAt: EpochMs | null;
}

/** Everything the breakers remember: plain data, safe to persist as JSON (Decimals as strings). */
export interface RiskState {
  /**
   * Trading day (`YYYY-MM-DD`, see {@link tradingDay}: by default the calendar day in
   * America/New_York) the daily figures belong to, null before the first event.
   */
  day: string | null;
  /** Net realized P&L of positions closed (or settled) on this trading day, dollars. */
  dailyRealizedPnl: Decimal;
  /** Losing closes in a row. */
  consecutiveLosses: number;
  /** Times of API errors still inside the error window. */
  apiErrorTimes: EpochMs[];
  breakers: Record<BreakerName, BreakerState>;
}

/** Breaker thresholds. */
export interface CircuitBreakerConfig {
  /** Trip when today's net realized loss reaches this many dollars. Default 500. Manual reset. */
  dailyLossLimit: Decimal;
  /** Trip after this many losing closes in a row. Default 5. Manual reset. */
  maxConsecutiveLosses: number;
  /** Trip after this many API errors inside `apiErrorWindowMs`. Default 5. */
  apiErrorLimit: number;
  /** The API error window, ms. Default 300000 (5 min). */
  apiErrorWindowMs: number;
  /** How long the API breaker stays open before probing, ms. Default 300000. */
  apiCooldownMs: number;
  /**
   * IANA time zone whose calendar day is the trading day: the daily P&L restarts at the day's
   * start there, not at UTC midnight (which falls in the middle of a US evening slate). Default
   * `America/New_York` (trading.yaml `defaults.timezone`).
   */
  tradingDayTimeZone?: string;
  /**
   * Local hour (0–23, in `tradingDayTimeZone`) at which a trading day starts: with 4, the hours
   * 00:00–03:59 still belong to the previous day, so a late game's losses count with its slate.
   * Default 0 (midnight).
   */
  tradingDayStartHour?: number;
}

/** The reference design's thresholds: $500 daily loss, 5 losses in a row, 5 API errors in 5 minutes. */
export const DEFAULT_CIRCUIT_BREAKER_CONFIG: Readonly<CircuitBreakerConfig> = Object.freeze({
  dailyLossLimit: new Decimal(500),
  maxConsecutiveLosses: 5,
  apiErrorLimit: 5,
  apiErrorWindowMs: 300_000,
  apiCooldownMs: 300_000,
  tradingDayTimeZone: 'America/New_York',
  tradingDayStartHour: 0,
});

/** Something that happened, fed to {@link reduceRisk}. */
export type RiskEvent =
  /** A position closed (or partly closed) with this net realized P&L (fees included). */
  | { type: 'trade_closed'; at: EpochMs; realizedPnl: Decimal }
  /** An exchange/API call failed. */
  | { type: 'api_error'; at: EpochMs; detail?: string }
  /** An exchange/API call succeeded (closes a half-open API breaker). */
  | { type: 'api_success'; at: EpochMs }
  /** Time passed (lets a cooled-down breaker go half-open). */
  | { type: 'tick'; at: EpochMs }
  /** A person resets one breaker. */
  | { type: 'reset'; at: EpochMs; breaker: BreakerName; actor: string; reason: string };

/** A breaker changing status: one `circuit_breaker_events` row. */
export interface BreakerTransition {
  breaker: BreakerName;
  from: BreakerStatus;
  to: BreakerStatus;
  at: EpochMs;
  reason: string;
  /** Who did it, for manual resets. */
  actor?: string;
}

/** Result of {@link reduceRisk}. */
export interface RiskUpdate {
  state: RiskState;
  transitions: BreakerTransition[];
}

const closedBreaker = (): BreakerState => ({
  status: 'closed',
  trippedAt: null,
  reason: null,
  resumeAt: null,
});

/** A fresh state: every breaker closed, no history. */
export function initialRiskState(): RiskState {
  return {
    day: null,
    dailyRealizedPnl: ZERO,
    consecutiveLosses: 0,
    apiErrorTimes: [],
    breakers: {
      daily_loss: closedBreaker(),
      consecutive_losses: closedBreaker(),
      api_errors: closedBreaker(),
    },
  };
}

/**
 * Applies one event to the breakers and returns the new state with every status change. Pure:
 * the input is not changed and time comes from the event. Daily loss and consecutive losses
 * stay open until a manual `reset` (the daily P&L itself restarts at the start of each trading
 * day, see {@link tradingDay}); the API
 * breaker goes half-open after its cool-down, closes on the next success and re-opens on the
 * next error.
 */
export function reduceRisk(
  state: RiskState,
  event: RiskEvent,
  config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG,
): RiskUpdate {
  const transitions: BreakerTransition[] = [];
  const breakers = { ...state.breakers };
  const move = (
    breaker: BreakerName,
    to: BreakerStatus,
    reason: string,
    extra: Partial<BreakerState> = {},
    actor?: string,
  ) => {
    const from = breakers[breaker].status;
    breakers[breaker] = { ...breakers[breaker], ...extra, status: to };
    const transition: BreakerTransition = { breaker, from, to, at: event.at, reason };
    if (actor !== undefined) transition.actor = actor;
    transitions.push(transition);
  };

  const day = tradingDay(event.at, config);
  let dailyRealizedPnl = state.day === day ? state.dailyRealizedPnl : ZERO;
  let consecutiveLosses = state.consecutiveLosses;
  let apiErrorTimes = state.apiErrorTimes.filter((t) => event.at - t < config.apiErrorWindowMs);

  const api = breakers.api_errors;
  if (api.status === 'open' && api.resumeAt !== null && event.at >= api.resumeAt) {
    move('api_errors', 'half_open', `cool-down of ${config.apiCooldownMs} ms over, probing`);
  }

  switch (event.type) {
    case 'trade_closed': {
      dailyRealizedPnl = dailyRealizedPnl.plus(event.realizedPnl);
      if (event.realizedPnl.isNegative()) consecutiveLosses += 1;
      else if (event.realizedPnl.gt(ZERO)) consecutiveLosses = 0;
      if (breakers.daily_loss.status === 'closed' && dailyRealizedPnl.lte(config.dailyLossLimit.neg())) {
        const reason = `daily realized P&L ${dailyRealizedPnl.toString()} reached the loss limit of ${config.dailyLossLimit.toString()}`;
        move('daily_loss', 'open', reason, { trippedAt: event.at, reason, resumeAt: null });
      }
      if (
        breakers.consecutive_losses.status === 'closed' &&
        consecutiveLosses >= config.maxConsecutiveLosses
      ) {
        const reason = `${consecutiveLosses} losing trades in a row (limit ${config.maxConsecutiveLosses})`;
        move('consecutive_losses', 'open', reason, { trippedAt: event.at, reason, resumeAt: null });
      }
      break;
    }
    case 'api_error': {
      apiErrorTimes = [...apiErrorTimes, event.at];
      const status = breakers.api_errors.status;
      const tooMany = apiErrorTimes.length >= config.apiErrorLimit;
      if (status === 'half_open' || (status === 'closed' && tooMany)) {
        const reason =
          status === 'half_open'
            ? `API error while probing${event.detail ? `: ${event.detail}` : ''}`
            : `${apiErrorTimes.length} API errors within ${config.apiErrorWindowMs} ms (limit ${config.apiErrorLimit})`;
        move('api_errors', 'open', reason, {
          trippedAt: event.at,
          reason,
          resumeAt: event.at + config.apiCooldownMs,
        });
      }
      break;
    }
    case 'api_success': {
      if (breakers.api_errors.status === 'half_open') {
        apiErrorTimes = [];
        move('api_errors', 'closed', 'API call succeeded while probing', { resumeAt: null });
      }
      break;
    }
    case 'reset': {
      if (breakers[event.breaker].status !== 'closed') {
        move(event.breaker, 'closed', event.reason, { resumeAt: null }, event.actor);
        if (event.breaker === 'consecutive_losses') consecutiveLosses = 0;
        if (event.breaker === 'api_errors') apiErrorTimes = [];
      }
      break;
    }
    case 'tick':
      break;
  }
  return { state: { day, dailyRealizedPnl, consecutiveLosses, apiErrorTimes, breakers }, transitions };
}

/** Whether a new entry may be placed, and which open breakers block it. Half-open breakers do not block. */
export function entryAllowed(state: RiskState): { allowed: boolean; blockedBy: BreakerName[] } {
  const blockedBy = (Object.keys(state.breakers) as BreakerName[]).filter(
    (b) => state.breakers[b].status === 'open',
  );
  return { allowed: blockedBy.length === 0, blockedBy };
}

/**
 * Whether every open position must be exited now (the `circuit_breaker` exit): true while the
 * daily-loss or consecutive-losses breaker is open. The API breaker only blocks entries.
 */
export function closeAllRequired(state: RiskState): boolean {
  return state.breakers.daily_loss.status === 'open' || state.breakers.consecutive_losses.status === 'open';
}
