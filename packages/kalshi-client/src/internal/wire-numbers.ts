import Decimal from 'decimal.js';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';

function toDecimal(field: string, value: DecimalInput): Decimal {
  if (Decimal.isDecimal(value)) return value as Decimal;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new Decimal(value.trim());
  throw new KalshiInvalidParamsError(
    `${field} must be a Decimal or a fixed-point string, got ${JSON.stringify(value)}`,
  );
}

/**
 * A contract count as Kalshi's `*_fp` text with two decimals (`"10.00"`). More precision is an
 * error, never rounded away.
 */
export function countText(field: string, value: DecimalInput): string {
  const count = toDecimal(field, value);
  if (count.lte(0)) throw new KalshiInvalidParamsError(`${field} must be positive, got ${count.toString()}`);
  if (count.decimalPlaces() > 2) {
    throw new KalshiInvalidParamsError(`${field} has more than 2 decimals: ${count.toString()}`);
  }
  return count.toFixed(2);
}

/**
 * A price in dollars as the four-decimal text Kalshi accepts (`"0.5200"`). It must lie strictly
 * between 0 and 1; more than 4 decimals is an error, never rounded away.
 */
export function priceText(field: string, value: DecimalInput): string {
  const price = toDecimal(field, value);
  if (price.lte(0) || price.gte(1)) {
    throw new KalshiInvalidParamsError(
      `${field} must be between 0 and 1 dollar exclusive, got ${price.toString()}`,
    );
  }
  if (price.decimalPlaces() > 4) {
    throw new KalshiInvalidParamsError(`${field} has more than 4 decimals: ${price.toString()}`);
  }
  return price.toFixed(4);
}

/**
 * An amount of dollars (zero or more) as the fixed-point text Kalshi's money fields accept
 * (`"5000.00"`, `"12.3456"`): 2 to 4 decimals. More precision is an error, never rounded away.
 */
export function dollarsText(field: string, value: DecimalInput): string {
  const dollars = toDecimal(field, value);
  if (dollars.isNegative())
    throw new KalshiInvalidParamsError(`${field} must not be negative, got ${dollars.toString()}`);
  if (dollars.decimalPlaces() > 4) {
    throw new KalshiInvalidParamsError(`${field} has more than 4 decimals: ${dollars.toString()}`);
  }
  return dollars.toFixed(Math.max(2, dollars.decimalPlaces()));
}
