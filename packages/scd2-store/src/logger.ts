/**
 * A structural logger, pino-compatible argument order. The store never imports pino: pass
 * `createLogger()` from @precog/config, or any object with these four methods.
 */
export interface Logger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
  child?(bindings: Record<string, unknown>): Logger;
}

const noop = (): void => {};

/** A logger that discards everything; the default. */
export const noopLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
