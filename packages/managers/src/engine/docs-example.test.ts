// The complete example of docs/engine.md, compiled and run: a user strategy in a few dozen lines.
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXIT_CONFIG,
  entryGateFailure,
  entryGatesFromExits,
  type MarketSnapshot,
  type Strategy,
  type StrategyContext,
  type StrategyIntent,
} from '../index';

class CheapYes implements Strategy {
  readonly name = 'cheap_yes';
  readonly version = '1.0';
  readonly exits = DEFAULT_EXIT_CONFIG;

  onMarket(market: MarketSnapshot, ctx: StrategyContext): readonly StrategyIntent[] {
    const p = ctx.probability(market.ticker);
    const ask = market.yesAsk;
    if (p === null || ask === null || !ctx.risk.entryAllowed) return [];
    if (ctx.position(market.ticker) !== null || ctx.restingOrders(market.ticker).length > 0) return [];
    if (p.minus(ask).lt('0.08')) return [];
    // Never enter what the exit rules would sell on the next tick.
    if (entryGateFailure(market, 'yes', ctx.gates, ctx.now) !== null) return [];
    return [
      {
        kind: 'enter',
        ticker: market.ticker,
        side: 'yes',
        count: new Decimal(10),
        limitPrice: ask,
        reason: `p ${p} − ask ${ask} ≥ 0.08`,
      },
    ];
  }
}

describe('docs/engine.md example strategy', () => {
  it('buys 10 YES at the ask when the model is 8 points above it', () => {
    const now = 1_800_000_000_000;
    const d = (v: string) => new Decimal(v);
    const ctx: StrategyContext = {
      now,
      positions: [],
      position: () => null,
      restingOrders: () => [],
      probability: () => d('0.60'),
      gates: entryGatesFromExits(DEFAULT_EXIT_CONFIG),
      bankroll: d('1000'),
      exposure: d('0'),
      risk: { entryAllowed: true, blockedBy: [] },
    };
    const market: MarketSnapshot = {
      ticker: 'KXNFLGAME-X-KC',
      yesBid: d('0.50'),
      yesAsk: d('0.52'),
      noBid: d('0.48'),
      noAsk: d('0.50'),
      volume: d('500'),
      closeTime: now + 3_600_000,
      observedAt: now,
      status: 'active',
    };
    const [intent] = new CheapYes().onMarket(market, ctx);
    expect(intent?.kind).toBe('enter');
    expect(intent?.count.toString()).toBe('10');
    expect(intent?.limitPrice.toString()).toBe('0.52');
    expect(intent?.reason).toBe('p 0.6 − ask 0.52 ≥ 0.08');
  });
});
