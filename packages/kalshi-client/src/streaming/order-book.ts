import type Decimal from 'decimal.js';
import type { DecimalInput } from '../core/decimal';
import { KalshiOrderBookError } from './errors';
import {
  formatPrice,
  formatSize,
  ONE_DOLLAR,
  parsePriceUnits,
  parseSizeUnits,
  priceToDecimal,
  sizeToDecimal,
} from './fixed-point';

/** The two legs of a binary market. Kalshi's book lists resting bids of each leg. */
export type BookSide = 'yes' | 'no';

/** One price level: exact price in dollars and size in contracts (fractional contracts exist). */
export interface BookLevel {
  price: Decimal;
  size: Decimal;
}

/** A level as it travels on the wire and in `precog watch --json`: `[price_dollars, size_fp]`. */
export type WireLevel = [price: string, size: string];

/** A frozen copy of one book, levels ascending by price. */
export interface OrderBookSnapshot {
  ticker: string;
  yes: BookLevel[];
  no: BookLevel[];
  /** True while the book may differ from the exchange's (after a gap or a disconnect, before its snapshot). */
  stale: boolean;
  /** Time of the last change applied (exchange time when the message carried one), or undefined. */
  updatedAt: Date | undefined;
}

/** Levels in scaled units: `[priceMicros, sizeHundredths]`. */
export type UnitLevel = readonly [price: number, size: number];

function toUnitLevels(
  levels: ReadonlyArray<readonly [DecimalInput, DecimalInput]>,
  what: string,
): UnitLevel[] {
  return levels.map(([price, size]) => {
    const level = [parsePriceUnits(String(price)), parseSizeUnits(String(size))] as const;
    if (Number.isNaN(level[0]) || Number.isNaN(level[1])) {
      throw new KalshiOrderBookError(
        `${what}: level [${String(price)}, ${String(size)}] is not a price with at most 6 decimals and a size with at most 2`,
      );
    }
    return level;
  });
}

function bestOf(levels: Map<number, number>): number {
  let best = -1;
  for (const price of levels.keys()) if (price > best) best = price;
  return best;
}

function sortedAscending(levels: Map<number, number>): UnitLevel[] {
  return [...levels.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * The local order book of one market: resting YES bids and NO bids by price, with exact sizes.
 * Kalshi lists bids only: a YES ask at p is a NO bid at 1 − p, so `bestYesAsk` is 1 − the best NO
 * bid. Sizes live as integers of 1/100 contract and prices as integers of 1/1,000,000 dollar, so
 * applying a delta is integer arithmetic; `Decimal`s are made when a caller reads.
 *
 * A delta that would take a level below zero is refused with a {@link KalshiOrderBookError} and
 * marks the book stale (it no longer matches the exchange); a level that reaches zero is removed.
 */
export class OrderBook {
  readonly ticker: string;
  private readonly yesLevels = new Map<number, number>();
  private readonly noLevels = new Map<number, number>();
  private staleFlag = true;
  private updatedMs: number | undefined;

  /** A new book starts stale: it holds nothing the exchange confirmed until its first snapshot. */
  constructor(ticker: string) {
    this.ticker = ticker;
  }

  /** True while the book may differ from the exchange's: before its first snapshot, after a gap or a disconnect. */
  get stale(): boolean {
    return this.staleFlag;
  }

  /** Time of the last change (exchange time when the message carried one). */
  get updatedAt(): Date | undefined {
    return this.updatedMs === undefined ? undefined : new Date(this.updatedMs);
  }

  /** Marks the book stale; the next snapshot makes it fresh again. */
  markStale(): void {
    this.staleFlag = true;
  }

  /** Replaces both sides with a snapshot (levels as `[price, size]` text or Decimals); the book becomes fresh. */
  applySnapshot(
    snapshot: {
      yes: ReadonlyArray<readonly [DecimalInput, DecimalInput]>;
      no: ReadonlyArray<readonly [DecimalInput, DecimalInput]>;
    },
    atMs?: number,
  ): void {
    this.replaceUnits(
      toUnitLevels(snapshot.yes, `snapshot of ${this.ticker}`),
      toUnitLevels(snapshot.no, `snapshot of ${this.ticker}`),
      atMs,
    );
  }

  /** Adds a signed `delta` to the level at `price` on `side` (see {@link OrderBook.applyDeltaUnits}). */
  applyDelta(side: BookSide, price: DecimalInput, delta: DecimalInput, atMs?: number): void {
    const priceUnits = parsePriceUnits(String(price));
    const deltaUnits = parseSizeUnits(String(delta), true);
    if (Number.isNaN(priceUnits) || Number.isNaN(deltaUnits)) {
      throw new KalshiOrderBookError(
        `delta on ${this.ticker}: ${String(delta)} at ${String(price)} is not a size with at most 2 decimals at a price with at most 6`,
      );
    }
    this.applyDeltaUnits(side, priceUnits, deltaUnits, atMs);
  }

  /** Snapshot in scaled units (the stream's fast path). Zero-size levels are skipped. */
  replaceUnits(yes: ReadonlyArray<UnitLevel>, no: ReadonlyArray<UnitLevel>, atMs?: number): void {
    for (const [side, levels] of [
      ['yes', yes],
      ['no', no],
    ] as const) {
      for (const [price, size] of levels) {
        if (!(price > 0 && price < ONE_DOLLAR) || !(size >= 0)) {
          this.staleFlag = true;
          throw new KalshiOrderBookError(
            `snapshot of ${this.ticker}: ${side} level [${formatPrice(price)}, ${formatSize(size)}] is outside (0, 1) or negative`,
          );
        }
      }
    }
    this.yesLevels.clear();
    this.noLevels.clear();
    for (const [price, size] of yes) if (size > 0) this.yesLevels.set(price, size);
    for (const [price, size] of no) if (size > 0) this.noLevels.set(price, size);
    this.staleFlag = false;
    if (atMs !== undefined) this.updatedMs = atMs;
  }

  /**
   * Applies a delta in scaled units: price in micro-dollars, signed delta in 1/100 contract. A
   * result of zero removes the level; a negative result is refused (the book is marked stale and
   * left unchanged).
   */
  applyDeltaUnits(side: BookSide, price: number, delta: number, atMs?: number): void {
    const levels = side === 'yes' ? this.yesLevels : this.noLevels;
    const size = (levels.get(price) ?? 0) + delta;
    if (size > 0) {
      if (!(price > 0 && price < ONE_DOLLAR)) this.refuse(side, price, delta, 'price outside (0, 1)');
      levels.set(price, size);
    } else if (size === 0) levels.delete(price);
    else this.refuse(side, price, delta, 'the level would go negative');
    if (atMs !== undefined) this.updatedMs = atMs;
  }

  private refuse(side: BookSide, price: number, delta: number, why: string): never {
    this.staleFlag = true;
    throw new KalshiOrderBookError(
      `delta ${formatSize(delta)} at ${formatPrice(price)} on the ${side} side of ${this.ticker}: ${why}`,
    );
  }

  /** The highest resting bid of a side, or undefined when the side is empty. */
  bestBid(side: BookSide): BookLevel | undefined {
    const levels = side === 'yes' ? this.yesLevels : this.noLevels;
    const price = bestOf(levels);
    if (price < 0) return undefined;
    return { price: priceToDecimal(price), size: sizeToDecimal(levels.get(price) as number) };
  }

  /** The best (lowest) ask of a side: 1 − the other side's best bid, with that bid's size. */
  bestAsk(side: BookSide): BookLevel | undefined {
    const levels = side === 'yes' ? this.noLevels : this.yesLevels;
    const price = bestOf(levels);
    if (price < 0) return undefined;
    return { price: priceToDecimal(ONE_DOLLAR - price), size: sizeToDecimal(levels.get(price) as number) };
  }

  /** Best YES bid. */
  bestYesBid(): BookLevel | undefined {
    return this.bestBid('yes');
  }

  /** Best YES ask (1 − best NO bid). */
  bestYesAsk(): BookLevel | undefined {
    return this.bestAsk('yes');
  }

  /** Number of non-empty levels on a side. */
  depth(side: BookSide): number {
    return (side === 'yes' ? this.yesLevels : this.noLevels).size;
  }

  /** The size resting at `price` on `side` (zero when there is no level). */
  sizeAt(side: BookSide, price: DecimalInput): Decimal {
    const units = parsePriceUnits(String(price));
    return sizeToDecimal((side === 'yes' ? this.yesLevels : this.noLevels).get(units) ?? 0);
  }

  /** Every non-empty level of a side, ascending by price. */
  levels(side: BookSide): BookLevel[] {
    return sortedAscending(side === 'yes' ? this.yesLevels : this.noLevels).map(([p, s]) => ({
      price: priceToDecimal(p),
      size: sizeToDecimal(s),
    }));
  }

  /** Every non-empty level of a side as `[price_dollars, size_fp]` text, ascending by price. */
  wireLevels(side: BookSide): WireLevel[] {
    return sortedAscending(side === 'yes' ? this.yesLevels : this.noLevels).map(([p, s]) => [
      formatPrice(p),
      formatSize(s),
    ]);
  }

  /** Levels of a side in scaled units, ascending by price. */
  unitLevels(side: BookSide): UnitLevel[] {
    return sortedAscending(side === 'yes' ? this.yesLevels : this.noLevels);
  }

  /** A frozen copy. */
  snapshot(): OrderBookSnapshot {
    return {
      ticker: this.ticker,
      yes: this.levels('yes'),
      no: this.levels('no'),
      stale: this.staleFlag,
      updatedAt: this.updatedAt,
    };
  }

  /** An independent copy (same levels, staleness and time). */
  clone(): OrderBook {
    const copy = new OrderBook(this.ticker);
    copy.replaceUnits(this.unitLevels('yes'), this.unitLevels('no'), this.updatedMs);
    copy.staleFlag = this.staleFlag;
    return copy;
  }

  /** True when both sides hold exactly the same levels as `other` (staleness and time ignored). */
  sameLevels(other: OrderBook): boolean {
    const same = (a: Map<number, number>, b: Map<number, number>) => {
      if (a.size !== b.size) return false;
      for (const [price, size] of a) if (b.get(price) !== size) return false;
      return true;
    };
    return same(this.yesLevels, other.yesLevels) && same(this.noLevels, other.noLevels);
  }
}
