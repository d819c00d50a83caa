// Candlesticks on the fake: set by the test per market (`FakeExchange.setCandlesticks`), served
// live under `GET /series/{s}/markets/{t}/candlesticks` and, once the market settled before the
// historical cutoff (`market_settled_ts`), only under `GET /historical/markets/{t}/candlesticks`,
// with the archive's field names (`close`, `volume`) instead of the live ones (`close_dollars`,
// `volume_fp`).
import Decimal from 'decimal.js';
import type { FakeCandleInput } from '../types';
import { isArchivedMarket } from './historical';
import type { ExchangeState, MarketState } from './state';
import { jsonResponse, nestedError, type WireResponse } from './wire-errors';

const candlesByState = new WeakMap<ExchangeState, Map<string, FakeCandleInput[]>>();

/** Replaces the candles of `ticker` (kept in end order). */
export function setCandles(state: ExchangeState, ticker: string, candles: readonly FakeCandleInput[]): void {
  let map = candlesByState.get(state);
  if (!map) {
    map = new Map();
    candlesByState.set(state, map);
  }
  const ms = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());
  map.set(
    ticker,
    [...candles].sort((a, b) => ms(a.end) - ms(b.end)),
  );
}

const price = (v: Decimal.Value | undefined) => (v === undefined ? undefined : new Decimal(v).toFixed(4));
const count = (v: Decimal.Value | undefined) => (v === undefined ? undefined : new Decimal(v).toFixed(2));

function ohlc(close: Decimal.Value | undefined, suffix: string): Record<string, string> | undefined {
  const c = price(close);
  if (c === undefined) return undefined;
  return { [`open${suffix}`]: c, [`low${suffix}`]: c, [`high${suffix}`]: c, [`close${suffix}`]: c };
}

function candleBody(c: FakeCandleInput, historical: boolean): Record<string, unknown> {
  const end = typeof c.end === 'number' ? c.end : c.end.getTime();
  const suffix = historical ? '' : '_dollars';
  const body: Record<string, unknown> = {
    end_period_ts: Math.floor(end / 1000),
    yes_bid: ohlc(c.yesBid, suffix),
    yes_ask: ohlc(c.yesAsk, suffix),
    price: ohlc(c.price, suffix),
    [historical ? 'volume' : 'volume_fp']: count(c.volume),
    [historical ? 'open_interest' : 'open_interest_fp']: count(c.openInterest),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

function candlesResponse(
  state: ExchangeState,
  market: MarketState,
  query: URLSearchParams,
  historical: boolean,
): WireResponse {
  const start = Number(query.get('start_ts'));
  const end = Number(query.get('end_ts'));
  const period = query.get('period_interval');
  if (!query.get('start_ts') || !query.get('end_ts') || !['1', '60', '1440'].includes(period ?? '')) {
    return nestedError(
      400,
      'invalid_parameters',
      'start_ts, end_ts and period_interval (1, 60, 1440) are required',
    );
  }
  const candles = (candlesByState.get(state)?.get(market.ticker) ?? []).filter((c) => {
    const s = Math.floor((typeof c.end === 'number' ? c.end : c.end.getTime()) / 1000);
    return s >= start && s <= end;
  });
  return jsonResponse(200, {
    ticker: market.ticker,
    candlesticks: candles.map((c) => candleBody(c, historical)),
  });
}

/** `GET /series/{s}/markets/{t}/candlesticks` and `GET /historical/markets/{t}/candlesticks`; null for other routes. */
export function routeCandlesticks(
  state: ExchangeState,
  method: string,
  seg: readonly string[],
  query: URLSearchParams,
): WireResponse | null {
  if (method !== 'GET') return null;
  const [a, b, c, d, e] = seg;
  if (a === 'series' && b && c === 'markets' && d && e === 'candlesticks' && seg.length === 5) {
    const market = state.markets.get(d);
    if (!market || market.seriesTicker !== b || isArchivedMarket(state, market))
      return nestedError(404, 'not_found', 'not found');
    return candlesResponse(state, market, query, false);
  }
  if (a === 'historical' && b === 'markets' && c && d === 'candlesticks' && seg.length === 4) {
    const market = state.markets.get(c);
    if (!market || !isArchivedMarket(state, market)) return nestedError(404, 'not_found', 'not found');
    return candlesResponse(state, market, query, true);
  }
  return null;
}
