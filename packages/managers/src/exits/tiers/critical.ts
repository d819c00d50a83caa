// CRITICAL tier: stop_loss, circuit_breaker.
import { compareUnits } from '../../internal/decimal';
import type { ExitTrigger } from '../rules';
import { type ExitTick, fire, pctText } from './tick';

/** The CRITICAL rules: the stop loss (bid at or below `entry × (1 − stopLossPct)`) and an open close-all breaker. */
export function evaluateCritical(t: ExitTick, triggers: ExitTrigger[] | null): ExitTrigger[] | null {
  const { bid, levels } = t;
  if (
    bid !== null &&
    levels.stopLoss !== null &&
    compareUnits(bid, t.bidUnits, levels.stopLoss, levels.stopLossUnits) <= 0
  ) {
    triggers = fire(
      triggers,
      t.quantity,
      'stop_loss',
      `${t.side} bid ${bid} ≤ ${levels.stopLoss} (${pctText(bid, t.entry)} from entry ${t.entry}, stop ${t.config.stopLossPct})`,
    );
  }
  if (t.context.circuitBreakerOpen === true) {
    triggers = fire(triggers, t.quantity, 'circuit_breaker', 'a close-all circuit breaker is open');
  }
  return triggers;
}
