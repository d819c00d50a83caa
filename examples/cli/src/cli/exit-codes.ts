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
   * A sync finished but kept items aside (malformed, or a value the store cannot hold): every good
   * item is stored, the bad ones are named on stderr and recorded in `ingest_errors`.
   */
  ItemsKeptAside: 6,
} as const;

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

/**
 * Maps an error to an exit code: usage → 2, `ConfigError` → 3, `KalshiError` → 4, `StoreError`
 * and PostgreSQL connection / authentication errors → 5, anything else → 1. Package errors are
 * recognised with their `isInstance` (a `Symbol.for` marker), never by class name.
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error === null || typeof error !== 'object') return ExitCode.Internal;
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
  return ExitCode.Internal;
}
