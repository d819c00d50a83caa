import type { Logger } from '@precog/config';
import { Command, CommanderError } from 'commander';
import { ExitCode, exitCodeFor } from './exit-codes';
import { toErrorLine, toTerminalLine, toTerminalText } from './terminal-text';

/** The message of an error and of each `cause` below it, outermost first. */
export function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); ) {
    seen.add(e);
    if (e instanceof Error) {
      lines.push(`${e.name}: ${e.message}`);
      e = e.cause;
    } else {
      lines.push(String(e));
      break;
    }
  }
  return lines;
}

let errorLog: Logger | undefined;

/**
 * Where {@link reportError} also records each failure whole (message, cause chain, response
 * body): the log file (`system.logging.file`), so the terminal can keep its short line.
 */
export function logErrorsTo(logger: Logger | undefined): void {
  errorLog = logger;
}

/**
 * Prints an error as ONE line (`precog: <message>`) on stderr, plus its cause chain when
 * `verbose`, and returns the exit code it maps to. Messages can carry text from the exchange, so
 * the line is made inert (escape sequences and control characters removed) and, without
 * `verbose`, cut to 300 characters; `verbose` adds the whole response body. The log file, when
 * one is configured ({@link logErrorsTo}), always gets the whole message and body.
 */
export function reportError(error: unknown, verbose: boolean): number {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? '';
  const body = (error as { body?: unknown } | null)?.body;
  // The log file is JSON (control characters escaped): it keeps the whole message and body.
  errorLog?.error(
    { error: message, causes: causeChain(error).slice(1), ...(body === undefined ? {} : { body }) },
    'precog: command failed',
  );
  process.stderr.write(`precog: ${verbose ? toTerminalLine(first) : toErrorLine(first)}\n`);
  if (verbose) {
    for (const line of causeChain(error).slice(1))
      process.stderr.write(`  caused by ${toTerminalLine(line)}\n`);
    // JSON escapes every control character, so the body is shown whole and stays inert.
    if (body !== undefined) process.stderr.write(`  response body: ${JSON.stringify(body)}\n`);
    if (error instanceof Error && error.stack) process.stderr.write(`${toTerminalText(error.stack)}\n`);
  }
  return exitCodeFor(error);
}

/**
 * Wraps a commander action: errors are printed as one line and set the exit code they map
 * to (config 3, exchange 4, database 5, usage 2, anything else 1). Use it for every command:
 *
 * ```ts
 * program.command('hello').action(runAction(async (options, command: Command) => { ... }));
 * ```
 */
export function runAction<A extends unknown[]>(
  action: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof CommanderError) throw error;
      const command = args.findLast((a): a is Command => a instanceof Command);
      const verbose = Boolean(command?.optsWithGlobals().verbose);
      process.exitCode = reportError(error, verbose);
    }
  };
}

/**
 * Parses argv and runs a program made by `createProgram`; commander's own errors (unknown
 * option, bad choice) are printed as `precog: ...` and map to 2; `--help` to 0. Resolves to the
 * exit code.
 */
export async function runProgram(program: Command, argv: readonly string[] = process.argv): Promise<number> {
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    return reportError(error, argv.includes('--verbose'));
  }
}
