// How one market version travels from the database to the replay, cheaply. The server packs
// every field into one text value (one column: the driver builds one small object per row), and
// the client scans it once. Prices are NUMERIC(10,6) in [0, 1], sent as `d.dddddd`: read as the
// integer n of n/10^6 dollars and taken from a table of Decimals built once, instead of a Decimal parsed
// per field. Volume, displayed sizes and close times repeat from version to version: cached by
// their text. Measured in docs/benchmarks.md: NUMERIC → Decimal parsing and per-field row
// building were most of the replay's client time.
import Decimal from 'decimal.js';

/** One market version as the backtester sees it: the book and status from `from` on. */
export interface ReplayedMarket {
  /** The version's row id (ties at one timestamp are replayed in id order). */
  id: number;
  ticker: string;
  eventTicker: string;
  /** The exchange's status, lowercase: `active` is open for trading. */
  status: string;
  yesBid: Decimal | null;
  yesAsk: Decimal | null;
  noBid: Decimal | null;
  noAsk: Decimal | null;
  lastPrice: Decimal | null;
  /** Contracts traded so far (the `volume` column); null when not recorded. */
  volume: Decimal | null;
  /** Contracts displayed at the YES bid (`metadata.yes_bid_size_fp`); null when not recorded. */
  yesBidSize: Decimal | null;
  /** Contracts displayed at the YES ask (`metadata.yes_ask_size_fp`); null when not recorded. */
  yesAskSize: Decimal | null;
  /** `yes`, `no`, `scalar`, or `''` while not determined. */
  result: string;
  /** When trading closes (`metadata.close_time`), epoch ms; null when not recorded. */
  closeTime: number | null;
  /** When this version takes effect in the replay: its start, or `from` for a version already valid then (epoch ms). */
  time: number;
}

/** The unit separator: no ticker, status, decimal or ISO time contains it. */
const SEP = '\u001f';

const orEmpty = (expression: string) => `coalesce(${expression}, '')`;

/**
 * The SELECT list: one column `r`, the fields joined by {@link SEP} in {@link parsePacked}'s
 * order. `start_us` is row_start_ts in microseconds since the epoch through float8
 * (`date_part`), rounded: exact to the microsecond for times before 2041 (the float error stays
 * under 0.25 µs); the keyset itself never uses it (it goes by id, see replay.ts).
 */
export const PACKED_COLUMN = `concat_ws(E'\\x1f', ${[
  'id',
  "round(date_part('epoch', row_start_ts) * 1000000)::int8",
  orEmpty('yes_bid::text'),
  orEmpty('yes_ask::text'),
  orEmpty('no_bid::text'),
  orEmpty('no_ask::text'),
  orEmpty('last_price::text'),
  orEmpty('volume::text'),
  orEmpty("metadata->>'yes_bid_size_fp'"),
  orEmpty("metadata->>'yes_ask_size_fp'"),
  orEmpty("metadata->>'close_time'"),
  'status',
  'result',
  'ticker',
  'event_ticker',
].join(', ')}) AS r`;

/** One row of the packed read. */
export interface PackedRow {
  r: string;
}

/** The scale of the price columns (NUMERIC(10,6) since migration 0009): a price is n/10^6. */
const SCALE = 1_000_000;

/** Decimal of n/10^6 for n in 0..10^6, each built once on first use. */
const prices: (Decimal | undefined)[] = [];

/**
 * `d.dddddd` at r[start, end) → n of n/10^6 (the NUMERIC(10,6) text of a price in [0, 1]), read
 * from the character codes (no substring); -1 for another shape.
 */
function scaledPrice(r: string, start: number, end: number): number {
  if (end - start !== 8 || r.charCodeAt(start + 1) !== 46) return -1;
  let n = r.charCodeAt(start) - 48;
  for (let i = start + 2; i < end; i++) {
    const digit = r.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n >= 0 && n <= SCALE ? n : -1;
}

function priceAt(r: string, start: number, end: number): Decimal | null {
  if (start === end) return null;
  const n = scaledPrice(r, start, end);
  if (n < 0) return decimals.get(r.slice(start, end));
  let d = prices[n];
  if (d === undefined) {
    d = new Decimal(n).div(SCALE);
    prices[n] = d;
  }
  return d;
}

/** A non-negative integer at r[start, end) (ids, microseconds: below 2^53, so exact). */
function integerAt(r: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (r.charCodeAt(i) - 48);
  return n;
}

/** Values by their text, for fields that repeat; bounded: emptied when it reaches `limit` entries. */
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

const decimalAt = (r: string, start: number, end: number) =>
  start === end ? null : decimals.get(r.slice(start, end));

/** The row id and start (µs since the epoch) of a packed row, for the keyset. */
export function packedKey(row: PackedRow): { id: number; startUs: number } {
  const a = row.r.indexOf(SEP);
  const b = row.r.indexOf(SEP, a + 1);
  return { id: integerAt(row.r, 0, a), startUs: integerAt(row.r, a + 1, b) };
}

/** The field boundaries of the row being read: one scan, no array of substrings. */
let at = 0;
let fieldStart = 0;
let fieldEnd = 0;

function nextField(r: string): void {
  fieldStart = at;
  const sep = r.indexOf(SEP, at);
  fieldEnd = sep === -1 ? r.length : sep;
  at = fieldEnd + 1;
}

/** A packed row as a {@link ReplayedMarket}; `fromMs` moves a version started earlier to `from`. */
export function parsePacked(row: PackedRow, fromMs: number | null): ReplayedMarket {
  const r = row.r;
  at = 0;
  nextField(r);
  const id = integerAt(r, fieldStart, fieldEnd);
  nextField(r);
  const startMs = Math.floor(integerAt(r, fieldStart, fieldEnd) / 1000);
  nextField(r);
  const yesBid = priceAt(r, fieldStart, fieldEnd);
  nextField(r);
  const yesAsk = priceAt(r, fieldStart, fieldEnd);
  nextField(r);
  const noBid = priceAt(r, fieldStart, fieldEnd);
  nextField(r);
  const noAsk = priceAt(r, fieldStart, fieldEnd);
  nextField(r);
  const lastPrice = priceAt(r, fieldStart, fieldEnd);
  nextField(r);
  const volume = decimalAt(r, fieldStart, fieldEnd);
  nextField(r);
  const yesBidSize = decimalAt(r, fieldStart, fieldEnd);
  nextField(r);
  const yesAskSize = decimalAt(r, fieldStart, fieldEnd);
  nextField(r);
  const closeTime = fieldStart === fieldEnd ? null : times.get(r.slice(fieldStart, fieldEnd));
  nextField(r);
  const status = r.slice(fieldStart, fieldEnd);
  nextField(r);
  const result = r.slice(fieldStart, fieldEnd);
  nextField(r);
  const ticker = r.slice(fieldStart, fieldEnd);
  nextField(r);
  const eventTicker = r.slice(fieldStart, fieldEnd);
  return {
    id,
    ticker,
    eventTicker,
    status,
    yesBid,
    yesAsk,
    noBid,
    noAsk,
    lastPrice,
    volume,
    yesBidSize,
    yesAskSize,
    result,
    closeTime,
    time: fromMs !== null && startMs < fromMs ? fromMs : startMs,
  };
}
