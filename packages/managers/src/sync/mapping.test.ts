import type { Fill } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ManagersError } from '../errors';
import { fillRow, marketRow } from './mapping';
import { toMetadata } from './metadata';

const scope = { platformId: 'kalshi', subaccount: 0 };

function fill(overrides: Partial<Fill>): Fill {
  return {
    fill_id: 'f-1',
    trade_id: 'f-1',
    order_id: 'o-1',
    ticker: 'KX-1',
    count_fp: new Decimal('2.00'),
    yes_price_dollars: new Decimal('0.5200'),
    no_price_dollars: new Decimal('0.4800'),
    created_time: new Date('2026-06-11T06:29:30.164Z'),
    ...overrides,
  };
}

describe('fillRow', () => {
  it('prices a NO fill at the NO price, and derives it from the YES price when absent', () => {
    expect(fillRow(fill({ side: 'no', action: 'buy' }), scope).price.toString()).toBe('0.48');
    expect(fillRow(fill({ side: 'no', no_price_dollars: undefined }), scope).price.toString()).toBe('0.48');
    expect(fillRow(fill({ side: 'yes' }), scope).price.toString()).toBe('0.52');
  });

  it('falls back to outcome_side, book_side and ts when the newer fields are missing', () => {
    const row = fillRow(
      fill({
        outcome_side: 'NO',
        book_side: 'ask',
        created_time: undefined,
        ts: new Date(1_781_159_370_000),
      }),
      scope,
    );
    expect([row.side, row.action, row.executedAt, row.fees?.toString(), row.isTaker]).toEqual([
      'no',
      'sell',
      new Date(1_781_159_370_000),
      '0',
      null,
    ]);
    expect(fillRow(fill({ book_side: 'bid' }), scope).action).toBe('buy');
  });

  it('refuses a fill it cannot date', () => {
    expect(() => fillRow(fill({ created_time: undefined }), scope)).toThrow(
      new ManagersError('fill f-1 has neither created_time nor ts: cannot date it'),
    );
  });
});

describe('marketRow', () => {
  it('lowercases the status and leaves missing prices null', () => {
    const row = marketRow({ ticker: 'KX-1', event_ticker: 'KX', status: 'Active', price_ranges: [] }, scope);
    expect(row).toEqual({
      platformId: 'kalshi',
      ticker: 'KX-1',
      eventTicker: 'KX',
      title: null,
      status: 'active',
      yesBid: null,
      yesAsk: null,
      noBid: null,
      noAsk: null,
      lastPrice: null,
      volume: null,
      openInterest: null,
      result: '',
      metadata: { ticker: 'KX-1', event_ticker: 'KX', status: 'Active', price_ranges: [] },
    });
  });
});

describe('toMetadata', () => {
  it('writes decimals as exact strings and dates as ISO text, dropping undefined fields', () => {
    expect(
      toMetadata({
        a: new Decimal('0.1000'),
        b: new Date('2026-01-02T03:04:05.678Z'),
        c: undefined,
        d: [1, 'x', true, null, { e: 10n }],
        f: Number.NaN,
        g: () => 1,
      }),
    ).toEqual({
      a: '0.1',
      b: '2026-01-02T03:04:05.678Z',
      d: [1, 'x', true, null, { e: '10' }],
      f: 'NaN',
      g: '() => 1',
    });
    expect(toMetadata(undefined)).toBeNull();
  });
});
