import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { BookManager } from './book-manager';
import { BookSync, type SnapshotFrame } from './book-sync';
import { KalshiOrderBookError, KalshiStreamMessageError } from './errors';
import { formatPrice, formatSize, parsePriceUnits, parseSizeUnits } from './fixed-point';
import { OrderBook } from './order-book';
import { parseFrame } from './parse';

const CAPTURES = './__fixtures__';
const T = 'KXTEST-26JUN11-A';

describe('fixed-point units', () => {
  it('reads prices with up to 6 decimals and sizes with up to 2, exactly', () => {
    expect(parsePriceUnits('0.4700')).toBe(470_000);
    expect(parsePriceUnits('0.041250')).toBe(41_250);
    expect(parseSizeUnits('-3.00', true)).toBe(-300);
    expect(parseSizeUnits('1.33')).toBe(133);
    expect(parseSizeUnits('12')).toBe(1200);
    expect(formatPrice(41_250)).toBe('0.04125');
    expect(formatPrice(470_000)).toBe('0.4700');
    expect(formatSize(-300)).toBe('-3.00');
  });

  it('refuses more precision than the scale, signs where none is allowed, and non-decimal text', () => {
    expect(parsePriceUnits('0.1234567')).toBeNaN();
    expect(parseSizeUnits('1.333')).toBeNaN();
    expect(parseSizeUnits('1.300')).toBe(130);
    expect(parseSizeUnits('-1.00')).toBeNaN();
    expect(parsePriceUnits('1e-3')).toBeNaN();
    expect(parsePriceUnits('.5')).toBeNaN();
    expect(parsePriceUnits(0.5)).toBeNaN();
  });
});

describe('OrderBook', () => {
  it('keeps exact fractional sizes, removes a level at zero and derives the YES ask from the best NO bid', () => {
    const book = new OrderBook(T);
    book.applySnapshot({
      yes: [
        ['0.4500', '10.00'],
        ['0.4700', '3.33'],
      ],
      no: [['0.5000', '2.00']],
    });
    book.applyDelta('yes', '0.4700', '-1.11');
    book.applyDelta('no', '0.5000', '-2.00');
    book.applyDelta('no', '0.5200', '0.01');
    expect(book.wireLevels('yes')).toEqual([
      ['0.4500', '10.00'],
      ['0.4700', '2.22'],
    ]);
    expect(book.wireLevels('no')).toEqual([['0.5200', '0.01']]);
    expect(book.bestYesBid()?.price.toString()).toBe('0.47');
    expect(book.bestYesAsk()?.price.toString()).toBe('0.48');
    expect(book.bestYesAsk()?.size.toString()).toBe('0.01');
    expect(book.depth('yes')).toBe(2);
    expect(book.stale).toBe(false);
  });

  it('refuses a delta that would make a level negative, leaves it unchanged and marks the book stale', () => {
    const book = new OrderBook(T);
    book.applySnapshot({ yes: [['0.4700', '3.00']], no: [] });
    expect(() => book.applyDelta('yes', '0.4700', '-3.01')).toThrow(KalshiOrderBookError);
    expect(book.sizeAt('yes', '0.4700').toString()).toBe('3');
    expect(book.stale).toBe(true);
  });

  it('starts stale and returns an independent snapshot copy', () => {
    const book = new OrderBook(T);
    expect(book.stale).toBe(true);
    book.applySnapshot({ yes: [['0.10', '1']], no: [] }, 1_000);
    const copy = book.snapshot();
    book.applyDelta('yes', '0.10', '1');
    expect(copy.yes.map((l) => [l.price.toString(), l.size.toString()])).toEqual([['0.1', '1']]);
    expect(copy.updatedAt).toEqual(new Date(1_000));
    expect(book.clone().sameLevels(book)).toBe(true);
  });
});

describe('parseFrame', () => {
  it('rejects a malformed delta with the path of the bad field', () => {
    const frame = JSON.stringify({
      type: 'orderbook_delta',
      sid: 1,
      seq: 2,
      msg: { market_ticker: T, side: 'yes', price_dollars: '0.47', delta_fp: '1.001' },
    });
    let caught: unknown;
    try {
      parseFrame(frame);
    } catch (error) {
      caught = error;
    }
    expect(KalshiStreamMessageError.isInstance(caught)).toBe(true);
    expect((caught as KalshiStreamMessageError).issuePath).toEqual(['msg', 'delta_fp']);
    expect(() => parseFrame('{"type":')).toThrow(KalshiStreamMessageError);
  });

  it('types a fill with Decimal money and a Date', () => {
    const parsed = parseFrame(
      JSON.stringify({
        type: 'fill',
        sid: 13,
        msg: {
          trade_id: 'f-1',
          order_id: 'o-1',
          market_ticker: T,
          is_taker: true,
          side: 'yes',
          yes_price_dollars: '0.7500',
          count_fp: '1.33',
          fee_cost: '0.010000',
          ts_ms: 1671899397000,
          unknown_field: 1,
        },
      }),
    );
    expect(parsed.kind).toBe('data');
    if (parsed.kind !== 'data' || parsed.message.type !== 'fill') throw new Error('not a fill');
    expect(parsed.message.msg.count_fp.toString()).toBe('1.33');
    expect(parsed.message.msg.fill_id).toBe('f-1');
    expect(parsed.message.msg.time).toEqual(new Date(1671899397000));
    expect('unknown_field' in parsed.message.msg).toBe(false);
  });
});

/** Recomputes the books of a capture naively, with Decimal maps straight from the JSON. */
function naiveBooks(lines: string[]) {
  const books = new Map<string, { yes: Map<string, Decimal>; no: Map<string, Decimal> }>();
  for (const line of lines) {
    const frame = JSON.parse(line);
    if (frame.type === 'orderbook_snapshot') {
      const side = (levels: [string, string][] = []) =>
        new Map(levels.map(([p, s]) => [new Decimal(p).toFixed(4), new Decimal(s)]));
      books.set(frame.msg.market_ticker, {
        yes: side(frame.msg.yes_dollars_fp),
        no: side(frame.msg.no_dollars_fp),
      });
    } else if (frame.type === 'orderbook_delta') {
      const book = books.get(frame.msg.market_ticker);
      if (!book) continue;
      const side = frame.msg.side === 'yes' ? book.yes : book.no;
      const key = new Decimal(frame.msg.price_dollars).toFixed(4);
      const size = (side.get(key) ?? new Decimal(0)).plus(frame.msg.delta_fp);
      if (size.isZero()) side.delete(key);
      else side.set(key, size);
    }
  }
  const doc: Record<string, { yes: string[][]; no: string[][] }> = {};
  for (const [ticker, book] of books) {
    const wire = (side: Map<string, Decimal>) =>
      [...side.entries()].sort((a, b) => new Decimal(a[0]).cmp(b[0])).map(([p, s]) => [p, s.toFixed(2)]);
    doc[ticker] = { yes: wire(book.yes), no: wire(book.no) };
  }
  return doc;
}

describe('replaying the recorded demo captures', () => {
  for (const name of ['ws__orderbook_trade_noleg.jsonl', 'ws__orderbook_trade_yes.jsonl']) {
    it(`gives the books a naive recomputation gives (${name})`, () => {
      const lines = readFileSync(new URL(`${CAPTURES}/${name}`, import.meta.url), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const sync = new BookSync(new BookManager());
      for (const line of lines) {
        const frame = parseFrame(line);
        if (frame.kind !== 'data') continue;
        const m = frame.message;
        if (m.type === 'orderbook_delta' || m.type === 'orderbook_snapshot') {
          const result = sync.handle(m as Parameters<BookSync['handle']>[0]);
          expect(result.verdict).toBe('in-order');
          expect(result.error).toBeUndefined();
        }
      }
      expect(sync.books.toDocument()).toEqual(naiveBooks(lines));
      expect(sync.books.get('KXWTACHALLENGERMATCH-26JUN11JIMLEP-LEP')?.stale).toBe(false);
    });
  }

  it('ends the noleg capture with the YES bid restored and one NO contract at 0.48', () => {
    const lines = readFileSync(
      new URL(`${CAPTURES}/ws__orderbook_trade_noleg.jsonl`, import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(naiveBooks(lines)).toEqual({
      'KXWTACHALLENGERMATCH-26JUN11JIMLEP-LEP': { yes: [['0.4700', '3.00']], no: [['0.4800', '1.00']] },
    });
  });
});

export type { SnapshotFrame };
