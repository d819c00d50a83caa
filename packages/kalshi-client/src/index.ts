export type {
  CircuitBreakerEvents,
  CircuitBreakerOptions,
  CircuitState,
  CircuitStateChange,
} from './circuit-breaker';
export { CircuitBreaker } from './circuit-breaker';
// Client, options and resources.
export { KalshiClient } from './client';
export type { KalshiClientOptions, KalshiEnvironment, RateLimitOption } from './client-options';
export { KALSHI_BASE_URLS } from './client-options';
// Transport building blocks.
export type { Clock, TimerHandle } from './clock';
export { systemClock } from './clock';
// Errors.
export type { KalshiErrorContext } from './errors';
export {
  KalshiAbortError,
  KalshiApiError,
  KalshiAuthenticationError,
  KalshiBadRequestError,
  KalshiCircuitOpenError,
  KalshiConfigError,
  KalshiConflictError,
  KalshiConnectionError,
  KalshiError,
  KalshiGoneError,
  KalshiInsufficientBalanceError,
  KalshiInvalidParamsError,
  KalshiInvalidPriceError,
  KalshiMarketNotFoundError,
  KalshiNotFoundError,
  KalshiOrderAlreadyExistsError,
  KalshiPaginationError,
  KalshiPermissionError,
  KalshiRateLimitError,
  KalshiResponseValidationError,
  KalshiServerError,
  KalshiTimeoutError,
  KalshiTimestampExpiredError,
} from './errors';
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
export type { EndpointCost } from './internal/endpoint-costs';
export { DEFAULT_ENDPOINT_COST, DEFAULT_ENDPOINT_COSTS, EndpointCostTable } from './internal/endpoint-costs';
export type { ParsedErrorBody } from './internal/error-body';
export { parseErrorBody } from './internal/error-body';
export type { ListOptions } from './internal/list';
export { MAX_PAGE_SIZE } from './internal/list';
export type { RequestOptions } from './internal/transport';
export type { DecimalInput } from './internal/wire-numbers';
export type { Logger } from './logger';
export { noopLogger } from './logger';
// Pagination.
export type { Page, PageProgress, PaginationOptions } from './pagination';
export { PagePromise } from './pagination';
export type { PriceRange, PriceRangeInput, PriceRoundingDirection } from './prices';
export {
  assertValidPrice,
  DEFAULT_PRICE_RANGES,
  InvalidPriceError,
  isOnPriceGrid,
  parsePriceRanges,
  roundToPriceGrid,
} from './prices';
export type { KalshiUsageTier, RateLimiterOptions } from './rate-limiter';
export { KALSHI_USAGE_TIERS, RateLimiter } from './rate-limiter';
export type {
  AcquireRequest,
  BucketKind,
  BucketLimits,
  RequestLimiter,
} from './rate-limiting/request-limiter';
export type { AccountResource } from './resources/account';
export type { EventsResource, ListEventsParams } from './resources/events';
export type { ExchangeResource } from './resources/exchange';
export type {
  GetCandlesticksParams,
  ListMarketsParams,
  ListTradesParams,
  MarketStatusFilter,
  MarketsResource,
  Timestamp,
} from './resources/markets';
export type {
  AmendOrderParams,
  BatchCancelEntry,
  CancelOrderParams,
  CreateOrderParams,
  DecreaseOrderParams,
  OrdersResource,
  SelfTradePrevention,
  TimeInForce,
} from './resources/orders';
export type {
  GetFillsParams,
  GetPositionsParams,
  GetQueuePositionsParams,
  GetSettlementsParams,
  ListOrdersParams,
  PortfolioResource,
  SubaccountParams,
} from './resources/portfolio';
export type { ListSeriesParams, SeriesResource } from './resources/series';
// Response models (snake_case as Kalshi names them; money and counts Decimal, times Date).
export type { AccountLimits, EndpointCosts } from './schemas/account';
export type { EventWithMarkets, KalshiEvent } from './schemas/event';
export type { ExchangeSchedule, ExchangeStatus } from './schemas/exchange';
export type {
  Candlestick,
  Market,
  Orderbook,
  OrderbookLevel,
  PriceRange as MarketPriceRange,
  Trade,
} from './schemas/market';
export type {
  AmendOrderResult,
  BatchCancelOrderItem,
  BatchCreateOrderItem,
  BatchItemError,
  CancelOrderResult,
  CreateOrderResult,
  DecreaseOrderResult,
  Order,
} from './schemas/order';
export type {
  Balance,
  EventPosition,
  Fill,
  MarketPosition,
  PositionsResponse,
  QueuePosition,
  Settlement,
} from './schemas/portfolio';
export type { Series } from './schemas/series';
// Signing.
export type { KalshiAuthHeaders, KalshiPrivateKeyInput } from './signing';
export { kalshiAuthHeaders, loadPrivateKey, signKalshiRequest } from './signing';
export type { TokenBucketLimit } from './token-bucket';
export { TokenBucket } from './token-bucket';
export { VERSION } from './version';
