// MEDIUM tier: profit_target, partial_exit_target.
import Decimal from 'decimal.js';
import { compare, compareUnits, floorTo, ZERO } from '../../internal/decimal';
import type { ExitTrigger } from '../rules';
import { type ExitTick, fire, pctText } from './tick';

/**
 * The MEDIUM rules: the profit target (bid at or above `entry × (1 + profitTargetPct)`) and the
 * first partial-exit stage reached and not yet done (its size is a fraction of the original
 * size, rounded down to the contract increment, at most what is held).
 */
export function evaluateMedium(t: ExitTick, triggers: ExitTrigger[] | null): ExitTrigger[] | null {
  const { bid, levels, config, entry, quantity } = t;
  if (bid === null) return triggers;
  if (
    levels.profitTarget !== null &&
    compareUnits(bid, t.bidUnits, levels.profitTarget, levels.profitTargetUnits) >= 0
  ) {
    triggers = fire(
      triggers,
      quantity,
      'profit_target',
      `${t.side} bid ${bid} ≥ ${levels.profitTarget} (+${pctText(bid, entry)} from entry ${entry}, target ${config.profitTargetPct})`,
    );
  }
  if (levels.partials.length > 0) {
    const done = t.input.partialStagesDone ?? [];
    for (const [i, stage] of config.partialExits.entries()) {
      if (done.includes(stage.name) || compare(bid, levels.partials[i] as Decimal) < 0) continue;
      const size = Decimal.min(
        floorTo(t.position.entryQuantity.times(stage.exitFraction), config.contractIncrement),
        quantity,
      );
      if (compare(size, ZERO) > 0) {
        return fire(
          triggers,
          size,
          'partial_exit_target',
          `stage ${stage.name}: +${pctText(bid, entry)} reached ${stage.profitThreshold}`,
          stage.name,
        );
      }
    }
  }
  return triggers;
}
