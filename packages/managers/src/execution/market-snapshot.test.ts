import type { Market } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { snapshotFromMarket } from './market-snapshot';

const market = (fields: Partial<Market>): Market =>
  ({
    ticker: 'KXNFLGAME-26NOV29KCLV-KC',
    event_ticker: 'KXNFLGAME-26NOV29KCLV',
    price_ranges: [],
    ...fields,
  }) as Market;

describe('snapshotFromMarket', () => {
  it('keeps both legs of a quoted book with volume, close time and the one-cent grid', () => {
    const s = snapshotFromMarket(
      market({
        yes_bid_dollars: new Decimal('0.41'),
        yes_ask_dollars: new Decimal('0.43'),
        no_bid_dollars: new Decimal('0.57'),
        no_ask_dollars: new Decimal('0.59'),
        volume_fp: new Decimal('120.5'),
        close_time: new Date('2026-11-29T22:00:00Z'),
        status: 'active',
      }),
      Date.UTC(2026, 10, 29, 20),
    );
    expect([s.observedAt, s.status]).toEqual([Date.UTC(2026, 10, 29, 20), 'active']);
    expect([s.yesBid, s.yesAsk, s.noBid, s.noAsk, s.volume].map((d) => d?.toString())).toEqual([
      '0.41',
      '0.43',
      '0.57',
      '0.59',
      '120.5',
    ]);
    expect(s.closeTime).toBe(Date.UTC(2026, 10, 29, 22));
    expect(s.priceRanges?.map((r) => [r.start.toString(), r.end.toString(), r.step.toString()])).toEqual([
      ['0.01', '0.99', '0.01'],
    ]);
  });

  it('treats a zero bid and an ask of 0 or 1 as an empty side, and absent fields as unknown', () => {
    const s = snapshotFromMarket(
      market({
        yes_bid_dollars: new Decimal(0),
        yes_ask_dollars: new Decimal(1),
        no_bid_dollars: new Decimal(0),
        no_ask_dollars: new Decimal(0),
      }),
    );
    expect([s.yesBid, s.yesAsk, s.noBid, s.noAsk, s.volume, s.closeTime]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(snapshotFromMarket(market({})).yesBid).toBeNull();
  });
});
