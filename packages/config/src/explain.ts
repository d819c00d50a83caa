import type { PrecogConfig } from './config-types';
import { isPlainObject } from './internal/layers';
import { redactUrl } from './internal/redact';
import { renderValue } from './internal/render';
import { explainDataOf } from './load-config';
import { SECTION_NAMES } from './schemas/sections';
import { type ConfigSource, describeSource } from './sources';

/** One resolved value and where it came from. */
export interface ExplainedValue {
  /** Dotted key path, e.g. `trading.account.daily_loss_limit_dollars` or `kalshi.baseUrl`. */
  path: string;
  /** The value rendered for display; secrets are `[redacted]`, URL passwords hidden. */
  value: string;
  source: ConfigSource;
  /** {@link describeSource} of `source`, e.g. `config/trading.yaml:12` or `env DATABASE_URL`. */
  origin: string;
}

const RUNTIME_KEYS = [
  'env',
  'databaseUrl',
  'kalshi.environment',
  'kalshi.baseUrl',
  'kalshi.websocketUrl',
  'kalshi.apiKeyId',
  'kalshi.privateKey',
  'kalshi.rateLimitUrl',
];

/**
 * Lists every resolved value of a config returned by {@link loadConfig} with its source:
 * the packaged default, a YAML file (with line), a `.env` file, an environment variable or an
 * override. Unset optional settings (no database URL, no key) are listed as `(not set)`.
 */
export function explainConfig(config: PrecogConfig): ExplainedValue[] {
  const data = explainDataOf(config);
  if (!data) throw new TypeError('explainConfig: pass a configuration returned by loadConfig');
  const out: ExplainedValue[] = [];
  const push = (path: string, value: unknown, source: ConfigSource) => {
    const isUrl =
      path === 'databaseUrl' || path === 'kalshi.rateLimitUrl' || path.endsWith('.rate_limit.url');
    const shown = isUrl && typeof value === 'string' ? redactUrl(value) : value;
    out.push({ path, value: renderValue(shown), source, origin: describeSource(source) });
  };
  for (const key of RUNTIME_KEYS) {
    const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], config);
    push(key, value, data.runtime.get(key) ?? { kind: 'default' });
  }
  const walk = (node: unknown, path: string[]) => {
    if (isPlainObject(node) && Object.keys(node).length > 0) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
      return;
    }
    push(path.join('.'), node, data.tree.sourceOf(path) ?? { kind: 'default' });
  };
  for (const section of SECTION_NAMES) {
    walk(config[section], [section]);
  }
  return out;
}
