import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Decimal from 'decimal.js';
import type { FeeRounding } from '../fees';
import { endpointCost, FakeTokenBucket, KALSHI_ENDPOINT_COSTS } from './internal/buckets';
import {
  cancelOrder,
  expireOrders,
  matchRestingOrders,
  seedFill,
  seedPosition,
  seedSettlement,
  settleMarket,
} from './internal/engine';
import { ActiveFault, HTML_BODY } from './internal/faults';
import { dec } from './internal/format';
import { startNodeServer } from './internal/node-server';
import {
  amend,
  batchCancel,
  batchCreate,
  cancelAll,
  cancelOne,
  createOrder,
  decrease,
  isWire,
  type OrderContext,
  parseJsonBody,
} from './internal/orders-routes';
import * as read from './internal/read-routes';
import { toPublicKey, verifyKalshiSignature } from './internal/signature';
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
import { marketBody, settlementBody } from './internal/wire';
import {
  AUTH_ERRORS,
  exchangeError,
  jsonResponse,
  nestedError,
  tooManyRequests,
  type WireResponse,
} from './internal/wire-errors';
import type {
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
  handlers(baseUrl: string, options?: { msw?: unknown }): unknown[];
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
}

const PUBLIC_PREFIXES = ['/exchange', '/markets', '/events', '/series'];

function header(headers: FakeRequest['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

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
  let clientIds = 0;

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

  function authenticate(request: FakeRequest, fullPath: string, needed: boolean, now: number) {
    const keyId = header(request.headers, 'KALSHI-ACCESS-KEY');
    const timestamp = header(request.headers, 'KALSHI-ACCESS-TIMESTAMP');
    const signature = header(request.headers, 'KALSHI-ACCESS-SIGNATURE');
    if (!needed && keyId === undefined && timestamp === undefined && signature === undefined) {
      return { keyId: undefined };
    }
    if (signature === undefined || signature === '') return { error: AUTH_ERRORS.missingSignature() };
    if (keyId === undefined || keyId === '') return { error: AUTH_ERRORS.missingKey() };
    if (timestamp === undefined || timestamp === '') return { error: AUTH_ERRORS.missingTimestamp() };
    const publicKey = keys.get(keyId);
    if (!publicKey) return { error: AUTH_ERRORS.unknownKey(), keyId };
    const ts = Number(timestamp);
    if (!/^\d+$/.test(timestamp) || Math.abs(now - ts) > tolerance) {
      return { error: AUTH_ERRORS.timestampExpired(), keyId };
    }
    if (!verifyKalshiSignature(publicKey, timestamp, request.method, fullPath, signature)) {
      return { error: AUTH_ERRORS.badSignature(), keyId };
    }
    return { keyId };
  }

  function route(method: string, path: string, request: FakeRequest, now: number): WireResponse {
    expireOrders(state, now);
    const q = request.query;
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const ctx: OrderContext = {
      state,
      rounding,
      now,
      newClientOrderId: () => `fake-client-${++clientIds}`,
    };
    const withBody = (fn: (body: Record<string, unknown>) => WireResponse): WireResponse => {
      const body = parseJsonBody(request.body);
      return isWire(body) ? body : fn(body);
    };
    const [a, b, c, d, e] = seg;
    if (method === 'GET') {
      if (a === 'exchange' && b === 'status' && !c) return read.exchangeStatus(state);
      if (a === 'exchange' && b === 'schedule' && !c) return read.exchangeSchedule();
      if (a === 'markets' && !b) return read.listMarkets(state, q);
      if (a === 'markets' && b === 'trades' && !c) return read.listTrades(state, q);
      if (a === 'markets' && b && !c) return read.getMarket(state, b);
      if (a === 'markets' && b && c === 'orderbook' && !d) return read.getOrderbook(state, b, q);
      if (a === 'events' && !b) return read.listEvents(state, q);
      if (a === 'events' && b && !c) return read.getEvent(state, b);
      if (a === 'series' && !b) return read.listSeries(state, q);
      if (a === 'series' && b && !c) return read.getSeries(state, b);
      if (a === 'account' && b === 'limits' && !c) {
        return jsonResponse(200, {
          grants: [],
          read: { bucket_capacity: readBucket.capacity, refill_rate: readBucket.refill },
          usage_tier: limits?.usageTier ?? 'basic',
          write: { bucket_capacity: writeBucket.capacity, refill_rate: writeBucket.refill },
        });
      }
      if (a === 'account' && b === 'endpoint_costs' && !c) {
        return jsonResponse(200, { default_cost: defaultCost, endpoint_costs: costTable });
      }
      if (a === 'portfolio') {
        if (b === 'balance' && !c) return read.getBalance(state, now);
        if (b === 'positions' && !c) return read.listPositions(state, q);
        if (b === 'fills' && !c) return read.listFills(state, q);
        if (b === 'settlements' && !c) return read.listSettlements(state, q);
        if (b === 'orders' && !c) return read.listOrders(state, q);
        if (b === 'orders' && c === 'queue_positions' && !d) return read.listQueuePositions(state, q);
        if (b === 'orders' && c && !d) return read.getOrder(state, c);
        if (b === 'orders' && c && d === 'queue_position' && !e) return read.getQueuePosition(state, c);
      }
    }
    if (a === 'portfolio' && b === 'events' && c === 'orders') {
      if (method === 'POST' && !d) {
        return withBody((body) => {
          const outcome = createOrder(ctx, body);
          return isWire(outcome) ? outcome : jsonResponse(outcome.status, outcome.result);
        });
      }
      if (method === 'DELETE' && !d) return cancelAll(ctx);
      if (d === 'batched' && !e) {
        if (method === 'POST') return withBody((body) => batchCreate(ctx, body));
        if (method === 'DELETE') return withBody((body) => batchCancel(ctx, body));
      }
      if (method === 'DELETE' && d && !e) return cancelOne(ctx, d);
      if (method === 'POST' && d && e === 'amend' && seg.length === 5)
        return withBody((body) => amend(ctx, d, body));
      if (method === 'POST' && d && e === 'decrease' && seg.length === 5) {
        return withBody((body) => decrease(ctx, d, body));
      }
    }
    if (a === 'portfolio' && b === 'orders' && method !== 'GET') {
      // Kalshi retired the V1 order writes in June 2026.
      return nestedError(
        410,
        'deprecated_v1_order_endpoint',
        'this endpoint is deprecated; use /portfolio/events/orders',
        {
          service: 'exchange',
        },
      );
    }
    return nestedError(404, 'not_found', 'not found');
  }

  async function handle(request: FakeRequest): Promise<FakeResponse> {
    const method = request.method.toUpperCase();
    const fullPath = request.path;
    const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) || '/' : fullPath;
    let now = clock.now();
    let response: FakeResponse | undefined;
    let truncate = false;
    let keyId: string | undefined;

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
        const auth = authenticate(request, fullPath, needed, now);
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
            response = route(method, path, request, now);
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
    handlers(baseUrl: string, handlerOptions?: { msw?: unknown }): unknown[] {
      return mswHandlers(baseUrl, handle, handlerOptions?.msw as MswModule | undefined);
    },
    listen(listenOptions = {}) {
      return startNodeServer(handle, listenOptions.port ?? 0);
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
    },
    settle(ticker, result) {
      return settlementBody(settleMarket(state, market(ticker), result, clock.now()));
    },
    setMarketStatus(ticker, status) {
      const m = market(ticker);
      m.status = status;
      m.updatedTime = clock.now();
      if (status !== 'active') {
        for (const o of state.orders)
          if (o.ticker === ticker && o.status === 'resting') cancelOrder(state, o, clock.now());
      }
    },
    addMarket(input) {
      addMarket(state, input, clock.now());
    },
    setStatus(status) {
      if (status.exchangeActive !== undefined) state.exchangeActive = status.exchangeActive;
      if (status.tradingActive !== undefined) state.tradingActive = status.tradingActive;
    },
    setBalance(dollars) {
      state.balance = dec(dollars);
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
        exchangeActive: state.exchangeActive,
        tradingActive: state.tradingActive,
      };
    },
    marketBody(ticker) {
      const m = state.markets.get(ticker);
      return m ? marketBody(state, m) : undefined;
    },
    requests,
  };
  return exchange;
}

interface MswModule {
  http: {
    all(path: string, resolver: (info: { request: Request }) => Promise<Response>): unknown;
  };
  HttpResponse: { error(): Response };
}

let mswModule: MswModule | undefined;

/**
 * msw is an optional peer dependency, loaded on first use only: through `require` in the CommonJS
 * build, else resolved from the working directory (the project that runs the tests).
 */
function loadMsw(): MswModule {
  if (mswModule) return mswModule;
  const loaders: Array<() => unknown> = [
    // The CommonJS build has a real `require`; in an ES module it is a stub that throws.
    () => require('msw'),
    () => createRequire(join(process.cwd(), 'noop.js'))('msw'),
  ];
  let cause: unknown;
  for (const load of loaders) {
    try {
      mswModule = load() as MswModule;
      return mswModule;
    } catch (error) {
      cause = error;
    }
  }
  throw new Error(
    "fake exchange: msw could not be loaded from the working directory; install it, or pass it: exchange.handlers(url, { msw: await import('msw') })",
    { cause },
  );
}

function mswHandlers(
  baseUrl: string,
  handle: (request: FakeRequest) => Promise<FakeResponse>,
  given: MswModule | undefined,
): unknown[] {
  const msw = given ?? loadMsw();
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const origin = base.origin;
  return [
    msw.http.all(`${origin}${API_PREFIX}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const response = await handle({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
        signal: request.signal,
      });
      if (response.disconnect) return msw.HttpResponse.error();
      return new Response(response.status === 204 ? null : response.body, {
        status: response.status,
        headers: response.headers,
      });
    }),
  ];
}
