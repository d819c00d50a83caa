import Decimal from 'decimal.js';
import { KalshiInvalidPriceInputError } from '../core/errors';

/**
 * One interval of a market's price grid: every price `start + k × step` (k ≥ 0) up to `end`,
 * inclusive, in dollars. Kalshi sends these as `price_ranges` on a market, e.g.
 * `[{ "start": "0.0000", "end": "1.0000", "step": "0.0100" }]` for `linear_cent`, or three
 * ranges (0.001 ticks below $0.10 and above $0.90, 0.01 between) for `tapered_deci_cent`.
 */
export interface PriceRange {
  /** First price of the range, in dollars. */
  start: Decimal;
  /** Last price of the range, in dollars (inclusive). */
  end: Decimal;
  /** Tick size inside the range, in dollars (greater than zero). */
  step: Decimal;
}

/** A price range as it arrives on the wire (`price_ranges` of a market): fixed-point strings. */
export interface PriceRangeInput {
  start: Decimal.Value;
  end: Decimal.Value;
  step: Decimal.Value;
}

/** Direction for {@link roundToPriceGrid}: `'up'` to the nearest grid price at or above, `'down'` at or below. */
export type PriceRoundingDirection = 'up' | 'down';

/** @deprecated Renamed {@link KalshiInvalidPriceInputError} (same class). */
export const InvalidPriceError = KalshiInvalidPriceInputError;
/** @deprecated Renamed {@link KalshiInvalidPriceInputError}. */
export type InvalidPriceError = KalshiInvalidPriceInputError;

/**
 * The grid used for a market that publishes no `price_ranges`: $0.01 to $0.99 in steps of $0.01
 * (Kalshi's classic one-cent contracts).
 */
export const DEFAULT_PRICE_RANGES: readonly PriceRange[] = Object.freeze([
  Object.freeze({ start: new Decimal('0.01'), end: new Decimal('0.99'), step: new Decimal('0.01') }),
]);

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

function toDecimal(value: Decimal.Value, what: string): Decimal {
  try {
    const d = Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
    if (!d.isFinite()) throw new Error('not finite');
    return d;
  } catch (cause) {
    throw new KalshiInvalidPriceInputError(
      `${what} ${JSON.stringify(String(value))} is not a decimal number`,
      value,
      {
        cause,
      },
    );
  }
}

/**
 * Parses a market's `price_ranges` into {@link PriceRange}s. An absent, null or empty list gives
 * {@link DEFAULT_PRICE_RANGES}. A range whose step is not positive or whose end is before its
 * start is rejected with {@link KalshiInvalidPriceInputError}.
 */
export function parsePriceRanges(
  ranges: readonly PriceRangeInput[] | null | undefined,
): readonly PriceRange[] {
  if (ranges == null || ranges.length === 0) return DEFAULT_PRICE_RANGES;
  return ranges.map((range, index) => {
    const start = toDecimal(range.start, `price_ranges[${index}].start`);
    const end = toDecimal(range.end, `price_ranges[${index}].end`);
    const step = toDecimal(range.step, `price_ranges[${index}].step`);
    if (step.lte(0)) {
      throw new KalshiInvalidPriceInputError(
        `price_ranges[${index}].step must be positive, got ${step}`,
        range.step,
      );
    }
    if (end.lt(start)) {
      throw new KalshiInvalidPriceInputError(
        `price_ranges[${index}] ends (${end}) before it starts (${start})`,
        range.end,
      );
    }
    return { start, end, step };
  });
}

function resolveRanges(ranges: readonly PriceRange[] | null | undefined): readonly PriceRange[] {
  return ranges == null || ranges.length === 0 ? DEFAULT_PRICE_RANGES : ranges;
}

/** A tradable price lies strictly between $0 and $1 (a contract settles at one or the other). */
function isTradable(price: Decimal): boolean {
  return price.gt(ZERO) && price.lt(ONE);
}

function onRange(price: Decimal, range: PriceRange): boolean {
  return price.gte(range.start) && price.lte(range.end) && price.minus(range.start).mod(range.step).isZero();
}

/**
 * Whether `price` (dollars) is a valid limit price on the grid described by `ranges`
 * (a market's parsed `price_ranges`; default {@link DEFAULT_PRICE_RANGES}): inside one range,
 * a whole number of steps from its start, and strictly between $0 and $1.
 */
export function isOnPriceGrid(price: Decimal.Value, ranges?: readonly PriceRange[] | null): boolean {
  let p: Decimal;
  try {
    p = toDecimal(price, 'price');
  } catch {
    return false;
  }
  return isTradable(p) && resolveRanges(ranges).some((range) => onRange(p, range));
}

/** The nearest tradable grid point of one range in the given direction, or undefined. */
function nearestInRange(
  price: Decimal,
  range: PriceRange,
  direction: PriceRoundingDirection,
): Decimal | undefined {
  const { start, end, step } = range;
  if (direction === 'up') {
    let point = price.lte(start) ? start : start.plus(price.minus(start).div(step).ceil().times(step));
    if (point.lte(ZERO)) point = point.plus(step.times(ZERO.minus(point).div(step).floor().plus(1)));
    return point.lte(end) && isTradable(point) ? point : undefined;
  }
  if (price.lt(start)) return undefined;
  const lastStep = end.minus(start).div(step).floor();
  const steps = Decimal.min(price.minus(start).div(step).floor(), lastStep);
  let point = start.plus(steps.times(step));
  if (point.gte(ONE)) point = point.minus(step.times(point.minus(ONE).div(step).floor().plus(1)));
  return point.gte(start) && isTradable(point) ? point : undefined;
}

/**
 * Rounds `price` onto the market's grid in an explicit direction: `'up'` gives the smallest valid
 * price at or above it, `'down'` the largest at or below it (a price already on the grid is
 * returned unchanged). Throws {@link KalshiInvalidPriceInputError} when no valid price exists in that
 * direction (for example 0.995 rounded up on a one-cent grid).
 */
export function roundToPriceGrid(
  price: Decimal.Value,
  ranges: readonly PriceRange[] | null | undefined,
  direction: PriceRoundingDirection,
): Decimal {
  const p = toDecimal(price, 'price');
  let best: Decimal | undefined;
  for (const range of resolveRanges(ranges)) {
    const candidate = nearestInRange(p, range, direction);
    if (candidate === undefined) continue;
    if (best === undefined || (direction === 'up' ? candidate.lt(best) : candidate.gt(best)))
      best = candidate;
  }
  if (best === undefined) {
    throw new KalshiInvalidPriceInputError(
      `no valid price ${direction === 'up' ? 'at or above' : 'at or below'} ${p.toString()} on this market's grid`,
      price,
    );
  }
  return best;
}

/**
 * Returns `price` as a Decimal when it is a valid limit price on the grid, else throws
 * {@link KalshiInvalidPriceInputError} naming the price and the nearest valid prices either side.
 */
export function assertValidPrice(price: Decimal.Value, ranges?: readonly PriceRange[] | null): Decimal {
  const p = toDecimal(price, 'price');
  if (isOnPriceGrid(p, ranges)) return p;
  const below = tryRound(p, ranges, 'down');
  const above = tryRound(p, ranges, 'up');
  const hints = [below && `${below} below`, above && `${above} above`].filter(Boolean).join(', ');
  throw new KalshiInvalidPriceInputError(
    `price ${p.toString()} is not on the market's price grid${hints ? ` (nearest valid: ${hints})` : ''}`,
    price,
  );
}

function tryRound(
  price: Decimal,
  ranges: readonly PriceRange[] | null | undefined,
  direction: PriceRoundingDirection,
): string | undefined {
  try {
    return roundToPriceGrid(price, ranges, direction).toString();
  } catch {
    return undefined;
  }
}
