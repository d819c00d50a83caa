// The database lock that keeps two engines off one strategy: a row in engine_locks per strategy,
// refreshed by a heartbeat, taken over only when its holder is gone (dead process on this host)
// or silent for longer than the lease.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store, StoreTransaction } from '@precog/scd2-store';
import type { EpochMs } from '../types';
import { EngineLockedError, EngineLockLostError } from './errors';

/** Options of {@link EngineLock.acquire}. */
export interface EngineLockOptions {
  /** A holder silent for longer than this is presumed dead and taken over, ms. Default 30000. */
  leaseMs?: number;
  /** Clock, epoch ms. Default `Date.now`. */
  clock?: { now(): EpochMs };
  /** This process's id. Default `process.pid`. */
  pid?: number;
  /** This host's name. Default `os.hostname()`. */
  host?: string;
  /** Whether a process on this host runs. Default: `process.kill(pid, 0)` succeeds. */
  isAlive?: (pid: number) => boolean;
}

interface LockRow {
  owner_token: string;
  owner_pid: number;
  owner_host: string;
  heartbeat_at: Date | string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock one engine holds on one strategy. Acquire with {@link EngineLock.acquire}. */
export class EngineLock {
  private released = false;

  private constructor(
    private readonly store: Store,
    /** The strategy held, `name@version`. */
    readonly strategyKey: string,
    /** This holder's token. */
    readonly token: string,
    private readonly clock: { now(): EpochMs },
  ) {}

  /**
   * Takes the lock on `strategyKey`, or throws {@link EngineLockedError} when another engine
   * holds it: a live process (same host), or any holder whose heartbeat is within the lease. A
   * holder on this host whose process is gone (killed) is taken over at once; one elsewhere once
   * its heartbeat is older than `leaseMs`. An engine of this very process (same pid) counts as
   * live.
   */
  static async acquire(
    store: Store,
    strategyKey: string,
    options: EngineLockOptions = {},
  ): Promise<EngineLock> {
    const clock = options.clock ?? { now: () => Date.now() };
    const leaseMs = options.leaseMs ?? 30_000;
    const pid = options.pid ?? process.pid;
    const host = options.host ?? hostname();
    const isAlive = options.isAlive ?? processAlive;
    const token = randomUUID();
    // The store wraps what a transaction throws: the refusal is returned and thrown here.
    const refused = await store.transaction(async (tx): Promise<EngineLockedError | null> => {
      const now = clock.now();
      const held = await readLock(tx, strategyKey);
      if (held !== undefined) {
        const heartbeatAt = new Date(held.heartbeat_at).getTime();
        const gone =
          (held.owner_host === host && held.owner_pid !== pid && !isAlive(held.owner_pid)) ||
          now - heartbeatAt > leaseMs;
        if (!gone) {
          return new EngineLockedError(strategyKey, {
            pid: held.owner_pid,
            host: held.owner_host,
            heartbeatAt,
          });
        }
        await tx.query('DELETE FROM engine_locks WHERE strategy_key = $1 AND owner_token = $2', [
          strategyKey,
          held.owner_token,
        ]);
      }
      const inserted = await tx.query(
        `INSERT INTO engine_locks (strategy_key, owner_token, owner_pid, owner_host, acquired_at, heartbeat_at)
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (strategy_key) DO NOTHING RETURNING owner_token`,
        [strategyKey, token, pid, host, new Date(now)],
      );
      if (inserted.rows.length === 0) {
        // Another engine inserted between our read and our write.
        const winner = await readLock(tx, strategyKey);
        return new EngineLockedError(strategyKey, {
          pid: winner?.owner_pid ?? -1,
          host: winner?.owner_host ?? 'unknown',
          heartbeatAt: winner === undefined ? now : new Date(winner.heartbeat_at).getTime(),
        });
      }
      return null;
    });
    if (refused !== null) throw refused;
    return new EngineLock(store, strategyKey, token, clock);
  }

  /** Refreshes the heartbeat; throws {@link EngineLockLostError} when the lock is no longer ours. */
  async heartbeat(): Promise<void> {
    const result = await this.store.query(
      'UPDATE engine_locks SET heartbeat_at = $3 WHERE strategy_key = $1 AND owner_token = $2 RETURNING owner_token',
      [this.strategyKey, this.token, new Date(this.clock.now())],
    );
    if (result.rows.length === 0) throw new EngineLockLostError(this.strategyKey);
  }

  /** Releases the lock (idempotent). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.store.query('DELETE FROM engine_locks WHERE strategy_key = $1 AND owner_token = $2', [
      this.strategyKey,
      this.token,
    ]);
  }
}

async function readLock(tx: StoreTransaction, strategyKey: string): Promise<LockRow | undefined> {
  const result = await tx.query<LockRow>(
    'SELECT owner_token, owner_pid, owner_host, heartbeat_at FROM engine_locks WHERE strategy_key = $1 FOR UPDATE',
    [strategyKey],
  );
  return result.rows[0];
}
