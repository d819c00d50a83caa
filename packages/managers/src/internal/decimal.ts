import Decimal from 'decimal.js';

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HALF = new Decimal('0.5');

/** Rounds to 4 decimal places, half up (the NUMERIC(10,4) convention of prices and edges). */
export function round4(value: Decimal): Decimal {
  return value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

/** Rounds `value` down to a whole multiple of `increment` (e.g. 1 or 0.01 contracts). */
export function floorTo(value: Decimal, increment: Decimal): Decimal {
  return value.div(increment).floor().times(increment);
}

/** Converts an input value (Decimal, string, integer) to a Decimal without ever going through a float. */
export function dec(value: Decimal.Value): Decimal {
  return Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
}
