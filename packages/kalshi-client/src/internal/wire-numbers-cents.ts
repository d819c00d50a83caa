import Decimal from 'decimal.js';
import type { DecimalInput } from '../core/decimal';
import { KalshiInvalidParamsError } from '../core/errors';

/**
 * A positive amount of dollars as the integer cents Kalshi's transfer endpoints take. A
 * fraction of a cent is an error, never rounded away.
 */
export function moneyToCents(field: string, value: DecimalInput): number {
  let dollars: Decimal;
  try {
    dollars = Decimal.isDecimal(value) ? (value as Decimal) : new Decimal((value as string).trim());
  } catch {
    throw new KalshiInvalidParamsError(
      `${field} must be a Decimal or a fixed-point string, got ${JSON.stringify(value)}`,
    );
  }
  if (!dollars.isFinite() || dollars.lte(0))
    throw new KalshiInvalidParamsError(`${field} must be a positive amount, got ${dollars.toString()}`);
  if (dollars.decimalPlaces() > 2)
    throw new KalshiInvalidParamsError(`${field} is not a whole number of cents: ${dollars.toString()}`);
  return dollars.times(100).toNumber();
}

/**
 * A positive amount of dollars as the integer centi-cents (1/10,000 of a dollar) that
 * `POST /portfolio/intra_exchange_instance_transfer` takes. More than 4 decimals is an error,
 * never rounded away.
 */
export function moneyToCentiCents(field: string, value: DecimalInput): number {
  let dollars: Decimal;
  try {
    dollars = Decimal.isDecimal(value) ? (value as Decimal) : new Decimal((value as string).trim());
  } catch {
    throw new KalshiInvalidParamsError(
      `${field} must be a Decimal or a fixed-point string, got ${JSON.stringify(value)}`,
    );
  }
  if (!dollars.isFinite() || dollars.lte(0))
    throw new KalshiInvalidParamsError(`${field} must be a positive amount, got ${dollars.toString()}`);
  if (dollars.decimalPlaces() > 4)
    throw new KalshiInvalidParamsError(
      `${field} is not a whole number of centi-cents: ${dollars.toString()}`,
    );
  const centiCents = dollars.times(10_000);
  if (centiCents.gt(Number.MAX_SAFE_INTEGER))
    throw new KalshiInvalidParamsError(`${field} is too large: ${dollars.toString()}`);
  return centiCents.toNumber();
}
