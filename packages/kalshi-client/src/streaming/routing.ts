import type { BookManager } from './book-manager';
import type { BookSync, SnapshotFrame } from './book-sync';
import type { KalshiChannel } from './channels';
import type { StreamMessage } from './parse';
import type { EmitStreamEvent } from './stream-events';
import type { BookUpdate, Subscription, SubscriptionItem } from './subscription';

/** What {@link routeMessage} needs from the stream. Internal; not exported from the package. */
export interface RouteContext {
  sync: BookSync;
  books: BookManager;
  /** The time, in ms since the epoch. */
  now: () => number;
  emit: EmitStreamEvent;
  /** Asks for snapshots of the stale books of a subscription (failures are the caller's to report). */
  resync: (sub: Subscription, tickers: string[]) => void;
}

/**
 * Delivers one data message to its subscription: books through {@link BookSync} (gaps, stale
 * books, snapshot resync), other sequenced channels through the sequencer, duplicates dropped.
 */
export function routeMessage(message: StreamMessage, sub: Subscription, ctx: RouteContext): void {
  const { sync, emit } = ctx;
  // The seq a gap expected: the one after the last seen (read before the message is judged).
  const expected = (sync.sequencer.lastSeq(message.sid) ?? 0) + 1;
  if (message.type === 'orderbook_delta' || message.type === 'orderbook_snapshot') {
    const result = sync.handle(message as SnapshotFrame, ctx.now());
    if (result.verdict === 'duplicate') return;
    if (result.verdict === 'gap') {
      const event = {
        channel: sub.channel,
        sid: message.sid,
        expected,
        received: message.seq ?? 0,
        tickers: result.staled,
      };
      emit('gap', event);
      sub.notify('gap', event);
    }
    if (result.error) emit('error', result.error);
    if (result.staled.length > 0)
      emit('stale', { tickers: result.staled, reason: result.error ? 'invalid-delta' : 'gap' });
    if (result.needsSnapshot) ctx.resync(sub, result.staled);
    if (result.resynced && result.book) emit('resynced', { ticker: result.book.ticker });
    const touched =
      result.book ??
      ctx.books.get(message.type === 'orderbook_delta' ? message.ticker : message.msg.market_ticker);
    const update: BookUpdate | undefined = touched
      ? { ticker: touched.ticker, book: touched, stale: touched.stale }
      : undefined;
    sub.deliver(message as never, update as never);
    return;
  }
  if (message.seq !== undefined) {
    const verdict = sync.sequencer.check(message.sid, message.seq, false);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap') {
      const event = {
        channel: sub.channel,
        sid: message.sid,
        expected,
        received: message.seq,
        tickers: [],
      };
      emit('gap', event);
      sub.notify('gap', event);
    }
  }
  sub.deliver(message as never, message as SubscriptionItem<KalshiChannel> as never);
}
