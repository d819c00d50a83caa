import Decimal from 'decimal.js';
import { fillWireBody, isArchivedMarket, isArchivedPosition, isLiveFill } from './historical';
import { type ListSpec, paginate, parseLimit } from './pagination';
import type { ExchangeState, MarketState, PositionState } from './state';
import {
  balanceBody,
  eventBody,
  eventPositionBodies,
  fillBody,
  marketBody,
  marketPositionBody,
  orderBody,
  orderbookBody,
  seriesBody,
  settlementBody,
} from './wire';
import { exchangeError, jsonResponse, nestedError, type WireResponse } from './wire-errors';

const LISTS = {
  markets: { operation: 'GetMarkets', defaultLimit: 100, maxLimit: 1000 },
  historicalMarkets: { operation: 'GetHistoricalMarkets', defaultLimit: 100, maxLimit: 1000 },
  historicalPositions: { operation: 'GetHistoricalPositions', defaultLimit: 100, maxLimit: 1000 },
  events: { operation: 'GetEvents', defaultLimit: 200, maxLimit: 200 },
  fills: { operation: 'GetFills', defaultLimit: 100, maxLimit: 1000 },
  orders: { operation: 'GetOrders', defaultLimit: 100, maxLimit: 1000 },
  positions: { operation: 'GetPositions', defaultLimit: 100, maxLimit: 1000 },
  settlements: { operation: 'GetSettlements', defaultLimit: 100, maxLimit: 1000 },
  trades: { operation: 'GetTrades', defaultLimit: 100, maxLimit: 1000 },
} satisfies Record<string, ListSpec>;

/** Kalshi's status filter words mapped onto the statuses market bodies carry. */
const STATUS_FILTER: Record<string, string[]> = {
  unopened: ['initialized'],
  open: ['active'],
  paused: ['inactive'],
  closed: ['closed'],
  settled: ['determined', 'finalized'],
};

function csv(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (!raw) return undefined;
  return raw.split(',').filter((s) => s !== '');
}

function inSecondsRange(query: URLSearchParams, ms: number): boolean {
  const min = query.get('min_ts');
  const max = query.get('max_ts');
  const s = Math.floor(ms / 1000);
  if (min && s < Number(min)) return false;
  if (max && s > Number(max)) return false;
  return true;
}

function marketMatches(market: MarketState, query: URLSearchParams): boolean {
  const statuses = csv(query, 'status');
  if (statuses && !statuses.some((s) => (STATUS_FILTER[s] ?? [s]).includes(market.status))) return false;
  const series = query.get('series_ticker');
  if (series && market.seriesTicker !== series) return false;
  const event = query.get('event_ticker');
  if (event && !event.split(',').includes(market.eventTicker)) return false;
  const tickers = csv(query, 'tickers');
  if (tickers && !tickers.includes(market.ticker)) return false;
  return true;
}

/**
 * `GET /markets` (`archive` false: markets settled before the cutoff are left out) or
 * `GET /historical/markets` (`archive` true: only those).
 */
export function listMarkets(state: ExchangeState, query: URLSearchParams, archive = false): WireResponse {
  const limit = parseLimit(query, archive ? LISTS.historicalMarkets : LISTS.markets);
  if (typeof limit !== 'number') return limit;
  const items = [...state.markets.values()].filter(
    (m) => isArchivedMarket(state, m) === archive && marketMatches(m, query),
  );
  const list = archive ? 'historical_markets' : 'markets';
  const { page, cursor } = paginate(items, (m) => m.seq, 'asc', list, query.get('cursor'), limit);
  return jsonResponse(200, { cursor, markets: page.map((m) => marketBody(state, m)) });
}

export function getMarket(state: ExchangeState, ticker: string): WireResponse {
  const market = state.markets.get(ticker);
  if (!market) return nestedError(404, 'not_found', 'not found');
  return jsonResponse(200, { market: marketBody(state, market) });
}

export function getOrderbook(state: ExchangeState, ticker: string, query: URLSearchParams): WireResponse {
  const market = state.markets.get(ticker);
  if (!market) return nestedError(404, 'not_found', 'not found');
  return jsonResponse(200, orderbookBody(state, market, Number(query.get('depth') ?? 0) || 0));
}

export function listEvents(state: ExchangeState, query: URLSearchParams): WireResponse {
  const limit = parseLimit(query, LISTS.events);
  if (typeof limit !== 'number') return limit;
  const nested = query.get('with_nested_markets') === 'true';
  const statuses = csv(query, 'status');
  const series = query.get('series_ticker');
  const tickers = csv(query, 'tickers');
  const items = [...state.events.values()].filter((e) => {
    if (series && e.seriesTicker !== series) return false;
    if (tickers && !tickers.includes(e.eventTicker)) return false;
    if (statuses) {
      const markets = [...state.markets.values()].filter((m) => m.eventTicker === e.eventTicker);
      if (!markets.some((m) => statuses.some((s) => (STATUS_FILTER[s] ?? [s]).includes(m.status))))
        return false;
    }
    return true;
  });
  const { page, cursor } = paginate(items, (e) => e.seq, 'asc', 'events', query.get('cursor'), limit);
  const events = page.map((e) =>
    eventBody(
      e,
      nested
        ? [...state.markets.values()]
            .filter((m) => m.eventTicker === e.eventTicker)
            .map((m) => marketBody(state, m))
        : undefined,
    ),
  );
  return jsonResponse(200, { cursor, events });
}

export function getEvent(state: ExchangeState, eventTicker: string): WireResponse {
  const event = state.events.get(eventTicker);
  if (!event) return nestedError(404, 'not_found', 'not found');
  const markets = [...state.markets.values()]
    .filter((m) => m.eventTicker === eventTicker)
    .map((m) => marketBody(state, m));
  return jsonResponse(200, { event: eventBody(event, markets), markets });
}

export function listSeries(state: ExchangeState, query: URLSearchParams): WireResponse {
  const category = query.get('category');
  const series = [...state.series.values()].filter((s) => !category || s.category === category);
  return jsonResponse(200, { series: series.map(seriesBody) });
}

export function getSeries(state: ExchangeState, ticker: string): WireResponse {
  const series = state.series.get(ticker);
  if (!series) return nestedError(404, 'not_found', 'not found');
  return jsonResponse(200, { series: seriesBody(series) });
}

export function getBalance(state: ExchangeState, now: number): WireResponse {
  return jsonResponse(200, balanceBody(state, now));
}

/**
 * `GET /portfolio/positions` (`archive` false: positions archived before the cutoff are left out)
 * or `GET /historical/positions` (`archive` true: only those).
 */
export function listPositions(state: ExchangeState, query: URLSearchParams, archive = false): WireResponse {
  const limit = parseLimit(query, archive ? LISTS.historicalPositions : LISTS.positions);
  if (typeof limit !== 'number') return limit;
  const ticker = query.get('ticker');
  const event = query.get('event_ticker');
  const countFilter = csv(query, 'count_filter');
  const items = [...state.positions.values()].filter((p: PositionState) => {
    if (isArchivedPosition(state, p) !== archive) return false;
    if (ticker && p.ticker !== ticker) return false;
    if (event && (state.markets.get(p.ticker)?.eventTicker ?? '') !== event) return false;
    if (countFilter) {
      const keep =
        (countFilter.includes('position') && !p.position.isZero()) ||
        (countFilter.includes('total_traded') && !p.totalTraded.isZero());
      if (!keep) return false;
    }
    return true;
  });
  const list = archive ? 'historical_positions' : 'positions';
  const { page, cursor } = paginate(items, (p) => p.seq, 'asc', list, query.get('cursor'), limit);
  return jsonResponse(200, {
    cursor,
    event_positions: eventPositionBodies(state, page),
    market_positions: page.map((p) => marketPositionBody(state, p)),
  });
}

export function listFills(state: ExchangeState, query: URLSearchParams): WireResponse {
  const limit = parseLimit(query, LISTS.fills);
  if (typeof limit !== 'number') return limit;
  const ticker = query.get('ticker');
  const orderId = query.get('order_id');
  const items = state.fills
    .filter(
      (f) =>
        isLiveFill(state, f) &&
        (!ticker || f.ticker === ticker) &&
        (!orderId || f.orderId === orderId) &&
        inSecondsRange(query, f.time),
    )
    // Records are appended in sequence order: newest first is the reverse.
    .reverse();
  const { page, cursor } = paginate(items, (f) => f.seq, 'desc', 'fills', query.get('cursor'), limit);
  return jsonResponse(200, { cursor, fills: page.map((f) => fillWireBody(state, f)) });
}

export function listTrades(state: ExchangeState, query: URLSearchParams): WireResponse {
  const limit = parseLimit(query, LISTS.trades);
  if (typeof limit !== 'number') return limit;
  const ticker = query.get('ticker');
  const items = state.fills
    .filter((f) => f.isTaker && (!ticker || f.ticker === ticker) && inSecondsRange(query, f.time))
    // Records are appended in sequence order: newest first is the reverse.
    .reverse();
  const { page, cursor } = paginate(items, (f) => f.seq, 'desc', 'trades', query.get('cursor'), limit);
  const trades = page.map((f) => {
    const body = fillBody(f);
    return {
      count_fp: body.count_fp,
      created_time: body.created_time,
      is_block_trade: false,
      no_price_dollars: body.no_price_dollars,
      taker_book_side: f.side,
      taker_outcome_side: body.outcome_side,
      taker_side: body.outcome_side,
      ticker: f.ticker,
      trade_id: f.fillId,
      yes_price_dollars: body.yes_price_dollars,
    };
  });
  return jsonResponse(200, { cursor, trades });
}

export function listSettlements(state: ExchangeState, query: URLSearchParams): WireResponse {
  const limit = parseLimit(query, LISTS.settlements);
  if (typeof limit !== 'number') return limit;
  const ticker = query.get('ticker');
  const event = query.get('event_ticker');
  const items = state.settlements
    .filter(
      (s) =>
        (!ticker || s.ticker === ticker) &&
        (!event || s.eventTicker === event) &&
        inSecondsRange(query, s.settledTime),
    )
    // Records are appended in sequence order: newest first is the reverse.
    .reverse();
  const { page, cursor } = paginate(items, (s) => s.seq, 'desc', 'settlements', query.get('cursor'), limit);
  return jsonResponse(200, { cursor, settlements: page.map(settlementBody) });
}

export function listOrders(state: ExchangeState, query: URLSearchParams): WireResponse {
  const limit = parseLimit(query, LISTS.orders);
  if (typeof limit !== 'number') return limit;
  const ticker = query.get('ticker');
  const events = csv(query, 'event_ticker');
  const status = query.get('status');
  const items = state.orders
    .filter(
      (o) =>
        (!ticker || o.ticker === ticker) &&
        (!events || events.includes(state.markets.get(o.ticker)?.eventTicker ?? '')) &&
        (!status || o.status === status) &&
        inSecondsRange(query, o.createdTime),
    )
    // Records are appended in sequence order: newest first is the reverse.
    .reverse();
  const { page, cursor } = paginate(items, (o) => o.seq, 'desc', 'orders', query.get('cursor'), limit);
  return jsonResponse(200, { cursor, orders: page.map((o) => orderBody(state, o)) });
}

export function getOrder(state: ExchangeState, orderId: string): WireResponse {
  const order = state.ordersById.get(orderId);
  if (!order) return exchangeError(404, 'not_found');
  return jsonResponse(200, { order: orderBody(state, order) });
}

export function getQueuePosition(state: ExchangeState, orderId: string): WireResponse {
  const order = state.ordersById.get(orderId);
  if (order?.status !== 'resting') return exchangeError(404, 'not_found');
  const market = state.markets.get(order.ticker);
  // The house's own liquidity at the same price was there first.
  const levels = order.side === 'bid' ? market?.bids : market?.asks;
  const ahead = (levels ?? [])
    .filter((l) => l.price.eq(order.price))
    .reduce((s, l) => s.plus(l.size), new Decimal(0));
  return jsonResponse(200, { queue_position_fp: ahead.toFixed(2) });
}

export function listQueuePositions(state: ExchangeState, query: URLSearchParams): WireResponse {
  const tickers = csv(query, 'market_tickers');
  const event = query.get('event_ticker');
  const queue_positions = state.orders
    .filter(
      (o) =>
        o.status === 'resting' &&
        (!tickers || tickers.includes(o.ticker)) &&
        (!event || state.markets.get(o.ticker)?.eventTicker === event),
    )
    .map((o) => ({
      market_ticker: o.ticker,
      order_id: o.orderId,
      queue_position_fp: (
        JSON.parse(getQueuePosition(state, o.orderId).body) as { queue_position_fp: string }
      ).queue_position_fp,
    }));
  return jsonResponse(200, { queue_positions });
}

export function exchangeStatus(state: ExchangeState): WireResponse {
  return jsonResponse(200, { exchange_active: state.exchangeActive, trading_active: state.tradingActive });
}

export function exchangeSchedule(): WireResponse {
  const day = [{ close_time: '23:59', open_time: '00:00' }];
  return jsonResponse(200, {
    schedule: {
      maintenance_windows: [],
      standard_hours: [
        {
          end_time: '2099-12-31T00:00:00Z',
          friday: day,
          monday: day,
          saturday: day,
          start_time: '2020-01-01T00:00:00Z',
          sunday: day,
          thursday: day,
          tuesday: day,
          wednesday: day,
        },
      ],
    },
  });
}
