import { resolve } from 'node:path';
import { createLogger, loadConfig, type PrecogConfig, type PrecogLogger } from '@precog/config';
import type { Command } from 'commander';
import { type GlobalOptions, globalOptionsOf } from './global-options';
import { logErrorsTo } from './run-action';

/** What a command needs: the resolved configuration, a logger and the global options. */
export interface CliContext {
  config: PrecogConfig;
  logger: PrecogLogger;
  options: GlobalOptions;
}

/**
 * The directory the user ran `pnpm precog` from (pnpm runs scripts inside examples/cli and
 * passes the original directory as INIT_CWD); `./config` and `.env.<env>` are found there.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}

/**
 * Loads the configuration for a command, with the global flags as the highest-precedence
 * overrides (`config show` labels them `flag`), and creates the logger (stderr; pretty on a
 * terminal, JSON lines otherwise; `--verbose` = debug).
 */
export function loadCliContext(command: Command): CliContext {
  const options = globalOptionsOf(command);
  const cwd = userCwd();
  const bootstrap = createLogger({ level: options.verbose ? 'debug' : 'warn' });
  const config = loadConfig({
    cwd,
    ...(options.configDir !== undefined ? { dir: options.configDir } : {}),
    overrides: {
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
      ...(options.baseUrl !== undefined ? { kalshi: { baseUrl: options.baseUrl } } : {}),
    },
    overrideLabel: 'flag',
    logger: bootstrap,
  });
  const logging = config.system.logging;
  const file = logging.file.enabled ? resolve(cwd, logging.file.path) : undefined;
  const logger = createLogger({
    level: options.verbose ? 'debug' : logging.level,
    format: logging.console.format,
    console: logging.console.enabled,
    ...(file ? { file } : {}),
  });
  // A failure goes to the terminal as one short line and to the log file whole.
  logErrorsTo(file ? createLogger({ level: 'error', console: false, file }) : undefined);
  return { config, logger, options };
}
