/** The version of this package, as published. */
export const VERSION = '0.0.0';

export {
  AppendOnlyTable,
  type AppendOnlyTableDefinition,
  type InsertResult,
  type ListOptions,
} from './append-only/append-only-table';
export {
  AppendOnlyViolationError,
  type ConstraintDetails,
  ConstraintViolationError,
  ForeignKeyViolationError,
  ImmutableRowError,
  LifecycleTransitionError,
  MigrationChangedError,
  MigrationError,
  MigrationFailedError,
  MigrationOutOfOrderError,
  MigrationVanishedError,
  NotNullViolationError,
  PoolExhaustedError,
  PrecisionError,
  StatementTimeoutError,
  StoreConnectionError,
  StoreError,
  StoreLockedError,
  UnstorableTextError,
  VersionOrderError,
} from './errors';
export type { QueryResult } from './internal/db';
export type { SslMode } from './internal/ssl-mode';
export type { ColumnSpec } from './internal/values';
export type { LockWaitEvent } from './lock/data-dir-lock';
export type { Logger } from './logger';
export { checksumOf, defaultMigrationsDir, type MigrationFile, readMigrationFiles } from './migrator/files';
export {
  type AppliedMigration,
  LEDGER_TABLE,
  type MigrationState,
  type MigrationStatusEntry,
} from './migrator/runner';
export {
  type AccountBalance,
  type AccountBalanceInput,
  accountBalanceDefinition,
} from './repositories/account-balance';
export {
  type BacktestRun,
  type BacktestRunInput,
  backtestRunsDefinition,
} from './repositories/backtest-runs';
export {
  type ConfigVersion,
  type ConfigVersionInput,
  ConfigVersionRepository,
  type LifecycleStatus,
  type LifecycleTransition,
  type SetStatusOptions,
} from './repositories/config-versions';
export { type Edge, type EdgeInput, edgesDefinition } from './repositories/edges';
export { type EloHistoryEntry, type EloHistoryInput, eloHistoryDefinition } from './repositories/elo-history';
export {
  type ExitAttempt,
  type ExitAttemptInput,
  exitAttemptsDefinition,
} from './repositories/exit-attempts';
export { type GameState, type GameStateInput, gameStatesDefinition } from './repositories/game-states';
export {
  type IngestError,
  type IngestErrorInput,
  IngestErrorsRepository,
  ingestErrorsDefinition,
} from './repositories/ingest-errors';
export {
  type Market,
  type MarketInput,
  marketsDefinition,
  marketsMaterialityRule,
} from './repositories/markets';
export {
  type PositionExit,
  type PositionExitInput,
  positionExitsDefinition,
} from './repositories/position-exits';
export {
  newPositionKey,
  type Position,
  type PositionInput,
  positionsDefinition,
} from './repositories/positions';
export { type Settlement, type SettlementInput, settlementsDefinition } from './repositories/settlements';
export { SyncHighWaterMarks, type SyncMarkScope } from './repositories/sync-marks';
export { type Team, TeamsRepository } from './repositories/teams';
export {
  type CurrentFill,
  type FillCorrection,
  type FillInput,
  type IngestFillsResult,
  type Trade,
  TradesRepository,
  tradesDefinition,
} from './repositories/trades';
export type { DecimalInput, Json } from './repositories/types';
export type {
  UpsertOptions,
  UpsertResult,
  VersionChange,
  VersionColumns,
  Versioned,
  VersionedTableDefinition,
} from './scd2/definition';
export { VersionedTable } from './scd2/versioned-table';
export type {
  AppendOnlySpecs,
  InputOf,
  InputValueOf,
  RowOf,
  ValueOf,
  VersionedSpecs,
} from './schema/row-types';
export { openStore, Store, type StoreOptions, type StoreTransaction } from './store';
