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
  /** The exchange failed or refused (any `Kalshi*` error). */
  Exchange: 4,
  /** The database failed (any `Store*` error, or PostgreSQL connection/auth failures). */
  Database: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by a command for a bad combination of arguments: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Names of the error's class and all its base classes, most derived first. */
function classNames(error: object): string[] {
  const names: string[] = [];
  if ('name' in error && typeof error.name === 'string') names.push(error.name);
  for (
    let proto = Object.getPrototypeOf(error);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const name = (proto.constructor as { name?: string } | undefined)?.name;
    if (name) names.push(name);
  }
  return names;
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
 * Maps an error to an exit code: usage → 2, `ConfigError` → 3, `Kalshi*` → 4, `Store*` and
 * PostgreSQL connection / authentication errors → 5, anything else → 1.
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error === null || typeof error !== 'object') return ExitCode.Internal;
  const names = classNames(error);
  const code = (error as { code?: unknown }).code;
  if (names.includes('UsageError') || names.includes('CommanderError')) return ExitCode.Usage;
  if (names.includes('ConfigError')) return ExitCode.Config;
  if (names.some((n) => n.startsWith('Kalshi'))) return ExitCode.Exchange;
  if (names.some((n) => n.startsWith('Store')) || names.includes('DatabaseError')) return ExitCode.Database;
  // SQLSTATE classes 08 (connection), 28 (authorization), 3D (no such database), 57P (shutdown).
  if (typeof code === 'string' && (/^(08|28|3D)[0-9A-Z]{3}$/.test(code) || /^57P0\d$/.test(code))) {
    return ExitCode.Database;
  }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return ExitCode.Database;
  return ExitCode.Internal;
}
