// The historical side of the fake: a movable cutoff, `/historical/*` reads, and per-fill wire
// overrides (drift, malformed items, corrections as the exchange would send them).
import { paginate, parseLimit } from './pagination';
import type { ExchangeState, FillState, MarketState, PositionState } from './state';
import { fillBody } from './wire';
import { jsonResponse, nestedError, type WireResponse } from './wire-errors';

/** The four cutoffs (ms since epoch); 0 means nothing is archived. */
export interface HistoricalCutoffState {
  tradesCreatedMs: number;
  ordersUpdatedMs: number;
  marketSettledMs: number;
  positionsMs: number;
}

/** State the historical side keeps beside {@link ExchangeState}. */
export interface HistoricalState {
  cutoff: HistoricalCutoffState;
  /** Fill id → fields merged over the fill's JSON body (`undefined` values delete the field). */
  fillWire: Map<string, Record<string, unknown>>;
}

const historicalByState = new WeakMap<ExchangeState, HistoricalState>();

/** The historical state of an exchange (created on first use: no cutoff, no overrides). */
export function historicalOf(state: ExchangeState): HistoricalState {
  let h = historicalByState.get(state);
  if (!h) {
    h = {
      cutoff: { tradesCreatedMs: 0, ordersUpdatedMs: 0, marketSettledMs: 0, positionsMs: 0 },
      fillWire: new Map(),
    };
    historicalByState.set(state, h);
  }
  return h;
}

/** True when the fill is served by `GET /portfolio/fills` (at or after the trades cutoff). */
export function isLiveFill(state: ExchangeState, fill: FillState): boolean {
  return fill.time >= historicalOf(state).cutoff.tradesCreatedMs;
}

/**
 * True when the market is archived: it settled before `market_settled_ts`, so it is served by
 * `GET /historical/markets` only, no longer by `GET /markets`.
 */
export function isArchivedMarket(state: ExchangeState, market: MarketState): boolean {
  const ms = historicalOf(state).cutoff.marketSettledMs;
  return market.settlementTs !== undefined && market.settlementTs < ms;
}

/**
 * True when the position is archived: as on Kalshi, per whole event — every market of its event
 * settled before `market_positions_last_updated_ts` — so it is served by
 * `GET /historical/positions` only, never split between the two lists. Unsettled positions stay live.
 */
export function isArchivedPosition(state: ExchangeState, position: PositionState): boolean {
  const ms = historicalOf(state).cutoff.positionsMs;
  const market = state.markets.get(position.ticker);
  if (ms === 0 || market === undefined) return false;
  for (const m of state.markets.values()) {
    if (m.eventTicker !== market.eventTicker) continue;
    if (m.settlementTs === undefined || m.settlementTs >= ms) return false;
  }
  return true;
}

/** A fill's JSON as the exchange sends it now: its body with any override applied. */
export function fillWireBody(state: ExchangeState, fill: FillState): Record<string, unknown> {
  const body = fillBody(fill);
  const patch = historicalOf(state).fillWire.get(fill.fillId);
  if (!patch) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function inRange(query: URLSearchParams, ms: number): boolean {
  const min = query.get('min_ts');
  const max = query.get('max_ts');
  const seconds = Math.floor(ms / 1000);
  return (!min || seconds >= Number(min)) && (!max || seconds <= Number(max));
}

/** `GET /historical/...` (segments after `historical`). */
export function historicalRoute(
  state: ExchangeState,
  query: URLSearchParams,
  b: string | undefined,
  c: string | undefined,
): WireResponse {
  const { cutoff } = historicalOf(state);
  if (b === 'cutoff' && !c) {
    return jsonResponse(200, {
      market_positions_last_updated_ts: iso(cutoff.positionsMs),
      market_settled_ts: iso(cutoff.marketSettledMs),
      orders_updated_ts: iso(cutoff.ordersUpdatedMs),
      trades_created_ts: iso(cutoff.tradesCreatedMs),
    });
  }
  if (b === 'fills' && !c) {
    const limit = parseLimit(query, { operation: 'GetFillsHistorical', defaultLimit: 100, maxLimit: 1000 });
    if (typeof limit !== 'number') return limit;
    const ticker = query.get('ticker');
    const items = state.fills
      .filter((f) => !isLiveFill(state, f) && (!ticker || f.ticker === ticker) && inRange(query, f.time))
      .reverse();
    const { page, cursor } = paginate(
      items,
      (f) => f.seq,
      'desc',
      'historical_fills',
      query.get('cursor'),
      limit,
    );
    return jsonResponse(200, { cursor, fills: page.map((f) => fillWireBody(state, f)) });
  }
  if ((b === 'orders' || b === 'trades') && !c) {
    // The fake archives fills, settled positions and settled markets (see the router); orders and
    // public trades are empty lists.
    return jsonResponse(200, { cursor: '', [b]: [] });
  }
  return nestedError(404, 'not_found', 'not found');
}
