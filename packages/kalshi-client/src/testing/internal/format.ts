import Decimal from 'decimal.js';

/** Turns any accepted decimal input into a Decimal (no floats for money: numbers go through their text). */
export function dec(value: Decimal.Value): Decimal {
  return Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
}

/** A price as Kalshi writes it in market and order bodies: 4 decimals (`"0.5200"`). */
export function price4(value: Decimal.Value): string {
  return dec(value).toFixed(4, Decimal.ROUND_HALF_EVEN);
}

/** An amount of money as Kalshi writes costs, fees and P&L: 6 decimals (`"0.017500"`). */
export function money6(value: Decimal.Value): string {
  return dec(value).toFixed(6, Decimal.ROUND_HALF_EVEN);
}

/** A contract count (`*_fp`): 2 decimals (`"3.00"`). */
export function fp(value: Decimal.Value): string {
  return dec(value).toFixed(2, Decimal.ROUND_DOWN);
}

/** Whole cents, truncated toward zero (as Kalshi's integer `balance` and `portfolio_value`). */
export function cents(value: Decimal.Value): number {
  return dec(value).times(100).trunc().toNumber();
}

/** RFC 3339 with microseconds, as Kalshi's `created_time` (`2026-06-11T06:29:20.866000Z`). */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** RFC 3339 without fraction (`2026-06-25T16:00:00Z`), as Kalshi's market times. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
