import { Command } from 'commander';
import { EXIT_CODES_HELP } from './exit-codes';
import { addGlobalOptions } from './global-options';

/**
 * The root `precog` command with the global options. Commander errors throw (instead of
 * exiting) and print as `precog: <message>`; subcommands created with `program.command()`
 * inherit both settings, so register commands after this.
 */
export function createProgram(): Command {
  const program = new Command('precog')
    .description(
      'precog: tools for building trading bots on Kalshi (configuration, database, data, Elo, demo)',
    )
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`precog: ${text.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
  return addGlobalOptions(program);
}
