import type { BookManager } from './book-manager';
import type { OrderbookSnapshotUpdate } from './channels';
import { KalshiOrderBookError } from './errors';
import type { OrderBook } from './order-book';
import type { OrderbookDeltaMessage } from './parse';
import { Sequencer, type SequenceVerdict } from './sequencer';

/** What happened to one book message. */
export interface BookSyncResult {
  verdict: SequenceVerdict;
  /** The book changed by the message (undefined: dropped, or skipped while stale). */
  book: OrderBook | undefined;
  /** Tickers that became stale because of this message (a gap marks every book of the sid). */
  staled: string[];
  /** True when the caller must ask the server for snapshots of `staled`. */
  needsSnapshot: boolean;
  /** True when a stale book became fresh again (its snapshot arrived). */
  resynced: boolean;
  /** Set when the message could not be applied exactly (the book was marked stale). */
  error: KalshiOrderBookError | undefined;
}

/** An `orderbook_snapshot` with its subscription and sequence. */
export interface SnapshotFrame {
  type: 'orderbook_snapshot';
  sid: number;
  seq: number | undefined;
  msg: OrderbookSnapshotUpdate;
}

/**
 * Keeps books equal to the exchange's or says they are stale: checks each sid's `seq` (a gap
 * marks every book of the sid stale and asks for snapshots, a duplicate is dropped, a lower seq on
 * a snapshot restarts the count), applies snapshots and deltas, and skips deltas of a stale book
 * until its snapshot arrives. Pure: no I/O, so the property test drives it directly.
 */
export class BookSync {
  readonly sequencer = new Sequencer();
  private readonly tickersBySid = new Map<number, Set<string>>();

  constructor(readonly books: BookManager) {}

  /** Declares the markets a subscription covers (their books start stale until their snapshots). */
  register(sid: number, tickers: Iterable<string>): void {
    const set = this.tickersOf(sid);
    for (const ticker of tickers) {
      set.add(ticker);
      this.books.book(ticker);
    }
  }

  /** Forgets a subscription (unsubscribed, or its connection is gone). */
  forget(sid: number): void {
    this.sequencer.forget(sid);
    this.tickersBySid.delete(sid);
  }

  /** Forgets every subscription and marks every book stale (a disconnect). */
  reset(): string[] {
    this.sequencer.clear();
    this.tickersBySid.clear();
    return this.books.markStale();
  }

  /** Tickers known for a subscription. */
  tickersOf(sid: number): Set<string> {
    let set = this.tickersBySid.get(sid);
    if (!set) {
      set = new Set();
      this.tickersBySid.set(sid, set);
    }
    return set;
  }

  /** Handles one snapshot or delta. */
  handle(message: OrderbookDeltaMessage | SnapshotFrame, nowMs?: number): BookSyncResult {
    const isSnapshot = message.type === 'orderbook_snapshot';
    const ticker = isSnapshot ? message.msg.market_ticker : message.ticker;
    this.tickersOf(message.sid).add(ticker);
    const verdict =
      message.seq === undefined ? 'in-order' : this.sequencer.check(message.sid, message.seq, isSnapshot);
    const result: BookSyncResult = {
      verdict,
      book: undefined,
      staled: [],
      needsSnapshot: false,
      resynced: false,
      error: undefined,
    };
    if (verdict === 'duplicate') return result;
    if (verdict === 'gap') {
      const others = [...this.tickersOf(message.sid)].filter((t) => !(isSnapshot && t === ticker));
      result.staled = this.books.markStale(others);
      result.needsSnapshot = result.staled.length > 0;
    }
    try {
      if (isSnapshot) {
        const wasStale = this.books.book(ticker).stale;
        result.book = this.books.applySnapshot(message.msg, nowMs);
        result.resynced = wasStale;
      } else {
        result.book = this.books.applyDelta(message, nowMs);
      }
    } catch (error) {
      if (!KalshiOrderBookError.isInstance(error)) throw error;
      this.books.markStale([ticker]);
      result.error = error;
      if (!result.staled.includes(ticker)) result.staled.push(ticker);
      result.needsSnapshot = true;
    }
    return result;
  }
}
