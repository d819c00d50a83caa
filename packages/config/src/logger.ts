import { openSync, writeSync } from 'node:fs';
import pino from 'pino';
import pretty from 'pino-pretty';
import { LogFileError } from './errors';
import { redactDeep, redactText } from './internal/redact';

/**
 * The structural logger every precog package accepts (pino-compatible argument order: fields
 * first, message second). Packages never import pino; pass `createLogger()` or your own.
 */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
  child?(bindings: Record<string, unknown>): Logger;
}

/** A logger that discards everything (the default wherever a logger is optional). */
export const noopLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return noopLogger;
  },
};

/** Log levels, least to most severe. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level written. Default `info` (config: `system.logging.level`). */
  level?: LogLevel;
  /**
   * Console format: `pretty` (human-readable, pino-pretty), `json` (one JSON object per line)
   * or `auto` (pretty when the destination is a TTY). Default `auto`.
   */
  format?: 'auto' | 'pretty' | 'json';
  /** Where console output goes. Default `process.stderr` (stdout stays free for command output). */
  destination?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Write to `destination` at all. Default `true` (config: `system.logging.console.enabled`). */
  console?: boolean;
  /**
   * Also append JSON lines to this file. It must be writable now; otherwise {@link LogFileError}.
   * A write that fails later (a full disk, a quota, the file system gone read-only) never throws
   * into the code that logged: one warning goes to `warnings`, the line is dropped, and logging
   * goes on (later lines are tried again).
   */
  file?: string;
  /** Where the one warning about a failing log file goes. Default `process.stderr`. */
  warnings?: NodeJS.WritableStream;
  /** Fields added to every line (e.g. `{ app: 'my-bot' }`). */
  base?: Record<string, unknown>;
}

/** A pino logger that also satisfies {@link Logger}. */
export type PrecogLogger = pino.Logger;

/**
 * Creates the application logger: pino, JSON lines (or pretty output on a TTY), with secrets
 * removed from every line — values under keys like `password`, `privateKey`, `token`,
 * `authorization` and the `KALSHI-ACCESS-SIGNATURE` header (any casing or nesting), PEM key
 * blocks and URL passwords inside any string, including the message.
 *
 * @throws {LogFileError} when `file` cannot be opened for appending (missing directory,
 *   permission denied, a path under a regular file).
 */
export function createLogger(options: LoggerOptions = {}): PrecogLogger {
  const destination = options.destination ?? process.stderr;
  const format =
    options.format === undefined || options.format === 'auto'
      ? destination.isTTY
        ? 'pretty'
        : 'json'
      : options.format;
  const streams: pino.StreamEntry[] = [];
  if (options.console !== false) {
    streams.push({
      level: 'trace',
      stream:
        format === 'pretty'
          ? pretty({ destination, colorize: Boolean(destination.isTTY), sync: true })
          : destination,
    });
  }
  if (options.file) {
    streams.push({
      level: 'trace',
      stream: openLogFile(options.file, options.warnings ?? process.stderr),
    });
  }
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => redactDeep(obj) as Record<string, unknown>,
        bindings: (bindings) => redactDeep(bindings) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => (typeof a === 'string' ? redactText(a) : a));
          return method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    pino.multistream(streams),
  );
  // pino does not run the bindings formatter for children; redact their bindings here. Set on
  // the root instance, this is inherited by every descendant (children are Object.create(parent)).
  const child = logger.child;
  logger.child = function redactedChild(this: PrecogLogger, bindings, childOptions) {
    return child.call(this, redactDeep(bindings) as pino.Bindings, childOptions);
  } as typeof logger.child;
  return logger;
}

function openLogFile(path: string, warnings: NodeJS.WritableStream): pino.DestinationStream {
  let fd: number;
  try {
    fd = openSync(path, 'a', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOENT'
        ? 'the directory does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a parent path is not a directory'
            : code === 'EISDIR'
              ? 'it is a directory'
              : (code ?? 'unknown error');
    throw new LogFileError(path, detail, code, { cause: error });
  }
  return new TolerantFileStream(fd, path, warnings);
}

/**
 * The log file sink: synchronous appends that never throw. A failed write (ENOSPC, EDQUOT, EIO,
 * EROFS...) drops that line and warns once; logging must not abort the work being logged.
 */
class TolerantFileStream implements pino.DestinationStream {
  private warned = false;

  constructor(
    private readonly fd: number,
    private readonly path: string,
    private readonly warnings: NodeJS.WritableStream,
  ) {}

  write(line: string): void {
    try {
      writeSync(this.fd, line);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code;
      this.warnings.write(
        `precog: warning: cannot write the log file ${this.path} (${why}); carrying on, log lines that cannot be written are dropped\n`,
      );
    }
  }
}
