import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ConfigOverrides } from './config-overrides';
import { PRECOG_ENVIRONMENTS, type PrecogConfig, type PrecogEnvironment } from './config-types';
import { ConfigFileNotFoundError, ConfigValidationError } from './errors';
import { applyKalshiDefaults } from './internal/kalshi-defaults';
import { LayeredTree } from './internal/layers';
import { attachRedactedRendering, deepFreeze, describeFound } from './internal/render';
import { resolveDatabaseUrl, resolveKalshi } from './internal/runtime-settings';
import { validateSections } from './internal/validate-sections';
import { Variables } from './internal/variables';
import { applyConfigDir, applyPackagedDefaults, applyVariableKeys } from './internal/yaml-layers';
import { type Logger, noopLogger } from './logger';
import { SECTION_NAMES } from './schemas/sections';
import { type ConfigSource, describeSource } from './sources';

/** Options of {@link loadConfig}. Every one is optional. */
export interface LoadConfigOptions {
  /**
   * Directory holding your YAML files (any of the seven, each with only the keys you change).
   * Default: `PRECOG_CONFIG_DIR`, else `<cwd>/config`. A directory given here or by
   * `PRECOG_CONFIG_DIR` must exist; the implicit `./config` may be absent.
   */
  dir?: string;
  /** Environment; beats `PRECOG_ENV`. Default `PRECOG_ENV`, else `demo`. */
  env?: string;
  /** Values that win over every other layer. */
  overrides?: ConfigOverrides;
  /** How an override is labelled by {@link explainConfig}. Default `override` (the CLI: `flag`). */
  overrideLabel?: string;
  /** The process environment to read. Default `process.env`. */
  runtimeEnv?: Record<string, string | undefined>;
  /** Directory that relative paths, `./config` and `.env.<env>` are resolved against. Default `process.cwd()`. */
  cwd?: string;
  /**
   * The `.env` file to read, or `false` for none. Default `<cwd>/.env.<env>` when it exists;
   * a path given here must exist.
   */
  envFile?: string | false;
  /** Unknown keys and missing files become errors instead of warnings. Default `false`. */
  strict?: boolean;
  /** Receives warnings (unknown keys, a group-readable key file). Default: a no-op logger. */
  logger?: Logger;
}

interface ExplainData {
  tree: LayeredTree;
  runtime: Map<string, ConfigSource>;
}

const explainData = new WeakMap<object, ExplainData>();

/** @internal used by explainConfig */
export function explainDataOf(config: PrecogConfig): ExplainData | undefined {
  return explainData.get(config);
}

/**
 * Loads, merges and validates the configuration. Layers, lowest first: the defaults shipped
 * in this package < your YAML files < `.env.<env>` < the process environment < `overrides`.
 * YAML keys are set from variables named `PRECOG_<FILE>__<KEY>__<SUBKEY>` (for example
 * `PRECOG_TRADING__ACCOUNT__DAILY_LOSS_LIMIT_DOLLARS=250`). The result is deeply frozen.
 *
 * @throws {ConfigSyntaxError} a YAML file or YAML-valued variable does not parse (file:line:column).
 * @throws {ConfigValidationError} a value has the wrong type or range (file, key path, expected, found).
 * @throws {ConfigFileNotFoundError} an explicitly named directory or file does not exist.
 * @throws {PrivateKeyError} the configured private key cannot be read or is not a key.
 */
export function loadConfig(options: LoadConfigOptions = {}): PrecogConfig {
  const runtimeEnv = options.runtimeEnv ?? process.env;
  const cwd = resolve(options.cwd ?? process.cwd());
  const logger = options.logger ?? noopLogger;
  const strict = options.strict ?? false;
  const overrides = options.overrides ?? {};
  const overrideSource: ConfigSource = { kind: 'override', label: options.overrideLabel ?? 'override' };
  const display = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  const sources = new Map<string, ConfigSource>();

  const env = selectEnvironment(options, runtimeEnv, overrideSource, sources);

  // `.env.<env>` below the process environment.
  const envFile = options.envFile === undefined ? join(cwd, `.env.${env}`) : options.envFile;
  const variables = new Variables(
    envFile === false ? undefined : resolve(cwd, envFile),
    options.envFile !== undefined,
    runtimeEnv,
    display,
  );

  // YAML layers: packaged defaults, the configuration directory, variables, overrides.
  const tree = new LayeredTree();
  applyPackagedDefaults(tree);
  applyKalshiDefaults(tree);
  const explicitDir = options.dir ?? variables.get('PRECOG_CONFIG_DIR')?.value;
  const dir = resolve(cwd, explicitDir ?? 'config');
  const configDir = existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
  if (configDir) {
    applyConfigDir(tree, configDir, { strict, logger, display });
  } else if (explicitDir !== undefined || strict) {
    throw new ConfigFileNotFoundError(dir, 'configuration directory');
  }
  const unknownVariables = applyVariableKeys(tree, variables);
  for (const section of SECTION_NAMES) {
    const value = overrides[section];
    if (value !== undefined) tree.apply([section], value, () => overrideSource);
  }
  const sections = validateSections(tree, unknownVariables, { strict, logger });

  // Runtime settings: database URL and Kalshi connection.
  const inputs = { env, variables, overrides, overrideSource, sources, logger, cwd };
  const databaseUrl = resolveDatabaseUrl(inputs);
  const kalshi = resolveKalshi(inputs, sections.markets, tree);

  const config: PrecogConfig = {
    env,
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    kalshi,
    ...(configDir !== undefined ? { configDir } : {}),
    ...sections,
  };
  attachRedactedRendering(config, `[PrecogConfig ${env}]`);
  deepFreeze(config);
  explainData.set(config, { tree, runtime: sources });
  return config;
}

/** The environment: option / override > PRECOG_ENV > demo. */
function selectEnvironment(
  options: LoadConfigOptions,
  runtimeEnv: Record<string, string | undefined>,
  overrideSource: ConfigSource,
  sources: Map<string, ConfigSource>,
): PrecogEnvironment {
  const fromEnv = runtimeEnv.PRECOG_ENV === '' ? undefined : runtimeEnv.PRECOG_ENV;
  const explicit = options.env ?? options.overrides?.env;
  const raw = explicit ?? fromEnv;
  const source: ConfigSource =
    explicit !== undefined
      ? overrideSource
      : raw !== undefined
        ? { kind: 'env', variable: 'PRECOG_ENV' }
        : { kind: 'default' };
  const env = (raw ?? 'demo') as PrecogEnvironment;
  if (!PRECOG_ENVIRONMENTS.includes(env)) {
    throw new ConfigValidationError([
      {
        keyPath: 'env',
        expected: 'one of demo, prod',
        found: describeFound(raw),
        origin: describeSource(source),
      },
    ]);
  }
  sources.set('env', source);
  return env;
}
