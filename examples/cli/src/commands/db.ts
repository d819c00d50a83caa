// `precog db migrate` and `precog db status`: the store's schema migrations, on the embedded
// PGlite database (./.precog/pglite, the default) or on PostgreSQL (--database-url / DATABASE_URL).
import type { MigrationStatusEntry } from '@precog/scd2-store';
import type { Command } from 'commander';
import { loadCliContext } from '../cli/context';
import { ExitCode } from '../cli/exit-codes';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openCliStore } from '../cli/store';

function statusRows(entries: readonly MigrationStatusEntry[]): string[][] {
  return entries.map((e) => [
    String(e.version).padStart(4, '0'),
    e.name,
    e.state,
    e.appliedAt?.toISOString() ?? '',
    e.durationMs === undefined ? '' : `${e.durationMs} ms`,
  ]);
}

/** Registers `precog db migrate` and `precog db status`. */
export function register(program: Command): void {
  const db = program.command('db').description('database schema: apply and inspect migrations');

  db.command('migrate')
    .description('apply pending migrations (embedded PGlite in ./.precog/pglite unless --database-url)')
    .action(
      runAction(async (_options: unknown, command: Command) => {
        const context = loadCliContext(command);
        const opened = await openCliStore(context, { migrate: false });
        try {
          const applied = await opened.store.migrate();
          printResult(context.options, { store: opened.where, applied }, (data) =>
            data.applied.length === 0
              ? `${data.store}: schema up to date, nothing to apply`
              : [
                  `${data.store}: applied ${data.applied.length} migration(s)`,
                  ...data.applied.map((m) => `  ${m.name}  ${m.durationMs} ms`),
                ].join('\n'),
          );
        } finally {
          await opened.close();
        }
      }),
    );

  db.command('status')
    .description('list every migration: applied, pending, changed, vanished or out-of-order')
    .action(
      runAction(async (_options: unknown, command: Command) => {
        const context = loadCliContext(command);
        const opened = await openCliStore(context, { migrate: false });
        try {
          const migrations = await opened.store.migrationStatus();
          const problems = migrations.filter((m) => m.state !== 'applied' && m.state !== 'pending');
          printResult(context.options, { store: opened.where, migrations }, (data) =>
            [
              `${data.store}`,
              formatTable(['version', 'file', 'state', 'applied at', 'took'], statusRows(data.migrations)),
            ].join('\n'),
          );
          if (problems.length > 0) {
            process.stderr.write(
              `precog: ${problems.length} migration(s) need attention: ${problems.map((p) => `${p.name} (${p.state})`).join(', ')}\n`,
            );
            process.exitCode = ExitCode.Database;
          }
        } finally {
          await opened.close();
        }
      }),
    );
}
