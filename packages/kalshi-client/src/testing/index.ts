/** Test helpers for bots built on @precog/kalshi-client: a fake Kalshi exchange. */
export const TESTING_VERSION = '0.0.0';

export type { FakeExchange, FakeExchangeSnapshot } from './exchange';
export { API_PREFIX, createFakeExchange } from './exchange';
export type { FakeMilestoneInput } from './internal/live-data';
export type { OrderGroupState as FakeOrderGroupState } from './internal/order-groups';
export { ORDER_GROUP_WINDOW_MS } from './internal/order-groups';
export type {
  FillState as FakeFillState,
  Level as FakeBookLevel,
  MarketState as FakeMarketState,
  OrderState as FakeOrderState,
  PositionState as FakePositionState,
  SettlementState as FakeSettlementState,
} from './internal/state';
export type { NflGameInput, NflMarketsOptions, NflMarketsResult } from './nfl';
export { kalshiDateCode, NFL_TEAM_NAMES, nflEventTicker, nflMarkets } from './nfl';
export type {
  FakeCommunicationType,
  FakeMultivariateLeg,
  FakeMultivariateLookup,
  FakeStreamFaultKind,
  FakeStreamFaultOptions,
  FakeStreamOptions,
  FakeStreamSubscription,
} from './stream-types';
export { type FakeTickerFeed, type FakeTickerPrices, startFakeTickerFeed } from './ticker-feed';
export type {
  FakeBucketOptions,
  FakeCandleInput,
  FakeEventInput,
  FakeExchangeKey,
  FakeExchangeOptions,
  FakeExchangeServer,
  FakeFault,
  FakeFaultKind,
  FakeFaultSpec,
  FakeFillInput,
  FakeMarketInput,
  FakeMarketStatus,
  FakePositionInput,
  FakePriceUpdate,
  FakeRateLimitOptions,
  FakeRequest,
  FakeRequestRecord,
  FakeResponse,
  FakeSeriesInput,
  FakeSettlementInput,
} from './types';
