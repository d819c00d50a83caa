import Decimal from 'decimal.js';

/** Turns a value into what both drivers bind the same way: Decimals become their exact text. */
export function toParam(value: unknown): unknown {
  if (Decimal.isDecimal(value)) {
    return (value as Decimal).toFixed();
  }
  return value;
}

export function toParams(params: readonly unknown[] | undefined): unknown[] {
  return params === undefined ? [] : params.map(toParam);
}
