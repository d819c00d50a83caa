import type { KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import {
  type KalshiSettings,
  PRECOG_ENVIRONMENTS,
  type PrecogConfig,
  type PrecogEnvironment,
} from './config-types';
import {
  ConfigFileNotFoundError,
  type ConfigIssue,
  ConfigValidationError,
  UnknownConfigKeyError,
} from './errors';
import { defaultsDir } from './internal/defaults-dir';
import { formatPath, LayeredTree, type Path } from './internal/layers';
import { parsePrivateKeyText, readPrivateKeyFile } from './internal/private-key';
import { attachRedactedRendering, deepFreeze, describeFound } from './internal/render';
import { parseYaml, parseYamlValue } from './internal/yaml-source';
import { type Logger, noopLogger } from './logger';
import { SECTION_NAMES, type SectionName, sectionSchemas } from './schemas/sections';
import { type ConfigSource, describeSource } from './sources';

/** Explicit values that beat every other layer (the CLI passes its flags here). */
export interface ConfigOverrides {
  /** The environment, as `--env` would set it. */
  env?: PrecogEnvironment;
  /** PostgreSQL connection string, as `DATABASE_URL` would set it. */
  databaseUrl?: string;
  kalshi?: {
    /** REST base URL, as `KALSHI_BASE_URL` would set it. */
    baseUrl?: string;
    apiKeyId?: string;
    /** Path of a PEM private key file. */
    privateKeyPath?: string;
    /** PEM text of the private key (literal `\n` accepted). */
    privateKey?: string;
  };
  /**
   * Section values by file name, nested like the YAML, e.g.
   * `{ trading: { account: { daily_loss_limit_dollars: new Decimal('250') } } }`. Decimal keys
   * take a `Decimal` or an integer, never a float.
   */
  system?: Record<string, unknown>;
  trading?: Record<string, unknown>;
  trade_strategies?: Record<string, unknown>;
  position_management?: Record<string, unknown>;
  probability_models?: Record<string, unknown>;
  markets?: Record<string, unknown>;
  data_sources?: Record<string, unknown>;
}

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

type Vars = Map<string, { value: string; source: ConfigSource }>;

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
  const runtime = new Map<string, ConfigSource>();

  // 1. The environment selector: option / override > PRECOG_ENV > demo.
  const envRaw = options.env ?? overrides.env ?? nonEmpty(runtimeEnv.PRECOG_ENV);
  const envSource: ConfigSource =
    options.env !== undefined || overrides.env !== undefined
      ? overrideSource
      : envRaw !== undefined
        ? { kind: 'env', variable: 'PRECOG_ENV' }
        : { kind: 'default' };
  const env = (envRaw ?? 'demo') as PrecogEnvironment;
  if (!PRECOG_ENVIRONMENTS.includes(env)) {
    throw new ConfigValidationError([
      {
        keyPath: 'env',
        expected: 'one of demo, prod',
        found: describeFound(envRaw),
        origin: describeSource(envSource),
      },
    ]);
  }
  runtime.set('env', envSource);

  // 2. Variables: `.env.<env>` below the process environment.
  const vars: Vars = new Map();
  const envFile = options.envFile === undefined ? join(cwd, `.env.${env}`) : options.envFile;
  if (envFile !== false) {
    const path = resolve(cwd, envFile);
    if (existsSync(path)) {
      const parsed = parseDotenv(readFileSync(path));
      for (const [variable, value] of Object.entries(parsed)) {
        vars.set(variable, { value, source: { kind: 'dotenv', file: display(path), variable } });
      }
    } else if (options.envFile !== undefined) {
      throw new ConfigFileNotFoundError(path, 'environment file');
    }
  }
  for (const [variable, value] of Object.entries(runtimeEnv)) {
    if (value !== undefined) vars.set(variable, { value, source: { kind: 'env', variable } });
  }
  const variable = (name: string) => {
    const found = vars.get(name);
    return found && found.value !== '' ? found : undefined;
  };

  // 3. Defaults shipped with the package, then the user's YAML files.
  const tree = new LayeredTree();
  const packaged = defaultsDir();
  for (const section of SECTION_NAMES) {
    const file = join(packaged, `${section}.yaml`);
    const parsed = parseYaml(readFileSync(file, 'utf8'), `@precog/config/defaults/${section}.yaml`);
    tree.apply([section], parsed.data, (path) => ({
      kind: 'default',
      file: `defaults/${section}.yaml`,
      ...lineOf(parsed.positionOf(path.slice(1))),
    }));
  }

  const dirVar = variable('PRECOG_CONFIG_DIR');
  const explicitDir = options.dir ?? dirVar?.value;
  const dir = resolve(cwd, explicitDir ?? 'config');
  let configDir: string | undefined;
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    configDir = dir;
  } else if (explicitDir !== undefined || strict) {
    throw new ConfigFileNotFoundError(dir, 'configuration directory');
  }
  if (configDir) {
    const known = new Set<string>();
    for (const section of SECTION_NAMES) {
      const candidates = [join(configDir, `${section}.yaml`), join(configDir, `${section}.yml`)];
      const file = candidates.find((c) => existsSync(c));
      for (const c of candidates) known.add(c);
      if (!file) {
        if (strict) throw new ConfigFileNotFoundError(candidates[0]!, 'configuration file');
        continue;
      }
      const label = display(file);
      const parsed = parseYaml(readFileSync(file, 'utf8'), label);
      tree.apply([section], parsed.data, (path) => ({
        kind: 'file',
        file: label,
        ...lineOf(parsed.positionOf(path.slice(1))),
      }));
    }
    for (const entry of readdirSync(configDir)) {
      const full = join(configDir, entry);
      if (/\.ya?ml$/.test(entry) && !known.has(full)) {
        logger.warn({ file: display(full) }, `unknown configuration file ${display(full)} (ignored)`);
      }
    }
  }

  // 4. YAML keys from variables: PRECOG_<FILE>__<KEY>[__<SUBKEY>...].
  const unknownIssues: ConfigIssue[] = [];
  for (const [name, { value, source }] of vars) {
    if (!name.startsWith('PRECOG_') || !name.includes('__')) continue;
    const [head, ...rest] = name.slice('PRECOG_'.length).split('__');
    const section = head!.toLowerCase();
    if (!(SECTION_NAMES as string[]).includes(section) || rest.length === 0 || rest.some((p) => p === '')) {
      unknownIssues.push({
        keyPath: name,
        expected: 'PRECOG_<FILE>__<KEY>[__<SUBKEY>...] naming a known configuration file',
        found: `variable ${name}`,
        origin: describeSource(source),
      });
      continue;
    }
    const path = matchPath(tree, [section, ...rest]);
    const label = source.kind === 'dotenv' ? `${source.file} (${name})` : `env ${name}`;
    tree.apply(path, parseYamlValue(value, label), () => source);
  }

  // 5. Explicit overrides of YAML keys.
  for (const section of SECTION_NAMES) {
    const value = overrides[section];
    if (value !== undefined) tree.apply([section], value, () => overrideSource);
  }

  // 6. Validate each section; unknown keys warn (or fail in strict mode).
  const sections = {} as Record<SectionName, unknown>;
  const problems: ConfigIssue[] = [];
  for (const section of SECTION_NAMES) {
    const schema = sectionSchemas[section];
    let result = schema.safeParse(tree.root[section] ?? {}, { reportInput: true });
    if (!result.success) {
      const unknown = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
      for (const issue of unknown) {
        for (const key of issue.keys) {
          const path = [section, ...(issue.path as Path), key];
          unknownIssues.push({
            keyPath: formatPath(path),
            expected: 'a key this configuration file defines',
            found: 'an unknown key',
            origin: originOf(tree, path),
          });
          tree.remove(path);
        }
      }
      if (unknown.length > 0) result = schema.safeParse(tree.root[section] ?? {}, { reportInput: true });
    }
    if (result.success) {
      sections[section] = result.data;
    } else {
      for (const issue of result.error.issues) {
        const path = [section, ...(issue.path as Path)];
        problems.push({
          keyPath: formatPath(path),
          expected: issue.message,
          found: describeFound((issue as { input?: unknown }).input),
          origin: originOf(tree, path),
        });
      }
    }
  }
  if (unknownIssues.length > 0) {
    if (strict) throw new UnknownConfigKeyError(unknownIssues);
    for (const issue of unknownIssues) {
      logger.warn(
        { keyPath: issue.keyPath, origin: issue.origin },
        `unknown configuration key ${issue.keyPath}${issue.origin ? ` in ${issue.origin}` : ''} (ignored)`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  const markets = sections.markets as PrecogConfig['markets'];

  // 7. Runtime settings: database URL and Kalshi connection.
  let databaseUrl: string | undefined;
  if (overrides.databaseUrl !== undefined) {
    databaseUrl = overrides.databaseUrl;
    runtime.set('databaseUrl', overrideSource);
  } else {
    const found = variable('DATABASE_URL');
    if (found) {
      databaseUrl = found.value;
      runtime.set('databaseUrl', found.source);
    }
  }
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl, runtime.get('databaseUrl')!);

  const kalshi = resolveKalshi(env, markets, tree, variable, overrides, overrideSource, runtime, logger);

  const config = {
    env,
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    kalshi,
    ...(configDir !== undefined ? { configDir } : {}),
    ...sections,
  } as PrecogConfig;
  attachRedactedRendering(config, `[PrecogConfig ${env}]`);
  deepFreeze(config);
  explainData.set(config, { tree, runtime });
  return config;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function lineOf(position: { line: number } | undefined): { line?: number } {
  return position ? { line: position.line } : {};
}

function originOf(tree: LayeredTree, path: Path): string | undefined {
  const source = tree.sourceOf(path);
  return source ? describeSource(source) : undefined;
}

/** Variable names are upper-case; map each segment onto the existing key of any casing. */
function matchPath(tree: LayeredTree, segments: string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const node = tree.get(out);
    const existing =
      node && typeof node === 'object'
        ? Object.keys(node).find((k) => k.toLowerCase() === segment.toLowerCase())
        : undefined;
    out.push(existing ?? segment.toLowerCase());
  }
  return out;
}

function checkDatabaseUrl(url: string, source: ConfigSource): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigValidationError([
      {
        keyPath: 'databaseUrl',
        expected: 'a postgres://user:password@host:port/database URL',
        // Never echo the value: it may hold a password.
        found: protocol ? `a ${protocol.slice(0, -1)} URL` : 'text that is not a URL',
        origin: describeSource(source),
      },
    ]);
  }
}

function resolveKalshi(
  env: PrecogEnvironment,
  markets: PrecogConfig['markets'],
  tree: LayeredTree,
  variable: (name: string) => { value: string; source: ConfigSource } | undefined,
  overrides: ConfigOverrides,
  overrideSource: ConfigSource,
  runtime: Map<string, ConfigSource>,
  logger: Logger,
): KalshiSettings {
  const ENV = env.toUpperCase();
  const exchange = markets.platforms.kalshi.environments[env];
  const yamlSource = (key: string): ConfigSource =>
    tree.sourceOf(['markets', 'platforms', 'kalshi', 'environments', env, key]) ?? { kind: 'default' };

  let baseUrl = exchange.base_url;
  runtime.set('kalshi.baseUrl', yamlSource('base_url'));
  const baseVar = variable('KALSHI_BASE_URL');
  if (overrides.kalshi?.baseUrl !== undefined) {
    baseUrl = overrides.kalshi.baseUrl;
    runtime.set('kalshi.baseUrl', overrideSource);
  } else if (baseVar) {
    baseUrl = baseVar.value;
    runtime.set('kalshi.baseUrl', baseVar.source);
  }
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) {
    throw new ConfigValidationError([
      {
        keyPath: 'kalshi.baseUrl',
        expected: 'an http(s) URL such as https://external-api.demo.kalshi.co/trade-api/v2',
        found: describeFound(baseUrl),
        origin: describeSource(runtime.get('kalshi.baseUrl')!),
      },
    ]);
  }
  runtime.set('kalshi.websocketUrl', yamlSource('websocket_url'));
  runtime.set('kalshi.environment', runtime.get('env')!);

  const settings: {
    environment: PrecogEnvironment;
    baseUrl: string;
    websocketUrl: string;
    apiKeyId?: string;
    privateKey?: KeyObject;
    privateKeySource?: string;
  } = { environment: env, baseUrl: baseUrl.replace(/\/+$/, ''), websocketUrl: exchange.websocket_url };

  const keyId = variable(`KALSHI_${ENV}_API_KEY_ID`) ?? variable('KALSHI_API_KEY_ID');
  if (overrides.kalshi?.apiKeyId !== undefined) {
    settings.apiKeyId = overrides.kalshi.apiKeyId;
    runtime.set('kalshi.apiKeyId', overrideSource);
  } else if (keyId) {
    settings.apiKeyId = keyId.value;
    runtime.set('kalshi.apiKeyId', keyId.source);
  }

  // Most specific first: an override, the env-specific path, the generic path, PEM text.
  const keyPath = variable(`KALSHI_${ENV}_PRIVATE_KEY_PATH`) ?? variable('KALSHI_PRIVATE_KEY_PATH');
  const keyText = variable('KALSHI_PRIVATE_KEY');
  if (overrides.kalshi?.privateKeyPath !== undefined) {
    settings.privateKey = readPrivateKeyFile(overrides.kalshi.privateKeyPath, logger);
    settings.privateKeySource = overrides.kalshi.privateKeyPath;
    runtime.set('kalshi.privateKey', overrideSource);
  } else if (overrides.kalshi?.privateKey !== undefined) {
    settings.privateKey = parsePrivateKeyText(overrides.kalshi.privateKey, 'override kalshi.privateKey');
    settings.privateKeySource = 'override';
    runtime.set('kalshi.privateKey', overrideSource);
  } else if (keyPath) {
    settings.privateKey = readPrivateKeyFile(keyPath.value, logger);
    settings.privateKeySource = keyPath.value;
    runtime.set('kalshi.privateKey', keyPath.source);
  } else if (keyText) {
    settings.privateKey = parsePrivateKeyText(keyText.value, 'KALSHI_PRIVATE_KEY');
    settings.privateKeySource = 'KALSHI_PRIVATE_KEY';
    runtime.set('kalshi.privateKey', keyText.source);
  }
  attachRedactedRendering(settings, `[KalshiSettings ${env}]`);
  return settings;
}
