import type Decimal from 'decimal.js';
import type { RequestHandler } from 'msw';
import type { FeeRounding } from '../trading-rules/fees';
import { authenticate } from './internal/auth';
import { endpointCost, FakeTokenBucket, KALSHI_ENDPOINT_COSTS } from './internal/buckets';
import { setCandles } from './internal/candlesticks';
import { ActiveFault, HTML_BODY } from './internal/faults';
import { dec } from './internal/format';
import { historicalOf } from './internal/historical';
import { cancelOrder } from './internal/ledger';
import { addMilestone, type FakeMilestoneInput, setLiveData } from './internal/live-data';
import { matchRestingOrders } from './internal/matching';
import { type MswModule, mswHandlers } from './internal/msw';
import { startNodeServer } from './internal/node-server';
import { enforceOrderGroupLimits, type OrderGroupState, orderGroupsOf } from './internal/order-groups';
import type { OrderContext } from './internal/orders-routes';
import { type LimitsInfo, route } from './internal/router';
import { seedFill, seedPosition, seedSettlement } from './internal/seed';
import { settleMarket } from './internal/settlement';
import { toPublicKey } from './internal/signature';
import {
  addMarket,
  buildLevels,
  createState,
  type ExchangeState,
  type FillState,
  type MarketState,
  type OrderState,
  type PositionState,
  type SettlementState,
} from './internal/state';
import { FakeStreamServer } from './internal/stream-server';
import { marketBody, settlementBody } from './internal/wire';
import { exchangeError, nestedError, tooManyRequests } from './internal/wire-errors';
import type {
  FakeCommunicationType,
  FakeMultivariateLookup,
  FakeStreamFaultKind,
  FakeStreamFaultOptions,
  FakeStreamSubscription,
} from './stream-types';
import type {
  FakeCandleInput,
  FakeExchangeOptions,
  FakeExchangeServer,
  FakeFault,
  FakeFaultSpec,
  FakeMarketInput,
  FakePriceUpdate,
  FakeRequest,
  FakeRequestRecord,
  FakeResponse,
} from './types';

/** The path prefix every Kalshi REST route lives under. */
export const API_PREFIX = '/trade-api/v2';

/** A read-only view of the fake's state, for assertions. Decimals are live copies: do not mutate. */
export interface FakeExchangeSnapshot {
  balance: Decimal;
  markets: MarketState[];
  orders: OrderState[];
  fills: FillState[];
  positions: PositionState[];
  settlements: SettlementState[];
  /** Order groups (`/portfolio/order_groups`), oldest first. */
  orderGroups: OrderGroupState[];
  exchangeActive: boolean;
  tradingActive: boolean;
}

/** An in-memory Kalshi exchange for tests. Create one with {@link createFakeExchange}. */
export interface FakeExchange {
  /** The core request handler used by both {@link FakeExchange.handlers} and {@link FakeExchange.listen}. */
  handle(request: FakeRequest): Promise<FakeResponse>;
  /**
   * msw request handlers for every route under `baseUrl` (for example
   * `https://external-api.demo.kalshi.co/trade-api/v2`): `setupServer(...exchange.handlers(url))`.
   * Needs the optional peer dependency `msw`: it is loaded from the working directory, or pass
   * the module yourself (`{ msw: await import('msw') }`) when it lives elsewhere.
   */
  handlers(baseUrl: string, options?: { msw?: unknown }): RequestHandler[];
  /** Serves the exchange over HTTP on 127.0.0.1 (`port` 0 or omitted: any free port). */
  listen(options?: { port?: number }): Promise<FakeExchangeServer>;
  /** Sets a market's best prices; the account's resting orders they cross fill as maker. */
  setPrices(ticker: string, update: FakePriceUpdate): void;
  /** Moves a market's bid and ask by `by` dollars (negative moves down), keeping sizes. */
  movePrices(ticker: string, by: Decimal.Value): void;
  /** Settles a market (`yes` or `no`): pays winning contracts $1, records a settlement, cancels resting orders. */
  settle(ticker: string, result: 'yes' | 'no'): Record<string, unknown>;
  /** Changes a market's status (for example `closed`), without settling it. */
  setMarketStatus(ticker: string, status: MarketState['status']): void;
  /** Adds a market (and its event and series when new). */
  addMarket(market: FakeMarketInput): void;
  /** Sets the exchange's status flags (GET /exchange/status; orders are refused while trading is off). */
  setStatus(status: { exchangeActive?: boolean; tradingActive?: boolean }): void;
  /** Sets the cash balance in dollars. */
  setBalance(dollars: Decimal.Value): void;
  /**
   * Moves the historical cutoff (`GET /historical/cutoff`). Fills before `tradesCreated` leave
   * `GET /portfolio/fills` and are served by `GET /historical/fills` only, as on Kalshi; markets
   * settled before `marketSettled` leave `GET /markets` for `GET /historical/markets`; positions of
   * an event whose markets all settled before `positionsLastUpdated` leave
   * `GET /portfolio/positions` for `GET /historical/positions` (the whole event at once). Omitted
   * fields keep their value; all start at the epoch (nothing archived). With `when`, the move
   * happens just before the `nth` request to `path` (after `/trade-api/v2`) is handled, so a test
   * can move the cutoff in the middle of a client's walk without timing.
   */
  setHistoricalCutoff(
    cutoff: {
      tradesCreated?: Date | number;
      ordersUpdated?: Date | number;
      marketSettled?: Date | number;
      positionsLastUpdated?: Date | number;
    },
    when?: { path: string; nth: number },
  ): void;
  /**
   * Overrides fields of one fill's JSON as the fill endpoints send it (`undefined` removes a field;
   * no patch restores the true body): drift, a malformed item, or a corrected fee or count.
   */
  setFillWire(fillId: string, patch?: Record<string, unknown>): void;
  /**
   * Overrides fields of one market position's JSON as both position endpoints send it
   * (`undefined` removes a field; no patch restores the true body): drift or a malformed item.
   */
  setPositionWire(ticker: string, patch?: Record<string, unknown>): void;
  /**
   * Sets a market's candlesticks: served by `GET /series/{s}/markets/{t}/candlesticks`, and once
   * the market settled before the historical cutoff by `GET /historical/markets/{t}/candlesticks`
   * only (with the archive's field names).
   */
  setCandlesticks(ticker: string, candles: readonly FakeCandleInput[]): void;
  /** Adds (or replaces) a milestone served under `/milestones`. */
  addMilestone(milestone: FakeMilestoneInput): void;
  /** Sets the live data `details` of a milestone (`/live_data/...`), e.g. `{ status: 'final', home_points: 24 }`. */
  setLiveData(milestoneId: string, details: Record<string, unknown>): void;
  /** Injects a fault into matching requests; see {@link FakeFaultSpec}. */
  injectFault(spec: FakeFaultSpec): FakeFault;
  /** Removes every injected fault. */
  clearFaults(): void;
  /** Refills every token bucket. */
  resetRateLimits(): void;
  /** The current state, for assertions. */
  snapshot(): FakeExchangeSnapshot;
  /** A market as GET /markets/{ticker} would return it (undefined when unknown). */
  marketBody(ticker: string): Record<string, unknown> | undefined;
  /** Every request received, oldest first. */
  readonly requests: readonly FakeRequestRecord[];
  /** Injects a fault into the WebSocket (`/trade-api/ws/v2` of `listen()`); see {@link FakeStreamFaultKind}. */
  injectStreamFault(kind: FakeStreamFaultKind, options?: FakeStreamFaultOptions): void;
  /** Open WebSocket connections. */
  readonly streamConnections: number;
  /** Streams state changes made outside the exchange's own methods (they stream by themselves). */
  publish(): void;
  /**
   * Resolves once the WebSocket accepted the `nth` subscription (default 1, counted since
   * `listen()`) to `channel` and sent its snapshots: a test can act on a subscriber without
   * waiting on output or time (after a reconnect, wait for the next `nth`). Needs `listen()` first.
   */
  streamSubscribed(channel: string, nth?: number): Promise<FakeStreamSubscription>;
  /**
   * Pings every open WebSocket (stalled ones aside) and resolves when each answered: the client
   * has then handled every frame sent before. Needs `listen()` first.
   */
  streamRoundTrip(): Promise<void>;
  /**
   * Streams a `multivariate_lookup` to `multivariate` subscribers (the fake has no multivariate
   * collections of its own). Sequenced like Kalshi's, and subject to the stream faults.
   */
  publishMultivariateLookup(lookup: FakeMultivariateLookup): void;
  /**
   * Streams an RFQ or quote event to `communications` subscribers, `msg` as given (snake_case, as
   * Kalshi sends it; the fake has no RFQ endpoints). Sequenced, and subject to the stream faults.
   */
  publishCommunication(type: FakeCommunicationType, msg: Record<string, unknown>): void;
}

const PUBLIC_PREFIXES = [
  '/exchange',
  '/markets',
  '/events',
  '/series',
  '/milestones',
  '/live_data',
  // The public side of the archive, as on Kalshi (fills, orders and positions need a key).
  '/historical/cutoff',
  '/historical/markets',
  '/historical/trades',
];

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Creates an in-memory Kalshi exchange: it checks signatures against registered public keys,
 * enforces read/write token buckets, paginates lists with opaque cursors, matches V2 orders
 * against its books (fills, positions, balance, fees from `../fees`), settles markets, moves
 * prices and injects faults on demand. Its answers have Kalshi's field names, fixed-point
 * strings and error bodies.
 */
export function createFakeExchange(options: FakeExchangeOptions = {}): FakeExchange {
  const clock = options.clock ?? { now: () => Date.now() };
  const tolerance = options.timestampToleranceMs ?? 10_000;
  const rounding: FeeRounding = options.feeRounding ?? 'cent';
  const start = clock.now();
  const state: ExchangeState = createState(options, start);
  for (const p of options.positions ?? []) seedPosition(state, p, start);
  for (const f of options.fills ?? []) seedFill(state, f, rounding, start);
  for (const s of options.settlements ?? []) seedSettlement(state, s, start);

  const keys = new Map((options.keys ?? []).map((k) => [k.id, toPublicKey(k.publicKey)]));
  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const readBucket = {
    capacity: limits?.read?.capacity ?? 200,
    refill: limits?.read?.refillPerSecond ?? 200,
  };
  const writeBucket = {
    capacity: limits?.write?.capacity ?? 100,
    refill: limits?.write?.refillPerSecond ?? 100,
  };
  const costTable = limits?.costs ?? KALSHI_ENDPOINT_COSTS;
  const defaultCost = limits?.defaultCost ?? 10;
  const buckets = new Map<string, { read: FakeTokenBucket; write: FakeTokenBucket }>();
  const faults: ActiveFault[] = [];
  const requests: FakeRequestRecord[] = [];
  const cutoffMoves: Array<{ path: string; nth: number; seen: number; apply: () => void }> = [];
  let clientIds = 0;
  let streams: FakeStreamServer | undefined;
  // Every state change is streamed to the WebSocket subscribers right after it happens.
  const publish = () => streams?.sync();
  const streamsOf = (method: string): FakeStreamServer => {
    if (!streams) throw new Error(`fake exchange: ${method} needs listen() first`);
    return streams;
  };

  const bucketsFor = (id: string, now: number) => {
    let pair = buckets.get(id);
    if (!pair) {
      pair = {
        read: new FakeTokenBucket(readBucket.capacity, readBucket.refill, now),
        write: new FakeTokenBucket(writeBucket.capacity, writeBucket.refill, now),
      };
      buckets.set(id, pair);
    }
    return pair;
  };

  const market = (ticker: string): MarketState => {
    const m = state.markets.get(ticker);
    if (!m) throw new Error(`fake exchange: no market ${ticker}`);
    return m;
  };

  const limitsInfo: LimitsInfo = {
    read: readBucket,
    write: writeBucket,
    usageTier: limits?.usageTier ?? 'basic',
    defaultCost,
    costTable,
  };

  async function handle(request: FakeRequest): Promise<FakeResponse> {
    const method = request.method.toUpperCase();
    const fullPath = request.path;
    const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) || '/' : fullPath;
    let now = clock.now();
    let response: FakeResponse | undefined;
    let truncate = false;
    let keyId: string | undefined;

    for (const move of [...cutoffMoves]) {
      if (move.path !== path) continue;
      move.seen += 1;
      if (move.seen >= move.nth) {
        cutoffMoves.splice(cutoffMoves.indexOf(move), 1);
        move.apply();
      }
    }
    for (const fault of [...faults]) {
      if (!fault.claim(method, path)) continue;
      const { kind } = fault.spec;
      if (kind === 'clock-skew') now += fault.spec.skewMs ?? 60_000;
      else if (kind === 'truncated-json') truncate = true;
      else if (kind === 'timeout') {
        await waitForAbort(request.signal);
        response = { status: 499, headers: {}, body: '', disconnect: true };
      } else if (kind === 'disconnect') response = { status: 0, headers: {}, body: '', disconnect: true };
      else if (kind === 'html') {
        response = {
          status: fault.spec.status ?? 502,
          headers: { 'content-type': 'text/html' },
          body: HTML_BODY,
        };
      } else if (kind === 'malformed-json') {
        response = {
          status: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: '{"cursor":',
        };
      } else {
        const status = fault.spec.status ?? 500;
        response =
          status === 429
            ? tooManyRequests()
            : nestedError(status, 'internal_server_error', 'internal server error');
      }
      if (response) break;
    }

    if (!response) {
      if (!fullPath.startsWith(API_PREFIX)) {
        response = nestedError(404, 'not_found', 'not found');
      } else {
        const isPublic =
          method === 'GET' && PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
        const needed = options.requireAuth === 'all' || !isPublic;
        const auth = authenticate(keys, tolerance, request, fullPath, needed, now);
        keyId = auth.keyId;
        if (auth.error) response = auth.error;
        else if (limits) {
          const pair = bucketsFor(keyId ?? 'anonymous', now);
          const bucket = method === 'GET' ? pair.read : pair.write;
          if (!bucket.take(endpointCost(costTable, defaultCost, method, fullPath), now))
            response = tooManyRequests();
        }
        if (!response) {
          try {
            const ctx: OrderContext = {
              state,
              rounding,
              now,
              newClientOrderId: () => `fake-client-${++clientIds}`,
            };
            response = route(ctx, limitsInfo, method, path, request);
          } catch (cause) {
            response = exchangeError(500, 'internal_server_error');
            response.body = JSON.stringify({
              error: { code: 'internal_server_error', message: (cause as Error).message },
            });
          }
        }
      }
    }

    if (truncate && response.body.length > 1) {
      response = { ...response, body: response.body.slice(0, Math.floor(response.body.length / 2)) };
    }
    response.headers = { ...response.headers, date: new Date(now).toUTCString() };
    if (method !== 'GET') publish();
    requests.push({
      method,
      path: fullPath,
      query: request.query.toString(),
      status: response.status,
      keyId,
      time: now,
    });
    return response;
  }

  const exchange: FakeExchange = {
    handle,
    handlers(baseUrl: string, handlerOptions?: { msw?: unknown }): RequestHandler[] {
      return mswHandlers(
        baseUrl,
        API_PREFIX,
        handle,
        handlerOptions?.msw as MswModule | undefined,
      ) as RequestHandler[];
    },
    listen(listenOptions = {}) {
      streams ??= new FakeStreamServer(state, keys, tolerance, () => clock.now(), options.stream);
      return startNodeServer(handle, listenOptions.port ?? 0, streams);
    },
    setPrices(ticker, update) {
      const m = market(ticker);
      const now = clock.now();
      if (update.yesBid !== undefined) {
        m.bids = buildLevels(
          update.yesBid,
          update.yesBidSize ?? m.bids[0]?.size ?? 100,
          0,
          -1,
          m.priceRanges,
        );
      } else if (update.yesBidSize !== undefined && m.bids[0]) m.bids[0].size = dec(update.yesBidSize);
      if (update.yesAsk !== undefined) {
        m.asks = buildLevels(update.yesAsk, update.yesAskSize ?? m.asks[0]?.size ?? 100, 0, 1, m.priceRanges);
      } else if (update.yesAskSize !== undefined && m.asks[0]) m.asks[0].size = dec(update.yesAskSize);
      if (update.lastPrice !== undefined) {
        m.previousPrice = m.lastPrice;
        m.lastPrice = dec(update.lastPrice);
      }
      matchRestingOrders(state, m, rounding, now);
      enforceOrderGroupLimits(state, now);
      publish();
    },
    movePrices(ticker, by) {
      const m = market(ticker);
      const delta = dec(by);
      const shift = (levels: typeof m.bids) =>
        levels
          .map((l) => ({ price: l.price.plus(delta), size: l.size }))
          .filter((l) => l.price.gt(0) && l.price.lt(1));
      m.bids = shift(m.bids);
      m.asks = shift(m.asks);
      matchRestingOrders(state, m, rounding, clock.now());
      enforceOrderGroupLimits(state, clock.now());
      publish();
    },
    settle(ticker, result) {
      const body = settlementBody(settleMarket(state, market(ticker), result, clock.now()));
      publish();
      return body;
    },
    setMarketStatus(ticker, status) {
      const m = market(ticker);
      m.status = status;
      m.updatedTime = clock.now();
      if (status !== 'active') {
        for (const o of state.orders)
          if (o.ticker === ticker && o.status === 'resting') cancelOrder(state, o, clock.now());
      }
      publish();
    },
    addMarket(input) {
      addMarket(state, input, clock.now());
      publish();
    },
    setStatus(status) {
      if (status.exchangeActive !== undefined) state.exchangeActive = status.exchangeActive;
      if (status.tradingActive !== undefined) state.tradingActive = status.tradingActive;
    },
    setBalance(dollars) {
      state.balance = dec(dollars);
    },
    setHistoricalCutoff(cutoff, when) {
      if (when !== undefined) {
        cutoffMoves.push({
          path: when.path,
          nth: when.nth,
          seen: 0,
          apply: () => exchange.setHistoricalCutoff(cutoff),
        });
        return;
      }
      const c = historicalOf(state).cutoff;
      const ms = (v: Date | number | undefined, old: number) =>
        v === undefined ? old : v instanceof Date ? v.getTime() : v;
      c.tradesCreatedMs = ms(cutoff.tradesCreated, c.tradesCreatedMs);
      c.ordersUpdatedMs = ms(cutoff.ordersUpdated, c.ordersUpdatedMs);
      c.marketSettledMs = ms(cutoff.marketSettled, c.marketSettledMs);
      c.positionsMs = ms(cutoff.positionsLastUpdated, c.positionsMs);
    },
    setFillWire(fillId, patch) {
      if (patch === undefined) historicalOf(state).fillWire.delete(fillId);
      else historicalOf(state).fillWire.set(fillId, { ...patch });
    },
    setPositionWire(ticker, patch) {
      if (patch === undefined) historicalOf(state).positionWire.delete(ticker);
      else historicalOf(state).positionWire.set(ticker, { ...patch });
    },
    setCandlesticks(ticker, candles) {
      market(ticker);
      setCandles(state, ticker, candles);
    },
    addMilestone(milestone) {
      addMilestone(state, milestone);
    },
    setLiveData(milestoneId, details) {
      setLiveData(state, milestoneId, details);
    },
    injectFault(spec) {
      const fault = new ActiveFault(spec, (f) => {
        const i = faults.indexOf(f);
        if (i !== -1) faults.splice(i, 1);
      });
      faults.push(fault);
      return fault;
    },
    clearFaults() {
      for (const f of [...faults]) f.clear();
    },
    resetRateLimits() {
      buckets.clear();
    },
    snapshot() {
      return {
        balance: state.balance,
        markets: [...state.markets.values()],
        orders: [...state.orders],
        fills: [...state.fills],
        positions: [...state.positions.values()],
        settlements: [...state.settlements],
        orderGroups: orderGroupsOf(state),
        exchangeActive: state.exchangeActive,
        tradingActive: state.tradingActive,
      };
    },
    marketBody(ticker) {
      const m = state.markets.get(ticker);
      return m ? marketBody(state, m) : undefined;
    },
    requests,
    injectStreamFault(kind, faultOptions) {
      streamsOf('injectStreamFault').inject(kind, faultOptions);
    },
    streamSubscribed(channel, nth = 1) {
      return streamsOf('streamSubscribed').subscribed(channel, nth);
    },
    streamRoundTrip() {
      return streamsOf('streamRoundTrip').roundTrip();
    },
    publishMultivariateLookup(lookup) {
      streams?.broadcast('multivariate', 'multivariate_lookup', {
        collection_ticker: lookup.collectionTicker,
        event_ticker: lookup.eventTicker,
        market_ticker: lookup.marketTicker,
        selected_markets: lookup.selectedMarkets.map((l) => ({
          event_ticker: l.eventTicker,
          market_ticker: l.marketTicker,
          side: l.side,
        })),
      });
    },
    publishCommunication(type, msg) {
      streams?.broadcast('communications', type, { ...msg });
    },
    get streamConnections() {
      return streams?.connections ?? 0;
    },
    publish,
  };
  return exchange;
}
