import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, pgliteStore, postgresStores } from '../__fixtures__/stores';
import { DEFAULT_CIRCUIT_BREAKER_CONFIG } from '../risk/circuit-breakers';
import { RiskRecorder } from './risk-recorder';

const T0 = Date.UTC(2026, 10, 29, 12);
const config = {
  ...DEFAULT_CIRCUIT_BREAKER_CONFIG,
  dailyLossLimit: new Decimal(50),
  maxConsecutiveLosses: 2,
  apiErrorLimit: 2,
};

async function events(store: Store) {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT breaker_type, triggered_at, notes, resolved_at, resolution_action, resolved_by, resolution_notes
FROM circuit_breaker_events ORDER BY event_id`,
  );
  return rows.rows.map((r) => ({
    ...r,
    triggered_at: (r.triggered_at as Date).getTime() - T0,
    resolved_at: r.resolved_at === null ? null : (r.resolved_at as Date).getTime() - T0,
  }));
}

async function riskRow(store: Store, scope = 'default') {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT to_char(trading_day, 'YYYY-MM-DD') AS trading_day, daily_realized_pnl::text AS pnl, consecutive_losses
FROM risk_state WHERE scope = $1`,
    [scope],
  );
  return rows.rows[0];
}

const restartCases = (
  label: string,
  open: () => Promise<{ store: Store; reopen(): Promise<Store>; done(): Promise<void> }>,
) =>
  describe(`RiskRecorder restart (${label})`, () => {
    it('restart keeps the breaker: −$450, restart, −$450 trips a $500 daily limit', async () => {
      const db = await open();
      try {
        const limit = { ...DEFAULT_CIRCUIT_BREAKER_CONFIG, dailyLossLimit: new Decimal(500) };
        const first = await RiskRecorder.open(db.store, limit);
        expect(await first.apply({ type: 'trade_closed', at: T0, realizedPnl: new Decimal('-450') })).toEqual(
          [],
        );
        expect(await riskRow(db.store)).toEqual({
          trading_day: '2026-11-29',
          pnl: '-450',
          consecutive_losses: 1,
        });

        // A new process: a fresh store connection and a fresh recorder.
        const store2 = await db.reopen();
        const restarted = await RiskRecorder.open(store2, limit);
        expect(restarted.state.dailyRealizedPnl.toString()).toBe('-450');
        expect(restarted.state.consecutiveLosses).toBe(1);
        const trips = await restarted.apply({
          type: 'trade_closed',
          at: T0 + 60_000,
          realizedPnl: new Decimal('-450'),
        });
        expect(trips.map((t) => [t.breaker, t.to, t.reason])).toEqual([
          ['daily_loss', 'open', 'daily realized P&L -900 reached the loss limit of 500'],
        ]);
        expect(restarted.entryAllowed()).toEqual({ allowed: false, blockedBy: ['daily_loss'] });
        expect(await riskRow(store2)).toEqual({
          trading_day: '2026-11-29',
          pnl: '-900',
          consecutive_losses: 2,
        });
      } finally {
        await db.done();
      }
    });

    it('restart keeps the losing streak: 3 losses, restart, 2 losses trips a 5-loss breaker', async () => {
      const db = await open();
      try {
        const streak = { ...DEFAULT_CIRCUIT_BREAKER_CONFIG, maxConsecutiveLosses: 5 };
        const first = await RiskRecorder.open(db.store, streak);
        for (let i = 0; i < 3; i += 1)
          await first.apply({ type: 'trade_closed', at: T0 + i, realizedPnl: new Decimal('-1') });
        const restarted = await RiskRecorder.open(await db.reopen(), streak);
        await restarted.apply({ type: 'trade_closed', at: T0 + 10, realizedPnl: new Decimal('-1') });
        expect(restarted.entryAllowed().allowed).toBe(true);
        await restarted.apply({ type: 'trade_closed', at: T0 + 11, realizedPnl: new Decimal('-1') });
        expect(restarted.entryAllowed().blockedBy).toEqual(['consecutive_losses']);
      } finally {
        await db.done();
      }
    });

    it('keeps one state per scope', async () => {
      const db = await open();
      try {
        const a = await RiskRecorder.open(db.store, config, { scope: 'account-a' });
        const b = await RiskRecorder.open(db.store, config, { scope: 'account-b' });
        await a.apply({ type: 'trade_closed', at: T0, realizedPnl: new Decimal('-60') });
        await b.apply({ type: 'trade_closed', at: T0, realizedPnl: new Decimal('5') });
        expect(
          (await RiskRecorder.open(db.store, config, { scope: 'account-a' })).entryAllowed().blockedBy,
        ).toEqual(['daily_loss']);
        const bAgain = await RiskRecorder.open(db.store, config, { scope: 'account-b' });
        expect([bAgain.entryAllowed().allowed, bAgain.state.dailyRealizedPnl.toString()]).toEqual([
          true,
          '5',
        ]);
      } finally {
        await db.done();
      }
    });
  });

restartCases('PGlite', async () => {
  // PGlite is one process: "restarting" re-opens a recorder on the same database.
  const store = await pgliteStore();
  return { store, reopen: async () => store, done: () => store.close() };
});
if (DATABASE_URL !== undefined) {
  restartCases('PostgreSQL', async () => {
    const { stores, dispose } = await postgresStores(2);
    return { store: stores[0]!, reopen: async () => stores[1]!, done: dispose };
  });
}

describe('RiskRecorder (PGlite)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(() => store.close());

  it('records a trip, blocks entries while open, and resolves the row on a manual reset', async () => {
    const risk = await RiskRecorder.open(store, config);
    await risk.apply({ type: 'trade_closed', at: T0, realizedPnl: new Decimal('-10') });
    expect(risk.entryAllowed()).toEqual({ allowed: true, blockedBy: [] });
    await risk.apply({ type: 'trade_closed', at: T0 + 1000, realizedPnl: new Decimal('-45.5') });
    expect(risk.entryAllowed()).toEqual({ allowed: false, blockedBy: ['daily_loss', 'consecutive_losses'] });
    expect(await events(store)).toEqual([
      {
        breaker_type: 'daily_loss_limit',
        triggered_at: 1000,
        notes: 'daily realized P&L -55.5 reached the loss limit of 50',
        resolved_at: null,
        resolution_action: null,
        resolved_by: null,
        resolution_notes: null,
      },
      {
        breaker_type: 'consecutive_losses',
        triggered_at: 1000,
        notes: '2 losing trades in a row (limit 2)',
        resolved_at: null,
        resolution_action: null,
        resolved_by: null,
        resolution_notes: null,
      },
    ]);

    // A restart keeps the breakers open: they come back from the unresolved rows.
    const restarted = await RiskRecorder.open(store, config);
    expect(restarted.entryAllowed().blockedBy).toEqual(['daily_loss', 'consecutive_losses']);
    await restarted.apply({
      type: 'reset',
      at: T0 + 5000,
      breaker: 'consecutive_losses',
      actor: 'alice',
      reason: 'reviewed',
    });
    const rows = await events(store);
    expect(rows[1]).toMatchObject({
      resolved_at: 5000,
      resolution_action: 'manual_reset',
      resolved_by: 'alice',
      resolution_notes: 'reviewed',
    });
    expect(rows[0]?.resolved_at).toBeNull();
    expect(restarted.entryAllowed().blockedBy).toEqual(['daily_loss']);
  });

  it('keeps one row per API-error trip through half-open probing and resolves it when a call succeeds', async () => {
    const risk = await RiskRecorder.open(store, config);
    await risk.apply({ type: 'api_error', at: T0 });
    await risk.apply({ type: 'api_error', at: T0 + 10 });
    expect(risk.state.breakers.api_errors.status).toBe('open');
    const cooled = T0 + 10 + config.apiCooldownMs;
    await risk.apply({ type: 'api_error', at: cooled });
    expect(risk.state.breakers.api_errors.status).toBe('open');
    expect((await events(store)).length).toBe(1);
    await risk.apply({ type: 'tick', at: cooled + config.apiCooldownMs });
    expect(risk.entryAllowed().allowed).toBe(true);
    await risk.apply({ type: 'api_success', at: cooled + config.apiCooldownMs + 1 });
    expect(await events(store)).toEqual([
      expect.objectContaining({
        breaker_type: 'api_failures',
        triggered_at: 10,
        resolution_action: 'auto_recovered',
        resolved_by: 'system',
        resolution_notes: 'API call succeeded while probing',
      }),
    ]);
  });
});
