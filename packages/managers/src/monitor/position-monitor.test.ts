import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { startExchange, type TestExchange } from '../execution/__fixtures__/exchange';
import { placeSideOrder } from '../execution/orders';
import { RiskRecorder } from '../execution/risk-recorder';
import { DEFAULT_EXIT_CONFIG } from '../exits/rules';
import { initTrailingStop } from '../exits/trailing-stop';
import { PositionManager } from '../position-manager/position-manager';
import { PositionMonitor } from './position-monitor';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const dec = (v: Decimal.Value) => new Decimal(v);

describe('PositionMonitor on the fake exchange', () => {
  let store: Store;
  let ex: TestExchange;
  let now: number;
  const clock = { now: () => now };

  beforeEach(async () => {
    store = await pgliteStore();
    now = Date.UTC(2026, 10, 29, 15);
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.50',
          yesAsk: '0.52',
          yesBidSize: 100,
          yesAskSize: 100,
          extraLevels: 3,
        },
      ],
    });
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  async function setUp() {
    const positions = new PositionManager(store, { clock });
    const order = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'buy',
      count: dec(12),
      price: dec('0.52'),
    });
    await positions.applyFills(order.fills, {
      strategyId: null,
      modelId: null,
      initialOrderId: order.orderId,
      trailingStop: initTrailingStop(dec('0.52'), {
        activationThreshold: dec('0.10'),
        distance: { kind: 'ticks', value: 2 },
      }),
    });
    const risk = await RiskRecorder.open(store);
    const monitor = new PositionMonitor({
      client: ex.client,
      store,
      positions,
      risk,
      exits: { ...DEFAULT_EXIT_CONFIG, maxSpread: null, minVolume: null },
      clock,
      sleep: async () => undefined,
    });
    return { positions, monitor };
  }

  it('does nothing on a quiet tick, saves a trailing stop that arms, then works the exit it triggers', async () => {
    const { positions, monitor } = await setUp();
    expect((await monitor.cycle(now)).events).toEqual([]);

    ex.exchange.movePrices(T, dec('0.10')); // bid 0.60 ≥ 0.52 × 1.10: the stop arms at 0.58
    now += 60_000;
    const armed = (await monitor.cycle(now)).events;
    expect(armed).toHaveLength(1);
    expect(armed[0]).toMatchObject({ kind: 'trailing_stop', ticker: T, change: 'activated' });
    const saved = (await positions.open())[0]!;
    expect(saved.trailingStop?.currentStopPrice?.toString()).toBe('0.58');

    ex.exchange.movePrices(T, dec('-0.03')); // bid 0.57 ≤ 0.58
    now += 60_000;
    const exits = (await monitor.cycle(now)).events;
    expect(exits).toHaveLength(1);
    const exit = exits[0]!;
    if (exit.kind !== 'exit') throw new Error('expected an exit');
    expect(exit.trigger.condition).toBe('trailing_stop');
    expect(exit.filled.toString()).toBe('12');
    expect(exit.averagePrice?.toString()).toBe('0.57');
    expect(exit.closed).toBe(true);
    expect(exit.reconciled).toBe(true);
    expect(exit.breakerTrips).toBe(0);
    expect(await positions.open()).toEqual([]);
  });
});
