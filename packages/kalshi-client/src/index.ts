/** The version of this package, as published. */
export const VERSION = '0.0.0';

// Fees and prices (pure helpers over Decimal).
export type {
  FeeFill,
  FeeRole,
  FeeRounding,
  FeeSchedule,
  OrderFeeParams,
  SeriesFeeFields,
  TradingFeeParams,
} from './fees';
export {
  feeRate,
  feeRoundingIncrement,
  feeScheduleForSeries,
  InvalidFeeInputError,
  MAKER_FEE_RATE,
  makerFee,
  orderFee,
  rawTradingFee,
  roundFeeUp,
  TAKER_FEE_RATE,
  takerFee,
  tradingFee,
} from './fees';
export type { PriceRange, PriceRangeInput, PriceRoundingDirection } from './prices';
export {
  assertValidPrice,
  DEFAULT_PRICE_RANGES,
  InvalidPriceError,
  isOnPriceGrid,
  parsePriceRanges,
  roundToPriceGrid,
} from './prices';
