import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { AppendOnlyViolationError } from '../errors';

describe.each(backendNames)('backtest_runs on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('records a run against a strategy version and reads it back exactly', async () => {
    const strategy = await t.store.strategies.create({ name: uid('bt'), version: '1.0.0', config: {} });
    const at = new Date('2026-04-01T00:00:00Z');
    const result = await t.store.backtestRuns.insert([
      {
        strategyId: strategy.id,
        strategyLabel: `${strategy.name}@1.0.0`,
        modelLabel: 'probs.csv',
        windowFrom: at,
        versionsReplayed: 12,
        trades: 2,
        fees: '0.04',
        netPnl: '0.78',
        maxDrawdown: '0.62',
        hitRate: '0.5',
        brierModel: '0.2125',
        metrics: { netPnl: '0.78' },
        options: { contracts: '1' },
      },
    ]);
    expect(result).toEqual({ inserted: 1, duplicates: 0 });
    const [run] = await t.store.backtestRuns.list({ strategyId: strategy.id });
    expect(run?.modelId).toBeNull();
    expect(run?.windowFrom).toEqual(at);
    expect(run?.windowTo).toBeNull();
    expect([run?.fees, run?.netPnl, run?.maxDrawdown, run?.hitRate, run?.brierModel]).toEqual([
      new Decimal('0.04'),
      new Decimal('0.78'),
      new Decimal('0.62'),
      new Decimal('0.5'),
      new Decimal('0.2125'),
    ]);
    expect(run?.brierMarket).toBeNull();
    expect(run?.metrics).toEqual({ netPnl: '0.78' });
  });

  it('refuses to change a recorded run', async () => {
    const error = await t.store.query('UPDATE backtest_runs SET trades = 0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendOnlyViolationError);
  });
});
