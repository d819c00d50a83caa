// Order books keep prices and sizes as scaled integers (the hot path never builds a Decimal):
// prices in micro-dollars (Kalshi's `*_dollars` carry at most 6 decimals), sizes in hundredths of
// a contract (`*_fp` carry 2). Both stay far inside Number.MAX_SAFE_INTEGER, so integer sums are
// exact; conversion to `Decimal` happens only when a caller reads a level.
import Decimal from 'decimal.js';

/** Price scale: 1 = one millionth of a dollar. */
export const PRICE_DECIMALS = 6;
/** Size scale: 1 = one hundredth of a contract. */
export const SIZE_DECIMALS = 2;
/** One dollar in price units. */
export const ONE_DOLLAR = 1_000_000;

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/**
 * Parses fixed-point text (`"0.4700"`, `"-3.00"`, `"12"`) into an integer of `10^-decimals` units.
 * NaN when the text is not a plain decimal, has a non-zero digit past `decimals`, or is too
 * large to be exact. Hand-written because it runs once per book message.
 */
export function parseScaled(text: unknown, decimals: number, signed: boolean): number {
  if (typeof text !== 'string') return Number.NaN;
  const length = text.length;
  let i = 0;
  let negative = false;
  if (signed && length > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let whole = 0;
  const wholeStart = i;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return Number.NaN;
    whole = whole * 10 + (c - 48);
  }
  if (i === wholeStart) return Number.NaN;
  let fraction = 0;
  let fractionDigits = 0;
  if (i < length) {
    i++; // the '.'
    if (i === length) return Number.NaN;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return Number.NaN;
      if (fractionDigits >= decimals) {
        // Digits past the scale are accepted only as trailing zeros: exact or error.
        if (c !== 48) return Number.NaN;
        continue;
      }
      fraction = fraction * 10 + (c - 48);
      fractionDigits++;
    }
  }
  const value = whole * (POW10[decimals] as number) + fraction * (POW10[decimals - fractionDigits] as number);
  if (!Number.isSafeInteger(value)) return Number.NaN;
  return negative && value !== 0 ? -value : value;
}

/** A price text (`"0.4700"`) in micro-dollars; NaN when invalid (see {@link parseScaled}). */
export function parsePriceUnits(text: unknown): number {
  return parseScaled(text, PRICE_DECIMALS, false);
}

/** A size text (`"3.00"`, or signed `"-3.00"` for a delta) in hundredths of a contract; NaN when invalid. */
export function parseSizeUnits(text: unknown, signed = false): number {
  return parseScaled(text, SIZE_DECIMALS, signed);
}

/**
 * Formats scaled units as fixed-point text with at least `minDecimals` decimals and at most
 * `decimals` (trailing zeros past `minDecimals` dropped): `formatScaled(470000, 6, 4)` is `"0.4700"`.
 */
export function formatScaled(units: number, decimals: number, minDecimals: number): string {
  const negative = units < 0;
  const abs = negative ? -units : units;
  const scale = POW10[decimals] as number;
  const whole = Math.floor(abs / scale);
  let fraction = String(abs - whole * scale).padStart(decimals, '0');
  let end = fraction.length;
  while (end > minDecimals && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end);
  const text = fraction.length > 0 ? `${whole}.${fraction}` : String(whole);
  return negative ? `-${text}` : text;
}

/** A price in micro-dollars as Kalshi writes it: 4 decimals, more only when needed (`"0.4700"`, `"0.04125"`). */
export function formatPrice(units: number): string {
  return formatScaled(units, PRICE_DECIMALS, 4);
}

/** A size in hundredths of a contract as Kalshi writes `_fp` counts: 2 decimals (`"10.00"`). */
export function formatSize(units: number): string {
  return formatScaled(units, SIZE_DECIMALS, SIZE_DECIMALS);
}

/** A price in micro-dollars as an exact Decimal. */
export function priceToDecimal(units: number): Decimal {
  return new Decimal(formatPrice(units));
}

/** A size in hundredths of a contract as an exact Decimal. */
export function sizeToDecimal(units: number): Decimal {
  return new Decimal(formatSize(units));
}
