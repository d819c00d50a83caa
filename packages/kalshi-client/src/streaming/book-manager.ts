import type { OrderbookSnapshotUpdate } from './channels';
import { KalshiOrderBookError } from './errors';
import { parsePriceUnits, parseSizeUnits } from './fixed-point';
import { OrderBook, type UnitLevel, type WireLevel } from './order-book';
import type { OrderbookDeltaMessage } from './parse';

/** Every non-empty level of both sides of each book, ascending: the `books` document of `precog watch --json`. */
export type BooksDocument = Record<string, { yes: WireLevel[]; no: WireLevel[] }>;

function unitsOf(levels: OrderbookSnapshotUpdate['yes_dollars_fp'], ticker: string): UnitLevel[] {
  return (levels ?? []).map((level) => {
    const price = parsePriceUnits(level[0].toFixed());
    const size = parseSizeUnits(level[1].toFixed());
    if (Number.isNaN(price) || Number.isNaN(size)) {
      throw new KalshiOrderBookError(
        `snapshot of ${ticker}: level [${level[0].toFixed()}, ${level[1].toFixed()}] has more than 6 price or 2 size decimals`,
      );
    }
    return [price, size] as const;
  });
}

/** The books of many markets, fed by `orderbook_snapshot` and `orderbook_delta` messages. */
export class BookManager {
  private readonly books = new Map<string, OrderBook>();

  /** The book of `ticker`, created (stale, empty) when new. */
  book(ticker: string): OrderBook {
    let book = this.books.get(ticker);
    if (!book) {
      book = new OrderBook(ticker);
      this.books.set(ticker, book);
    }
    return book;
  }

  /** The book of `ticker`, or undefined. */
  get(ticker: string): OrderBook | undefined {
    return this.books.get(ticker);
  }

  /** Tickers with a book, in the order they were first seen. */
  tickers(): string[] {
    return [...this.books.keys()];
  }

  /** Applies a snapshot: the book is replaced and fresh. */
  applySnapshot(msg: OrderbookSnapshotUpdate, atMs?: number): OrderBook {
    const book = this.book(msg.market_ticker);
    book.replaceUnits(
      unitsOf(msg.yes_dollars_fp, msg.market_ticker),
      unitsOf(msg.no_dollars_fp, msg.market_ticker),
      atMs,
    );
    return book;
  }

  /**
   * Applies a delta. A delta on a stale book is skipped (it waits for its snapshot) and returns
   * undefined; a delta that cannot apply throws {@link KalshiOrderBookError} and leaves the book stale.
   */
  applyDelta(delta: OrderbookDeltaMessage, atMs?: number): OrderBook | undefined {
    const book = this.book(delta.ticker);
    if (book.stale) return undefined;
    book.applyDeltaUnits(delta.side, delta.priceUnits, delta.deltaUnits, delta.tsMs ?? atMs);
    return book;
  }

  /** Marks the named books (default: all) stale; returns the tickers marked. */
  markStale(tickers?: Iterable<string>): string[] {
    const marked: string[] = [];
    for (const ticker of tickers ?? this.books.keys()) {
      const book = this.books.get(ticker);
      if (book) {
        book.markStale();
        marked.push(ticker);
      }
    }
    return marked;
  }

  /** Forgets a market's book. */
  delete(ticker: string): void {
    this.books.delete(ticker);
  }

  /** Every book's non-empty levels as `[price_dollars, size_fp]` text, ascending by price. */
  toDocument(): BooksDocument {
    const doc: BooksDocument = {};
    for (const [ticker, book] of this.books)
      doc[ticker] = { yes: book.wireLevels('yes'), no: book.wireLevels('no') };
    return doc;
  }
}
