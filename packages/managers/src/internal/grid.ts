import { type PriceRange, roundToPriceGrid } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import type { Side } from '../types';
import { ONE } from './decimal';

/** Smaller than any tick Kalshi uses (ticks are at least 0.0001), larger than decimal noise. */
const NUDGE = new Decimal('1e-9');

type Ranges = readonly PriceRange[] | null | undefined;

/**
 * Rounds a price of `side` onto the market's grid. The grid is published in YES terms; a NO
 * price p is the YES price 1 − p, so rounding a NO price up is rounding its YES image down.
 * Returns null when no grid price exists in that direction.
 */
export function roundSidePrice(
  price: Decimal,
  side: Side,
  ranges: Ranges,
  direction: 'up' | 'down',
): Decimal | null {
  try {
    if (side === 'yes') return roundToPriceGrid(price, ranges, direction);
    return ONE.minus(roundToPriceGrid(ONE.minus(price), ranges, direction === 'up' ? 'down' : 'up'));
  } catch {
    return null;
  }
}

/**
 * The grid price `ticks` ticks below `price` (in the side's own space), stopping at the lowest
 * grid price. `price` is first rounded down onto the grid. Null when there is no grid price at
 * or below `price`.
 */
export function ticksBelow(price: Decimal, ticks: number, side: Side, ranges: Ranges): Decimal | null {
  let current = roundSidePrice(price, side, ranges, 'down');
  if (current === null) return null;
  for (let i = 0; i < ticks; i += 1) {
    const next = roundSidePrice(current.minus(NUDGE), side, ranges, 'down');
    if (next === null) break;
    current = next;
  }
  return current;
}

/** The lowest price of the side on the grid (what a "market" sell is limited to), or null if none. */
export function lowestGridPrice(side: Side, ranges: Ranges): Decimal | null {
  return roundSidePrice(NUDGE, side, ranges, 'up');
}
