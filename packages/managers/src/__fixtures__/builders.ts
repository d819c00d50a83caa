import type { PriceRange } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { type Fill, openPosition, type Position } from '../positions/position';
import type { MarketSnapshot, Side } from '../types';

export const d = (v: Decimal.Value): Decimal => new Decimal(v);

/** A full book given as strings (null = empty level). */
export function book(
  yesBid: string | null,
  yesAsk: string | null,
  noBid: string | null,
  noAsk: string | null,
  extra: Partial<MarketSnapshot> = {},
): MarketSnapshot {
  const p = (v: string | null) => (v === null ? null : d(v));
  return {
    ticker: 'KXNFLGAME-T',
    yesBid: p(yesBid),
    yesAsk: p(yesAsk),
    noBid: p(noBid),
    noAsk: p(noAsk),
    ...extra,
  };
}

/** The same book seen from the other side: YES and NO legs swapped, grid mirrored. */
export function mirrorSnapshot(s: MarketSnapshot): MarketSnapshot {
  return {
    ...s,
    yesBid: s.noBid,
    yesAsk: s.noAsk,
    noBid: s.yesBid,
    noAsk: s.yesAsk,
    priceRanges: s.priceRanges == null ? s.priceRanges : mirrorRanges(s.priceRanges),
  };
}

export function mirrorRanges(ranges: readonly PriceRange[]): PriceRange[] {
  const one = d(1);
  return ranges.map((r) => ({ start: one.minus(r.end), end: one.minus(r.start), step: r.step })).reverse();
}

let fillSeq = 0;
export function fill(
  side: Side,
  action: 'buy' | 'sell',
  count: Decimal.Value,
  price: Decimal.Value,
  fee: Decimal.Value = 0,
  extra: Partial<Fill> = {},
): Fill {
  fillSeq += 1;
  return {
    fillId: `F${fillSeq}`,
    ticker: 'KXNFLGAME-T',
    side,
    action,
    count: d(count),
    price: d(price),
    fee: d(fee),
    createdAt: 1_000 + fillSeq,
    ...extra,
  };
}

/** An open position of `count` contracts of `side` bought at `price`, without fees. */
export function held(side: Side, count: Decimal.Value, price: Decimal.Value, openedAt = 0): Position {
  return openPosition(
    fill(side, 'buy', count, price, 0, { fillId: `OPEN-${side}-${price}`, createdAt: openedAt }),
  );
}

/** Kalshi's tapered deci-cent grid: 0.001 ticks below 0.10 and above 0.90, 0.01 between. */
export const TAPERED: PriceRange[] = [
  { start: d('0'), end: d('0.1'), step: d('0.001') },
  { start: d('0.1'), end: d('0.9'), step: d('0.01') },
  { start: d('0.9'), end: d('1'), step: d('0.001') },
];
