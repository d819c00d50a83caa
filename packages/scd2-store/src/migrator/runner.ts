import {
  MigrationChangedError,
  MigrationFailedError,
  MigrationOutOfOrderError,
  MigrationVanishedError,
  StoreError,
} from '../errors';
import type { Db, Queryable } from '../internal/db';
import type { Logger } from '../logger';
import type { MigrationFile } from './files';

/** The ledger of applied migrations; created by the runner itself. */
export const LEDGER_TABLE = 'schema_migrations';

/** Name hashed into the advisory-lock key that serialises migrators across processes. */
const LOCK_NAME = 'precog.scd2-store.migrate';

/** A migration the runner applied just now. */
export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  /** How long the file's SQL took, in milliseconds. */
  durationMs: number;
}

/** Where one migration stands. */
export type MigrationState = 'applied' | 'pending' | 'changed' | 'vanished' | 'out-of-order';

/** One line of `migrationStatus()`. */
export interface MigrationStatusEntry {
  version: number;
  name: string;
  state: MigrationState;
  /** Checksum of the file on disk (absent when it vanished). */
  checksum: string | undefined;
  /** When it was applied (absent while pending). */
  appliedAt: Date | undefined;
  durationMs: number | undefined;
}

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: Date;
  duration_ms: number;
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS ${LEDGER_TABLE} (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
)`;

async function readLedger(q: Queryable): Promise<LedgerRow[]> {
  const exists = await q.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [LEDGER_TABLE]);
  if (exists.rows[0]?.t == null) {
    return [];
  }
  const result = await q.query<LedgerRow>(
    `SELECT version, name, checksum, applied_at, duration_ms FROM ${LEDGER_TABLE} ORDER BY version`,
  );
  return result.rows;
}

/** Compares the files with the ledger; every line gets a state. */
function compare(files: readonly MigrationFile[], ledger: readonly LedgerRow[]): MigrationStatusEntry[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const maxApplied = ledger.reduce((max, row) => Math.max(max, row.version), Number.NEGATIVE_INFINITY);
  const entries: MigrationStatusEntry[] = [];
  for (const row of ledger) {
    const file = byVersion.get(row.version);
    const state: MigrationState =
      file === undefined
        ? 'vanished'
        : file.checksum !== row.checksum || file.name !== row.name
          ? 'changed'
          : 'applied';
    entries.push({
      version: row.version,
      name: row.name,
      state,
      checksum: file?.checksum,
      appliedAt: row.applied_at,
      durationMs: row.duration_ms,
    });
  }
  const applied = new Set(ledger.map((row) => row.version));
  for (const file of files) {
    if (!applied.has(file.version)) {
      entries.push({
        version: file.version,
        name: file.name,
        state: file.version < maxApplied ? 'out-of-order' : 'pending',
        checksum: file.checksum,
        appliedAt: undefined,
        durationMs: undefined,
      });
    }
  }
  return entries.sort((a, b) => a.version - b.version);
}

/** Throws the refusal for the first problem, naming its file. */
function refuseProblems(entries: readonly MigrationStatusEntry[]): void {
  for (const entry of entries) {
    if (entry.state === 'changed') {
      throw new MigrationChangedError(
        `migration ${entry.name} was changed after it was applied (checksum differs from the ledger); add a new migration instead`,
        { file: entry.name },
      );
    }
    if (entry.state === 'vanished') {
      throw new MigrationVanishedError(
        `applied migration ${entry.name} is missing from the migrations folder`,
        {
          file: entry.name,
        },
      );
    }
    if (entry.state === 'out-of-order') {
      throw new MigrationOutOfOrderError(
        `migration ${entry.name} is numbered below an already applied migration; renumber it above the last one`,
        { file: entry.name },
      );
    }
  }
}

/** Where the migrations stand, without changing anything. */
export async function migrationStatus(
  db: Db,
  files: readonly MigrationFile[],
): Promise<MigrationStatusEntry[]> {
  return compare(files, await readLedger(db));
}

/**
 * Applies every pending file, each in its own transaction together with its ledger row, while
 * holding a session advisory lock; the ledger is read after the lock is taken, so a second
 * migrator waits and then finds nothing left to do. Returns what was applied now.
 */
export async function migrate(
  db: Db,
  files: readonly MigrationFile[],
  logger: Logger,
): Promise<AppliedMigration[]> {
  return db.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [LOCK_NAME]);
    try {
      await session.exec(CREATE_LEDGER);
      const entries = compare(files, await readLedger(session));
      refuseProblems(entries);
      const pending = new Set(entries.filter((e) => e.state === 'pending').map((e) => e.version));
      const applied: AppliedMigration[] = [];
      for (const file of files) {
        if (!pending.has(file.version)) {
          continue;
        }
        const durationMs = await session.transaction(async (tx) => {
          const started = performance.now();
          try {
            await tx.exec(file.sql);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new MigrationFailedError(`migration ${file.name} failed and was rolled back: ${reason}`, {
              file: file.name,
              cause: error,
              ...(error instanceof StoreError && error.code !== undefined ? { code: error.code } : {}),
            });
          }
          const duration = Math.round(performance.now() - started);
          await tx.query(
            `INSERT INTO ${LEDGER_TABLE} (version, name, checksum, duration_ms) VALUES ($1, $2, $3, $4)`,
            [file.version, file.name, file.checksum, duration],
          );
          return duration;
        });
        logger.info({ migration: file.name, durationMs }, 'migration applied');
        applied.push({ version: file.version, name: file.name, checksum: file.checksum, durationMs });
      }
      return applied;
    } finally {
      // A lost session frees its advisory lock by itself; nothing to report then.
      await session
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [LOCK_NAME])
        .catch(() => undefined);
    }
  });
}
