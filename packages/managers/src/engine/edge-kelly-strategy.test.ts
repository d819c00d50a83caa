import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { book, d } from '../__fixtures__/builders';
import { DEFAULT_EXIT_CONFIG, exitConfig } from '../exits/rules';
import { edgeKellyStrategySchema } from '../strategies/strategy-config';
import type { MarketSnapshot } from '../types';
import { EdgeKellyStrategy } from './edge-kelly-strategy';
import { entryGateFailure, entryGatesFromExits } from './entry-gates';
import type { HeldPosition, RestingOrderView, StrategyContext } from './strategy';

const NOW = 1_800_000_000_000;
const GATES = entryGatesFromExits(DEFAULT_EXIT_CONFIG);

/** A liquid YES 0.40/0.41 book seen 1 s ago, 2 h before close, volume 1,000. */
function liquid(extra: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return book('0.40', '0.41', '0.59', '0.60', {
    observedAt: NOW - 1_000,
    closeTime: NOW + 7_200_000,
    volume: d(1000),
    status: 'active',
    ...extra,
  });
}

function context(over: {
  probability?: string | null;
  held?: HeldPosition | null;
  resting?: RestingOrderView[];
  entryAllowed?: boolean;
}): StrategyContext {
  const held = over.held ?? null;
  return {
    now: NOW,
    positions: held === null ? [] : [held],
    position: (t) => (held !== null && held.ticker === t ? held : null),
    restingOrders: () => over.resting ?? [],
    probability: () => (over.probability === null ? null : d(over.probability ?? '0.55')),
    gates: GATES,
    bankroll: d(1000),
    exposure: d(0),
    risk: {
      entryAllowed: over.entryAllowed ?? true,
      blockedBy: over.entryAllowed === false ? ['daily_loss'] : [],
    },
  };
}

const strategy = new EdgeKellyStrategy({
  name: 'nfl_edge',
  version: '1.0',
  config: edgeKellyStrategySchema.parse({
    type: 'edge_kelly',
    minEdge: { strategy: '0.05' },
    sizing: { kellyFraction: '0.25', maxPositionDollars: '100' },
  }),
});

describe('entryGatesFromExits', () => {
  it('takes the exit rules thresholds, the time to close the larger close window', () => {
    expect(GATES).toEqual({
      maxSpread: d('0.03'),
      minVolume: d(50),
      minTimeToCloseMs: 600_000,
      maxSnapshotAgeMs: 120_000,
      stopLossPct: d('0.15'),
    });
  });
});

describe('entryGateFailure: gates equal exits', () => {
  it('passes a liquid, fresh, trading market far from close', () => {
    expect(entryGateFailure(liquid(), 'yes', GATES, NOW)).toBeNull();
  });
  it('refuses a 0.56/0.60 book (spread 0.04 > 0.03 would fire liquidity_dried_up)', () => {
    expect(entryGateFailure(liquid({ yesBid: d('0.56'), yesAsk: d('0.60') }), 'yes', GATES, NOW)).toBe(
      'spread_too_wide',
    );
  });
  it('refuses 60 s before close with volume 3', () => {
    expect(entryGateFailure(liquid({ closeTime: NOW + 60_000 }), 'yes', GATES, NOW)).toBe(
      'too_close_to_close',
    );
    expect(entryGateFailure(liquid({ volume: d(3) }), 'yes', GATES, NOW)).toBe('volume_too_low');
  });
  it('refuses a snapshot without a time or older than the limit', () => {
    expect(entryGateFailure(liquid({ observedAt: null }), 'yes', GATES, NOW)).toBe('stale_snapshot');
    expect(entryGateFailure(liquid({ observedAt: NOW - 120_001 }), 'yes', GATES, NOW)).toBe('stale_snapshot');
  });
  it('refuses a closed or settled market, and a side without a bid', () => {
    expect(entryGateFailure(liquid({ status: 'settled' }), 'yes', GATES, NOW)).toBe('market_not_trading');
    expect(entryGateFailure(liquid({ noBid: null }), 'no', GATES, NOW)).toBe('no_bid');
  });
  it('refuses an entry whose bid is already at the stop loss (ask 0.10, bid 0.08: −20 %)', () => {
    const cheap = liquid({ yesBid: d('0.08'), yesAsk: d('0.10') });
    expect(entryGateFailure(cheap, 'yes', GATES, NOW)).toBe('at_stop_loss');
  });
});

describe('EdgeKellyStrategy', () => {
  it('enters YES when the model says 0.55 against a 0.41 ask, Kelly-sized and capped at 5 % of the bankroll', () => {
    const intents = strategy.onMarket(liquid(), context({}));
    expect(intents).toHaveLength(1);
    const [intent] = intents;
    expect(intent?.kind).toBe('enter');
    expect(intent?.side).toBe('yes');
    expect(intent?.limitPrice.toString()).toBe('0.41');
    // Cost 0.41 + 0.02 fee = 0.43; f* = 0.12 / 0.57, quarter Kelly 5.26 % of $1,000, capped by the
    // default maxPositionPct 5 % = $50; $50 / 0.43 = 116.28 → 116 contracts.
    expect(intent?.count.toString()).toBe('116');
    expect(intent?.reason).toBe('yes edge 0.12 ≥ 0.05 (strategy), p 0.55 vs ask 0.41');
  });
  it('does nothing without a model probability, with a breaker open, or with an entry resting', () => {
    expect(strategy.onMarket(liquid(), context({ probability: null }))).toEqual([]);
    expect(strategy.onMarket(liquid(), context({ entryAllowed: false }))).toEqual([]);
    const resting: RestingOrderView = {
      orderId: 'o1',
      clientOrderId: 'c1',
      ticker: 'KXNFLGAME-T',
      side: 'yes',
      action: 'buy',
      remaining: d(10),
      limitPrice: d('0.41'),
    };
    expect(strategy.onMarket(liquid(), context({ resting: [resting] }))).toEqual([]);
  });
  it('size counts what is held: buys only the missing contracts, nothing when full', () => {
    const held = (q: number): HeldPosition => ({
      ticker: 'KXNFLGAME-T',
      side: 'yes',
      quantity: d(q),
      avgEntryPrice: d('0.41'),
      costBasis: d('0.41').times(q),
      openedAt: NOW - 60_000,
    });
    expect(strategy.onMarket(liquid(), context({ held: held(100) }))[0]?.count.toString()).toBe('16');
    expect(strategy.onMarket(liquid(), context({ held: held(116) }))).toEqual([]);
  });
  it('does not enter what the exit rules would exit (spread 0.04)', () => {
    const wide = liquid({ yesBid: d('0.37'), yesAsk: d('0.41') });
    expect(strategy.onMarket(wide, context({}))).toEqual([]);
  });
  it('uses its exit rules as the engine exits', () => {
    expect(strategy.exits).toEqual(exitConfig());
    expect(new Decimal(strategy.exits.maxSpread ?? 0).toString()).toBe('0.03');
  });
});

describe('EdgeKellyStrategy: its own exit rules judge an entry', () => {
  it('enters on a book with no volume when its exits have no volume floor (the default exits would refuse it)', () => {
    const noFloor = new EdgeKellyStrategy({
      name: 'nfl_edge',
      version: '1.0',
      config: edgeKellyStrategySchema.parse({
        type: 'edge_kelly',
        minEdge: { strategy: '0.05' },
        sizing: { kellyFraction: '0.25', maxPositionDollars: '100' },
        exits: { minVolume: null },
      }),
    });
    const market = liquid({ volume: d(0) });
    const ctx = { ...context({}), gates: entryGatesFromExits(noFloor.exits) };
    expect(noFloor.onMarket(market, ctx).map((i) => [i.kind, i.side, i.limitPrice.toString()])).toEqual([
      ['enter', 'yes', '0.41'],
    ]);
    // The default exits' volume floor (50) refuses the same book.
    expect(
      strategy.onMarket(market, { ...context({}), gates: entryGatesFromExits(DEFAULT_EXIT_CONFIG) }),
    ).toEqual([]);
  });
});
