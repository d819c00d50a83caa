import type { VersionedTableDefinition } from '../scd2/definition';
import type { InputOf, RowOf, VersionedSpecs } from '../schema/row-types';

const PRICE = 'numeric(10,6)';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `status`: The exchange's status, lowercase (`active`, `closed`, `settled`, ...).
 * - `volume`: Contracts traded, NUMERIC(16,2).
 * - `openInterest`: Contracts open, NUMERIC(16,2).
 * - `result`: What the market resolved to: `yes`, `no`, `scalar`, or `''` (default) while not
 *   determined. Tracked: the version where it appears is where a backtest settles the market.
 * - `metadata`: Raw fields without a column. Not tracked.
 * - `platformId`: Default `kalshi`.
 */
export const marketsDefinition = {
  table: 'markets',
  key: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'ticker', column: 'ticker', type: 'text' },
  ],
  tracked: [
    { field: 'eventTicker', column: 'event_ticker', type: 'text' },
    { field: 'title', column: 'title', type: 'text', nullable: true },
    { field: 'status', column: 'status', type: 'text' },
    { field: 'yesBid', column: 'yes_bid', type: PRICE, nullable: true },
    { field: 'yesAsk', column: 'yes_ask', type: PRICE, nullable: true },
    { field: 'noBid', column: 'no_bid', type: PRICE, nullable: true },
    { field: 'noAsk', column: 'no_ask', type: PRICE, nullable: true },
    { field: 'lastPrice', column: 'last_price', type: PRICE, nullable: true },
    { field: 'volume', column: 'volume', type: 'numeric(16,2)', nullable: true },
    { field: 'openInterest', column: 'open_interest', type: 'numeric(16,2)', nullable: true },
    { field: 'result', column: 'result', type: 'text', default: '' },
  ],
  payload: [{ field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true }],
} as const satisfies VersionedTableDefinition;

/**
 * One market snapshot as the sync writes it (prices in dollars per contract, 0–1; counts in
 * contracts). The business key is (platformId, ticker); every other field is tracked except
 * `metadata`, which is stored with each new version but never compared.
 */
export type MarketInput = InputOf<VersionedSpecs<typeof marketsDefinition>>;

/** A market version as read back. */
export type Market = RowOf<VersionedSpecs<typeof marketsDefinition>>;

/**
 * The reference design's materiality rule for markets (ADR-013): a new version only when a price
 * moved by at least 0.01, the volume by at least 10 contracts, or the status (or title, event)
 * changed. Pass as `{ ...marketsDefinition, materiality: marketsMaterialityRule }` to
 * `store.versionedTable(...)`; the store's own `markets` repository records every change.
 */
export const marketsMaterialityRule = `(
  cur.status IS DISTINCT FROM inp.status OR cur.title IS DISTINCT FROM inp.title
  OR cur.event_ticker IS DISTINCT FROM inp.event_ticker
  OR (cur.yes_bid IS NULL) <> (inp.yes_bid IS NULL) OR abs(cur.yes_bid - inp.yes_bid) >= 0.01
  OR (cur.yes_ask IS NULL) <> (inp.yes_ask IS NULL) OR abs(cur.yes_ask - inp.yes_ask) >= 0.01
  OR (cur.no_bid IS NULL) <> (inp.no_bid IS NULL) OR abs(cur.no_bid - inp.no_bid) >= 0.01
  OR (cur.no_ask IS NULL) <> (inp.no_ask IS NULL) OR abs(cur.no_ask - inp.no_ask) >= 0.01
  OR (cur.last_price IS NULL) <> (inp.last_price IS NULL) OR abs(cur.last_price - inp.last_price) >= 0.01
  OR (cur.volume IS NULL) <> (inp.volume IS NULL) OR abs(cur.volume - inp.volume) >= 10
)`;
