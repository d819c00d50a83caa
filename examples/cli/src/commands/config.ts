import { type ExplainedValue, explainConfig } from '@precog/config';
import type { Command } from 'commander';
import { loadCliContext } from '../cli/context';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';

interface ShowOptions {
  filter?: string;
}

/** `precog config show|check`: the resolved configuration and where each value came from. */
export function register(program: Command): void {
  const config = program.command('config').description('inspect the resolved configuration');

  config
    .command('show')
    .description(
      'print every resolved value (secrets redacted) and its source: default, file, .env, env or flag',
    )
    .option('--filter <prefix>', 'only keys starting with this prefix, e.g. trading.account')
    .action(
      runAction((options: ShowOptions, command: Command) => {
        const { config: resolved, options: globals } = loadCliContext(command);
        const entries = explainConfig(resolved).filter(
          (e) => !options.filter || e.path.startsWith(options.filter),
        );
        printResult(
          globals,
          { env: resolved.env, configDir: resolved.configDir ?? null, values: entries },
          (data) =>
            [
              `environment: ${data.env}    configuration directory: ${data.configDir ?? '(none: packaged defaults)'}`,
              '',
              formatTable(
                ['KEY', 'VALUE', 'SOURCE'],
                data.values.map((e: ExplainedValue) => [e.path, e.value, e.origin]),
              ),
            ].join('\n'),
        );
      }),
    );

  config
    .command('check')
    .description('load and validate the configuration; exit 3 on any problem')
    .action(
      runAction((_options: unknown, command: Command) => {
        const { config: resolved, options: globals } = loadCliContext(command);
        const summary = {
          ok: true,
          env: resolved.env,
          configDir: resolved.configDir ?? null,
          database: resolved.databaseUrl ? 'postgres' : 'pglite (embedded)',
          kalshiCredentials:
            resolved.kalshi.apiKeyId !== undefined && resolved.kalshi.privateKey !== undefined,
        };
        printResult(
          globals,
          summary,
          (s) =>
            `configuration OK (env ${s.env}, database ${s.database}, Kalshi credentials ${s.kalshiCredentials ? 'present' : 'absent'})`,
        );
      }),
    );
}
