import { type Command, Option } from 'commander';

/** Options every `precog` command accepts (before or after the command name). */
export interface GlobalOptions {
  /** `--env`: exchange environment; beats `PRECOG_ENV`. */
  env?: 'demo' | 'prod';
  /** `--config-dir`: directory of YAML files; beats `PRECOG_CONFIG_DIR`. */
  configDir?: string;
  /** `--database-url`: PostgreSQL URL; beats `DATABASE_URL`. */
  databaseUrl?: string;
  /** `--base-url`: Kalshi REST base URL; beats `KALSHI_BASE_URL`. */
  baseUrl?: string;
  /** `--ws-url`: Kalshi WebSocket URL; beats `KALSHI_WS_URL`. */
  wsUrl?: string;
  /** `--json`: machine-readable output on stdout. */
  json?: boolean;
  /** `--verbose`: debug logging and the full cause chain of errors. */
  verbose?: boolean;
  /** `--force`: talk to the exchange even when `--env prod` points at a plain-http or demo URL. */
  force?: boolean;
}

/** Adds the global options to the root program. */
export function addGlobalOptions(program: Command): Command {
  return program
    .addOption(
      new Option('--env <env>', 'exchange environment (default: PRECOG_ENV or demo)').choices([
        'demo',
        'prod',
      ]),
    )
    .option(
      '--config-dir <dir>',
      'directory of YAML configuration files (default: PRECOG_CONFIG_DIR or ./config)',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL connection URL (default: DATABASE_URL; none = embedded PGlite)',
    )
    .option('--base-url <url>', 'Kalshi REST base URL (default: KALSHI_BASE_URL or the environment default)')
    .option('--ws-url <url>', "Kalshi WebSocket URL (default: KALSHI_WS_URL or the environment's URL)")
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--verbose', 'debug logging; show the cause chain of errors')
    .option('--force', 'with --env prod, talk to a plain-http or demo base URL anyway (warns)');
}

/** The merged global + command options of the command being run. */
export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}
