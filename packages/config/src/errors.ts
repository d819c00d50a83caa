/** The `Symbol.for` marker of {@link ConfigError}: the same symbol in every copy of the package. */
const CONFIG_ERROR_MARKER = Symbol.for('precog.config.ConfigError');

/**
 * Every error @precog/config throws derives from {@link ConfigError}, so a caller (the CLI maps
 * it to exit code 3) can tell "the configuration is wrong" from anything else. Messages are one
 * line, name the file / key / variable involved and never contain a secret value.
 */
export class ConfigError extends Error {
  /**
   * True when `value` is a `ConfigError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static isInstance(value: unknown): value is ConfigError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[CONFIG_ERROR_MARKER] === true
    );
  }

  override name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, CONFIG_ERROR_MARKER, { value: true, enumerable: false });
  }
}

/** Where in a file something was found (1-based line and column). */
export interface FilePosition {
  line: number;
  column: number;
}

function at(file: string, position?: FilePosition): string {
  return position ? `${file}:${position.line}:${position.column}` : file;
}

/** A YAML file (or a YAML-valued environment variable) that does not parse. */
export class ConfigSyntaxError extends ConfigError {
  override name = 'ConfigSyntaxError';
  /** The file (or `env NAME` for a variable) that failed to parse. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, detail: string, position?: FilePosition, options?: { cause?: unknown }) {
    super(`${at(file, position)}: invalid YAML: ${detail}`, options);
    this.file = file;
    this.line = position?.line;
    this.column = position?.column;
  }
}

/** One problem found while validating the merged configuration. */
export interface ConfigIssue {
  /** Dotted key path, e.g. `trading.account.daily_loss_limit_dollars`. */
  keyPath: string;
  /** What the schema wanted, e.g. `a decimal number`. */
  expected: string;
  /** A short rendering of what was there, e.g. `string "abc"`. */
  found: string;
  /** Where the offending value came from, for people: `config/trading.yaml:3`, `env NAME`, `override`. */
  origin?: string;
  /** The file the value came from (YAML or `.env`), if it came from a file. */
  file?: string;
  /** Its line in that YAML file, if known. */
  line?: number;
}

/** A value with the wrong type or outside its allowed range. */
export class ConfigValidationError extends ConfigError {
  override name = 'ConfigValidationError';
  /** The file the first offending value came from (YAML or `.env`), if it came from a file. */
  readonly file: string | undefined;
  /** Its line in that YAML file, if known. */
  readonly line: number | undefined;
  /** Where it came from, for people: `config/trading.yaml:3`, `env NAME`, `override`. */
  readonly origin: string | undefined;
  readonly keyPath: string;
  readonly expected: string;
  readonly found: string;
  /** Every issue found, the first of which is described by the message. */
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const first = issues[0] ?? { keyPath: '(root)', expected: 'a valid configuration', found: 'nothing' };
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    const where = first.origin ? `${first.origin}: ` : '';
    super(`${where}${first.keyPath}: expected ${first.expected}, found ${first.found}${more}`, options);
    this.file = first.file;
    this.line = first.line;
    this.origin = first.origin;
    this.keyPath = first.keyPath;
    this.expected = first.expected;
    this.found = first.found;
    this.issues = issues;
  }
}

/** A key the schema does not know, in strict mode (otherwise it is a logged warning). */
export class UnknownConfigKeyError extends ConfigValidationError {
  override name = 'UnknownConfigKeyError';
}

/** A required environment variable is not set for the selected environment. */
export class MissingVariableError extends ConfigError {
  override name = 'MissingVariableError';
  /** The variable(s) that would satisfy the requirement, most specific first. */
  readonly variables: readonly string[];
  /** The environment (`demo` / `prod`) that needs it. */
  readonly environment: string;
  constructor(variables: readonly string[], environment: string, purpose: string) {
    const names = variables.join(' or ');
    super(`${names} is not set; the ${environment} environment needs it ${purpose}`);
    this.variables = variables;
    this.environment = environment;
  }
}

/** A configuration file or directory that was asked for but does not exist. */
export class ConfigFileNotFoundError extends ConfigError {
  override name = 'ConfigFileNotFoundError';
  /** The absolute path that was looked at. */
  readonly path: string;
  constructor(path: string, what: string, options?: { cause?: unknown }) {
    super(`${what} not found: ${path}`, options);
    this.path = path;
  }
}

/** Largest configuration file read, in bytes (1 MiB): a bigger file is a mistake, not a setting. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** A configuration file larger than {@link MAX_CONFIG_FILE_BYTES}; nothing of it was read. */
export class ConfigFileTooLargeError extends ConfigError {
  override name = 'ConfigFileTooLargeError';
  /** The file, as shown in messages (relative to the working directory when inside it). */
  readonly file: string;
  /** Its size in bytes. */
  readonly bytes: number;
  constructor(file: string, bytes: number) {
    super(
      `${file}: configuration file is ${bytes} bytes, over the limit of ${MAX_CONFIG_FILE_BYTES} bytes (1 MiB); nothing was read`,
    );
    this.file = file;
    this.bytes = bytes;
  }
}

/** A Kalshi private key that cannot be read or is not a private key. Never includes key text. */
export class PrivateKeyError extends ConfigError {
  override name = 'PrivateKeyError';
  /** The key file's path, or the variable that held PEM text. */
  readonly path: string;
  constructor(path: string, detail: string, options?: { cause?: unknown }) {
    super(`private key ${path}: ${detail}`, options);
    this.path = path;
  }
}

/** The logger's file cannot be opened for appending. */
export class LogFileError extends ConfigError {
  override name = 'LogFileError';
  readonly path: string;
  readonly code: string | undefined;
  constructor(path: string, detail: string, code: string | undefined, options?: { cause?: unknown }) {
    super(`cannot open log file ${path}: ${detail}`, options);
    this.path = path;
    this.code = code;
  }
}
