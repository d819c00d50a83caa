import Decimal from 'decimal.js';
import { KalshiInvalidFeeInputError } from '../core/errors';

/**
 * Kalshi's trading fees.
 *
 * For an order that trades `C` contracts at price `P` (dollars, 0 < P < 1):
 *
 * ```
 * fee = roundUp( rate × fee_multiplier × C × P × (1 − P) )
 * ```
 *
 * - `rate` is 0.07 for the taker; for the maker it is 0.0175 on series whose `fee_type` is
 *   `quadratic_with_maker_fees`, and 0 elsewhere.
 * - `fee_multiplier` is the series' multiplier (1 unless Kalshi says otherwise).
 * - `roundUp` rounds up to the next cent, once per order: the fee of one 10-lot order at $0.50
 *   is roundUp(0.175) = $0.18, while ten separate 1-lot orders pay roundUp(0.0175) = $0.02 each,
 *   $0.20 in all. The fills of one order at several prices share one rounding
 *   ({@link orderFee}).
 *
 * Kalshi's newer fee-rounding rules compute the per-fill trade fee to the centicent ($0.0001)
 * and let a per-order accumulator converge on the single-fill figure; recorded demo fills show
 * `fee_cost` "0.017500" for one contract at $0.52. Pass `rounding: 'centicent'` to reproduce
 * those figures; the default `'cent'` is the published fee schedule.
 */

/** Which side of a match paid the fee: the order that took liquidity, or the resting one. */
export type FeeRole = 'taker' | 'maker';

/** The increment fees are rounded up to: `'cent'` ($0.01, default) or `'centicent'` ($0.0001). */
export type FeeRounding = 'cent' | 'centicent';

/** Kalshi's taker rate in the general fee table. */
export const TAKER_FEE_RATE = new Decimal('0.07');
/** Kalshi's maker rate on series that charge makers (`fee_type: quadratic_with_maker_fees`). */
export const MAKER_FEE_RATE = new Decimal('0.0175');

/** @deprecated Renamed {@link KalshiInvalidFeeInputError} (same class). */
export const InvalidFeeInputError = KalshiInvalidFeeInputError;
/** @deprecated Renamed {@link KalshiInvalidFeeInputError}. */
export type InvalidFeeInputError = KalshiInvalidFeeInputError;

/** The fee parameters of a series (from GET /series/{ticker}). */
export interface FeeSchedule {
  /** Taker rate. Default {@link TAKER_FEE_RATE} (0.07). */
  takerFeeRate?: Decimal.Value;
  /**
   * Maker rate. Default 0: most series charge makers nothing; use {@link MAKER_FEE_RATE} (0.0175)
   * where the series' `fee_type` is `quadratic_with_maker_fees` ({@link feeScheduleForSeries}).
   */
  makerFeeRate?: Decimal.Value;
  /** The series' `fee_multiplier`, applied to both rates. Default 1. */
  feeMultiplier?: Decimal.Value;
  /** Increment the fee is rounded up to. Default `'cent'`. */
  rounding?: FeeRounding;
}

/** Parameters of {@link tradingFee}: one order's traded quantity at one price. */
export interface TradingFeeParams extends FeeSchedule {
  /** Trade price in dollars, between 0 and 1. */
  price: Decimal.Value;
  /** Number of contracts traded (fractional counts allowed), not negative. */
  count: Decimal.Value;
  /** `'taker'` or `'maker'`. */
  role: FeeRole;
}

/** One fill of an order, for {@link orderFee}. */
export interface FeeFill {
  /** Fill price in dollars. */
  price: Decimal.Value;
  /** Contracts filled. */
  count: Decimal.Value;
}

/** Parameters of {@link orderFee}: every fill of one order, all in the same role. */
export interface OrderFeeParams extends FeeSchedule {
  fills: readonly FeeFill[];
  role: FeeRole;
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

function dec(value: Decimal.Value, what: string): Decimal {
  let d: Decimal;
  try {
    d = Decimal.isDecimal(value) ? (value as Decimal) : new Decimal(value);
  } catch (cause) {
    throw new KalshiInvalidFeeInputError(`${what} ${JSON.stringify(String(value))} is not a decimal number`, {
      cause,
    });
  }
  if (!d.isFinite()) throw new KalshiInvalidFeeInputError(`${what} must be finite, got ${d.toString()}`);
  return d;
}

/** The increment a {@link FeeRounding} rounds up to. */
export function feeRoundingIncrement(rounding: FeeRounding = 'cent'): Decimal {
  return new Decimal(rounding === 'centicent' ? '0.0001' : '0.01');
}

/** Rounds a positive amount up to the next multiple of the rounding increment. */
export function roundFeeUp(amount: Decimal.Value, rounding: FeeRounding = 'cent'): Decimal {
  const inc = feeRoundingIncrement(rounding);
  return dec(amount, 'amount').div(inc).ceil().times(inc);
}

/** The effective rate for a role: base rate × fee multiplier. */
export function feeRate(role: FeeRole, schedule: FeeSchedule = {}): Decimal {
  const base =
    role === 'taker'
      ? dec(schedule.takerFeeRate ?? TAKER_FEE_RATE, 'takerFeeRate')
      : dec(schedule.makerFeeRate ?? ZERO, 'makerFeeRate');
  const multiplier = dec(schedule.feeMultiplier ?? ONE, 'feeMultiplier');
  if (base.isNegative())
    throw new KalshiInvalidFeeInputError(`${role} fee rate must not be negative, got ${base}`);
  if (multiplier.isNegative())
    throw new KalshiInvalidFeeInputError(`feeMultiplier must not be negative, got ${multiplier}`);
  return base.times(multiplier);
}

/**
 * The exact, unrounded fee `rate × multiplier × C × P × (1 − P)` of one fill. Use it to
 * accumulate the fills of one order before rounding once ({@link orderFee} does that).
 */
export function rawTradingFee(params: TradingFeeParams): Decimal {
  const price = dec(params.price, 'price');
  const count = dec(params.count, 'count');
  if (price.lt(ZERO) || price.gt(ONE)) {
    throw new KalshiInvalidFeeInputError(`price must be between 0 and 1 dollars, got ${price.toString()}`);
  }
  if (count.isNegative())
    throw new KalshiInvalidFeeInputError(`count must not be negative, got ${count.toString()}`);
  return feeRate(params.role, params).times(count).times(price).times(ONE.minus(price));
}

/**
 * The fee Kalshi charges one order that trades `count` contracts at `price`, rounded up to the
 * cent (or centicent). Worked examples at the taker rate: 1 @ $0.50 → 0.07 × 0.25 = 0.0175 →
 * $0.02; 100 @ $0.35 → 1.5925 → $1.60; 10 @ $0.50 → 0.175 → $0.18.
 */
export function tradingFee(params: TradingFeeParams): Decimal {
  return roundFeeUp(rawTradingFee(params), params.rounding);
}

/** {@link tradingFee} for the taker side. */
export function takerFee(price: Decimal.Value, count: Decimal.Value, schedule: FeeSchedule = {}): Decimal {
  return tradingFee({ ...schedule, price, count, role: 'taker' });
}

/**
 * {@link tradingFee} for the maker side. The maker rate defaults to 0 (no maker fee): pass
 * `makerFeeRate` (usually {@link MAKER_FEE_RATE}) for series that charge makers.
 */
export function makerFee(price: Decimal.Value, count: Decimal.Value, schedule: FeeSchedule = {}): Decimal {
  return tradingFee({ ...schedule, price, count, role: 'maker' });
}

/**
 * The fee of one order filled in several pieces (possibly at several prices): the exact fees of
 * the fills are summed and rounded up once, as Kalshi rounds per order, not per fill.
 */
export function orderFee(params: OrderFeeParams): Decimal {
  let total = ZERO;
  for (const fill of params.fills) {
    total = total.plus(rawTradingFee({ ...params, price: fill.price, count: fill.count }));
  }
  return roundFeeUp(total, params.rounding);
}

/** A series as returned by GET /series/{ticker}: only the fee fields are read. */
export interface SeriesFeeFields {
  /** `quadratic`, `quadratic_with_maker_fees` or `flat`. */
  fee_type?: string | null;
  /** A JSON number (or its text) multiplying the fee; absent means 1. */
  fee_multiplier?: number | string | Decimal | null;
}

/**
 * The {@link FeeSchedule} of a series: the taker rate always, the maker rate only for
 * `quadratic_with_maker_fees`, and the series' `fee_multiplier`. `flat` series follow Kalshi's
 * specific fee table, which this helper does not model: they get the general quadratic schedule.
 */
export function feeScheduleForSeries(series: SeriesFeeFields): FeeSchedule {
  const multiplier = series.fee_multiplier ?? 1;
  return {
    takerFeeRate: TAKER_FEE_RATE,
    makerFeeRate: series.fee_type === 'quadratic_with_maker_fees' ? MAKER_FEE_RATE : ZERO,
    // A JSON double such as 1 or 0.5 prints exactly as its shortest decimal text.
    feeMultiplier: Decimal.isDecimal(multiplier) ? (multiplier as Decimal) : new Decimal(String(multiplier)),
  };
}
