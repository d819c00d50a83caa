import type { KeyObject } from 'node:crypto';
import type Decimal from 'decimal.js';
import type { FeeRounding } from '../trading-rules/fees';
import type { PriceRangeInput } from '../trading-rules/prices';
import type { FakeStreamOptions } from './stream-types';

/** An API key the fake exchange accepts: the key id and its public key (or the private key itself). */
export interface FakeExchangeKey {
  /** The value clients send in `KALSHI-ACCESS-KEY`. */
  id: string;
  /** PEM text (SPKI or PKCS#1; a private PEM works too) or a KeyObject. RSA or Ed25519. */
  publicKey: string | Buffer | KeyObject;
}

/** Kalshi market statuses as they appear in market bodies. */
export type FakeMarketStatus = 'initialized' | 'inactive' | 'active' | 'closed' | 'determined' | 'finalized';

/**
 * A market to list and trade. Prices are YES prices in dollars; sizes are contract counts. The
 * top of book (`yesBid`/`yesAsk` with their sizes) is resting liquidity the fake's own market
 * maker offers: orders that cross it fill against it.
 */
export interface FakeMarketInput {
  /** Market ticker, e.g. `KXNFLGAME-26NOV29KCLV-KC`. */
  ticker: string;
  /** Event ticker, e.g. `KXNFLGAME-26NOV29KCLV`. */
  eventTicker: string;
  /** Series ticker. Default: the event ticker up to its first `-`. */
  seriesTicker?: string;
  /** Market title. Default: the ticker. */
  title?: string;
  /** `yes_sub_title`. Default: the last segment of the ticker. */
  yesSubTitle?: string;
  /** `no_sub_title`. Default: same as `yesSubTitle`. */
  noSubTitle?: string;
  /** Status. Default `active`. */
  status?: FakeMarketStatus;
  /** Best YES bid in dollars. Default none (an empty bid side). */
  yesBid?: Decimal.Value;
  /** Best YES ask in dollars. Default none (an empty ask side). */
  yesAsk?: Decimal.Value;
  /** Contracts resting at the best bid. Default 100. */
  yesBidSize?: Decimal.Value;
  /** Contracts resting at the best ask. Default 100. */
  yesAskSize?: Decimal.Value;
  /**
   * Further bid levels below the best bid: this many levels, one tick apart, each with
   * `yesBidSize` contracts (same for asks above the best ask). Default 0.
   */
  extraLevels?: number;
  /** Last traded price in dollars. Default the midpoint of bid and ask, or 0. */
  lastPrice?: Decimal.Value;
  /** Contracts traded so far. Default 0. */
  volume?: Decimal.Value;
  /** Open interest in contracts. Default 0. */
  openInterest?: Decimal.Value;
  /** Kalshi `price_ranges`. Default the one-cent grid `[{start:"0.0000",end:"1.0000",step:"0.0100"}]`. */
  priceRanges?: PriceRangeInput[];
  /** `price_level_structure`. Default `linear_cent`. */
  priceLevelStructure?: string;
  /** Opening time (ms since epoch, or Date). Default one day before the clock's start. */
  openTime?: number | Date;
  /** Closing time. Default seven days after the clock's start. */
  closeTime?: number | Date;
  /** Expected expiration time. Default the closing time. */
  expirationTime?: number | Date;
  /** Result of a settled market (`yes` / `no`). Default `''`. */
  result?: 'yes' | 'no' | '';
  /** `rules_primary`. Default a generated sentence. */
  rulesPrimary?: string;
}

/** A series. Series named by markets but not listed here are created with defaults. */
export interface FakeSeriesInput {
  /** Series ticker, e.g. `KXNFLGAME`. */
  ticker: string;
  /** Title. Default the ticker. */
  title?: string;
  /** Category. Default `Sports`. */
  category?: string;
  /** Tags. Default `[]`. */
  tags?: string[];
  /** `quadratic` (default), `quadratic_with_maker_fees` (makers pay 0.0175) or `flat`. */
  feeType?: 'quadratic' | 'quadratic_with_maker_fees' | 'flat';
  /** Fee multiplier. Default 1. */
  feeMultiplier?: number;
  /** Frequency text. Default `custom`. */
  frequency?: string;
}

/** An event. Events named by markets but not listed here are created with defaults. */
export interface FakeEventInput {
  /** Event ticker, e.g. `KXNFLGAME-26NOV29KCLV`. */
  eventTicker: string;
  /** Series ticker. Default: the event ticker up to its first `-`. */
  seriesTicker?: string;
  /** Title. Default the event ticker. */
  title?: string;
  /** Sub-title. Default `''`. */
  subTitle?: string;
  /** Category. Default `Sports`. */
  category?: string;
  /** Whether at most one market resolves YES. Default true. */
  mutuallyExclusive?: boolean;
  /** Strike date (ms or Date). Default none. */
  strikeDate?: number | Date;
}

/** A position the account starts with. */
export interface FakePositionInput {
  ticker: string;
  /** Signed contracts: positive YES, negative NO. */
  position: Decimal.Value;
  /** Cost of the position in dollars (`market_exposure_dollars`). Default |position| × the held side's ask. */
  marketExposure?: Decimal.Value;
  /** Realized P&L in dollars. Default 0. */
  realizedPnl?: Decimal.Value;
  /** Fees paid in dollars. Default 0. */
  feesPaid?: Decimal.Value;
  /** Total traded in dollars. Default the market exposure. */
  totalTraded?: Decimal.Value;
}

/** A historical fill shown by GET /portfolio/fills. Seeded fills do not change positions or balance. */
export interface FakeFillInput {
  ticker: string;
  /** Book side of the order: `bid` buys YES, `ask` sells YES (buys NO). */
  side: 'bid' | 'ask';
  /** Contracts. */
  count: Decimal.Value;
  /** YES price in dollars. */
  price: Decimal.Value;
  /** Whether the order took liquidity. Default true. */
  isTaker?: boolean;
  /** Fee in dollars. Default the taker (or maker) fee of this fill alone. */
  fee?: Decimal.Value;
  /** Order id. Default a generated id. */
  orderId?: string;
  /** Fill id. Default a generated id. */
  fillId?: string;
  /** When it happened (ms or Date). Default the clock's start. */
  time?: number | Date;
}

/** A historical settlement shown by GET /portfolio/settlements. */
export interface FakeSettlementInput {
  ticker: string;
  /** Event ticker. Default the market's, or the ticker up to its last `-`. */
  eventTicker?: string;
  /** Market result. */
  result: 'yes' | 'no';
  /** YES contracts held at settlement. Default 0. */
  yesCount?: Decimal.Value;
  /** What those YES contracts cost, in dollars. Default 0. */
  yesTotalCost?: Decimal.Value;
  /** NO contracts held at settlement. Default 0. */
  noCount?: Decimal.Value;
  /** What those NO contracts cost, in dollars. Default 0. */
  noTotalCost?: Decimal.Value;
  /** Fees charged at settlement, in dollars. Default 0. */
  feeCost?: Decimal.Value;
  /** When it settled (ms or Date). Default the clock's start. */
  settledTime?: number | Date;
}

/** One token bucket: capacity in tokens and refill in tokens per second. */
export interface FakeBucketOptions {
  /** Tokens the bucket holds when full. */
  capacity?: number;
  /** Tokens added per second. */
  refillPerSecond?: number;
}

/** The fake's rate limiter: per key, one read bucket (GET) and one write bucket (everything else). */
export interface FakeRateLimitOptions {
  /** Read bucket. Default Kalshi's Basic tier: 200 tokens, 200 per second. */
  read?: FakeBucketOptions;
  /** Write bucket. Default Kalshi's Basic tier: 100 tokens, 100 per second. */
  write?: FakeBucketOptions;
  /** Cost of an endpoint missing from `costs`. Default 10. */
  defaultCost?: number;
  /** Per-endpoint costs (`path` with `:param` segments). Default Kalshi's table: cancels 2, single-order reads 2. */
  costs?: Array<{ method: string; path: string; cost: number }>;
  /** `usage_tier` reported by GET /account/limits. Default `basic`. */
  usageTier?: string;
}

/** Options of {@link createFakeExchange}. Every list is copied: later changes to the inputs do nothing. */
export interface FakeExchangeOptions {
  /** The WebSocket of `listen()` (server ping interval). */
  stream?: FakeStreamOptions;
  /** Markets to list and trade. Default none. */
  markets?: FakeMarketInput[];
  /** Series (fee type, multiplier, titles). Default: derived from the markets. */
  series?: FakeSeriesInput[];
  /** Events (titles). Default: derived from the markets. */
  events?: FakeEventInput[];
  /** Cash balance in dollars. Default 1000. */
  balance?: Decimal.Value;
  /** Positions held at the start. Default none. */
  positions?: FakePositionInput[];
  /** Historical fills. Default none. */
  fills?: FakeFillInput[];
  /** Historical settlements. Default none. */
  settlements?: FakeSettlementInput[];
  /** API keys accepted (all act on the one account). Default none: every signed request fails with 401. */
  keys?: FakeExchangeKey[];
  /** Token buckets, or `false` for no rate limiting. Default the Basic tier. */
  rateLimit?: FakeRateLimitOptions | false;
  /** Time source (ms since epoch). Default `Date.now`. Drives signatures' freshness, buckets and timestamps. */
  clock?: { now(): number };
  /** Largest accepted distance between `KALSHI-ACCESS-TIMESTAMP` and the clock, in ms. Default 10 000. */
  timestampToleranceMs?: number;
  /**
   * Which requests must be signed: `'portfolio'` (default; market data is public as on Kalshi,
   * but a signed market-data request is still checked) or `'all'`.
   */
  requireAuth?: 'portfolio' | 'all';
  /** Fee rounding increment: `'cent'` (default, Kalshi's fee schedule) or `'centicent'`. */
  feeRounding?: FeeRounding;
  /** `user_id` reported on orders. Default a fixed UUID. */
  userId?: string;
}

/** Kinds of fault {@link FakeExchange.injectFault} can produce. */
export type FakeFaultKind =
  | 'status'
  | 'html'
  | 'timeout'
  | 'malformed-json'
  | 'truncated-json'
  | 'clock-skew'
  | 'disconnect';

/** A fault to inject into matching requests. */
export interface FakeFaultSpec {
  /**
   * - `status`: answer `status` (default 500) with a JSON body (429: Kalshi's rate-limit body).
   * - `html`: answer `status` (default 502) with an HTML page, as a proxy in front of Kalshi does.
   * - `timeout`: never answer; the request hangs until the client aborts it.
   * - `malformed-json`: 200 with a body that is not JSON.
   * - `truncated-json`: 200 with the real answer cut in half.
   * - `clock-skew`: the exchange's clock runs `skewMs` ahead for these requests (signed ones fail
   *   with 401 `header_timestamp_expired` and a `Date` header on the skewed clock).
   * - `disconnect`: the connection is dropped without an answer (over `listen()`; through msw a network error).
   */
  kind: FakeFaultKind;
  /** Only requests whose path (after `/trade-api/v2`, no query) equals this string or matches this RegExp. Default all. */
  path?: string | RegExp;
  /** Only requests with this HTTP method. Default all. */
  method?: string;
  /** The first matching request to fault, 1-based: `nth: 3` lets two through (mid-pagination). Default 1. */
  nth?: number;
  /** How many matching requests to fault from then on. Default 1; `Infinity` for every one. */
  times?: number;
  /** Status for `status` and `html`. */
  status?: number;
  /** Clock skew in ms for `clock-skew`. Default 60 000. */
  skewMs?: number;
}

/** A handle on an injected fault. */
export interface FakeFault {
  /** How many more requests it will fault. */
  readonly remaining: number;
  /** How many requests it has faulted. */
  readonly triggered: number;
  /** Removes the fault. */
  clear(): void;
}

/** A request as the core handler sees it (both the msw handlers and the HTTP server build these). */
export interface FakeRequest {
  method: string;
  /** Full path including `/trade-api/v2`, without the query string. */
  path: string;
  query: URLSearchParams;
  /** Request headers; names are matched case-insensitively. */
  headers: Headers | Record<string, string | string[] | undefined>;
  /** Raw body text. */
  body?: string | undefined;
  /** Aborted when the client goes away; a `timeout` fault resolves only then. */
  signal?: AbortSignal | undefined;
}

/** The core handler's answer (`disconnect: true` for a dropped connection). */
export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  disconnect?: boolean;
}

/** New best prices for {@link FakeExchange.setPrices}. Omitted fields keep their value; `null` empties a side. */
export interface FakePriceUpdate {
  yesBid?: Decimal.Value | null;
  yesAsk?: Decimal.Value | null;
  yesBidSize?: Decimal.Value;
  yesAskSize?: Decimal.Value;
  lastPrice?: Decimal.Value;
}

/** One request the fake received (for assertions). */
export interface FakeRequestRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  keyId: string | undefined;
  time: number;
}

/** The running server returned by {@link FakeExchange.listen}. */
export interface FakeExchangeServer {
  /** `http://127.0.0.1:<port>/trade-api/v2`: pass it as the client's `baseUrl`. */
  url: string;
  /** `ws://127.0.0.1:<port>/trade-api/ws/v2`: the WebSocket on the same server (the client derives it from `url`). */
  wsUrl: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** Stops the server and drops open connections (hung `timeout` requests included). */
  close(): Promise<void>;
}

/**
 * One candlestick of a market (`FakeExchange.setCandlesticks`): closes in dollars (the fake sends
 * open = low = high = close), counts in contracts. Absent fields are left out of the body.
 */
export interface FakeCandleInput {
  /** End of the period (`end_period_ts`). */
  end: Date | number;
  /** YES bid at the period's close. */
  yesBid?: Decimal.Value;
  /** YES ask at the period's close. */
  yesAsk?: Decimal.Value;
  /** Last trade price at the period's close. */
  price?: Decimal.Value;
  /** Contracts traded in the period. */
  volume?: Decimal.Value;
  /** Open interest at the period's close. */
  openInterest?: Decimal.Value;
}
