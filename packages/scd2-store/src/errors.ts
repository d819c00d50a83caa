/**
 * Typed errors of @precog/scd2-store. Every error extends {@link StoreError}, carries a precise
 * one-line message and, where one exists, the driver error as `cause`. No message ever contains
 * a password or a full connection string.
 */

/** The `Symbol.for` marker of {@link StoreError}: the same symbol in every copy of the package. */
const STORE_ERROR_MARKER = Symbol.for('precog.scd2-store.StoreError');

/** Base class of every error thrown by the store. */
export class StoreError extends Error {
  /**
   * True when `value` is a `StoreError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static isInstance(value: unknown): value is StoreError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[STORE_ERROR_MARKER] === true
    );
  }

  /** The SQLSTATE of the underlying database error, when there is one. */
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, STORE_ERROR_MARKER, { value: true, enumerable: false });
    this.name = new.target.name;
    this.code = options.code;
  }
}

/** The database could not be reached, or the connection was lost. Names the host, never the password. */
export class StoreConnectionError extends StoreError {
  /** `host:port/database` of the server, or `pglite` for the embedded database. */
  readonly host: string;

  constructor(message: string, options: { host: string; cause?: unknown; code?: string }) {
    super(message, options);
    this.host = options.host;
  }
}

/** Every pooled connection stayed busy for longer than `connectionTimeoutMs`. */
export class PoolExhaustedError extends StoreConnectionError {
  /** The pool size that was exhausted. */
  readonly poolSize: number;
  /** How long the call waited for a connection, in milliseconds. */
  readonly waitedMs: number;

  constructor(options: { host: string; poolSize: number; waitedMs: number; cause?: unknown }) {
    super(
      `all ${options.poolSize} connections to ${options.host} stayed busy for ${options.waitedMs} ms; raise poolSize or release connections sooner`,
      options,
    );
    this.poolSize = options.poolSize;
    this.waitedMs = options.waitedMs;
  }
}

/**
 * The server cancelled a statement that ran past `statement_timeout` (SQLSTATE 57014), e.g. one
 * left waiting on a lock another session holds. Nothing the statement did was kept.
 */
export class StatementTimeoutError extends StoreError {}

/** Fields shared by the errors that come from a database constraint. */
export interface ConstraintDetails {
  /** The table whose constraint refused the write. */
  table: string | undefined;
  /** The constraint's name, as declared in the migrations. */
  constraint: string | undefined;
  /** The column concerned, when the database names one. */
  column: string | undefined;
  /** The database's own detail text (values of the key), when given. */
  detail?: string | undefined;
  cause?: unknown;
  code?: string;
}

/** A unique, check or exclusion constraint refused a write. */
export class ConstraintViolationError extends StoreError {
  readonly table: string | undefined;
  readonly constraint: string | undefined;
  readonly column: string | undefined;
  readonly detail: string | undefined;

  constructor(message: string, details: ConstraintDetails) {
    super(message, details);
    this.table = details.table;
    this.constraint = details.constraint;
    this.column = details.column;
    this.detail = details.detail;
  }
}

/** A NOT NULL column received no value. `column` names it. */
export class NotNullViolationError extends ConstraintViolationError {}

/** A foreign key pointed at a row that does not exist (or a referenced row was still in use). */
export class ForeignKeyViolationError extends ConstraintViolationError {}

/** An immutable-config row's `config` (or its name/version) was asked to change (SQLSTATE PC002). */
export class ImmutableRowError extends StoreError {
  readonly table: string | undefined;

  constructor(message: string, options: { table?: string | undefined; cause?: unknown; code?: string }) {
    super(message, options);
    this.table = options.table;
  }
}

/** An UPDATE or DELETE hit an append-only table (SQLSTATE PC001). */
export class AppendOnlyViolationError extends StoreError {
  readonly table: string | undefined;

  constructor(message: string, options: { table?: string | undefined; cause?: unknown; code?: string }) {
    super(message, options);
    this.table = options.table;
  }
}

/** The `Symbol.for` marker of {@link LifecycleTransitionError}. */
const LIFECYCLE_TRANSITION_MARKER = Symbol.for('precog.scd2-store.LifecycleTransitionError');

/** A lifecycle status change that the rules forbid (SQLSTATE PC003), e.g. `deprecated → active`. */
export class LifecycleTransitionError extends StoreError {
  /** True when `value` is a `LifecycleTransitionError` from any copy of the package. */
  static override isInstance(value: unknown): value is LifecycleTransitionError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[LIFECYCLE_TRANSITION_MARKER] === true
    );
  }

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, options);
    Object.defineProperty(this, LIFECYCLE_TRANSITION_MARKER, { value: true, enumerable: false });
  }
}

/**
 * A value carries more digits than its column keeps (e.g. `0.12345` for NUMERIC(10,4)). Thrown
 * before anything is written: the whole batch is refused, nothing is rounded.
 */
export class PrecisionError extends StoreError {
  readonly table: string;
  readonly column: string;
  readonly value: string;
  /** The column's SQL type, e.g. `numeric(10,4)`. */
  readonly columnType: string;

  constructor(options: { table: string; column: string; value: string; columnType: string; reason: string }) {
    super(
      `${options.table}.${options.column} is ${options.columnType}: ${options.value} ${options.reason}; nothing was written`,
    );
    this.table = options.table;
    this.column = options.column;
    this.value = options.value;
    this.columnType = options.columnType;
  }
}

/**
 * A text or JSON value PostgreSQL cannot hold (a NUL character, `\u0000`). Thrown before anything
 * is written, like {@link PrecisionError}; a sync keeps such an item aside instead of storing it.
 */
export class UnstorableTextError extends StoreError {
  readonly table: string;
  readonly column: string;

  constructor(options: { table: string; column: string }) {
    super(
      `${options.table}.${options.column} got text with a NUL character (\u0000), which PostgreSQL cannot store; nothing was written`,
    );
    this.table = options.table;
    this.column = options.column;
  }
}

/** A write asked for a version timestamp (`at`) earlier than a current version's start. */
export class VersionOrderError extends StoreError {}

/** Base of the migration runner's refusals; `file` names the migration concerned. */
export class MigrationError extends StoreError {
  /** The migration file name (e.g. `0003_markets.sql`), when one is concerned. */
  readonly file: string | undefined;

  constructor(message: string, options: { file?: string | undefined; cause?: unknown; code?: string } = {}) {
    super(message, options);
    this.file = options.file;
  }
}

/** An applied migration file was edited after it was applied (its checksum differs). */
export class MigrationChangedError extends MigrationError {}

/** An applied migration file no longer exists. */
export class MigrationVanishedError extends MigrationError {}

/** A pending migration file has a lower version than one already applied. */
export class MigrationOutOfOrderError extends MigrationError {}

/** A migration file's SQL failed; its transaction (and ledger row) were rolled back. */
export class MigrationFailedError extends MigrationError {}

/**
 * An embedded (PGlite) data directory stayed locked by another live process for longer than
 * `lockTimeoutMs`. PGlite allows one process per directory; a second one would corrupt it.
 */
export class StoreLockedError extends StoreError {
  /** The lock file beside the data directory (`<dataDir>.lock`). */
  readonly lockFile: string;
  /** The process id written in the lock file by its holder. */
  readonly holderPid: number;
  /** How long `openStore` waited before giving up, in milliseconds. */
  readonly waitedMs: number;

  constructor(options: { lockFile: string; holderPid: number; waitedMs: number }) {
    super(
      `${options.lockFile} is held by process ${options.holderPid} (waited ${options.waitedMs} ms); embedded PGlite allows one process per data directory`,
    );
    this.lockFile = options.lockFile;
    this.holderPid = options.holderPid;
    this.waitedMs = options.waitedMs;
  }
}
