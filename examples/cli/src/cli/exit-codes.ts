import { ConfigError } from '@precog/config';
import { KalshiError } from '@precog/kalshi-client';
import { StoreError } from '@precog/scd2-store';
import { CommanderError } from 'commander';

/** The `precog` command's exit codes. Scripts may rely on them. */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** A bug or an unexpected failure. */
  Internal: 1,
  /** Bad command line: unknown command or option, invalid value. */
  Usage: 2,
  /** Configuration or credentials are missing or invalid (any `ConfigError`). */
  Config: 3,
  /** The exchange failed or refused (any `KalshiError`). */
  Exchange: 4,
  /** The database failed (any `StoreError`, or PostgreSQL connection/auth failures). */
  Database: 5,
  /**
   * A file or directory could not be read or written (EACCES, EPERM, ENOSPC, ENOENT, EROFS, ...
   * from the file system: a data directory, a CSV, a plot or log file the user named).
   */
  Filesystem: 6,
  /**
   * A sync finished but kept items aside (malformed, or a value the store cannot hold): every good
   * item is stored, the bad ones are named on stderr and recorded in `ingest_errors`.
   */
  ItemsKeptAside: 7,
} as const;

/** One line for `--help` and the README: what each exit code means. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 success, 1 internal error (a bug), 2 usage, 3 configuration or credentials, 4 exchange (including bad data from it), 5 database, 6 filesystem (a file or directory that cannot be read or written: permissions, full disk, missing), 7 a sync kept items aside, 130 interrupted.';

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by a command for a bad combination of arguments: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A PostgreSQL error as `pg` reports it (its `DatabaseError`, a class of whichever `pg` copy threw
 * it): recognised by shape, a five-character SQLSTATE `code` plus the server's `severity`.
 */
function isPostgresError(error: object): boolean {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

// Network failures that surface unwrapped come from `pg` (the Kalshi client wraps its own).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
]);

// File-system failures as Node reports them: an errno code plus the `syscall` that failed.
const FILESYSTEM_CODES = new Set([
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EDQUOT',
  'ENOENT',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOTEMPTY',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'EIO',
  'ELOOP',
  'ENAMETOOLONG',
]);

/** A Node file-system error: a file-system errno with the `syscall` (open, mkdir, write...) that failed. */
function isFilesystemError(error: object): boolean {
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && FILESYSTEM_CODES.has(code) && typeof syscall === 'string';
}

/** The error and each `cause` below it, outermost first (cycles cut). */
function causes(error: object): object[] {
  const chain: object[] = [];
  for (let e: unknown = error; e !== null && typeof e === 'object' && !chain.includes(e); ) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Maps an error to an exit code: usage → 2, `ConfigError` → 3, `KalshiError` → 4, `StoreError`
 * and PostgreSQL connection / authentication errors → 5, a file-system error → 6, anything else
 * → 1 (a bug). An error that is none of these but was caused by one (a sync step wrapping the
 * client's validation error) takes its cause's code; a database error caused by a file-system
 * error or a `KalshiError` takes that one's. Package errors
 * are recognised with their `isInstance` (a `Symbol.for` marker), never by class name.
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error === null || typeof error !== 'object') return ExitCode.Internal;
  const codes = causes(error).map(categoryOf);
  const outer = codes.find((code) => code !== ExitCode.Internal) ?? ExitCode.Internal;
  // A database error whose root is a file (PGlite's directory unwritable, the disk full) or bad
  // exchange data is reported as that root, not as the database.
  if (outer === ExitCode.Database) {
    if (codes.includes(ExitCode.Filesystem)) return ExitCode.Filesystem;
    if (codes.includes(ExitCode.Exchange)) return ExitCode.Exchange;
  }
  return outer;
}

function categoryOf(error: object): ExitCodeValue {
  const code = (error as { code?: unknown }).code;
  // Identity by the packages' Symbol.for markers: survives a second copy of a package (ESM + CJS).
  if (error instanceof UsageError || error instanceof CommanderError) return ExitCode.Usage;
  if (ConfigError.isInstance(error)) return ExitCode.Config;
  if (KalshiError.isInstance(error)) return ExitCode.Exchange;
  if (StoreError.isInstance(error) || isPostgresError(error)) return ExitCode.Database;
  // SQLSTATE classes 08 (connection), 28 (authorization), 3D (no such database), 57P (shutdown).
  if (typeof code === 'string' && (/^(08|28|3D)[0-9A-Z]{3}$/.test(code) || /^57P0\d$/.test(code))) {
    return ExitCode.Database;
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return ExitCode.Database;
  if (isFilesystemError(error)) return ExitCode.Filesystem;
  return ExitCode.Internal;
}
