// The version-lifecycle commands shared by `precog strategies` and `precog models`: list, show,
// create, test, activate, deprecate, draft, on the store (embedded PGlite in ./.precog/pglite
// unless --database-url). Each command module calls `registerVersionCommands` with its manager.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ConfigVersionManager,
  ImmutableConfigError,
  InvalidConfigError,
  InvalidTransitionError,
  type ParsedVersion,
  type StoredConfig,
  VersionNotFoundError,
} from '@precog/managers';
import type { ConfigVersion, LifecycleStatus, Store } from '@precog/scd2-store';
import { type Command, Option } from 'commander';
import { type CliContext, loadCliContext, userCwd } from '../cli/context';
import { UsageError } from '../cli/exit-codes';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openCliStore } from '../cli/store';

/** Runs `fn` with a manager on an open store, closing it afterwards. */
async function withManager<T, M>(
  command: Command,
  make: (store: Store) => M,
  fn: (manager: M, context: CliContext) => Promise<T>,
): Promise<void> {
  const context = loadCliContext(command);
  const opened = await openCliStore(context, { migrate: true });
  try {
    await fn(make(opened.store), context);
  } catch (error) {
    // What the user asked for is not possible (unknown version, refused move, bad or changed
    // config): a usage error (exit 2) with the manager's message, not an internal failure.
    const refused =
      error instanceof VersionNotFoundError ||
      error instanceof InvalidTransitionError ||
      error instanceof InvalidConfigError ||
      error instanceof ImmutableConfigError;
    throw refused ? new UsageError(error.message, { cause: error }) : error;
  } finally {
    await opened.close();
  }
}

/** `12` (an id) or `name@version`. */
async function resolveVersion<P>(manager: ConfigVersionManager<P>, ref: string): Promise<ParsedVersion<P>> {
  if (/^\d+$/.test(ref)) return manager.get(Number(ref));
  const at = ref.lastIndexOf('@');
  if (at <= 0 || at === ref.length - 1) {
    throw new UsageError(`"${ref}" is neither an id nor name@version`);
  }
  return manager.find(ref.slice(0, at), ref.slice(at + 1));
}

function readConfig(options: { config?: string; configJson?: string }): StoredConfig {
  if ((options.config === undefined) === (options.configJson === undefined)) {
    throw new UsageError('give the config as --config <file.json> or --config-json <json> (one of them)');
  }
  const text = options.configJson ?? readFileSync(resolve(userCwd(), options.config as string), 'utf8');
  try {
    return JSON.parse(text) as StoredConfig;
  } catch (cause) {
    throw new UsageError(`the config is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

const date = (d: Date | null) => (d === null ? '' : d.toISOString());

function versionRows(versions: readonly ConfigVersion[]): string[][] {
  return versions.map((v) => [
    String(v.id),
    v.name,
    v.version,
    v.status,
    v.approach ?? '',
    date(v.activatedAt),
    date(v.createdAt),
  ]);
}

interface TransitionCommand {
  name: string;
  to: LifecycleStatus;
  description: string;
}

const TRANSITIONS: readonly TransitionCommand[] = [
  { name: 'test', to: 'testing', description: 'move a version draft → testing' },
  { name: 'draft', to: 'draft', description: 'move a version testing → draft' },
  {
    name: 'activate',
    to: 'active',
    description:
      'move a version testing → active (the active version of its name is deprecated in the same transaction)',
  },
  { name: 'deprecate', to: 'deprecated', description: 'move a version to deprecated (final)' },
];

/**
 * Registers `<noun> list|show|create|test|draft|activate|deprecate` for one kind of
 * immutable-config version (`strategies` or `models`).
 */
export function registerVersionCommands<P>(
  program: Command,
  noun: string,
  kind: string,
  make: (store: Store) => ConfigVersionManager<P>,
  exampleConfig: string,
): void {
  const group = program.command(noun).description(`${kind} versions: immutable configs with a lifecycle`);

  group
    .command('list')
    .description(`list ${kind} versions by name then id`)
    .option('--name <name>', `only versions of this ${kind} name`)
    .addOption(
      new Option('--status <status>', 'only versions in this status').choices([
        'draft',
        'testing',
        'active',
        'deprecated',
      ]),
    )
    .action(
      runAction(async (options: { name?: string; status?: LifecycleStatus }, command: Command) => {
        await withManager(command, make, async (manager, context) => {
          const filter: { name?: string; status?: LifecycleStatus } = {};
          if (options.name !== undefined) filter.name = options.name;
          if (options.status !== undefined) filter.status = options.status;
          const versions = await manager.list(filter);
          printResult(context.options, versions, (rows) =>
            rows.length === 0
              ? `no ${kind} versions`
              : formatTable(
                  ['ID', 'NAME', 'VERSION', 'STATUS', 'TYPE', 'ACTIVATED', 'CREATED'],
                  versionRows(rows),
                ),
          );
        });
      }),
    );

  group
    .command('show')
    .description(`show one ${kind} version, its config and its lifecycle log`)
    .argument('<ref>', 'the version id, or name@version')
    .action(
      runAction(async (ref: string, _options: unknown, command: Command) => {
        await withManager(command, make, async (manager, context) => {
          const version = await resolveVersion(manager, ref);
          const history = await manager.history(version.id);
          const { parsed: _parsed, ...stored } = version;
          printResult(context.options, { ...stored, history }, (data) =>
            [
              `${kind} ${data.name}@${data.version} (id ${data.id}): ${data.status}`,
              `  type ${data.approach ?? ''}, created ${date(data.createdAt)}${data.createdBy ? ` by ${data.createdBy}` : ''}`,
              ...(data.description ? [`  ${data.description}`] : []),
              'config:',
              ...JSON.stringify(data.config, null, 2)
                .split('\n')
                .map((l) => `  ${l}`),
              'lifecycle:',
              ...(data.history.length === 0
                ? ['  (no transitions yet)']
                : data.history.map(
                    (t) =>
                      `  ${date(t.transitionedAt)}  ${t.fromStatus ?? '∅'} → ${t.toStatus}  by ${t.actor}${t.reason ? `: ${t.reason}` : ''}`,
                  )),
            ].join('\n'),
          );
        });
      }),
    );

  group
    .command('create')
    .description(`store a new ${kind} version (draft); its config can never change afterwards`)
    .requiredOption('--name <name>', `${kind} name`)
    .requiredOption('--version <version>', 'version label, e.g. 1.0.0 (unique per name)')
    .option('--config <file>', 'the config as a JSON file')
    .option('--config-json <json>', `the config as JSON text, e.g. '${exampleConfig}'`)
    .option('--description <text>', 'a description')
    .option('--actor <name>', 'recorded as created_by (default: $USER)')
    .action(
      runAction(
        async (
          options: {
            name: string;
            version: string;
            config?: string;
            configJson?: string;
            description?: string;
            actor?: string;
          },
          command: Command,
        ) => {
          const config = readConfig(options);
          await withManager(command, make, async (manager, context) => {
            const created = await manager.create({
              name: options.name,
              version: options.version,
              config,
              description: options.description ?? null,
              createdBy: options.actor ?? process.env.USER ?? 'cli',
            });
            const { parsed: _parsed, ...stored } = created;
            printResult(
              context.options,
              stored,
              (v) => `${kind} ${v.name}@${v.version} stored as id ${v.id} (${v.status})`,
            );
          });
        },
      ),
    );

  for (const t of TRANSITIONS) {
    group
      .command(t.name)
      .description(t.description)
      .argument('<ref>', 'the version id, or name@version')
      .option('--actor <name>', 'who makes the change, for the lifecycle log (default: $USER)')
      .option('--reason <text>', 'why, for the lifecycle log')
      .action(
        runAction(async (ref: string, options: { actor?: string; reason?: string }, command: Command) => {
          await withManager(command, make, async (manager, context) => {
            const version = await resolveVersion(manager, ref);
            const moved = await manager.transition(version.id, t.to, {
              actor: options.actor ?? process.env.USER ?? 'cli',
              ...(options.reason === undefined ? {} : { reason: options.reason }),
            });
            printResult(context.options, moved, (v) =>
              v.status === version.status
                ? `${kind} ${v.name}@${v.version} is already ${v.status}`
                : `${kind} ${v.name}@${v.version} (id ${v.id}): ${version.status} → ${v.status}`,
            );
          });
        }),
      );
  }
}
