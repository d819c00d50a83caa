// Settlement on the fake exchange, end to end: fills → position manager → the exchange settles →
// syncSettlements → the position monitor settles the position and feeds the breakers.
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { startExchange, type TestExchange } from '../execution/__fixtures__/exchange';
import { placeSideOrder } from '../execution/orders';
import { RiskRecorder } from '../execution/risk-recorder';
import { DEFAULT_EXIT_CONFIG } from '../exits/rules';
import { PositionMonitor } from '../monitor/position-monitor';
import { DEFAULT_CIRCUIT_BREAKER_CONFIG } from '../risk/circuit-breakers';
import { syncPositions } from '../sync/positions';
import { syncSettlements } from '../sync/settlements';
import { PositionManager } from './position-manager';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const dec = (v: Decimal.Value) => new Decimal(v);

describe('settlement reaches positions and risk (fake exchange, PGlite)', () => {
  let store: Store;
  let ex: TestExchange;
  let positions: PositionManager;

  beforeEach(async () => {
    store = await pgliteStore();
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.58',
          yesAsk: '0.60',
          yesBidSize: 100,
          yesAskSize: 100,
        },
      ],
    });
    positions = new PositionManager(store);
  });
  afterEach(async () => {
    await ex.close();
    await store.close();
  });

  /** Buys 10 YES at 0.60 and sells 4 at 0.58 through the position manager. */
  async function tenBoughtFourSold() {
    const buy = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'buy',
      count: dec(10),
      price: dec('0.60'),
    });
    await positions.applyFills(buy.fills);
    const sell = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'sell',
      count: dec(4),
      price: dec('0.58'),
    });
    const stored = await positions.applyFills(sell.fills);
    return { stored: stored!, fees: [...buy.fills, ...sell.fills].map((f) => f.fee.toString()) };
  }

  async function realizedColumn(positionKey: string) {
    const rows = await store.query<{ realized_pnl: Decimal; fees_paid: Decimal; status: string }>(
      'SELECT realized_pnl, fees_paid, status FROM positions WHERE position_key = $1 AND row_current_ind',
      [positionKey],
    );
    const row = rows.rows[0]!;
    return [row.status, row.realized_pnl.toString(), row.fees_paid.toString()];
  }

  function monitorWith(risk: RiskRecorder) {
    return new PositionMonitor({
      client: ex.client,
      store,
      positions,
      risk,
      exits: DEFAULT_EXIT_CONFIG,
      sleep: async () => undefined,
    });
  }

  it('settlement P&L: 10 YES @0.60, sell 4 @0.58, settles YES → settled, realized net +$2.08 on the store', async () => {
    const { stored, fees } = await tenBoughtFourSold();
    expect(fees).toEqual(['0.17', '0.07']);
    // The column holds the trading P&L before fees (4 × (0.58 − 0.60)); the net is −0.32.
    expect(await realizedColumn(stored.position.positionKey)).toEqual(['open', '-0.08', '0.24']);
    expect(stored.position.realizedPnl.toString()).toBe('-0.32');
    const risk = await RiskRecorder.open(store);
    const monitor = monitorWith(risk);

    ex.exchange.settle(T, 'yes');
    // A settled market fires no exit: its book is empty, but nothing is sold and nothing is tried.
    expect((await monitor.cycle(Date.now())).events).toEqual([]);
    expect(await store.exitAttempts.list()).toEqual([]);

    await syncSettlements(ex.client, store);
    const { events } = await monitor.cycle(Date.now());
    expect(
      events.map(
        (e) => e.kind === 'settlement' && [e.marketResult, e.realizedPnl.toString(), e.breakerTrips],
      ),
    ).toEqual([['yes', '2.08', 0]]);
    const settled = await positions.get(stored.position.positionKey);
    expect([
      settled?.position.status,
      settled?.position.realizedPnl.toString(),
      settled?.position.quantity.toString(),
    ]).toEqual(['settled', '2.08', '0']);
    // The column holds 2.32 before fees, fees_paid 0.24 beside it: the true net +2.08 is derived.
    expect(await realizedColumn(stored.position.positionKey)).toEqual(['settled', '2.32', '0.24']);
    expect(await positions.open()).toEqual([]);
    expect(risk.state.dailyRealizedPnl.toString()).toBe('2.08');
    // Settled once: the next cycle has nothing to do.
    expect((await monitor.cycle(Date.now())).events).toEqual([]);
  });

  it('expiry losses reach the daily-loss and losing-streak breakers', async () => {
    await tenBoughtFourSold();
    const risk = await RiskRecorder.open(store, {
      ...DEFAULT_CIRCUIT_BREAKER_CONFIG,
      dailyLossLimit: dec(3),
      maxConsecutiveLosses: 1,
    });
    ex.exchange.settle(T, 'no');
    await syncSettlements(ex.client, store);
    const { events } = await monitorWith(risk).cycle(Date.now());
    expect(events.map((e) => e.kind === 'settlement' && [e.realizedPnl.toString(), e.breakerTrips])).toEqual([
      ['-3.92', 2],
    ]);
    expect(risk.entryAllowed()).toEqual({ allowed: false, blockedBy: ['daily_loss', 'consecutive_losses'] });
    // And a restart still knows it.
    expect((await RiskRecorder.open(store)).state.dailyRealizedPnl.toString()).toBe('-3.92');
  });

  it('positions.realized_pnl is before fees in both writers: the sync writes what the manager wrote', async () => {
    const { stored } = await tenBoughtFourSold();
    const key = stored.position.positionKey;
    expect(await realizedColumn(key)).toEqual(['open', '-0.08', '0.24']);
    await syncPositions(ex.client, store);
    expect(await realizedColumn(key)).toEqual(['open', '-0.08', '0.24']);
    // The manager's exact figures still describe the version: it reads them back.
    const read = await positions.get(key);
    expect([read?.position.realizedPnl.toString(), read?.position.openingFillId]).toEqual([
      '-0.32',
      stored.position.openingFillId,
    ]);

    // Contracts bought behind the manager's back: the sync's version is newer than the
    // manager's metadata, and the manager reads the columns, not its stale figures.
    await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'buy',
      count: dec(2),
      price: dec('0.60'),
    });
    await syncPositions(ex.client, store);
    const after = await positions.get(key);
    expect([
      after?.position.quantity.toString(),
      after?.position.feesPaid.toString(),
      after?.position.realizedPnl.toString(),
      after?.position.openingFillId,
    ]).toEqual(['8', '0.28', '-0.36', stored.position.openingFillId]); // + 0.04 fee on the 2
  });

  it('applyFills: a fill that crosses zero closes the YES position and opens the NO one', async () => {
    const buy = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'yes',
      action: 'buy',
      count: dec(5),
      price: dec('0.60'),
    });
    const yes = (await positions.applyFills(buy.fills, { strategyId: null }))!;
    // Buying 8 NO at 0.42 (a YES ask at 0.58) sells the 5 YES and opens 3 NO.
    const cross = await placeSideOrder(ex.client, {
      ticker: T,
      side: 'no',
      action: 'buy',
      count: dec(8),
      price: dec('0.42'),
    });
    const no = (await positions.applyFills(cross.fills))!;
    expect([no.position.side, no.position.status, no.position.quantity.toString()]).toEqual([
      'no',
      'open',
      '3',
    ]);
    const closed = await positions.get(yes.position.positionKey);
    expect([closed?.position.status, closed?.position.quantity.toString()]).toEqual(['closed', '0']);
    expect((await positions.open()).map((p) => p.position.positionKey)).toEqual([no.position.positionKey]);
    // The exchange nets the same way.
    const exchange = await ex.client.portfolio.getPositions({ ticker: T });
    expect(exchange.items.find((p) => p.ticker === T)?.position_fp.toString()).toBe('-3');
  });
});
