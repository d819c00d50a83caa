// How one market version travels from the database to the replay, cheaply: the server packs the
// fields into one text value (prices as integers of 1/10000 dollar, the NUMERIC(10,4) scale), and
// the client splits it and takes each price's Decimal from a table instead of parsing NUMERIC
// text. Measured (docs/benchmarks.md): per-row NUMERIC → Decimal parsing and row-object building
// were most of the replay's client time. Exact: every stored price is n/10000 for an integer n.
import Decimal from 'decimal.js';
import type { ReplayedMarket } from './replay';

/** The unit separator: no ticker, status, decimal or ISO time contains it. */
const SEP = '\u001f';

/** Price n/10000 → the fields `(col * 10000)::int4` as text, or '' for NULL. */
const price = (column: string) => `coalesce((${column} * 10000)::int4::text, '')`;
const text = (expression: string) => `coalesce(${expression}, '')`;

/**
 * The SELECT list: `id`, `start_us` (row_start_ts in microseconds since the epoch, an exact int8)
 * and `r`, the other fields joined by {@link SEP} in {@link parsePacked}'s order.
 */
export const PACKED_COLUMNS = `id, (extract(epoch FROM row_start_ts) * 1000000)::int8 AS start_us,
  concat_ws(E'\\x1f', ${[
    price('yes_bid'),
    price('yes_ask'),
    price('no_bid'),
    price('no_ask'),
    price('last_price'),
    text('volume::text'),
    text("metadata->>'yes_bid_size_fp'"),
    text("metadata->>'yes_ask_size_fp'"),
    text("metadata->>'close_time'"),
    'status',
    'result',
    'ticker',
    'event_ticker',
  ].join(', ')}) AS r`;

/** One row of the packed read. */
export interface PackedRow {
  id: number;
  /** row_start_ts in microseconds since the epoch: exact as an int8 (below 2^53 until year 2255). */
  start_us: number;
  r: string;
}

/** Decimal of n/10000 for n in 0..10000, built once each on first use. */
const prices: (Decimal | undefined)[] = new Array(10001);

function priceOf(field: string): Decimal | null {
  if (field === '') return null;
  const n = Number(field);
  let d = prices[n];
  if (d === undefined) {
    d = new Decimal(n).div(10000);
    prices[n] = d;
  }
  return d;
}

/**
 * Decimals and times by their text, for the fields that repeat from version to version (volume,
 * displayed sizes, close time). Bounded: emptied when it reaches `limit` entries.
 */
class TextCache<T> {
  private readonly map = new Map<string, T>();
  constructor(
    private readonly make: (text: string) => T,
    private readonly limit = 50_000,
  ) {}
  get(key: string): T {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = this.make(key);
      this.map.set(key, value);
    }
    return value;
  }
}

const decimals = new TextCache((t) => new Decimal(t));
const times = new TextCache((t) => {
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : ms;
});

const decimalOf = (field: string) => (field === '' ? null : decimals.get(field));

/** A packed row as a {@link ReplayedMarket}; `fromMs` moves a version started earlier to `from`. */
export function parsePacked(row: PackedRow, fromMs: number | null): ReplayedMarket {
  const f = row.r.split(SEP);
  const startMs = Math.floor(row.start_us / 1000);
  const close = f[8] as string;
  return {
    id: row.id,
    ticker: f[11] as string,
    eventTicker: f[12] as string,
    status: f[9] as string,
    yesBid: priceOf(f[0] as string),
    yesAsk: priceOf(f[1] as string),
    noBid: priceOf(f[2] as string),
    noAsk: priceOf(f[3] as string),
    lastPrice: priceOf(f[4] as string),
    volume: decimalOf(f[5] as string),
    yesBidSize: decimalOf(f[6] as string),
    yesAskSize: decimalOf(f[7] as string),
    result: f[10] as string,
    closeTime: close === '' ? null : times.get(close),
    time: fromMs !== null && startMs < fromMs ? fromMs : startMs,
  };
}
