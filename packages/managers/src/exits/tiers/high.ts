// HIGH tier: trailing_stop, time_based_urgent, liquidity_dried_up.
import { compare, compareDifferenceUnits, compareUnits, priceUnits } from '../../internal/decimal';
import { executableAsk } from '../../market';
import type { ExitTrigger } from '../rules';
import { type ExitTick, fire, pctText } from './tick';

/**
 * The HIGH rules: the trailing stop touched (stepped by the evaluator before the tiers run),
 * the time rules (close is near, late-game loss, held too long: the first that applies) and
 * liquidity (no bid, spread too wide, volume too low: the first that applies).
 */
export function evaluateHigh(t: ExitTick, triggers: ExitTrigger[] | null): ExitTrigger[] | null {
  const { bid, config, quantity, side, now } = t;
  if (t.trailingTriggered && t.trailingStop !== null) {
    triggers = fire(
      triggers,
      quantity,
      'trailing_stop',
      `${side} bid ${bid} touched the trailing stop ${t.trailingStop.currentStopPrice}`,
    );
  }
  const closeTime = t.snapshot.closeTime ?? null;
  const left = closeTime === null ? null : closeTime - now;
  if (left !== null && config.urgentBeforeCloseMs !== null && left < config.urgentBeforeCloseMs) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `${Math.max(left, 0)} ms left before close, under ${config.urgentBeforeCloseMs} ms`,
    );
  } else if (
    left !== null &&
    bid !== null &&
    config.losingBeforeCloseMs !== null &&
    left <= config.losingBeforeCloseMs &&
    compareUnits(bid, t.bidUnits, t.levels.lateLoss, t.levels.lateLossUnits) <= 0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `${left} ms left before close and ${pctText(bid, t.entry)} from entry (late-game loss)`,
    );
  } else if (config.maxHoldMs !== null && now - t.position.openedAt >= config.maxHoldMs) {
    triggers = fire(
      triggers,
      quantity,
      'time_based_urgent',
      `held ${now - t.position.openedAt} ms, at least the maximum ${config.maxHoldMs} ms`,
    );
  }
  if (bid === null) {
    return fire(triggers, quantity, 'liquidity_dried_up', `no ${side} bid to sell into`);
  }
  const ask = executableAsk(t.snapshot, side);
  const volume = t.snapshot.volume ?? null;
  if (
    config.maxSpread !== null &&
    ask !== null &&
    compareDifferenceUnits(ask, priceUnits(ask), bid, t.bidUnits, config.maxSpread, t.levels.maxSpreadUnits) >
      0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'liquidity_dried_up',
      `${side} spread ${ask.minus(bid)} wider than ${config.maxSpread}`,
    );
  } else if (config.minVolume !== null && volume !== null && compare(volume, config.minVolume) < 0) {
    triggers = fire(
      triggers,
      quantity,
      'liquidity_dried_up',
      `volume ${volume} below ${config.minVolume} contracts`,
    );
  }
  return triggers;
}
