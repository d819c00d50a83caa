/**
 * Table tests for the mistakes other trading bots are known to make. Each row is a situation
 * where the wrong rule and the right rule give different answers; ours must give the right one.
 */
import { takerFee } from '@precog/kalshi-client';
import { describe, expect, it } from 'vitest';
import { book, d, fill, held } from './__fixtures__/builders';
import { evaluateExit } from './exits/evaluate';
import { initTrailingStop, type TrailingStopConfig, updateTrailingStop } from './exits/trailing-stop';
import { markPosition } from './positions/mark';
import { positionsFromFills } from './positions/through-zero';
import { kellyFraction, sizePosition } from './sizing/kelly';

const LIQUID = { volume: d(1000) };
const trail: TrailingStopConfig = {
  activationThreshold: d('0.10'),
  distance: { kind: 'percent', value: d('0.05') },
};

describe('failure mode: NO positions evaluated in YES prices', () => {
  it.each([
    // NO entry, book (yesBid, yesAsk, noBid, noAsk), expected decision, expected pnlPct
    ['0.40', ['0.58', '0.60', '0.40', '0.42'], 'hold', '0'], // YES bid 0.58 would read as +45 %
    ['0.60', ['0.55', '0.57', '0.43', '0.45'], 'stop_loss', '-0.28333333333333333333'], // YES bid 0.55 would read as −8 %
    ['0.40', ['0.49', '0.51', '0.49', '0.51'], 'hold', '0.225'], // YES bid would say +22.5 % too: same book, same answer
    ['0.20', ['0.74', '0.75', '0.25', '0.26'], 'profit_target', '0.25'], // YES bid 0.74 reads as +270 % — but +25 % it is
  ] as const)('NO bought at %s on book %j → %s', (entry, [yb, ya, nb, na], expected, pct) => {
    const position = held('no', 10, entry);
    const snapshot = book(yb, ya, nb, na, LIQUID);
    const r = evaluateExit({ position }, snapshot, 0);
    expect(r.exit?.condition ?? 'hold').toBe(expected);
    expect(markPosition(position, snapshot).pnlPct?.toString()).toBe(pct);
    expect(r.bid?.toString()).toBe(d(nb).toString());
  });
  it('marks a NO position at the NO bid', () => {
    const m = markPosition(held('no', 10, '0.40'), book('0.58', '0.60', '0.40', '0.42'));
    expect([m.bid?.toString(), m.unrealizedTradingPnl?.toString()]).toEqual(['0.4', '0']);
  });
});

describe('failure mode: stops fed a price you cannot sell at', () => {
  // The stop sits at 0.63 (armed at 0.66 from entry 0.60). The bid is what a sale gets.
  const armed = updateTrailingStop(initTrailingStop('0.60', trail), {
    side: 'yes',
    bid: d('0.66'),
    now: 0,
  }).state;
  it.each([
    // yesBid, yesAsk: last trade / mid / ask sit above the stop while the bid is below it
    ['0.62', '0.66', true],
    ['0.63', '0.70', true],
    ['0.64', '0.65', false],
  ] as const)('YES bid %s (ask %s) triggers: %s', (bid, ask, triggered) => {
    const r = evaluateExit(
      { position: held('yes', 10, '0.60'), trailingStop: armed },
      book(bid, ask, d(1).minus(ask).toString(), d(1).minus(bid).toString(), LIQUID),
      1,
    );
    expect(r.exit?.condition === 'trailing_stop').toBe(triggered);
  });
  it('a NO stop is fed the NO bid, not the YES bid', () => {
    const noArmed = updateTrailingStop(initTrailingStop('0.60', trail), {
      side: 'no',
      bid: d('0.66'),
      now: 0,
    }).state;
    // NO bid 0.62 ≤ stop 0.63 even though the YES bid (0.30) and YES ask (0.38) say nothing about it.
    const r = evaluateExit(
      { position: held('no', 10, '0.60'), trailingStop: noArmed },
      book('0.30', '0.38', '0.62', '0.70', LIQUID),
      1,
    );
    expect([r.exit?.condition, r.bid?.toString()]).toEqual(['trailing_stop', '0.62']);
  });
});

describe('failure mode: stops that loosen', () => {
  it.each([
    ['falling bids', ['0.66', '0.80', '0.79', '0.70', '0.65'], ['0.63', '0.76', '0.76', '0.76', '0.76']],
    ['a new peak smaller than the stop move', ['0.66', '0.80', '0.801'], ['0.63', '0.76', '0.77']],
    ['bids vanishing', ['0.66', null, '0.90', null], ['0.63', '0.63', '0.86', '0.86']],
  ] as const)('%s never lower the stop', (_name, bids, stops) => {
    let s = initTrailingStop('0.60', trail);
    const seen: string[] = [];
    for (const [i, b] of bids.entries()) {
      s = updateTrailingStop(s, { side: 'yes', bid: b === null ? null : d(b), now: i }).state;
      seen.push(s.currentStopPrice?.toString() ?? '-');
    }
    expect(seen).toEqual(stops);
  });
  it('a looser config after activation does not loosen an open position (config snapshot)', () => {
    const s = updateTrailingStop(initTrailingStop('0.60', trail), {
      side: 'yes',
      bid: d('0.80'),
      now: 0,
    }).state;
    const later = { ...s, config: s.config }; // the stored snapshot travels with the state
    const r = updateTrailingStop(later, { side: 'yes', bid: d('0.81'), now: 1 });
    expect(r.state.currentStopPrice?.gte(s.currentStopPrice ?? 1)).toBe(true);
    expect(r.state.config.distance).toEqual({ kind: 'percent', value: d('0.05') });
  });
});

describe('failure mode: fees counted once per position', () => {
  it.each([
    // fills (count @ price), fees actually charged, once-per-position figure
    ['ten 1-lots at 0.50', Array(10).fill(['1', '0.50']), '0.2', '0.18'],
    ['one 10-lot at 0.50', [['10', '0.50']], '0.18', '0.18'],
    [
      '3 + 3 + 4 at 0.35',
      [
        ['3', '0.35'],
        ['3', '0.35'],
        ['4', '0.35'],
      ],
      '0.17',
      '0.16',
    ],
  ] as [string, [string, string][], string, string][])('%s', (_name, lots, charged, oncePerPosition) => {
    const fills = lots.map(([n, p]) => fill('yes', 'buy', n, p, takerFee(p, n)));
    const [position] = positionsFromFills(fills);
    expect(position?.feesPaid.toString()).toBe(charged);
    const total = lots.reduce((a, [n]) => a.plus(n), d(0));
    expect(takerFee(lots[0]?.[1] ?? '0', total).toString()).toBe(oncePerPosition);
  });
});

describe('failure mode: Kelly sized as if a contract paid even money', () => {
  it.each([
    // q, cost, binary f*, even-money 2q − 1
    ['0.72', '0.65', '0.2', '0.44'],
    ['0.30', '0.20', '0.125', '-0.4'],
    ['0.60', '0.50', '0.2', '0.2'], // the only price where the two agree
    ['0.90', '0.85', '0.33333333333333333333', '0.8'],
  ])('q %s at cost %s: f* = %s, not %s', (q, c, binary, evenMoney) => {
    expect(kellyFraction(q, c).toString()).toBe(binary);
    expect(d(q).times(2).minus(1).toString()).toBe(evenMoney);
  });
  it('sizes in contracts at the contract price, not in dollars at even odds', () => {
    const r = sizePosition({
      probability: '0.72',
      cost: '0.65',
      bankroll: 1000,
      config: { maxPositionPct: 1, maxPositionDollars: 1e6 },
    });
    // quarter of f* 0.2 = 5 % of $1,000 = $50 → 76 contracts at 0.65 (even money would stake $110)
    expect([r.stake.toString(), r.contracts.toString(), r.cost.toString()]).toEqual(['50', '76', '49.4']);
  });
});
