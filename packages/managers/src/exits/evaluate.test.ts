import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { book, d, fill, held, mirrorSnapshot, TAPERED } from '../__fixtures__/builders';
import { snapshotFromYesBook } from '../market';
import { applyFill } from '../positions/position';
import { EXIT_CONDITIONS, EXIT_PRIORITY, PRIORITY_LEVEL } from './conditions';
import { evaluateExit } from './evaluate';
import { DEFAULT_EXIT_CONFIG, type ExitDecision, exitConfig } from './rules';
import { initTrailingStop, type TrailingStopConfig } from './trailing-stop';

const NOW = 1_000_000;
const LIQUID = { volume: d(1000) };
const summary = (r: ExitDecision) => ({
  action: r.action,
  exit: r.exit === null ? null : [r.exit.condition, r.exit.priority, r.exit.quantity.toString()],
  conflicting: r.conflictingTriggers.map((t) => t.condition),
});
const trail: TrailingStopConfig = {
  activationThreshold: d('0.10'),
  distance: { kind: 'percent', value: d('0.05') },
};

describe('condition table', () => {
  it('lists the ten conditions by priority', () => {
    expect(EXIT_CONDITIONS.map((c) => PRIORITY_LEVEL[EXIT_PRIORITY[c]])).toEqual([
      1, 1, 2, 2, 2, 3, 3, 4, 4, 4,
    ]);
  });
});

describe('evaluateExit', () => {
  const yes10 = held('yes', 10, '0.50', 0);

  it('holds a healthy position', () => {
    const r = evaluateExit({ position: yes10 }, book('0.52', '0.53', '0.47', '0.48', LIQUID), NOW);
    expect(summary(r)).toEqual({ action: 'hold', exit: null, conflicting: [] });
    expect(r.bid?.toString()).toBe('0.52');
  });

  it.each([
    [
      'stop_loss at exactly −15 %',
      book('0.425', '0.43', '0.57', '0.575', LIQUID),
      {},
      'stop_loss',
      'CRITICAL',
    ],
    ['profit target at +25 %', book('0.625', '0.63', '0.37', '0.375', LIQUID), {}, 'profit_target', 'MEDIUM'],
    ['liquidity: no bid', book(null, '0.53', '0.47', null, LIQUID), {}, 'liquidity_dried_up', 'HIGH'],
    [
      'liquidity: wide spread',
      book('0.50', '0.54', '0.46', '0.50', LIQUID),
      {},
      'liquidity_dried_up',
      'HIGH',
    ],
    [
      'liquidity: low volume',
      book('0.50', '0.51', '0.49', '0.50', { volume: d(49) }),
      {},
      'liquidity_dried_up',
      'HIGH',
    ],
    [
      'time: under 5 minutes left',
      book('0.5', '0.51', '0.49', '0.5', { ...LIQUID, closeTime: NOW + 299_999 }),
      {},
      'time_based_urgent',
      'HIGH',
    ],
    [
      'circuit breaker',
      book('0.5', '0.51', '0.49', '0.5', LIQUID),
      { circuitBreakerOpen: true },
      'circuit_breaker',
      'CRITICAL',
    ],
    [
      'early exit: edge below 0.02',
      book('0.5', '0.51', '0.49', '0.5', LIQUID),
      { currentEdge: d('0.01') },
      'early_exit',
      'LOW',
    ],
    [
      'edge disappeared: edge below 0',
      book('0.5', '0.51', '0.49', '0.5', LIQUID),
      { currentEdge: d('-0.03') },
      'edge_disappeared',
      'LOW',
    ],
    [
      'rebalance in profit',
      book('0.55', '0.56', '0.44', '0.45', LIQUID),
      { betterOpportunity: true },
      'rebalance',
      'LOW',
    ],
  ])('%s', (_name, snapshot, context, condition, priority) => {
    const r = evaluateExit({ position: yes10 }, snapshot, NOW, DEFAULT_EXIT_CONFIG, context);
    expect(summary(r)).toEqual({ action: 'exit', exit: [condition, priority, '10'], conflicting: [] });
    expect(r.exit?.reason.length).toBeGreaterThan(5);
  });

  it('holds at the edges of each rule', () => {
    const cases = [
      book('0.426', '0.43', '0.57', '0.574', LIQUID),
      book('0.624', '0.63', '0.37', '0.376', LIQUID),
      book('0.50', '0.53', '0.47', '0.50', LIQUID),
      book('0.50', '0.51', '0.49', '0.50', { volume: d(50) }),
      book('0.5', '0.51', '0.49', '0.5', { ...LIQUID, closeTime: NOW + 300_000 }),
    ];
    for (const snapshot of cases)
      expect(evaluateExit({ position: yes10 }, snapshot, NOW).action).toBe('hold');
    const s = book('0.5', '0.51', '0.49', '0.5', LIQUID);
    expect(
      evaluateExit({ position: yes10 }, s, NOW, DEFAULT_EXIT_CONFIG, { currentEdge: d('0.02') }).action,
    ).toBe('hold');
    expect(
      evaluateExit({ position: yes10 }, s, NOW, DEFAULT_EXIT_CONFIG, { betterOpportunity: true }).action,
    ).toBe('hold');
  });

  it('exits a late-game loser and a position held too long', () => {
    const late = book('0.40', '0.41', '0.59', '0.60', { ...LIQUID, closeTime: NOW + 600_000 });
    const wideStop = exitConfig({ stopLossPct: d('0.30') });
    expect(summary(evaluateExit({ position: yes10 }, late, NOW, wideStop))).toEqual({
      action: 'exit',
      exit: ['time_based_urgent', 'HIGH', '10'],
      conflicting: [],
    });
    const cfg = exitConfig({ maxHoldMs: 3_600_000 });
    const s = book('0.5', '0.51', '0.49', '0.5', LIQUID);
    expect(evaluateExit({ position: yes10 }, s, 3_600_000, cfg).exit?.condition).toBe('time_based_urgent');
    expect(evaluateExit({ position: yes10 }, s, 3_599_999, cfg).action).toBe('hold');
  });

  it('executes the highest priority and records the others as conflicting', () => {
    const s = book('0.40', '0.45', '0.55', '0.60', { volume: d(10), closeTime: NOW + 1000 });
    const r = evaluateExit({ position: yes10 }, s, NOW, DEFAULT_EXIT_CONFIG, {
      circuitBreakerOpen: true,
      currentEdge: d('-0.1'),
    });
    expect(summary(r)).toEqual({
      action: 'exit',
      exit: ['stop_loss', 'CRITICAL', '10'],
      conflicting: ['circuit_breaker', 'time_based_urgent', 'liquidity_dried_up', 'edge_disappeared'],
    });
  });

  it('fires the trailing stop on the bid of the side held and returns the new state', () => {
    const stop = initTrailingStop('0.50', trail);
    const up = evaluateExit(
      { position: yes10, trailingStop: stop },
      book('0.60', '0.61', '0.39', '0.40', LIQUID),
      NOW,
    );
    expect([up.action, up.trailingStopChange, up.trailingStop?.currentStopPrice?.toString()]).toEqual([
      'hold',
      'activated',
      '0.57',
    ]);
    const down = evaluateExit(
      { position: yes10, trailingStop: up.trailingStop },
      book('0.57', '0.58', '0.42', '0.43', LIQUID),
      NOW + 1,
    );
    expect(summary(down)).toEqual({ action: 'exit', exit: ['trailing_stop', 'HIGH', '10'], conflicting: [] });
  });

  it('sizes partial exits on the original quantity, once per stage', () => {
    const cfg = exitConfig({
      profitTargetPct: d('0.5'),
      partialExits: [
        { name: 'first_target', profitThreshold: d('0.15'), exitFraction: d('0.5') },
        { name: 'second_target', profitThreshold: d('0.25'), exitFraction: d('0.25') },
      ],
    });
    let p = held('yes', 100, '0.60');
    const s1 = book('0.69', '0.70', '0.30', '0.31', LIQUID);
    const r1 = evaluateExit({ position: p }, s1, NOW, cfg);
    expect([r1.exit?.condition, r1.exit?.stage, r1.exit?.quantity.toString()]).toEqual([
      'partial_exit_target',
      'first_target',
      '50',
    ]);
    p = applyFill(p, fill('yes', 'sell', 50, '0.69'));
    expect(evaluateExit({ position: p, partialStagesDone: ['first_target'] }, s1, NOW, cfg).action).toBe(
      'hold',
    );
    const s2 = book('0.75', '0.76', '0.24', '0.25', LIQUID);
    const r2 = evaluateExit({ position: p, partialStagesDone: ['first_target'] }, s2, NOW, cfg);
    expect([r2.exit?.stage, r2.exit?.quantity.toString()]).toEqual(['second_target', '25']);
  });

  it('never sells more than held in a partial stage, and skips an empty one', () => {
    const cfg = exitConfig({
      partialExits: [
        { name: 'tiny', profitThreshold: d('0.1'), exitFraction: d('0.01') },
        { name: 'big', profitThreshold: d('0.1'), exitFraction: d('0.9') },
      ],
    });
    let p = held('yes', 10, '0.50');
    p = applyFill(p, fill('yes', 'sell', 8, '0.5'));
    const r = evaluateExit({ position: p }, book('0.56', '0.57', '0.43', '0.44', LIQUID), NOW, cfg);
    expect([r.exit?.stage, r.exit?.quantity.toString()]).toEqual(['big', '2']);
  });

  it('holds a closed position whatever the market does', () => {
    const closed = applyFill(held('yes', 1, '0.5'), fill('yes', 'sell', 1, '0.5'));
    const r = evaluateExit(
      { position: closed, trailingStop: initTrailingStop('0.5', trail) },
      book(null, null, null, null),
      NOW,
      DEFAULT_EXIT_CONFIG,
      { circuitBreakerOpen: true },
    );
    expect(summary(r)).toEqual({ action: 'hold', exit: null, conflicting: [] });
  });

  it('a settled market fires no exit: no liquidity_dried_up on its empty book', () => {
    for (const status of ['closed', 'determined', 'settled', 'finalized']) {
      const r = evaluateExit(
        { position: yes10, trailingStop: initTrailingStop('0.5', trail) },
        book(null, null, null, null, { status, volume: d(0), closeTime: NOW - 1 }),
        NOW,
        DEFAULT_EXIT_CONFIG,
        { circuitBreakerOpen: true },
      );
      expect([r.action, r.exit, r.notEvaluated, r.trailingStopChange]).toEqual([
        'hold',
        null,
        'market_not_trading',
        'none',
      ]);
    }
    // The same empty book on an active market is a liquidity exit.
    const active = evaluateExit({ position: yes10 }, book(null, null, null, null, { status: 'active' }), NOW);
    expect([active.exit?.condition, active.notEvaluated]).toEqual(['liquidity_dried_up', null]);
  });

  it('refuses to act on a stale snapshot (older than maxSnapshotAgeMs) and acts on a fresh one', () => {
    const crash = book('0.30', '0.31', '0.69', '0.70', LIQUID);
    const stale = evaluateExit({ position: yes10 }, { ...crash, observedAt: NOW - 120_001 }, NOW);
    expect([stale.action, stale.exit, stale.notEvaluated]).toEqual(['hold', null, 'stale_snapshot']);
    const fresh = evaluateExit({ position: yes10 }, { ...crash, observedAt: NOW - 120_000 }, NOW);
    expect([fresh.exit?.condition, fresh.notEvaluated]).toEqual(['stop_loss', null]);
    // No limit configured: the age does not matter.
    const unlimited = evaluateExit(
      { position: yes10 },
      { ...crash, observedAt: 0 },
      NOW,
      exitConfig({ maxSnapshotAgeMs: null }),
    );
    expect(unlimited.exit?.condition).toBe('stop_loss');
  });

  it('stored stop_loss_price and target_price are honoured over the percent rules', () => {
    // Entry 0.50: the percent stop is 0.425, the percent target 0.625.
    const at = (bid: string, ask: string) =>
      book(bid, ask, d(1).minus(ask).toString(), d(1).minus(bid).toString(), LIQUID);
    const own = { position: yes10, stopLossPrice: d('0.47'), targetPrice: d('0.55') };
    expect(evaluateExit({ position: yes10 }, at('0.47', '0.48'), NOW).exit).toBeNull();
    expect(evaluateExit(own, at('0.47', '0.48'), NOW).exit?.condition).toBe('stop_loss');
    expect(evaluateExit({ position: yes10 }, at('0.55', '0.56'), NOW).exit).toBeNull();
    expect(evaluateExit(own, at('0.55', '0.56'), NOW).exit?.condition).toBe('profit_target');
  });

  it('refuses a snapshot of another market', () => {
    expect(() =>
      evaluateExit({ position: yes10 }, book('0.5', '0.51', '0.49', '0.5', { ticker: 'OTHER' }), NOW),
    ).toThrow(`snapshot is for OTHER, not for position ${yes10.positionKey} on KXNFLGAME-T`);
  });

  it('turns rules off with null', () => {
    const off = exitConfig({
      stopLossPct: null,
      maxSpread: null,
      minVolume: null,
      urgentBeforeCloseMs: null,
      losingBeforeCloseMs: null,
      earlyExitEdge: null,
      edgeDisappearedBelow: null,
      profitTargetPct: null,
    });
    const s = book('0.10', '0.90', '0.10', '0.90', { volume: d(0), closeTime: NOW });
    expect(evaluateExit({ position: yes10 }, s, NOW, off, { currentEdge: d('-1') }).action).toBe('hold');
  });
});

describe('evaluateExit mirror property', () => {
  it('a NO position on the mirrored book decides exactly as the YES position', () => {
    const price = fc.integer({ min: 1, max: 99 }).map((c) => new Decimal(c).div(100));
    fc.assert(
      fc.property(
        price,
        fc.array(fc.tuple(fc.option(price, { nil: null }), fc.integer({ min: 0, max: 5 })), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.constantFrom(null, TAPERED),
        fc.option(
          fc.integer({ min: -10, max: 10 }).map((e) => new Decimal(e).div(100)),
          { nil: null },
        ),
        (entry, ticks, grid, edge) => {
          const yesPos = held('yes', 10, entry);
          const noPos = held('no', 10, entry);
          let yesStop = initTrailingStop(entry, trail);
          let noStop = initTrailingStop(entry, trail);
          for (const [i, [bid, spreadTicks]] of ticks.entries()) {
            const ask =
              bid === null ? null : Decimal.min(bid.plus(new Decimal(spreadTicks).div(100)), d('0.99'));
            // The YES position's book: its own side's bid/ask are `bid`/`ask`.
            const s = snapshotFromYesBook({
              ticker: 'KXNFLGAME-T',
              yesBid: bid,
              yesAsk: ask,
              volume: d(100),
              closeTime: NOW + 400_000 - i * 60_000,
              priceRanges: grid,
            });
            const ctx = { currentEdge: edge };
            const ry = evaluateExit(
              { position: yesPos, trailingStop: yesStop },
              s,
              NOW,
              DEFAULT_EXIT_CONFIG,
              ctx,
            );
            const rn = evaluateExit(
              { position: noPos, trailingStop: noStop },
              mirrorSnapshot(s),
              NOW,
              DEFAULT_EXIT_CONFIG,
              ctx,
            );
            expect(summary(rn)).toEqual(summary(ry));
            expect(rn.trailingStop?.currentStopPrice?.toString()).toBe(
              ry.trailingStop?.currentStopPrice?.toString(),
            );
            yesStop = ry.trailingStop ?? yesStop;
            noStop = rn.trailingStop ?? noStop;
          }
        },
      ),
    );
  });
});
