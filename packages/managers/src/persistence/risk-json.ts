import Decimal from 'decimal.js';
import { z } from 'zod';
import { TradingConfigError } from '../errors';
import type { BreakerName, BreakerState, RiskState } from '../risk/circuit-breakers';

/** {@link RiskState} as JSON: the daily P&L as a decimal string, times as epoch ms. */
export interface RiskStateJson {
  day: string | null;
  dailyRealizedPnl: string;
  consecutiveLosses: number;
  apiErrorTimes: number[];
  breakers: Record<BreakerName, BreakerState>;
}

/** Serialises the breakers' state for storage. */
export function riskStateToJson(state: RiskState): RiskStateJson {
  return {
    day: state.day,
    dailyRealizedPnl: state.dailyRealizedPnl.toString(),
    consecutiveLosses: state.consecutiveLosses,
    apiErrorTimes: [...state.apiErrorTimes],
    breakers: {
      daily_loss: { ...state.breakers.daily_loss },
      consecutive_losses: { ...state.breakers.consecutive_losses },
      api_errors: { ...state.breakers.api_errors },
    },
  };
}

const breaker = z.object({
  status: z.enum(['closed', 'open', 'half_open']),
  trippedAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  resumeAt: z.number().int().nullable(),
});
const schema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  dailyRealizedPnl: z.string().regex(/^-?\d+(\.\d+)?$/),
  consecutiveLosses: z.number().int().nonnegative(),
  apiErrorTimes: z.array(z.number().int()),
  breakers: z.object({ daily_loss: breaker, consecutive_losses: breaker, api_errors: breaker }),
});

/** Reads stored breaker state back; throws {@link TradingConfigError} (option `risk_state`) on a bad shape. */
export function riskStateFromJson(json: unknown): RiskState {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TradingConfigError(
      `risk state is not a stored breaker state: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      'risk_state',
      { cause: parsed.error },
    );
  }
  const j = parsed.data;
  return {
    day: j.day,
    dailyRealizedPnl: new Decimal(j.dailyRealizedPnl),
    consecutiveLosses: j.consecutiveLosses,
    apiErrorTimes: j.apiErrorTimes,
    breakers: j.breakers,
  };
}
