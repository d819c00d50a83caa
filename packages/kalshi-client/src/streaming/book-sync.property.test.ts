import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BookManager } from './book-manager';
import { BookSync } from './book-sync';
import { parseFrame } from './parse';

// A server holding the true books of two markets streams snapshots and deltas with a per-sid seq;
// the network loses, duplicates and reconnects. The client (BookSync) must never hold a wrong
// book without saying it is stale, and must equal the truth again after each resync.

const TICKERS = ['KXA-1', 'KXB-1'] as const;
type Truth = Record<string, { yes: Map<number, number>; no: Map<number, number> }>;

type Op =
  | { kind: 'delta'; ticker: number; side: 'yes' | 'no'; price: number; delta: number }
  | { kind: 'lose' }
  | { kind: 'duplicate' }
  | { kind: 'reconnect' };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('delta' as const),
      ticker: fc.integer({ min: 0, max: 1 }),
      side: fc.constantFrom('yes' as const, 'no' as const),
      price: fc.integer({ min: 1, max: 20 }),
      delta: fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'lose' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
);

const price = (i: number) => (i * 0.04).toFixed(4);
const size = (hundredths: number) => (hundredths / 100).toFixed(2);

function snapshotFrame(truth: Truth, ticker: string, sid: number, seq: number): string {
  const side = (m: Map<number, number>) => [...m.entries()].map(([p, s]) => [price(p), size(s)]);
  const book = truth[ticker] as Truth[string];
  return JSON.stringify({
    type: 'orderbook_snapshot',
    sid,
    seq,
    msg: { market_ticker: ticker, yes_dollars_fp: side(book.yes), no_dollars_fp: side(book.no) },
  });
}

function truthDocument(truth: Truth, ticker: string) {
  const side = (m: Map<number, number>) =>
    [...m.entries()].sort((a, b) => a[0] - b[0]).map(([p, s]) => [price(p), size(s)]);
  const book = truth[ticker] as Truth[string];
  return { yes: side(book.yes), no: side(book.no) };
}

describe('BookSync (property)', () => {
  it('equals the server after every resync, never holds a negative level, and is stale while it differs', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const truth: Truth = {};
        for (const t of TICKERS) truth[t] = { yes: new Map([[5, 100]]), no: new Map([[10, 250]]) };
        const sync = new BookSync(new BookManager());
        let sid = 1;
        let seq = 0;
        let last: string | undefined;
        let undetected = false;

        const deliver = (frame: string) => {
          const parsed = parseFrame(frame);
          if (parsed.kind !== 'data') throw new Error('not data');
          const result = sync.handle(parsed.message as Parameters<BookSync['handle']>[0]);
          if (result.needsSnapshot) {
            // The client asks for snapshots (get_snapshot); the server answers on the same sid.
            for (const t of result.staled) deliver(snapshotFrame(truth, t, sid, ++seq));
          }
          check();
        };
        const check = () => {
          for (const t of TICKERS) {
            const book = sync.books.get(t);
            if (!book) continue;
            for (const side of ['yes', 'no'] as const)
              for (const [, s] of book.wireLevels(side)) expect(Number(s)).toBeGreaterThan(0);
            const equal =
              JSON.stringify(sync.books.toDocument()[t]) === JSON.stringify(truthDocument(truth, t));
            // Between a loss and the next frame the client cannot know; from then on it must say so.
            if (!equal && !undetected) expect(book.stale).toBe(true);
          }
        };
        const connect = () => {
          seq = 0;
          for (const t of TICKERS) deliver(snapshotFrame(truth, t, sid, ++seq));
        };

        connect();
        let lostSinceReceive = false;
        for (const o of ops) {
          if (o.kind === 'reconnect') {
            sync.reset();
            sid++;
            connect();
            lostSinceReceive = false;
            undetected = false;
            last = undefined; // frames of the old connection's sid never arrive on the new one
            continue;
          }
          if (o.kind === 'duplicate') {
            if (last !== undefined) deliver(last);
            continue;
          }
          if (o.kind === 'lose') {
            // The next delta the server sends never arrives.
            lostSinceReceive = true;
            continue;
          }
          const ticker = TICKERS[o.ticker] as string;
          const side = (truth[ticker] as Truth[string])[o.side];
          const before = side.get(o.price) ?? 0;
          const delta = Math.max(o.delta, -before);
          if (delta === 0) continue;
          if (before + delta === 0) side.delete(o.price);
          else side.set(o.price, before + delta);
          const frame = JSON.stringify({
            type: 'orderbook_delta',
            sid,
            seq: ++seq,
            msg: {
              market_ticker: ticker,
              side: o.side,
              price_dollars: price(o.price),
              delta_fp: size(delta),
            },
          });
          if (lostSinceReceive) {
            lostSinceReceive = false; // this one is lost; the next one shows the gap
            undetected = true;
            continue;
          }
          undetected = false;
          last = frame;
          deliver(frame);
        }
        // A final heartbeat delta of zero effect is not a Kalshi message; a reconnect ends the run.
        sync.reset();
        sid++;
        connect();
        for (const t of TICKERS) {
          expect(sync.books.get(t)?.stale).toBe(false);
          expect(sync.books.toDocument()[t]).toEqual(truthDocument(truth, t));
        }
      }),
      { numRuns: 300 },
    );
  });
});
