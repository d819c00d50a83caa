import { resolve } from 'node:path';
import { AppendOnlyTable } from './append-only/append-only-table';
import { StoreError } from './errors';
import type { Db, Queryable, QueryResult } from './internal/db';
import { openPgDb } from './internal/open-pg';
import { PgliteDb } from './internal/pglite-db';
import type { SslMode } from './internal/ssl-mode';
import { acquireDataDirLock, type DataDirLock, type LockWaitEvent } from './lock/data-dir-lock';
import { type Logger, noopLogger } from './logger';
import { defaultMigrationsDir, readMigrationFiles } from './migrator/files';
import {
  type AppliedMigration,
  type MigrationStatusEntry,
  migrationStatus as readMigrationStatus,
  migrate as runMigrations,
} from './migrator/runner';
import {
  type AccountBalance,
  type AccountBalanceInput,
  accountBalanceDefinition,
} from './repositories/account-balance';
import {
  type BacktestRun,
  type BacktestRunInput,
  backtestRunsDefinition,
} from './repositories/backtest-runs';
import { ConfigVersionRepository, modelsNaming, strategiesNaming } from './repositories/config-versions';
import { type Edge, type EdgeInput, edgesDefinition } from './repositories/edges';
import { type EloHistoryEntry, type EloHistoryInput, eloHistoryDefinition } from './repositories/elo-history';
import {
  type ExitAttempt,
  type ExitAttemptInput,
  exitAttemptsDefinition,
} from './repositories/exit-attempts';
import { type GameState, type GameStateInput, gameStatesDefinition } from './repositories/game-states';
import { IngestErrorsRepository } from './repositories/ingest-errors';
import { type Market, type MarketInput, marketsDefinition } from './repositories/markets';
import {
  type PositionExit,
  type PositionExitInput,
  positionExitsDefinition,
} from './repositories/position-exits';
import { type Position, type PositionInput, positionsDefinition } from './repositories/positions';
import { type Settlement, type SettlementInput, settlementsDefinition } from './repositories/settlements';
import { SyncHighWaterMarks } from './repositories/sync-marks';
import { TeamsRepository } from './repositories/teams';
import { TradesRepository } from './repositories/trades';
import type { VersionedTableDefinition } from './scd2/definition';
import { VersionedTable } from './scd2/versioned-table';

/** Options of {@link openStore}. */
export interface StoreOptions {
  /**
   * PostgreSQL connection string (`postgres://user:pass@host:5432/db`). When set, the store uses a
   * `pg` pool on that server. When absent, an embedded PGlite database. The package never reads
   * `DATABASE_URL` itself: pass it (the precog CLI and @precog/config do).
   */
  databaseUrl?: string | undefined;
  /** PGlite only: directory to persist the embedded database in. Default: in memory. */
  dataDir?: string | undefined;
  /** Structural logger (pino-compatible). Default: no-op. */
  logger?: Logger | undefined;
  /** PostgreSQL only: maximum pooled connections. Default 10. */
  poolSize?: number | undefined;
  /**
   * PostgreSQL only: how long a call waits for a free pooled connection (or a new one) before
   * failing with PoolExhaustedError / StoreConnectionError, in milliseconds. Default 10000.
   */
  connectionTimeoutMs?: number | undefined;
  /**
   * PostgreSQL only: TLS, as libpq's `sslmode`. `disable` plaintext; `prefer` TLS when the server
   * offers it, else plaintext; `require` TLS without checking the certificate; `verify-ca` TLS with
   * a certificate from a trusted CA; `verify-full` that and the host name. `require`, `verify-ca`
   * and `verify-full` never fall back to plaintext: a server without TLS fails with
   * StoreConnectionError. A `sslmode` in `databaseUrl` wins. Default: none, i.e. the URL's
   * `sslmode` or `PGSSLMODE`, else plaintext (pg's own default).
   */
  sslMode?: SslMode | undefined;
  /**
   * PostgreSQL only: the server's `statement_timeout` for every session, in milliseconds (0 =
   * none). A statement running longer (e.g. waiting on a lock) is cancelled and fails with
   * StatementTimeoutError. Default: the server's setting. Not applied on PGlite (one session,
   * so no lock waits on another connection).
   */
  statementTimeoutMs?: number | undefined;
  /**
   * PostgreSQL only: the server's `idle_in_transaction_session_timeout`, in milliseconds (0 =
   * none): a session idle inside a transaction for longer is ended by the server. Default: the
   * server's setting. Not applied on PGlite.
   */
  idleInTransactionTimeoutMs?: number | undefined;
  /** Folder of numbered `.sql` migrations. Default: the package's own `migrations/`. */
  migrationsDir?: string | undefined;
  /** PGlite only: start from a data-directory dump (`dumpDataDir()`), e.g. a pre-migrated template. */
  loadDataDir?: Blob | File | undefined;
  /**
   * PGlite with `dataDir` only: how long to wait for the directory's lock (`<dataDir>.lock`) while
   * another live process holds it, in milliseconds, before failing with StoreLockedError. PGlite
   * allows one process per data directory, so `openStore` takes that lock for you and `close()`
   * releases it; a lock left by a process that died is taken over. Default 120000.
   */
  lockTimeoutMs?: number | undefined;
  /**
   * PGlite with `dataDir` only: called when `openStore` starts waiting for the lock and then every
   * 5 seconds, with the lock file and the holder's pid. Without it, the start of the wait is
   * logged at info (with it, at debug: you report it).
   */
  onLockWait?: ((event: LockWaitEvent) => void) | undefined;
}

/** A transaction handle for {@link Store.transaction}: raw SQL inside one BEGIN … COMMIT. */
export type StoreTransaction = Queryable;

/** An open store: repositories over one database (PostgreSQL or PGlite). Close it when done. */
export class Store {
  /** `postgres` (a pg pool) or `pglite` (embedded). */
  readonly kind: 'postgres' | 'pglite';
  /** Where the data lives, for messages and logs; never contains a password. */
  readonly host: string;

  /** SCD2 markets, keyed by (platformId, ticker). */
  readonly markets: VersionedTable<MarketInput, Market>;
  /** SCD2 positions, keyed by positionKey. */
  readonly positions: VersionedTable<PositionInput, Position>;
  /** SCD2 edges, keyed by (platformId, ticker, strategyId, modelId). */
  readonly edges: VersionedTable<EdgeInput, Edge>;
  /** SCD2 game states, keyed by externalGameId. */
  readonly gameStates: VersionedTable<GameStateInput, GameState>;
  /** SCD2 balance, keyed by (platformId, subaccount). */
  readonly accountBalance: VersionedTable<AccountBalanceInput, AccountBalance>;
  /** Append-only fills; `insertFills` is idempotent on externalTradeId. */
  readonly trades: TradesRepository;
  /** Items a sync could not parse or store (append-only `ingest_errors`). */
  readonly ingestErrors: IngestErrorsRepository;
  /** Per-stream high-water marks of incremental syncs (`sync_high_water_marks`). */
  readonly syncMarks: SyncHighWaterMarks;
  /** Append-only settlements, idempotent on (platformId, subaccount, ticker, settledAt). */
  readonly settlements: AppendOnlyTable<SettlementInput, Settlement>;
  /** Append-only position exits. */
  readonly positionExits: AppendOnlyTable<PositionExitInput, PositionExit>;
  /** Append-only exit attempts, idempotent on (positionKey, exitCondition, attemptNumber, attemptedAt). */
  readonly exitAttempts: AppendOnlyTable<ExitAttemptInput, ExitAttempt>;
  /** Append-only Elo history, idempotent on (teamId, externalGameId). */
  readonly eloHistory: AppendOnlyTable<EloHistoryInput, EloHistoryEntry>;
  /** Append-only backtest results, one row per run, tied to the strategy and model versions tested. */
  readonly backtestRuns: AppendOnlyTable<BacktestRunInput, BacktestRun>;
  /** Immutable-config strategy versions. */
  readonly strategies: ConfigVersionRepository;
  /** Immutable-config probability model versions. */
  readonly models: ConfigVersionRepository;
  /** Teams and their current Elo ratings. */
  readonly teams: TeamsRepository;

  private readonly db: Db;
  private readonly logger: Logger;
  private readonly migrationsDir: string | undefined;
  private readonly lock: DataDirLock | undefined;
  private closed = false;
  private migrating: Promise<unknown> = Promise.resolve();

  /** @internal use {@link openStore}. */
  constructor(
    db: Db,
    options: { logger: Logger; migrationsDir?: string | undefined; lock?: DataDirLock | undefined },
  ) {
    this.db = db;
    this.lock = options.lock;
    this.kind = db.kind;
    this.host = db.host;
    this.logger = options.logger;
    this.migrationsDir = options.migrationsDir;
    this.markets = new VersionedTable(db, marketsDefinition, this.logger);
    this.positions = new VersionedTable(db, positionsDefinition, this.logger);
    this.edges = new VersionedTable(db, edgesDefinition, this.logger);
    this.gameStates = new VersionedTable(db, gameStatesDefinition, this.logger);
    this.accountBalance = new VersionedTable(db, accountBalanceDefinition, this.logger);
    this.trades = new TradesRepository(db);
    this.ingestErrors = new IngestErrorsRepository(db);
    this.syncMarks = new SyncHighWaterMarks(db);
    this.settlements = new AppendOnlyTable(db, settlementsDefinition);
    this.positionExits = new AppendOnlyTable(db, positionExitsDefinition);
    this.exitAttempts = new AppendOnlyTable(db, exitAttemptsDefinition);
    this.eloHistory = new AppendOnlyTable(db, eloHistoryDefinition);
    this.backtestRuns = new AppendOnlyTable(db, backtestRunsDefinition);
    this.strategies = new ConfigVersionRepository(db, strategiesNaming);
    this.models = new ConfigVersionRepository(db, modelsNaming);
    this.teams = new TeamsRepository(db);
  }

  private files() {
    return readMigrationFiles(this.migrationsDir ?? defaultMigrationsDir());
  }

  /**
   * Applies pending migrations (see the package README); returns what was applied now. Calls on
   * one store are serialised here (PGlite has one session, where an advisory lock is re-entrant);
   * across processes the runner's advisory lock does it.
   */
  migrate(): Promise<AppliedMigration[]> {
    const run = this.migrating.then(() => runMigrations(this.db, this.files(), this.logger));
    this.migrating = run.catch(() => undefined);
    return run;
  }

  /** Every migration with its state: applied, pending, changed, vanished or out-of-order. */
  migrationStatus(): Promise<MigrationStatusEntry[]> {
    return readMigrationStatus(this.db, this.files());
  }

  /** A versioned table of your own (or one of ours with another materiality rule) on this store. */
  versionedTable<In extends object, Out extends object>(
    definition: VersionedTableDefinition,
  ): VersionedTable<In, Out> {
    return new VersionedTable<In, Out>(this.db, definition, this.logger);
  }

  /** Raw SQL, one statement with `$n` parameters; NUMERIC comes back as Decimal. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    return this.db.query<R>(sql, params);
  }

  /** Raw SQL inside one transaction; an error rolls everything back. */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Ends the pool (or closes PGlite and releases its data directory's lock). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    try {
      await this.db.close();
    } finally {
      this.lock?.release();
    }
  }

  /** @internal the adapter, for tests and the benchmark. */
  get internalDb(): Db {
    return this.db;
  }
}

/** PGlite data directories that are not on disk (nothing to lock). */
const IN_MEMORY_DATA_DIR = /^(memory|idb|opfs-ahp):\/\//;

/**
 * Opens a store: a `pg` pool when `databaseUrl` is given, otherwise an embedded PGlite database
 * (in memory, or persisted in `dataDir`, which it locks for this process: see `lockTimeoutMs`).
 * Does not migrate: call `store.migrate()`.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const logger = options.logger ?? noopLogger;
  let db: Db;
  let lock: DataDirLock | undefined;
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (options.dataDir !== undefined) {
      throw new StoreError('openStore: give either databaseUrl (PostgreSQL) or dataDir (PGlite), not both');
    }
    db = await openPgDb({
      databaseUrl: options.databaseUrl,
      poolSize: options.poolSize ?? 10,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 10_000,
      logger,
      sslMode: options.sslMode,
      statementTimeoutMs: options.statementTimeoutMs,
      idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
    });
  } else {
    const dataDir = options.dataDir;
    if (dataDir !== undefined && !IN_MEMORY_DATA_DIR.test(dataDir)) {
      lock = await acquireDataDirLock(resolve(dataDir), {
        timeoutMs: options.lockTimeoutMs ?? 120_000,
        onWait: options.onLockWait,
        logger,
      });
    }
    try {
      db = await PgliteDb.open({ dataDir, loadDataDir: options.loadDataDir });
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  logger.debug({ kind: db.kind, host: db.host }, 'store opened');
  return new Store(db, { logger, migrationsDir: options.migrationsDir, lock });
}
