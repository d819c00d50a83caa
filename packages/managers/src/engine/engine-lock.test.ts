import type { Store } from '@precog/scd2-store';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL, pgliteStore, postgresStores } from '../__fixtures__/stores';
import { EngineLock } from './engine-lock';
import { EngineLockedError, EngineLockLostError } from './errors';

async function refusesSecond(first: Store, second: Store): Promise<void> {
  let now = 1_000_000;
  const clock = { now: () => now };
  const held = await EngineLock.acquire(first, 'nfl_edge@1.0', { clock, pid: 101, host: 'a' });
  const refused = await EngineLock.acquire(second, 'nfl_edge@1.0', { clock, pid: 202, host: 'b' }).catch(
    (e) => e,
  );
  expect(refused).toBeInstanceOf(EngineLockedError);
  expect([refused.holderPid, refused.holderHost]).toEqual([101, 'a']);
  // Another strategy is free.
  await (await EngineLock.acquire(second, 'other@1.0', { clock, pid: 202, host: 'b' })).release();
  // Silent past the lease (host b cannot see host a's process): taken over; the old holder learns it.
  now += 30_001;
  const taken = await EngineLock.acquire(second, 'nfl_edge@1.0', { clock, pid: 202, host: 'b' });
  await expect(held.heartbeat()).rejects.toBeInstanceOf(EngineLockLostError);
  await taken.release();
}

/** Two engines start at the same instant on one strategy: exactly one holds the lock. */
async function oneWinsTheRace(first: Store, second: Store): Promise<void> {
  const outcomes = await Promise.allSettled([
    EngineLock.acquire(first, 'race@1.0', { pid: 101, host: 'a' }),
    EngineLock.acquire(second, 'race@1.0', { pid: 202, host: 'b' }),
  ]);
  const won = outcomes.filter((o) => o.status === 'fulfilled');
  const lost = outcomes.filter((o) => o.status === 'rejected');
  expect([won.length, lost.length]).toEqual([1, 1]);
  expect(EngineLockedError.isInstance((lost[0] as PromiseRejectedResult).reason)).toBe(true);
  const rows = await first.query<{ owner_pid: number }>(
    "SELECT owner_pid FROM engine_locks WHERE strategy_key = 'race@1.0'",
  );
  expect(rows.rows).toHaveLength(1);
  await (won[0] as PromiseFulfilledResult<EngineLock>).value.release();
}

describe('EngineLock', () => {
  it('a second engine on one strategy refuses until the holder is silent past the lease (PGlite)', async () => {
    const store = await pgliteStore();
    try {
      await refusesSecond(store, store);
    } finally {
      await store.close();
    }
  });
  it('a holder on this host whose process is gone is taken over at once', async () => {
    const store = await pgliteStore();
    try {
      await EngineLock.acquire(store, 's@1', { pid: 101, host: 'h' });
      const lock = await EngineLock.acquire(store, 's@1', { pid: 202, host: 'h', isAlive: () => false });
      expect(lock.strategyKey).toBe('s@1');
    } finally {
      await store.close();
    }
  });
  it.skipIf(DATABASE_URL === undefined)(
    'a second engine on one strategy refuses (PostgreSQL, two pools)',
    async () => {
      const { stores, dispose } = await postgresStores(2);
      try {
        await refusesSecond(stores[0] as Store, stores[1] as Store);
      } finally {
        await dispose();
      }
    },
  );
  it.skipIf(DATABASE_URL === undefined)(
    'two engines starting at once on one strategy: exactly one wins (PostgreSQL, two pools)',
    async () => {
      const { stores, dispose } = await postgresStores(2);
      try {
        for (let i = 0; i < 5; i += 1) await oneWinsTheRace(stores[0] as Store, stores[1] as Store);
      } finally {
        await dispose();
      }
    },
  );
});
