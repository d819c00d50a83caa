// The one logger shape of @precog/managers: structural and pino-compatible (a pino logger, the
// logger of @precog/config or of @precog/kalshi-client fits), as in the other precog packages.

/** A structural logger (pino-compatible argument order: fields first, then the message). */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
  /** A logger that adds `bindings` to every line (optional: used when present). */
  child?(bindings: Record<string, unknown>): Logger;
}

const noop = (): void => undefined;

/** A logger that writes nothing: the default wherever a `logger` option is absent. */
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });
