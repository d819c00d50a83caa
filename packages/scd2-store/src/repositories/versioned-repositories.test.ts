import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { ConstraintViolationError } from '../errors';
import { newPositionKey } from './positions';

describe.each(backendNames)('versioned repositories on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('versions the account balance per (platform, subaccount) in dollars', async () => {
    const at1 = new Date('2026-10-01T00:00:00.000Z');
    const at2 = new Date('2026-10-01T00:01:00.000Z');
    expect(
      await t.store.accountBalance.upsertVersions([{ balance: '1000.1234', subaccount: 7 }], { at: at1 }),
    ).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    expect(await t.store.accountBalance.upsertVersions([{ balance: '1000.1234', subaccount: 7 }])).toEqual({
      inserted: 0,
      versioned: 0,
      unchanged: 1,
    });
    await t.store.accountBalance.upsertVersions(
      [{ balance: '990.0000', portfolioValue: '12.5', subaccount: 7 }],
      {
        at: at2,
      },
    );
    const [current] = await t.store.accountBalance.current({ subaccount: 7 });
    expect({
      ...current,
      id: undefined,
      balance: current!.balance.toFixed(4),
      portfolioValue: current!.portfolioValue?.toFixed(4),
    }).toEqual({
      id: undefined,
      platformId: 'kalshi',
      subaccount: 7,
      balance: '990.0000',
      portfolioValue: '12.5000',
      currency: 'USD',
      rowCurrentInd: true,
      rowStartTs: at2,
      rowEndTs: null,
    });
    const history = await t.store.accountBalance.history({ subaccount: 7 });
    expect(history.map((h) => h.balance.toFixed(4))).toEqual(['1000.1234', '990.0000']);
    expect(
      await t.store.accountBalance.asOf(new Date('2026-10-01T00:00:30.000Z'), { subaccount: 7 }),
    ).toEqual([history[0]]);
  });

  it('keeps a position key stable across versions; monitoring time alone writes no version', async () => {
    const positionKey = newPositionKey();
    expect(positionKey).toMatch(/^POS-[0-9a-f-]{36}$/);
    const ticker = uid('KX');
    const base = {
      positionKey,
      ticker,
      side: 'yes',
      quantity: '10',
      entryPrice: '0.4500',
      trailingStopState: { active: false },
      lastCheckTime: new Date('2026-10-02T00:00:00.000Z'),
    };
    await t.store.positions.upsertVersions([base]);
    expect(
      await t.store.positions.upsertVersions([
        { ...base, lastCheckTime: new Date('2026-10-02T00:00:30.000Z') },
      ]),
    ).toEqual({ inserted: 0, versioned: 0, unchanged: 1 });
    await t.store.positions.upsertVersions([
      { ...base, quantity: '4.5', trailingStopState: { active: true, stop: '0.5' } },
    ]);
    await t.store.positions.upsertVersions([
      { ...base, quantity: '0', status: 'closed', exitReason: 'trailing_stop' },
    ]);
    const history = await t.store.positions.history({ positionKey });
    expect(history.map((h) => [h.positionKey, h.quantity.toString(), h.status, h.trailingStopState])).toEqual(
      [
        [positionKey, '10', 'open', { active: false }],
        [positionKey, '4.5', 'open', { active: true, stop: '0.5' }],
        [positionKey, '0', 'closed', { active: false }],
      ],
    );
    // A second open position on the same market is refused by the database.
    const second = await t.store.positions
      .upsertVersions([
        { ...base, positionKey: newPositionKey() },
        { ...base, positionKey: newPositionKey() },
      ])
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ConstraintViolationError);
    expect((second as ConstraintViolationError).constraint).toBe('positions_one_open_per_market');
  });

  it('versions edges by market, strategy and model', async () => {
    const strategy = await t.store.strategies.create({ name: uid('s'), version: '1', config: {} });
    const model = await t.store.models.create({ name: uid('m'), version: '1', config: {} });
    const ticker = uid('KX');
    const edge = {
      ticker,
      strategyId: strategy.id,
      modelId: model.id,
      side: 'yes',
      expectedValue: '0.0800',
      trueWinProbability: '0.6400',
      marketImpliedProbability: '0.5600',
      marketPrice: '0.5600',
      calculationRunId: '7b0f8a3c-1d2e-4f5a-9b8c-0123456789ab',
    };
    expect(await t.store.edges.upsertVersions([edge])).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    expect(
      await t.store.edges.upsertVersions([
        { ...edge, calculationRunId: '00000000-0000-4000-8000-000000000000' },
      ]),
    ).toEqual({ inserted: 0, versioned: 0, unchanged: 1 });
    expect(await t.store.edges.upsertVersions([{ ...edge, expectedValue: '0.0600' }])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
    const [current] = await t.store.edges.current({ ticker });
    expect([
      current!.expectedValue.toFixed(4),
      current!.strategyId,
      current!.modelId,
      current!.calculationRunId,
    ]).toEqual(['0.0600', strategy.id, model.id, '7b0f8a3c-1d2e-4f5a-9b8c-0123456789ab']);
  });

  it('versions game states by the source game id', async () => {
    const externalGameId = uid('ESPN');
    const scheduledStart = new Date('2026-09-10T00:20:00.000Z');
    const game = {
      externalGameId,
      sport: 'nfl',
      status: 'live',
      homeTeam: 'KC',
      awayTeam: 'BAL',
      homeScore: 7,
      awayScore: 3,
      period: 'Q1',
      scheduledStart,
      sportMetadata: { down: 2 },
    };
    await t.store.gameStates.upsertVersions([game]);
    await t.store.gameStates.upsertVersions([
      { ...game, status: 'final', homeScore: 27, awayScore: 20, period: 'Final' },
    ]);
    const finals = await t.store.gameStates.current({ status: 'final', externalGameId });
    expect(finals.map((g) => [g.homeTeam, g.homeScore, g.awayTeam, g.awayScore, g.scheduledStart])).toEqual([
      ['KC', 27, 'BAL', 20, scheduledStart],
    ]);
    await expect(t.store.gameStates.upsertVersions([{ ...game, homeScore: 1.5 }])).rejects.toThrow(
      'never a float',
    );
    await expect(t.store.gameStates.upsertVersions([{ ...game, homeScore: 2 ** 40 }])).rejects.toThrow(
      'range',
    );
  });
});
