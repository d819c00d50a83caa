import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { computeEdges } from '../edge/edge';
import { initTrailingStop, updateTrailingStop } from '../exits/trailing-stop';
import { snapshotFromYesBook } from '../market';
import { markPosition } from '../positions/mark';
import { applyFill, type Fill, openPosition } from '../positions/position';
import { recordEdges } from './edges';
import { PositionManager } from './position-manager';
import { netRealizedPnl, positionFromRow } from './stored-position';

const d = (v: Decimal.Value) => new Decimal(v);
const T = 'KXNFLGAME-26NOV29KCLV-KC';
const fill = (
  id: string,
  action: 'buy' | 'sell',
  count: string,
  price: string,
  fee: string,
  at: number,
): Fill => ({
  fillId: id,
  ticker: T,
  side: 'yes',
  action,
  count: d(count),
  price: d(price),
  fee: d(fee),
  createdAt: at,
});

describe('PositionManager (PGlite)', () => {
  let store: Store;
  const now = Date.UTC(2026, 10, 29, 12);
  const clock = { now: () => now };
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(() => store.close());

  it('round-trips a fill-built position with every Decimal exact, even an average entry with many decimals', async () => {
    const positions = new PositionManager(store, { clock });
    let p = openPosition(fill('f1', 'buy', '3', '0.33', '0.02', 1));
    p = applyFill(p, fill('f2', 'buy', '4', '0.34', '0.03', 2));
    p = applyFill(p, fill('f3', 'sell', '2', '0.40', '0.02', 3));
    // avg entry = 2.35 / 7 keeps 20 significant digits; the column keeps it rounded to 4 dp
    expect(p.avgEntryPrice.toString()).toBe('0.33571428571428571429');
    const trailing = initTrailingStop(p.avgEntryPrice, {
      activationThreshold: d('0.1'),
      distance: { kind: 'ticks', value: 2 },
      tightening: null,
    });
    const snapshot = snapshotFromYesBook({ ticker: T, yesBid: d('0.41'), yesAsk: d('0.43') });
    const mark = markPosition(p, snapshot);
    const { stored, result } = await positions.save({
      position: p,
      strategyId: null,
      modelId: null,
      trailingStop: trailing,
      stopLossPrice: d('0.2854'),
      targetPrice: d('0.47'),
      initialOrderId: 'order-1',
      mark,
    });
    expect(result).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    expect(stored.position).toEqual(p);
    expect(stored.trailingStop).toEqual(trailing);
    expect(stored.mark?.bid?.toString()).toBe('0.41');
    expect(stored.mark?.unrealizedPnl?.toString()).toBe(mark.unrealizedPnl?.toString());
    expect([stored.stopLossPrice?.toString(), stored.targetPrice?.toString(), stored.initialOrderId]).toEqual(
      ['0.2854', '0.47', 'order-1'],
    );
    const row = (await store.positions.current({ positionKey: p.positionKey }))[0]!;
    expect([
      row.entryPrice?.toString(),
      row.marketExposure?.toString(),
      row.feesPaid?.toString(),
      row.realizedPnl?.toString(),
      row.quantity.toString(),
      // The column holds the trading P&L before fees (Kalshi's convention), the net is derived.
    ]).toEqual(['0.3357', p.costBasis.toString(), '0.07', p.realizedTradingPnl.toString(), '5']);
    expect([
      p.realizedTradingPnl.toString(),
      netRealizedPnl(row)?.toString(),
      p.realizedPnl.toString(),
    ]).toEqual(['0.1286', '0.0586', '0.0586']);
    expect(row.lastCheckTime?.getTime()).toBe(now);
  });

  it('writes a new version only when something tracked changes, keeping attribution and stops', async () => {
    const positions = new PositionManager(store, { clock });
    const p = openPosition(fill('g1', 'buy', '10', '0.50', '0.18', 1));
    const trailing = initTrailingStop(d('0.5'), {
      activationThreshold: d('0.1'),
      distance: { kind: 'ticks', value: 2 },
      tightening: null,
    });
    await positions.save({ position: p, trailingStop: trailing });
    expect((await positions.save({ position: p })).result).toEqual({
      inserted: 0,
      versioned: 0,
      unchanged: 1,
    });
    const raised = updateTrailingStop(trailing, { side: 'yes', bid: d('0.56'), now: 5 }).state;
    expect(raised.currentStopPrice?.toString()).toBe('0.54');
    const { stored } = await positions.save({ position: p, trailingStop: raised });
    expect(stored.trailingStop?.currentStopPrice?.toString()).toBe('0.54');
    const history = await positions.history(p.positionKey);
    expect(history.map((h) => [h.trailingStop?.active, h.version?.end === null])).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(history[0]!.version!.end).toEqual(history[1]!.version!.start);
  });

  it('applies fills to the open position of a market, opens a new key after it closed, and lists open ones', async () => {
    const positions = new PositionManager(store, { clock });
    const first = await positions.applyFills([fill('h1', 'buy', '2', '0.40', '0.02', 1)], {
      strategyId: null,
    });
    const added = await positions.applyFills([fill('h2', 'buy', '2', '0.44', '0.02', 2)]);
    expect(added?.position.positionKey).toBe(first?.position.positionKey);
    expect([added?.position.quantity.toString(), added?.position.avgEntryPrice.toString()]).toEqual([
      '4',
      '0.42',
    ]);
    const closed = await positions.applyFills([fill('h3', 'sell', '4', '0.45', '0.03', 3)]);
    expect(closed?.position.status).toBe('closed');
    expect(closed?.position.realizedPnl.toString()).toBe('0.05');
    expect(await positions.open()).toEqual([]);
    const reopened = await positions.applyFills([fill('h4', 'buy', '1', '0.30', '0.01', 4)]);
    expect(reopened?.position.positionKey).not.toBe(first?.position.positionKey);
    expect((await positions.open({ ticker: T })).map((s) => s.position.positionKey)).toEqual([
      reopened?.position.positionKey,
    ]);
    expect((await positions.all()).length).toBe(2);
    expect(await positions.applyFills([])).toBeUndefined();
    expect(await positions.get('nope')).toBeUndefined();
  });

  it('reads its exact figures back from a version written when realized_pnl held the net (before the one rule)', async () => {
    const positions = new PositionManager(store, { clock });
    let p = openPosition(fill('l1', 'buy', '10', '0.60', '0.17', 1));
    p = applyFill(p, fill('l2', 'sell', '4', '0.58', '0.07', 2));
    await positions.save({ position: p });
    const [row] = await store.positions.current({ positionKey: p.positionKey });
    expect([row!.realizedPnl?.toString(), row!.feesPaid?.toString()]).toEqual(['-0.08', '0.24']);
    // An older store: the same version with the net in the column.
    const { id: _i, rowCurrentInd: _c, rowStartTs: _s, rowEndTs: _e, ...input } = row!;
    await store.positions.upsertVersions([{ ...input, realizedPnl: d('-0.32') }]);
    const read = await positions.get(p.positionKey);
    expect(read?.position).toEqual(p);
    expect([read?.position.realizedTradingPnl.toString(), read?.position.realizedPnl.toString()]).toEqual([
      '-0.08',
      '-0.32',
    ]);
  });

  it('reads a version the sync service wrote from its columns', async () => {
    await store.positions.upsertVersions([
      {
        positionKey: 'POS-synced',
        ticker: T,
        side: 'no',
        quantity: '4',
        entryPrice: '0.45',
        marketExposure: '1.8',
        feesPaid: '0.07',
        realizedPnl: '0.5',
        entryTime: new Date(5_000),
      },
    ]);
    const row = (await store.positions.current({ positionKey: 'POS-synced' }))[0]!;
    const { position } = positionFromRow(row);
    expect(position.side).toBe('no');
    expect(
      [
        position.quantity,
        position.entryQuantity,
        position.costBasis,
        position.avgEntryPrice,
        position.realizedTradingPnl,
        position.feesPaid,
        position.realizedPnl,
      ].map(String),
      // realized_pnl is before fees in every writer (Kalshi's convention): net = 0.5 − 0.07.
    ).toEqual(['4', '4', '1.8', '0.45', '0.5', '0.07', '0.43']);
    expect([position.openedAt, position.closedAt, position.fillCount]).toEqual([5_000, null, 0]);
  });
});

describe('recordEdges (PGlite)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(() => store.close());

  it('stores edges as versions attributed to the strategy and model versions, unchanged edges write nothing', async () => {
    const strategy = await store.strategies.create({
      name: 's',
      version: '1',
      config: { type: 'edge_kelly' },
    });
    const model = await store.models.create({ name: 'm', version: '1', config: { type: 'elo' } });
    const snapshot = snapshotFromYesBook({ ticker: T, yesBid: d('0.60'), yesAsk: d('0.62') });
    const edges = computeEdges({ yesProbability: d('0.7123'), snapshot, shrink: d('0.1') });
    const record = {
      ticker: T,
      edge: edges.best!,
      yesProbability: edges.yesProbability,
      recommendedAction: 'auto_execute' as const,
    };
    const params = { strategyId: strategy.id, modelId: model.id, edges: [record] };
    expect(await recordEdges(store, params)).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    expect(await recordEdges(store, params)).toEqual({ inserted: 0, versioned: 0, unchanged: 1 });
    const [row] = await store.edges.current({ ticker: T });
    expect(edges.best!.probability.toString()).toBe('0.69107');
    expect({
      side: row?.side,
      strategyId: row?.strategyId,
      modelId: row?.modelId,
      expectedValue: row?.expectedValue.toString(),
      trueWinProbability: row?.trueWinProbability.toString(),
      marketPrice: row?.marketPrice.toString(),
      recommendedAction: row?.recommendedAction,
    }).toEqual({
      side: 'yes',
      strategyId: strategy.id,
      modelId: model.id,
      expectedValue: edges.best!.edge.toString(),
      trueWinProbability: '0.6911',
      marketPrice: '0.62',
      recommendedAction: 'auto_execute',
    });
    expect(row?.metadata).toMatchObject({
      probability: '0.69107',
      effectiveCost: edges.best!.effectiveCost.toString(),
    });
  });
});
