// The price-level cache: the price at which each percent rule fires, per position version and
// config, so a tick costs integer comparisons instead of Decimal divisions.
import type Decimal from 'decimal.js';
import { ONE, priceUnits, ZERO } from '../internal/decimal';
import type { Position } from '../positions/position';
import type { ExitConfig } from './rules';
import type { TrailingStepCache, TrailingStopState } from './trailing-stop';

/**
 * The price at which each percent rule fires for one position version under one config
 * (`pnlPct ≤ −0.15` ⇔ `bid ≤ entry × 0.85`), with their {@link priceUnits}; it is also the
 * trailing stop's {@link TrailingStepCache} (activation price, last peak and stop seen).
 */
export interface PriceLevels extends TrailingStepCache {
  config: ExitConfig;
  trailingConfig: TrailingStopState['config'] | null;
  /** The position's stored stop-loss price, else `entry × (1 − stopLossPct)`. */
  stopLoss: Decimal | null;
  /** The position's stored target price, else `entry × (1 + profitTargetPct)`. */
  profitTarget: Decimal | null;
  /** The stored prices these levels were built with (cache key). */
  storedStop: Decimal | null;
  storedTarget: Decimal | null;
  /** `entry × (1 − losingPnlPct)`. */
  lateLoss: Decimal;
  /** `entry × (1 + profitThreshold)` per partial stage. */
  partials: Decimal[];
  /** {@link priceUnits} of the levels above (−1 when null or not representable). */
  stopLossUnits: number;
  profitTargetUnits: number;
  lateLossUnits: number;
  /** {@link priceUnits} of `config.maxSpread`. */
  maxSpreadUnits: number;
}

// Positions are immutable values (a fill makes a new object), so levels cached per position
// object stay right for as long as the config and trailing-stop settings are the same.
const levelCache = new WeakMap<Position, PriceLevels>();

/** The cached {@link PriceLevels} of a position under a config and its (unarmed) trailing stop. */
export function priceLevels(
  position: Position,
  config: ExitConfig,
  trailing: TrailingStopState | null,
  storedStop: Decimal | null = null,
  storedTarget: Decimal | null = null,
): PriceLevels {
  const trailingConfig = trailing === null || trailing.active ? null : trailing.config;
  const cached = levelCache.get(position);
  if (
    cached !== undefined &&
    cached.config === config &&
    cached.trailingConfig === trailingConfig &&
    cached.storedStop === storedStop &&
    cached.storedTarget === storedTarget
  )
    return cached;
  const entry = position.avgEntryPrice;
  // A price stored with the position (positions.stop_loss_price / target_price) is its own rule.
  const stopLoss =
    storedStop ?? (config.stopLossPct === null ? null : entry.times(ONE.minus(config.stopLossPct)));
  const profitTarget =
    storedTarget ?? (config.profitTargetPct === null ? null : entry.times(ONE.plus(config.profitTargetPct)));
  const lateLoss = entry.times(ONE.minus(config.losingPnlPct));
  const activation =
    trailingConfig === null || !entry.gt(ZERO)
      ? null
      : entry.times(ONE.plus(trailingConfig.activationThreshold));
  const levels: PriceLevels = {
    config,
    trailingConfig,
    stopLoss,
    profitTarget,
    storedStop,
    storedTarget,
    lateLoss,
    partials: config.partialExits.map((stage) => entry.times(ONE.plus(stage.profitThreshold))),
    stopLossUnits: priceUnits(stopLoss),
    profitTargetUnits: priceUnits(profitTarget),
    lateLossUnits: priceUnits(lateLoss),
    maxSpreadUnits: priceUnits(config.maxSpread),
    activation,
    activationUnits: priceUnits(activation),
    stateEntry: null,
    stateEntrySame: false,
    peak: null,
    peakUnits: -1,
    stop: null,
    stopUnits: -1,
    quiet: null,
  };
  levelCache.set(position, levels);
  return levels;
}
