#!/usr/bin/env -S npx tsx
// The `precog` command. Run it from the repository root: `pnpm precog --help`.
//
// To add a command: create src/commands/<name>.ts exporting `register(program: Command): void`
// (use `program.command(...)`, wrap the action in `runAction`, get config and logger from
// `loadCliContext(command)`), then add ONE import line and ONE register line below.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { stopWhenParentExits } from './cli/parent-watch';
import { createProgram } from './cli/program';
import { runProgram } from './cli/run-action';
// ── command modules (one import per command, keep alphabetical) ──────────────────────────
import { register as registerBackfill } from './commands/backfill';
import { register as registerBacktest } from './commands/backtest';
import { register as registerConfig } from './commands/config';
import { register as registerDb } from './commands/db';
import { register as registerElo } from './commands/elo';
import { register as registerFetch } from './commands/fetch';
import { register as registerModels } from './commands/models';
import { register as registerPositions } from './commands/positions';
import { register as registerRecord } from './commands/record';
import { register as registerRun } from './commands/run';
import { register as registerStrategies } from './commands/strategies';
import { register as registerWatch } from './commands/watch';

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = createProgram();
  // ── command registrations (one line per command, same order as the imports) ────────────
  registerBackfill(program);
  registerBacktest(program);
  registerConfig(program);
  registerDb(program);
  registerElo(program);
  registerFetch(program);
  registerModels(program);
  registerPositions(program);
  registerRecord(program);
  registerRun(program);
  registerStrategies(program);
  registerWatch(program);
  return program;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  stopWhenParentExits();
  const code = await runProgram(buildProgram());
  // Exit explicitly so a forgotten open handle (a pool, a timer) never hangs the command.
  process.exit(code);
}
