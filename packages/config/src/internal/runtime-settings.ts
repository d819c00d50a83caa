import type { KeyObject } from 'node:crypto';
import { resolve } from 'node:path';
import type { ConfigOverrides } from '../config-overrides';
import type { KalshiSettings, PrecogConfig, PrecogEnvironment } from '../config-types';
import { ConfigValidationError } from '../errors';
import type { Logger } from '../logger';
import { type ConfigSource, describeSource } from '../sources';
import type { LayeredTree } from './layers';
import { parsePrivateKeyText, readPrivateKeyFile } from './private-key';
import { redactUrl } from './redact';
import { attachRedactedRendering, describeFound } from './render';
import type { Variables } from './variables';

/** What the runtime settings are resolved from. */
export interface RuntimeInputs {
  env: PrecogEnvironment;
  variables: Variables;
  overrides: ConfigOverrides;
  overrideSource: ConfigSource;
  /** Receives the source of each runtime setting, keyed by its dotted path. */
  sources: Map<string, ConfigSource>;
  logger: Logger;
  /** Relative key file paths are resolved against this directory. */
  cwd: string;
}

/** `DATABASE_URL` (or the override), checked to be a postgres URL without ever echoing it. */
export function resolveDatabaseUrl(inputs: RuntimeInputs): string | undefined {
  const { overrides, variables, sources } = inputs;
  let url: string | undefined;
  if (overrides.databaseUrl !== undefined) {
    url = overrides.databaseUrl;
    sources.set('databaseUrl', inputs.overrideSource);
  } else {
    const found = variables.get('DATABASE_URL');
    if (!found) return undefined;
    url = found.value;
    sources.set('databaseUrl', found.source);
  }
  checkDatabaseUrl(url, sources.get('databaseUrl')!);
  return url;
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

/**
 * The Kalshi connection of the selected environment: hosts from markets.yaml (base URL
 * overridable by `KALSHI_BASE_URL`), the key id, and the private key parsed once.
 */
export function resolveKalshi(
  inputs: RuntimeInputs,
  markets: PrecogConfig['markets'],
  tree: LayeredTree,
): KalshiSettings {
  const { env, overrides, overrideSource, logger } = inputs;
  const runtime = inputs.sources;
  const variable = (name: string) => inputs.variables.get(name);
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
        found: describeFound(redactUrl(baseUrl)),
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
    rateLimitUrl?: string;
  } = { environment: env, baseUrl: baseUrl.replace(/\/+$/, ''), websocketUrl: exchange.websocket_url };
  const rateLimitUrl = resolveRateLimitUrl(inputs, markets, tree);
  if (rateLimitUrl !== undefined) settings.rateLimitUrl = rateLimitUrl;

  const keyId = inputs.variables.first(`KALSHI_${ENV}_API_KEY_ID`, 'KALSHI_API_KEY_ID');
  if (overrides.kalshi?.apiKeyId !== undefined) {
    settings.apiKeyId = overrides.kalshi.apiKeyId;
    runtime.set('kalshi.apiKeyId', overrideSource);
  } else if (keyId) {
    settings.apiKeyId = keyId.value;
    runtime.set('kalshi.apiKeyId', keyId.source);
  }

  // Most specific first: an override, the env-specific path, the generic path, PEM text.
  const keyPath = inputs.variables.first(`KALSHI_${ENV}_PRIVATE_KEY_PATH`, 'KALSHI_PRIVATE_KEY_PATH');
  const keyText = variable('KALSHI_PRIVATE_KEY');
  if (overrides.kalshi?.privateKeyPath !== undefined) {
    settings.privateKey = readPrivateKeyFile(resolve(inputs.cwd, overrides.kalshi.privateKeyPath), logger);
    settings.privateKeySource = overrides.kalshi.privateKeyPath;
    runtime.set('kalshi.privateKey', overrideSource);
  } else if (overrides.kalshi?.privateKey !== undefined) {
    settings.privateKey = parsePrivateKeyText(overrides.kalshi.privateKey, 'override kalshi.privateKey');
    settings.privateKeySource = 'override';
    runtime.set('kalshi.privateKey', overrideSource);
  } else if (keyPath) {
    settings.privateKey = readPrivateKeyFile(resolve(inputs.cwd, keyPath.value), logger);
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

/**
 * The shared rate limit's Redis URL: the override, `KALSHI_RATE_LIMIT_URL`, else markets.yaml
 * `platforms.kalshi.rate_limit.url`. Checked to be redis:// without ever echoing it (it may hold
 * a password).
 */
function resolveRateLimitUrl(
  inputs: RuntimeInputs,
  markets: PrecogConfig['markets'],
  tree: LayeredTree,
): string | undefined {
  const runtime = inputs.sources;
  const found = inputs.variables.get('KALSHI_RATE_LIMIT_URL');
  let url: string | undefined;
  if (inputs.overrides.kalshi?.rateLimitUrl !== undefined) {
    url = inputs.overrides.kalshi.rateLimitUrl;
    runtime.set('kalshi.rateLimitUrl', inputs.overrideSource);
  } else if (found && found.value !== '') {
    url = found.value;
    runtime.set('kalshi.rateLimitUrl', found.source);
  } else {
    url = markets.platforms.kalshi.rate_limit.url ?? undefined;
    runtime.set(
      'kalshi.rateLimitUrl',
      tree.sourceOf(['markets', 'platforms', 'kalshi', 'rate_limit', 'url']) ?? { kind: 'default' },
    );
  }
  if (url === undefined) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ConfigValidationError([
      {
        keyPath: 'kalshi.rateLimitUrl',
        expected: 'a redis://host:port/db or rediss:// URL',
        found: protocol ? `a ${protocol.slice(0, -1)} URL` : 'text that is not a URL',
        origin: describeSource(runtime.get('kalshi.rateLimitUrl')!),
      },
    ]);
  }
  return url;
}
