import { OrderBook } from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { LagHistogram } from './lag';
import { applyPrices, changes, pricesOfBook, pricesOfTicker } from './market-state';

const d = (v: string) => new Decimal(v);
const text = (p: Record<string, Decimal | null | undefined>) =>
  Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, v === null || v === undefined ? v : v.toFixed(4)]),
  );

const row: MarketInput = {
  ticker: 'T',
  eventTicker: 'E',
  status: 'active',
  yesBid: '0.45',
  yesAsk: '0.47',
  noBid: '0.53',
  noAsk: '0.55',
  lastPrice: '0.46',
  volume: '10',
};

describe('market state', () => {
  it('maps a ticker message like the REST sync maps a market (NO from YES), leaving out what it omits', () => {
    const prices = pricesOfTicker({
      market_ticker: 'T',
      yes_bid_dollars: d('0.40'),
      yes_ask_dollars: d('0.49'),
      volume_fp: d('12.50'),
      time: undefined,
    });
    expect(text(prices)).toEqual({
      yesBid: '0.4000',
      noAsk: '0.6000',
      yesAsk: '0.4900',
      noBid: '0.5100',
      volume: '12.5000',
    });
  });

  it('reads the top of a book, an empty side as a bid of 0 and an ask of 1', () => {
    const book = new OrderBook('T');
    book.applyDelta('yes', '0.41', '5');
    book.applyDelta('yes', '0.43', '2');
    expect(text(pricesOfBook(book))).toEqual({
      yesBid: '0.4300',
      noBid: '0.0000',
      yesAsk: '1.0000',
      noAsk: '0.5700',
    });
    book.applyDelta('no', '0.55', '1');
    expect(text(pricesOfBook(book))).toMatchObject({ noBid: '0.5500', yesAsk: '0.4500' });
  });

  it('sees a change only when a stored field moves (0.45 equals 0.4500)', () => {
    expect(changes(row, { yesBid: d('0.4500'), yesAsk: d('0.47') })).toBe(false);
    expect(changes(row, { yesBid: d('0.44') })).toBe(true);
    expect(changes(row, { openInterest: d('0') })).toBe(true);
    const next = applyPrices(row, { yesBid: d('0.44') });
    expect(next.yesBid?.toString()).toBe('0.44');
    expect(row.yesBid).toBe('0.45');
  });
});

describe('LagHistogram', () => {
  it('gives exact percentiles at 1 ms and the true maximum beyond its range', () => {
    const h = new LagHistogram();
    expect(h.summary()).toEqual({ samples: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
    for (let ms = 1; ms <= 100; ms++) h.record(ms);
    h.record(-5);
    expect(h.summary()).toEqual({ samples: 101, p50Ms: 50, p99Ms: 99, maxMs: 100 });
    h.record(90_000, 200);
    expect(h.summary()).toEqual({ samples: 301, p50Ms: 90_000, p99Ms: 90_000, maxMs: 90_000 });
  });
});
