import { readFileSync } from 'node:fs';
import type { KalshiClientOptions } from './client-options';
import { KALSHI_BASE_URLS, normalizeBaseUrl } from './core/base-urls';
import { CircuitBreaker } from './core/circuit-breaker';
import { type Clock, systemClock } from './core/clock';
import { KalshiConfigError } from './core/errors';
import { type Logger, noopLogger } from './core/logger';
import { DEFAULT_MAX_PAGES_WITHOUT_NEW_ITEMS } from './core/pagination';
import { loadPrivateKey } from './core/signing';
import { VERSION } from './core/version';
import { Transport } from './internal/transport';
import { createRequestLimiter } from './rate-limiting/create-limiter';
import {
  DEFAULT_ENDPOINT_COST,
  DEFAULT_ENDPOINT_COSTS,
  EndpointCostTable,
} from './rate-limiting/endpoint-costs';
import type { RateLimiter } from './rate-limiting/rate-limiter';
import type { RequestLimiter } from './rate-limiting/request-limiter';
import { AccountResource } from './resources/account';
import { ApiKeysResource } from './resources/api-keys';
import { CommunicationsResource } from './resources/communications';
import { EventsResource } from './resources/events';
import { ExchangeResource } from './resources/exchange';
import { FcmResource } from './resources/fcm';
import { FundingResource } from './resources/funding';
import { HistoricalResource } from './resources/historical';
import { LiveDataResource } from './resources/live-data';
import { MarketsResource } from './resources/markets';
import { MilestonesResource } from './resources/milestones';
import { MultivariateResource } from './resources/multivariate';
import { OrderGroupsResource } from './resources/order-groups';
import { OrdersResource } from './resources/orders';
import { PortfolioResource } from './resources/portfolio';
import {
  IncentiveProgramsResource,
  SearchResource,
  StructuredTargetsResource,
} from './resources/reference-data';
import { SeriesResource } from './resources/series';
import { SubaccountsResource } from './resources/subaccounts';
import { TransfersResource } from './resources/transfers';
import type { AccountLimits, EndpointCosts } from './schemas/account';
import { KalshiStream } from './streaming/stream';
import type { KalshiStreamOptions } from './streaming/stream-options';
import { resolveWsUrl } from './streaming/urls';

/**
 * The Kalshi Trade API v2 client: signed requests, client-side rate limiting, retries with
 * jittered back-off, a circuit breaker, cursor pagination, Decimal money and typed errors.
 *
 * ```ts
 * const kalshi = new KalshiClient({ apiKeyId, privateKeyPath: './demo.pem' });
 * const { balance } = await kalshi.portfolio.getBalance();
 * ```
 */
export class KalshiClient {
  /** Exchange status and schedule. */
  readonly exchange: ExchangeResource;
  /** Markets, order books, trades, candlesticks. */
  readonly markets: MarketsResource;
  /** Events. */
  readonly events: EventsResource;
  /** Series. */
  readonly series: SeriesResource;
  /** Balance, positions, fills, settlements, orders and queue positions. */
  readonly portfolio: PortfolioResource;
  /** The archive behind the historical cutoff: old fills, orders, settled positions and markets. */
  readonly historical: HistoricalResource;
  /** V2 order placement, cancel, amend, decrease and batches. */
  readonly orders: OrdersResource;
  /** API limits and endpoint costs of the key. */
  readonly account: AccountResource;
  /** Order groups: a rolling contracts limit, and `trigger` to cancel all their orders at once. */
  readonly orderGroups: OrderGroupsResource;
  /** RFQs, quotes and block trade proposals (`/communications`). */
  readonly communications: CommunicationsResource;
  /** Milestones: games and other dated happenings that markets are tied to. */
  readonly milestones: MilestonesResource;
  /** Live data (score, clock, ...) of milestones. */
  readonly liveData: LiveDataResource;
  /** Subaccounts: creation, balances, transfers between them, netting. */
  readonly subaccounts: SubaccountsResource;
  /** Deposits, withdrawals and the cash held by resting orders. */
  readonly funding: FundingResource;
  /** Search filters and tags. */
  readonly search: SearchResource;
  /** Structured targets: the teams, players and places markets are about. */
  readonly structuredTargets: StructuredTargetsResource;
  /** Incentive programs on markets. */
  readonly incentivePrograms: IncentiveProgramsResource;
  /** API keys of the account: list, create from your public key, generate (private key redacted), delete. */
  readonly apiKeys: ApiKeysResource;
  /** FCM members: subtraders, their orders and positions, and their event-contract daily caps. */
  readonly fcm: FcmResource;
  /** Multivariate event collections (combos) and the markets created from them. */
  readonly multivariate: MultivariateResource;
  /** Transfers across exchange instances, shards and subaccounts; the target balance allocation. */
  readonly transfers: TransfersResource;
  /** The limiter every request goes through (built-in or given), or undefined when `rateLimit: false`. */
  readonly limiter: RequestLimiter | undefined;
  /**
   * The built-in token-bucket limiter when it is the one in use (`rateLimit` a tier, buckets or a
   * `RateLimiter`); undefined with `rateLimit: false` or another {@link RequestLimiter}.
   */
  readonly rateLimiter: RateLimiter | undefined;
  /** The circuit breaker (`state`, `on('stateChange', ...)`), or undefined when disabled. */
  readonly circuitBreaker: CircuitBreaker | undefined;
  /** Base URL in use, including `/trade-api/v2`. */
  readonly baseUrl: string;
  /** WebSocket URL `stream()` connects to, including `/trade-api/ws/v2`. */
  readonly wsUrl: string;

  private readonly transport: Transport;
  private readonly logger: Logger;
  private readonly credentials:
    | { apiKeyId: string; privateKey: ReturnType<typeof loadPrivateKey> }
    | undefined;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(options: KalshiClientOptions = {}) {
    const environment = options.environment ?? 'demo';
    const baseUrl = options.baseUrl ?? KALSHI_BASE_URLS[environment];
    if (baseUrl === undefined)
      throw new KalshiConfigError(`unknown Kalshi environment ${JSON.stringify(environment)}`);
    this.baseUrl = normalizeBaseUrl(baseUrl);
    this.wsUrl = resolveWsUrl({ wsUrl: options.wsUrl, baseUrl: options.baseUrl, environment });
    const clock: Clock = options.clock ?? systemClock;
    this.clock = clock;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? noopLogger;

    let credentials: { apiKeyId: string; privateKey: ReturnType<typeof loadPrivateKey> } | undefined;
    const keySource =
      options.privateKey ?? (options.privateKeyPath ? readKeyFile(options.privateKeyPath) : undefined);
    if (options.apiKeyId !== undefined || keySource !== undefined) {
      if (!options.apiKeyId) throw new KalshiConfigError('a private key was given without apiKeyId');
      if (keySource === undefined)
        throw new KalshiConfigError('apiKeyId was given without privateKey or privateKeyPath');
      credentials = { apiKeyId: options.apiKeyId, privateKey: loadPrivateKey(keySource) };
    }
    this.credentials = credentials;

    const { limiter, builtIn } = createRequestLimiter(options.rateLimit, clock);
    this.limiter = limiter;
    this.rateLimiter = builtIn;
    this.circuitBreaker =
      options.circuitBreaker === false ? undefined : new CircuitBreaker(options.circuitBreaker ?? {}, clock);
    const fetchImpl = options.fetch ?? globalThis.fetch;

    this.transport = new Transport({
      baseUrl: this.baseUrl,
      credentials,
      fetch: fetchImpl,
      clock,
      random: options.random ?? Math.random,
      logger: this.logger,
      limiter: this.limiter,
      endpointCosts: new EndpointCostTable(DEFAULT_ENDPOINT_COSTS, DEFAULT_ENDPOINT_COST),
      breaker: this.circuitBreaker,
      maxRetries: options.maxRetries ?? 3,
      timeoutMs: options.timeoutMs ?? 10_000,
      rateLimitMaxWaitMs: options.rateLimitMaxWaitMs ?? 60_000,
      adoptAccountLimits: credentials && this.limiter ? () => this.adoptAccountLimits() : undefined,
      maxPagesWithoutNewItems: positiveInteger(
        'maxPagesWithoutNewItems',
        options.maxPagesWithoutNewItems ?? DEFAULT_MAX_PAGES_WITHOUT_NEW_ITEMS,
      ),
      backoff: {
        initialDelayMs: options.retryInitialDelayMs ?? 250,
        maxDelayMs: options.retryMaxDelayMs ?? 8_000,
      },
      userAgent: `precog-kalshi-client/${VERSION}`,
    });
    this.exchange = new ExchangeResource(this.transport);
    this.markets = new MarketsResource(this.transport);
    this.events = new EventsResource(this.transport);
    this.series = new SeriesResource(this.transport);
    this.portfolio = new PortfolioResource(this.transport);
    this.historical = new HistoricalResource(this.transport);
    this.orders = new OrdersResource(this.transport);
    this.account = new AccountResource(this.transport);
    this.orderGroups = new OrderGroupsResource(this.transport);
    this.communications = new CommunicationsResource(this.transport);
    this.milestones = new MilestonesResource(this.transport);
    this.liveData = new LiveDataResource(this.transport);
    this.subaccounts = new SubaccountsResource(this.transport);
    this.funding = new FundingResource(this.transport);
    this.search = new SearchResource(this.transport);
    this.structuredTargets = new StructuredTargetsResource(this.transport);
    this.incentivePrograms = new IncentiveProgramsResource(this.transport);
    this.apiKeys = new ApiKeysResource(this.transport);
    this.fcm = new FcmResource(this.transport);
    this.multivariate = new MultivariateResource(this.transport);
    this.transfers = new TransfersResource(this.transport);
  }

  /**
   * A WebSocket stream on {@link KalshiClient.wsUrl}, signed with the client's key, sharing its
   * clock, logger and random source (each overridable in `options`). Not connected until
   * `connect()` or the first `subscribe()`.
   */
  stream(options: KalshiStreamOptions = {}): KalshiStream {
    return new KalshiStream({
      url: this.wsUrl,
      ...(this.credentials ?? {}),
      clock: this.clock,
      logger: this.logger,
      random: this.random,
      ...options,
    });
  }

  /** Estimated exchange time minus local time in ms (non-zero after a `header_timestamp_expired`). */
  get clockOffsetMs(): number {
    return this.transport.clockOffsetMs;
  }

  /** The token cost of each endpoint the client charges its limiter (replaced by `syncRateLimits`). */
  get endpointCosts(): EndpointCostTable {
    return this.transport.endpointCosts;
  }

  /**
   * Reads `GET /account/limits` and `GET /account/endpoint_costs`: the limiter adopts the limits
   * (`adoptLimits`) and the client charges requests from the new cost table. Returns what it
   * read. With `rateLimit: false` only the cost table changes.
   */
  async syncRateLimits(): Promise<{ limits: AccountLimits; costs: EndpointCosts }> {
    const [limits, costs] = await Promise.all([this.account.getLimits(), this.account.getEndpointCosts()]);
    await this.limiter?.adoptLimits({
      read: { tokensPerSecond: limits.read.refill_rate, bucketSize: limits.read.bucket_capacity },
      write: { tokensPerSecond: limits.write.refill_rate, bucketSize: limits.write.bucket_capacity },
    });
    this.transport.endpointCosts = new EndpointCostTable(costs.endpoint_costs, costs.default_cost);
    // The built-in limiter keeps its own table for its (deprecated) `costOf`/`acquire(method, path)`.
    this.rateLimiter?.configure({ defaultCost: costs.default_cost, endpointCosts: costs.endpoint_costs });
    this.logger.info(
      {
        usageTier: limits.usage_tier,
        read: limits.read,
        write: limits.write,
        endpointCosts: costs.endpoint_costs.length,
      },
      'kalshi: adopted the key rate limits',
    );
    return { limits, costs };
  }

  /** The first 429 of the client's life: the limiter adopts `GET /account/limits`. */
  private async adoptAccountLimits(): Promise<void> {
    const limits = await this.account.getLimits();
    await this.limiter?.adoptLimits({
      read: { tokensPerSecond: limits.read.refill_rate, bucketSize: limits.read.bucket_capacity },
      write: { tokensPerSecond: limits.write.refill_rate, bucketSize: limits.write.bucket_capacity },
    });
    this.logger.warn(
      { usageTier: limits.usage_tier, read: limits.read, write: limits.write },
      'kalshi: rate limited (429): adopted the key limits from /account/limits',
    );
  }

  /**
   * Releases what the client holds: closes its limiter (requests still waiting for tokens reject
   * with a `KalshiAbortError`). Idempotent. The client must not be used afterwards.
   */
  async close(): Promise<void> {
    await this.limiter?.close();
  }
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new KalshiConfigError(`cannot read the Kalshi private key file ${path}`, {
      cause: cause instanceof Error ? new Error(cause.message) : undefined,
    });
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new KalshiConfigError(`${name} must be a positive integer, got ${value}`);
  return value;
}
