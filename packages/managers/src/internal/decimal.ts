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

/** The documented internal representation of a decimal.js value: digits in base 1e7, exponent, sign. */
interface DecimalParts {
  d: number[] | null;
  e: number;
  s: number;
}

/**
 * Compares two Decimals like `a.cmp(b)` (−1, 0, 1) without allocating: decimal.js's own
 * comparison copies its argument into a new Decimal first, which dominates a hot loop that
 * does nothing but compare prices. Reads the documented `d`/`e`/`s` fields; non-finite values
 * fall back to `cmp`.
 */
export function compare(a: Decimal, b: Decimal): number {
  const x = a as unknown as DecimalParts;
  const y = b as unknown as DecimalParts;
  const xd = x.d;
  const yd = y.d;
  if (xd === null || yd === null) return a.cmp(b);
  const xZero = xd[0] === 0;
  const yZero = yd[0] === 0;
  if (xZero || yZero) {
    if (xZero && yZero) return 0;
    return xZero ? -y.s : x.s;
  }
  if (x.s !== y.s) return x.s;
  const sign = x.s;
  if (x.e !== y.e) return x.e > y.e ? sign : -sign;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i += 1) {
    const xi = xd[i] as number;
    const yi = yd[i] as number;
    if (xi !== yi) return xi > yi ? sign : -sign;
  }
  if (xd.length === yd.length) return 0;
  return xd.length > yd.length ? sign : -sign;
}

/**
 * {@link sevenPlaces} of a Decimal (or null): the exact count of 1e-7 units of a price in [0, 1)
 * with at most seven decimal places, else −1 (use the Decimal then).
 */
export function priceUnits(x: Decimal | null): number {
  return x === null ? -1 : sevenPlaces(x as unknown as DecimalParts);
}

/**
 * `compare(a, b)` given their {@link priceUnits} (`au`, `bu`): two integers when both are
 * representable (exact), the Decimals otherwise.
 */
export function compareUnits(a: Decimal, au: number, b: Decimal, bu: number): number {
  if (au >= 0 && bu >= 0) return au === bu ? 0 : au > bu ? 1 : -1;
  return compare(a, b);
}

/**
 * The value of `x` in units of 1e-7 when `x` is non-negative, below 1 and has at most seven
 * decimal places (one base-1e7 digit after the point: `d = [n]`, `−7 ≤ e ≤ −1`), else −1. The
 * unit count is an integer below 1e7, so sums and differences of two of them are exact in a JS
 * number.
 */
function sevenPlaces(x: DecimalParts): number {
  const d = x.d;
  if (d === null || d.length !== 1 || x.s !== 1 || x.e > -1 || x.e < -7) return -1;
  return d[0] as number;
}

/**
 * `compare(a.minus(b), c)` without allocating a Decimal for the difference when all three are
 * prices in [0, 1) with at most seven decimal places (exact integer arithmetic on their
 * 1e-7 digits); any other value takes the Decimal path.
 */
export function compareDifference(a: Decimal, b: Decimal, c: Decimal): number {
  return compareDifferenceUnits(a, priceUnits(a), b, priceUnits(b), c, priceUnits(c));
}

/** {@link compareDifference} given the {@link priceUnits} of the three values (`au`, `bu`, `cu`). */
export function compareDifferenceUnits(
  a: Decimal,
  au: number,
  b: Decimal,
  bu: number,
  c: Decimal,
  cu: number,
): number {
  if (au < 0 || bu < 0 || cu < 0) return compare(a.minus(b), c);
  const diff = au - bu;
  return diff === cu ? 0 : diff > cu ? 1 : -1;
}
