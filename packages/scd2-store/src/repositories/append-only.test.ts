import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import {
  AppendOnlyViolationError,
  ForeignKeyViolationError,
  NotNullViolationError,
  PrecisionError,
  StoreError,
} from '../errors';
import type { FillInput } from './trades';

function fill(id: string, over: Partial<FillInput> = {}): FillInput {
  return {
    externalTradeId: id,
    ticker: 'KXNFL-KC',
    side: 'yes',
    action: 'buy',
    price: '0.5600',
    quantity: '10.50',
    fees: '0.0700',
    executedAt: new Date('2026-09-07T17:00:00.000Z'),
    orderId: 'ord-1',
    metadata: { is_taker: true },
    ...over,
  };
}

describe.each(backendNames)('append-only repositories on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('inserts fills once: a re-sync of the same fills reports duplicates and writes nothing', async () => {
    const a = uid('F');
    const b = uid('F');
    expect(await t.store.trades.insertFills([fill(a), fill(b)])).toEqual({ inserted: 2, duplicates: 0 });
    expect(await t.store.trades.insertFills([fill(a), fill(b), fill(a)])).toEqual({
      inserted: 0,
      duplicates: 3,
    });
    const [row] = await t.store.trades.list({ externalTradeId: a });
    expect({ ...row, tradeId: undefined, recordedAt: undefined, price: row!.price.toFixed(4) }).toEqual({
      tradeId: undefined,
      recordedAt: undefined,
      externalTradeId: a,
      platformId: 'kalshi',
      subaccount: 0,
      ticker: 'KXNFL-KC',
      side: 'yes',
      action: 'buy',
      price: '0.5600',
      quantity: new Decimal('10.5'),
      fees: new Decimal('0.07'),
      executedAt: new Date('2026-09-07T17:00:00.000Z'),
      orderId: 'ord-1',
      isTaker: null,
      orderType: null,
      positionKey: null,
      strategyId: null,
      modelId: null,
      methodId: null,
      edgeAtExecution: null,
      confidenceAtExecution: null,
      metadata: { is_taker: true },
    });
    expect(await t.store.trades.insertFills([])).toEqual({ inserted: 0, duplicates: 0 });
  });

  it('refuses UPDATE and DELETE of a fill in the database itself', async () => {
    const id = uid('F');
    await t.store.trades.insertFills([fill(id)]);
    const update = await t.store
      .query('UPDATE trades SET fees = 0 WHERE external_trade_id = $1', [id])
      .catch((e: unknown) => e);
    expect(update).toBeInstanceOf(AppendOnlyViolationError);
    expect((update as AppendOnlyViolationError).table).toBe('trades');
    expect((update as Error).message).toBe('append-only table trades: UPDATE refused');
    await expect(
      t.store.query('DELETE FROM trades WHERE external_trade_id = $1', [id]),
    ).rejects.toBeInstanceOf(AppendOnlyViolationError);
  });

  it('refuses a fill price with seven decimals before writing anything', async () => {
    const ok = uid('F');
    const error = await t.store.trades
      .insertFills([fill(ok), fill(uid('F'), { price: '0.5600001' })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrecisionError);
    expect(await t.store.trades.list({ externalTradeId: ok })).toEqual([]);
  });

  it('names the column of a NOT NULL violation', async () => {
    const error = await t.store.trades
      .insertFills([fill(uid('F'), { ticker: undefined as unknown as string })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotNullViolationError);
    expect((error as NotNullViolationError).column).toBe('ticker');
    expect((error as NotNullViolationError).table).toBe('trades');
    expect((error as Error).message).toBe('trades.ticker must not be null');
  });

  it('names the column of a foreign-key violation', async () => {
    const error = await t.store.trades
      .insertFills([fill(uid('F'), { strategyId: 999999 })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignKeyViolationError);
    expect((error as ForeignKeyViolationError).column).toBe('strategy_id');
    expect((error as ForeignKeyViolationError).constraint).toBe('trades_strategy_id_fkey');
  });

  it('inserts settlements idempotently on (ticker, settledAt)', async () => {
    const ticker = uid('T');
    const settledAt = new Date('2026-09-08T03:00:00.000Z');
    const s = {
      ticker,
      settledAt,
      marketResult: 'yes',
      revenue: '10.0000',
      fees: '0.1200',
      metadata: { k: 'v' },
    };
    expect(await t.store.settlements.insert([s])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await t.store.settlements.insert([s])).toEqual({ inserted: 0, duplicates: 1 });
    const rows = await t.store.settlements.list({ ticker });
    expect(
      rows.map((r) => [r.ticker, r.settledAt, r.marketResult, r.revenue.toFixed(4), r.fees.toFixed(4)]),
    ).toEqual([[ticker, settledAt, 'yes', '10.0000', '0.1200']]);
    await expect(t.store.query('DELETE FROM settlements WHERE ticker = $1', [ticker])).rejects.toBeInstanceOf(
      AppendOnlyViolationError,
    );
  });

  it('keeps the settlements of two subaccounts settling the same market at the same moment', async () => {
    const ticker = uid('T');
    const settledAt = new Date('2026-09-08T03:00:00.000Z');
    const base = { ticker, settledAt, marketResult: 'yes', revenue: '10.0000' };
    expect(
      await t.store.settlements.insert([
        { ...base, subaccount: 0 },
        { ...base, subaccount: 3, revenue: '4.0000' },
      ]),
    ).toEqual({ inserted: 2, duplicates: 0 });
    // Re-syncing either subaccount still writes nothing.
    expect(await t.store.settlements.insert([{ ...base, subaccount: 3, revenue: '4.0000' }])).toEqual({
      inserted: 0,
      duplicates: 1,
    });
    const rows = await t.store.settlements.list({ ticker });
    expect(rows.map((r) => [r.subaccount, r.ticker, r.settledAt, r.revenue.toFixed(4)])).toEqual([
      [0, ticker, settledAt, '10.0000'],
      [3, ticker, settledAt, '4.0000'],
    ]);
  });

  it('records position exits and exit attempts, attempts idempotent on their natural key', async () => {
    const positionKey = uid('POS');
    const exitedAt = new Date('2026-09-08T01:00:00.000Z');
    expect(
      await t.store.positionExits.insert([
        {
          positionKey,
          ticker: 'KXNFL-KC',
          exitCondition: 'trailing_stop',
          exitPriority: 'HIGH',
          quantityExited: '5',
          exitPrice: '0.7100',
          realizedPnl: '0.7500',
          exitedAt,
        },
      ]),
    ).toEqual({ inserted: 1, duplicates: 0 });
    const exits = await t.store.positionExits.list({ positionKey });
    expect(
      exits.map((e) => [e.exitCondition, e.quantityExited.toString(), e.exitPrice.toString(), e.exitedAt]),
    ).toEqual([['trailing_stop', '5', '0.71', exitedAt]]);
    const attempt = {
      positionKey,
      ticker: 'KXNFL-KC',
      exitCondition: 'trailing_stop',
      exitPriority: 'HIGH',
      orderType: 'limit',
      limitPrice: '0.7000',
      quantity: '5',
      attemptNumber: 1,
      attemptedAt: exitedAt,
    };
    expect(await t.store.exitAttempts.insert([attempt, { ...attempt, attemptNumber: 2 }])).toEqual({
      inserted: 2,
      duplicates: 0,
    });
    expect(await t.store.exitAttempts.insert([attempt])).toEqual({ inserted: 0, duplicates: 1 });
    const attempts = await t.store.exitAttempts.list({ positionKey }, { limit: 1 });
    expect(attempts.map((a) => a.attemptNumber)).toEqual([1]);
    // Without attemptedAt the database clock fills it in.
    const { attemptedAt: _, ...withoutTime } = attempt;
    await t.store.exitAttempts.insert([{ ...withoutTime, attemptNumber: 3 }]);
    const third = await t.store.exitAttempts.list({ positionKey, attemptNumber: 3 });
    expect(third[0]!.attemptedAt).toBeInstanceOf(Date);
  });

  it('refuses a list filter on a field the table does not have', async () => {
    await expect(t.store.trades.list({ nope: 1 } as never)).rejects.toBeInstanceOf(StoreError);
  });
});
