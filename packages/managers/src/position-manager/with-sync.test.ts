import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFill, type Fill, openPosition } from '../positions/position';
import { freshStore, startExchange } from '../sync/__fixtures__/harness';
import { syncPositions } from '../sync/positions';
import { PositionManager } from './position-manager';

// The sync service and the position manager write versions of the same positions: the exchange
// owns quantity, exposure and fees, the manager its exact fill-built figures and stops.
const T = 'KXNFLGAME-26NOV29KCLV-KC';
const d = (v: Decimal.Value) => new Decimal(v);
const fill = (id: string, count: string, price: string, fee: string, at: number): Fill => ({
  fillId: id,
  ticker: T,
  side: 'yes',
  action: 'buy',
  count: d(count),
  price: d(price),
  fee: d(fee),
  createdAt: at,
});

describe('PositionManager and syncPositions on one positions table', () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore();
  });
  afterEach(() => store.close());

  it("a sync keeps the manager's exact figures and key, and the manager still reads the version", async () => {
    const positions = new PositionManager(store, { clock: { now: () => 1_000 } });
    let p = openPosition(fill('f1', '3', '0.33', '0.02', 1));
    p = applyFill(p, fill('f2', '4', '0.34', '0.03', 2));
    await positions.save({ position: p, stopLossPrice: d('0.25') });

    const ex = await startExchange({
      // The exchange agrees with the manager (7 contracts, $0.05 of fees, net realized −0.05).
      positions: [
        { ticker: T, position: '7', marketExposure: '2.35', feesPaid: '0.05', totalTraded: '2.35' },
      ],
    });
    try {
      const result = await syncPositions(ex.client, store, { clock: { now: () => 2_000 } });
      expect([result.inserted, result.versioned]).toEqual([0, 1]);
    } finally {
      await ex.close();
    }

    const stored = await positions.get(p.positionKey);
    expect(stored?.position.costBasis.toString()).toBe('2.35');
    expect(stored?.position.avgEntryPrice.toString()).toBe('0.33571428571428571429');
    expect(stored?.position.feesPaid.toString()).toBe('0.05');
    expect(stored?.position.fillCount).toBe(2);
    expect(stored?.stopLossPrice?.toString()).toBe('0.25');
    const [row] = await store.positions.current({ positionKey: p.positionKey });
    // The exchange's figures exactly: realized P&L 0 before fees, fees 0.05 (net −0.05).
    expect([
      row?.feesPaid?.toString(),
      row?.realizedPnl?.toString(),
      stored?.position.realizedPnl.toString(),
    ]).toEqual(['0.05', '0', '-0.05']);
    expect(row?.metadata).toMatchObject({ ticker: T, position_fp: '7', position: { fillCount: 2 } });
  });
});
