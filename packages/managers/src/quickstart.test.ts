/** The README quickstart, step by step, with its printed values asserted. */
import { takerFee } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeEdges } from './edge/edge';
import { resolveMinEdge } from './edge/min-edge';
import { evaluateExit } from './exits/evaluate';
import { planExitOrders } from './exits/execution-plan';
import { exitConfig } from './exits/rules';
import { initTrailingStop } from './exits/trailing-stop';
import { snapshotFromYesBook } from './market';
import { applyFill, openPosition } from './positions/position';
import { sizePosition } from './sizing/kelly';

// Imports the modules rather than './index' so this test does not load the database-backed
// sync services that the index also exports.
describe('README quickstart', () => {
  it('goes from an edge to a trailing-stop exit with the documented numbers', () => {
    const ticker = 'KXNFLGAME-26NOV26KCBUF-KC';
    const book = (bid: string, ask: string) =>
      snapshotFromYesBook({ ticker, yesBid: new Decimal(bid), yesAsk: new Decimal(ask) });
    const edges = computeEdges({ yesProbability: '0.62', snapshot: book('0.53', '0.55'), feeContracts: 100 });
    const { minEdge } = resolveMinEdge(
      { global: '0.05', byLeague: { nfl: '0.05' } },
      { ticker, league: 'nfl' },
    );
    const best = edges.best;
    if (best === null) throw new Error('no edge');
    expect([best.side, best.edge.toString(), best.edge.gte(minEdge)]).toEqual(['yes', '0.0526', true]);

    const size = sizePosition({ probability: best.probability, cost: best.effectiveCost, bankroll: 10_000 });
    expect([size.contracts.toString(), size.cost.toString()]).toEqual(['535', '303.559']);

    let position = openPosition({
      fillId: 'f-1',
      ticker,
      side: best.side,
      action: 'buy',
      count: size.contracts,
      price: best.ask,
      fee: takerFee(best.ask, size.contracts),
      createdAt: 0,
    });
    let trailingStop = initTrailingStop(position.avgEntryPrice, {
      activationThreshold: new Decimal('0.10'),
      distance: { kind: 'percent', value: new Decimal('0.05') },
    });
    const rules = exitConfig({ profitTargetPct: new Decimal('0.50') });
    const seen: string[] = [];
    for (const [bid, ask] of [
      ['0.58', '0.59'],
      ['0.63', '0.64'],
      ['0.66', '0.67'],
      ['0.62', '0.63'],
    ] as const) {
      const decision = evaluateExit({ position, trailingStop }, book(bid, ask), 1, rules);
      trailingStop = decision.trailingStop ?? trailingStop;
      seen.push(`${bid} ${decision.action} ${trailingStop.currentStopPrice?.toString() ?? '-'}`);
      if (decision.exit === null || decision.bid === null) continue;
      const { priority, quantity, condition } = decision.exit;
      const plan = planExitOrders({ priority, quantity, side: position.side, bid: decision.bid });
      seen.push(`${condition} ${plan.steps.map((s) => `${s.kind}@${s.limitPrice}`).join(' → ')}`);
      position = applyFill(position, {
        fillId: 'f-2',
        ticker,
        side: position.side,
        action: 'sell',
        count: quantity,
        price: decision.bid,
        fee: takerFee(decision.bid, quantity),
        createdAt: 2,
      });
    }
    expect(seen).toEqual([
      '0.58 hold -',
      '0.63 hold 0.6',
      '0.66 hold 0.63',
      '0.62 exit 0.63',
      'trailing_stop limit@0.62 → limit@0.61 → limit@0.6 → market@0.47',
    ]);
    // (0.62 − 0.55) × 535 = 37.45, less fees 9.28 + 8.82
    expect([position.status, position.realizedPnl.toString(), position.feesPaid.toString()]).toEqual([
      'closed',
      '19.35',
      '18.1',
    ]);
  });
});
