// Client, options and resources.
export { KalshiClient } from './client';
export type { KalshiClientOptions, RateLimitOption } from './client-options';
export type { KalshiEnvironment } from './core/base-urls';
export { KALSHI_BASE_URLS, normalizeBaseUrl } from './core/base-urls';
export type {
  CircuitBreakerEvents,
  CircuitBreakerOptions,
  CircuitState,
  CircuitStateChange,
} from './core/circuit-breaker';
export { CircuitBreaker } from './core/circuit-breaker';
// Transport building blocks.
export type { Clock, TimerHandle } from './core/clock';
export { systemClock } from './core/clock';
export type { DecimalInput, DecimalSchemaOptions } from './core/decimal';
export { createDecimalSchema, decimalSchema } from './core/decimal';
export type { ParsedErrorBody } from './core/error-body';
export { parseErrorBody } from './core/error-body';
// Errors.
export type { KalshiApiErrorContext, KalshiErrorContext } from './core/errors';
export {
  KalshiAbortError,
  KalshiApiError,
  KalshiAuthenticationError,
  KalshiBadRequestError,
  KalshiCircuitOpenError,
  KalshiClockSkewError,
  KalshiConfigError,
  KalshiConflictError,
  KalshiConnectionError,
  KalshiError,
  KalshiGoneError,
  KalshiInsufficientBalanceError,
  KalshiInvalidFeeInputError,
  KalshiInvalidKeyError,
  KalshiInvalidParamsError,
  KalshiInvalidPriceError,
  KalshiInvalidPriceInputError,
  KalshiMarketNotFoundError,
  KalshiNotFoundError,
  KalshiOrderAlreadyExistsError,
  KalshiPaginationError,
  KalshiPaginationStalledError,
  KalshiPermissionError,
  KalshiRateLimitError,
  KalshiRateLimitTimeoutError,
  KalshiResponseValidationError,
  KalshiServerError,
  KalshiTimeoutError,
  KalshiTimestampExpiredError,
} from './core/errors';
export type {
  InvalidItemOptions,
  InvalidItemPolicy,
  InvalidListItem,
} from './core/invalid-items';
export { describeInvalidItem, KalshiInvalidItemError } from './core/invalid-items';
export type { ListOptions } from './core/list-options';
export { MAX_PAGE_SIZE } from './core/list-options';
export type { Logger } from './core/logger';
export { noopLogger } from './core/logger';
// Pagination.
export type { Page, PageProgress, PaginationOptions } from './core/pagination';
export { PagePromise } from './core/pagination';
export type { RequestOptions } from './core/request-options';
// A secret that never prints itself (the private key of a generated API key).
export { SecretString } from './core/secret';
// Signing.
export type { KalshiAuthHeaders, KalshiPrivateKeyInput } from './core/signing';
export { kalshiAuthHeaders, loadPrivateKey, signKalshiRequest } from './core/signing';
export { VERSION } from './core/version';
// Kill switch over an order group.
export type {
  BreakerLike,
  KillSwitchTrip,
  OrderGroupKillSwitchEvents,
  OrderGroupKillSwitchOptions,
  OrderGroupTrigger,
} from './kill-switch';
export { OrderGroupKillSwitch } from './kill-switch';
export { isRequestLimiter } from './rate-limiting/create-limiter';
export type { EndpointCost } from './rate-limiting/endpoint-costs';
export {
  DEFAULT_ENDPOINT_COST,
  DEFAULT_ENDPOINT_COSTS,
  EndpointCostTable,
} from './rate-limiting/endpoint-costs';
export type { RateLimiterOptions } from './rate-limiting/rate-limiter';
export { RateLimiter } from './rate-limiting/rate-limiter';
export type {
  AcquireRequest,
  BucketKind,
  BucketLimits,
  RequestLimiter,
} from './rate-limiting/request-limiter';
export type { TokenBucketLimit } from './rate-limiting/token-bucket';
export { TokenBucket } from './rate-limiting/token-bucket';
export type { KalshiUsageTier } from './rate-limiting/usage-tiers';
export { KALSHI_USAGE_TIERS } from './rate-limiting/usage-tiers';
export type { AccountResource } from './resources/account';
export type { ApiKeyParams, ApiKeysResource, CreateApiKeyParams } from './resources/api-keys';
export type { CommunicationsResource } from './resources/communications';
export type {
  AcceptBlockTradeProposalParams,
  AcceptQuoteParams,
  CreateQuoteParams,
  CreateRfqParams,
  ListBlockTradeProposalsParams,
  ListQuotesParams,
  ListRfqsParams,
  ProposeBlockTradeParams,
  QuoteSide,
} from './resources/communications-params';
export type { EventsResource, ListEventsParams } from './resources/events';
export type { ExchangeResource } from './resources/exchange';
export type {
  FcmResource,
  GetFcmPositionsParams,
  ListFcmOrdersParams,
  UpdateFcmDailyCapParams,
} from './resources/fcm';
export type { FundingResource } from './resources/funding';
export type {
  GetHistoricalCandlesticksParams,
  GetHistoricalFillsParams,
  GetHistoricalMarketsParams,
  GetHistoricalOrdersParams,
  GetHistoricalPositionsParams,
  GetHistoricalTradesParams,
  HistoricalResource,
} from './resources/historical';
export type { GetWeatherIndexParams, LiveDataResource } from './resources/live-data';
export type {
  GetCandlesticksParams,
  ListMarketsParams,
  ListTradesParams,
  MarketStatusFilter,
  MarketsResource,
  Timestamp,
} from './resources/markets';
export type { ListMilestonesParams, MilestonesResource } from './resources/milestones';
export type {
  CreateMultivariateMarketParams,
  ListMultivariateCollectionsParams,
  MultivariateLeg,
  MultivariateResource,
} from './resources/multivariate';
export type {
  CreateOrderGroupParams,
  OrderGroupRouting,
  OrderGroupsResource,
} from './resources/order-groups';
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
export type {
  IncentiveProgramsResource,
  ListIncentiveProgramsParams,
  ListStructuredTargetsParams,
  SearchResource,
  StructuredTargetsResource,
} from './resources/reference-data';
export type { ListSeriesParams, SeriesResource } from './resources/series';
export type { SubaccountsResource, SubaccountTransferParams } from './resources/subaccounts';
export type {
  IntraExchangeTransferParams,
  SetTargetBalanceAllocationParams,
  TransfersResource,
} from './resources/transfers';
// Response models (snake_case as Kalshi names them; money and counts Decimal, times Date).
export type { AccountLimits, EndpointCosts } from './schemas/account';
export type {
  ApiKey,
  ApiKeyList,
  ApiKeyScope,
  CreateApiKeyResult,
  GeneratedApiKey,
} from './schemas/api-key';
export { API_KEY_SCOPES } from './schemas/api-key';
export type { BlockTradeProposal, MveSelectedLeg, Quote, Rfq } from './schemas/communications';
export type { EventWithMarkets, KalshiEvent } from './schemas/event';
export type { EventCandlesticks, EventMetadata, ForecastPoint, VolumeProgress } from './schemas/event-extra';
export type { ExchangeSchedule, ExchangeStatus } from './schemas/exchange';
export type { FcmDailyCap, FcmSubtrader } from './schemas/fcm';
export type { EventFeeChange, SeriesFeeChange } from './schemas/fee-change';
export type { HistoricalCandlestick, HistoricalCutoff } from './schemas/historical';
export type { EventLiveData, LiveData, Milestone, PlayByPlay } from './schemas/live-data';
export type {
  Candlestick,
  Market,
  Orderbook,
  OrderbookLevel,
  PriceRange as MarketPriceRange,
  Trade,
} from './schemas/market';
export type { MarketCandlesticks, MarketOrderbook } from './schemas/market-batch';
export type {
  AssociatedEvent,
  CreateMultivariateMarketResult,
  MultivariateCollection,
} from './schemas/multivariate';
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
export type { CreateOrderGroupResult, OrderGroup, OrderGroupDetail } from './schemas/order-group';
export type {
  Balance,
  EventPosition,
  Fill,
  MarketPosition,
  PositionsResponse,
  QueuePosition,
  Settlement,
} from './schemas/portfolio';
export type {
  CashTransfer,
  FiltersBySport,
  IncentiveProgram,
  RestingOrderValue,
  StructuredTarget,
} from './schemas/reference-data';
export type { Series } from './schemas/series';
export type { SubaccountBalance, SubaccountNettingConfig, SubaccountTransfer } from './schemas/subaccount';
export type { ExchangeInstance, IntraExchangeTransfer, TargetBalanceAllocation } from './schemas/transfer';
export { EXCHANGE_INSTANCES } from './schemas/transfer';
export type {
  WeatherCalibration,
  WeatherCalibrationStation,
  WeatherCalibrations,
  WeatherIndex,
  WeatherIndexPoint,
  WeatherStationReading,
} from './schemas/weather';
// WebSocket streaming: the stream, subscriptions, order books and channel types.
export type { BooksDocument } from './streaming/book-manager';
export { BookManager } from './streaming/book-manager';
export type { BookSyncResult, SnapshotFrame } from './streaming/book-sync';
export { BookSync } from './streaming/book-sync';
export type {
  CommunicationUpdate,
  EventLifecycleUpdate,
  FillUpdate,
  KalshiChannel,
  MarketLifecycleUpdate,
  MarketPositionUpdate,
  MultivariateLookup,
  OrderbookSnapshotUpdate,
  OrderGroupUpdate,
  SchemaMessage,
  SchemaMessageType,
  TickerUpdate,
  TradeUpdate,
  UserOrderUpdate,
} from './streaming/channels';
export { KALSHI_CHANNELS, UNSEQUENCED_PRIVATE_CHANNELS } from './streaming/channels';
export type { EventMap } from './streaming/emitter';
export { TypedEmitter } from './streaming/emitter';
export {
  KALSHI_WS_ERROR_CODES,
  KalshiOrderBookError,
  KalshiStreamAuthError,
  KalshiStreamClosedError,
  KalshiStreamCommandError,
  KalshiStreamCommandTimeoutError,
  KalshiStreamConnectionError,
  KalshiStreamError,
  KalshiStreamMessageError,
} from './streaming/errors';
export type {
  BookLevel,
  BookSide,
  OrderBookSnapshot,
  UnitLevel,
  WireLevel,
} from './streaming/order-book';
export { OrderBook } from './streaming/order-book';
export type { CommandReply, ParsedFrame, StreamMessage } from './streaming/parse';
export { OrderbookDeltaMessage, parseFrame } from './streaming/parse';
export type { OverflowPolicy } from './streaming/queue';
export type { SequenceVerdict } from './streaming/sequencer';
export { Sequencer } from './streaming/sequencer';
export type { KalshiStreamEvents } from './streaming/stream';
export { KalshiStream } from './streaming/stream';
export type { KalshiStreamOptions } from './streaming/stream-options';
export type {
  BookUpdate,
  SubscribeParams,
  SubscriptionEvents,
  SubscriptionItem,
} from './streaming/subscription';
export { overflowPolicyOf, Subscription } from './streaming/subscription';
export { KALSHI_WS_URLS, resolveWsUrl } from './streaming/urls';
export type {
  EventFeeChangeInput,
  FeeScheduleAtParams,
  SeriesFeeChangeInput,
} from './trading-rules/fee-changes';
export { feeScheduleAt } from './trading-rules/fee-changes';
// Fees and prices (pure helpers over Decimal).
export type {
  FeeFill,
  FeeRole,
  FeeRounding,
  FeeSchedule,
  OrderFeeParams,
  SeriesFeeFields,
  TradingFeeParams,
} from './trading-rules/fees';
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
} from './trading-rules/fees';
export type { PriceRange, PriceRangeInput, PriceRoundingDirection } from './trading-rules/prices';
export {
  assertValidPrice,
  DEFAULT_PRICE_RANGES,
  InvalidPriceError,
  isOnPriceGrid,
  parsePriceRanges,
  roundToPriceGrid,
} from './trading-rules/prices';
