import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { planExitOrders } from '../exits/execution-plan';
import { PositionManager } from '../position-manager/position-manager';
import { startExchange, type TestExchange } from './__fixtures__/exchange';
import { ExitExecutor } from './exit-executor';
import { snapshotFromMarket } from './market-snapshot';
import { placeSideOrder } from './orders';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const dec = (v: Decimal.Value) => new Decimal(v);
const strings = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, Decimal.isDecimal(v) ? (v as Decimal).toString() : v]),
  );

describe('ExitExecutor against the fake exchange', () => {
  let store: Store;
  let ex: TestExchange;
  let now: number;
  const clock = { now: () => now };

  beforeEach(async () => {
    store = await pgliteStore();
    now = Date.UTC(2026, 10, 29, 15);
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  async function open(side: 'yes' | 'no', count: number, price: string) {
    const positions = new PositionManager(store, { clock });
    const order = await placeSideOrder(ex.client, {
      ticker: T,
      side,
      action: 'buy',
      count: dec(count),
      price: dec(price),
    });
    const stored = await positions.applyFills(order.fills, {
      strategyId: null,
      modelId: null,
      initialOrderId: order.orderId,
    });
    return { positions, stored: stored! };
  }

  it('walks a YES exit down the bids, records every attempt and the exit exactly, and reconciles', async () => {
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.50',
          yesAsk: '0.52',
          yesBidSize: 5,
          yesAskSize: 100,
          extraLevels: 3,
        },
      ],
    });
    const { positions, stored } = await open('yes', 12, '0.52');
    expect(stored.position.feesPaid.toString()).toBe('0.21');
    const snapshot = snapshotFromMarket(await ex.client.markets.get(T));
    expect([snapshot.yesBid?.toString(), snapshot.noBid?.toString()]).toEqual(['0.5', '0.48']);
    const plan = planExitOrders({
      priority: 'HIGH',
      side: 'yes',
      quantity: dec(12),
      bid: snapshot.yesBid!,
      priceRanges: snapshot.priceRanges ?? null,
    });
    let apiSuccesses = 0;
    const executor = new ExitExecutor(ex.client, store, positions, {
      clock,
      sleep: async (ms) => {
        now += ms;
      },
      onApiSuccess: () => {
        apiSuccesses += 1;
      },
    });
    const trigger = {
      condition: 'trailing_stop' as const,
      priority: 'HIGH' as const,
      quantity: dec(12),
      reason: 'bid touched the stop',
    };
    const result = await executor.execute({ stored, trigger, plan, unrealizedPnlAtExit: dec('-0.45') });

    expect(result.filled.toString()).toBe('12');
    expect(result.unfilled.toString()).toBe('0');
    expect(result.averagePrice?.toString()).toBe('0.4925');
    // proceeds 2.50 + 2.45 + 0.96 − cost 6.24 − exit fees (0.09 + 0.09 + 0.04)
    expect(result.realizedPnl.toString()).toBe('-0.55');
    expect(result.position.realizedPnl.toString()).toBe('-0.76');
    expect(result.reconciliation).toEqual({ matches: true, expected: dec(0), exchange: dec(0) });
    expect(apiSuccesses).toBe(3);

    const attempts = await store.exitAttempts.list({ positionKey: stored.position.positionKey });
    expect(
      attempts.map((a) => [
        a.attemptNumber,
        a.orderType,
        a.limitPrice?.toString(),
        a.quantity.toString(),
        a.fillPrice?.toString(),
        a.success,
        a.timeoutSeconds,
      ]),
    ).toEqual([
      [1, 'limit', '0.5', '12', '0.5', true, 10],
      [2, 'limit', '0.49', '7', '0.49', true, 10],
      [3, 'limit', '0.48', '2', '0.48', true, 10],
    ]);
    expect(attempts.map((a) => a.attemptedAt.getTime() - Date.UTC(2026, 10, 29, 15))).toEqual([
      0, 10_000, 20_000,
    ]);
    expect(attempts[0]!.metadata).toMatchObject({ filled: '5', fees: '0.09' });

    const exits = await store.positionExits.list({ positionKey: stored.position.positionKey });
    expect(exits.map((e) => strings(e as unknown as Record<string, unknown>))).toEqual([
      expect.objectContaining({
        exitCondition: 'trailing_stop',
        exitPriority: 'HIGH',
        quantityExited: '12',
        exitPrice: '0.4925',
        realizedPnl: '-0.55',
        unrealizedPnlAtExit: '-0.45',
        orderId: attempts[2]!.orderId,
        ticker: T,
      }),
    ]);
    expect(exits[0]!.metadata).toMatchObject({
      proceeds: '5.91',
      fees: '0.22',
      reason: 'bid touched the stop',
    });

    const current = await positions.get(stored.position.positionKey);
    expect(current?.position.status).toBe('closed');
    expect(current?.position.quantity.toString()).toBe('0');
    expect(current?.exit).toEqual({
      condition: 'trailing_stop',
      priority: 'HIGH',
      price: dec('0.4925'),
      at: now,
    });
    expect((await positions.history(stored.position.positionKey)).length).toBe(2);
  });

  it('exits a NO position in NO prices (a YES bid on the book), walking per MEDIUM priority', async () => {
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.38',
          yesAsk: '0.40',
          yesBidSize: 100,
          yesAskSize: 4,
          extraLevels: 2,
        },
      ],
    });
    const { positions, stored } = await open('no', 6, '0.62');
    expect([stored.position.side, stored.position.avgEntryPrice.toString()]).toEqual(['no', '0.62']);
    const plan = planExitOrders({ priority: 'MEDIUM', side: 'no', quantity: dec(6), bid: dec('0.60') });
    const executor = new ExitExecutor(ex.client, store, positions, { clock, sleep: async () => undefined });
    const result = await executor.execute({
      stored,
      trigger: { condition: 'stop_loss', priority: 'MEDIUM', quantity: dec(6), reason: 'loss' },
      plan,
    });
    expect(
      result.attempts.map((a) => [a.limitPrice?.toString(), a.quantity.toString(), a.fillPrice?.toString()]),
    ).toEqual([
      ['0.6', '6', '0.6'],
      ['0.59', '2', '0.59'],
    ]);
    expect(result.averagePrice?.toFixed(6)).toBe('0.596667');
    expect(
      (await store.positionExits.list({ positionKey: stored.position.positionKey }))[0]?.exitPrice.toString(),
    ).toBe('0.5967');
    expect(result.reconciliation.matches).toBe(true);
    expect(ex.exchange.snapshot().positions.filter((p) => !new Decimal(p.position).isZero())).toEqual([]);
  });

  it('records a failed order as an unsuccessful attempt, reports it, and leaves the position open', async () => {
    ex = await startExchange({
      markets: [
        { ticker: T, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.50', yesAsk: '0.52', extraLevels: 1 },
      ],
    });
    const { positions, stored } = await open('yes', 3, '0.52');
    ex.exchange.injectFault({
      kind: 'status',
      status: 503,
      path: '/portfolio/events/orders',
      method: 'POST',
      times: Number.POSITIVE_INFINITY,
    });
    const errors: unknown[] = [];
    const executor = new ExitExecutor(ex.client, store, positions, {
      clock,
      sleep: async () => undefined,
      onApiError: (e) => {
        errors.push(e);
      },
    });
    const plan = planExitOrders({
      priority: 'CRITICAL',
      side: 'yes',
      quantity: dec(3),
      bid: dec('0.50'),
      execution: { marketAttempts: 1 },
    });
    const result = await executor.execute({
      stored,
      trigger: { condition: 'circuit_breaker', priority: 'CRITICAL', quantity: dec(3), reason: 'breaker' },
      plan,
    });
    expect(result.filled.toString()).toBe('0');
    expect(result.unfilled.toString()).toBe('3');
    expect(errors.length).toBe(2);
    const attempts = await store.exitAttempts.list({ positionKey: stored.position.positionKey });
    expect(attempts.map((a) => [a.orderType, a.limitPrice?.toString(), a.success, a.orderId])).toEqual([
      ['limit', '0.5', false, null],
      ['market', '0.38', false, null], // the sweep floor: 0.50 × 0.75, not $0.01
    ]);
    expect(await store.positionExits.list({ positionKey: stored.position.positionKey })).toEqual([]);
    expect((await positions.get(stored.position.positionKey))?.position.status).toBe('open');
    expect(result.reconciliation).toEqual({ matches: true, expected: dec(3), exchange: dec(3) });
  });

  it('reports a difference between our position and the exchange', async () => {
    ex = await startExchange({
      markets: [{ ticker: T, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.50', yesAsk: '0.52' }],
    });
    const { positions, stored } = await open('yes', 4, '0.52');
    const warnings: Record<string, unknown>[] = [];
    const logger = {
      debug() {},
      info() {},
      error() {},
      warn: (o: Record<string, unknown>) => void warnings.push(o),
    };
    const executor = new ExitExecutor(ex.client, store, positions, { logger });
    const reconciliation = await executor.reconcile({ ...stored.position, quantity: dec(5) });
    expect(reconciliation).toEqual({ matches: false, expected: dec(5), exchange: dec(4) });
    expect(warnings).toEqual([{ ticker: T, expected: '5', exchange: '4' }]);
  });
});

describe('ExitExecutor remainder', () => {
  let store: Store;
  let ex: TestExchange;
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  it('remainder retried: the ladder re-reads the book and sells what the first round left', async () => {
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.50',
          yesAsk: '0.52',
          yesBidSize: 100,
          yesAskSize: 100,
        },
      ],
    });
    const positions = new PositionManager(store);
    const buy = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'buy',
      count: dec(5),
      price: dec('0.52'),
    });
    const stored = (await positions.applyFills(buy.fills))!;
    // Only 2 contracts bid at 0.50 now; one IOC at the bid (no walks, no sweep).
    ex.exchange.setPrices(T, { yesBid: '0.50', yesBidSize: 2 });
    const reads: string[] = [];
    const executor = new ExitExecutor(ex.client, store, positions, {
      sleep: async () => undefined,
      readBook: async () => {
        // The book refills at 0.49 before the retry reads it.
        ex.exchange.setPrices(T, { yesBid: '0.49', yesBidSize: 50 });
        reads.push('read');
        return { bid: dec('0.49'), priceRanges: null };
      },
    });
    const plan = planExitOrders({
      priority: 'MEDIUM',
      side: 'yes',
      quantity: dec(5),
      bid: dec('0.50'),
      floorPrice: dec('0.45'),
      execution: { maxWalks: 0 },
    });
    const result = await executor.execute({
      stored,
      trigger: { condition: 'profit_target', priority: 'MEDIUM', quantity: dec(5), reason: 'test' },
      plan,
    });
    expect(reads).toEqual(['read']);
    expect([result.filled.toString(), result.unfilled.toString(), result.position.status]).toEqual([
      '5',
      '0',
      'closed',
    ]);
    expect(
      result.attempts.map((a) => [
        a.attemptNumber,
        a.limitPrice?.toString(),
        a.metadata && (a.metadata as { filled: string }).filled,
      ]),
    ).toEqual([
      [1, '0.5', '2'],
      [2, '0.49', '3'],
    ]);
  });
});
