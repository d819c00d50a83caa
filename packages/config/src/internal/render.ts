import type { KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import Decimal from 'decimal.js';
import { isPlainObject } from './layers';
import { REDACTED, redactUrl } from './redact';

/** A short description of a value for "found ..." in validation errors. Never a long dump. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (Decimal.isDecimal(value)) return `decimal ${value.toString()}`;
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isPlainObject(value)) return 'a mapping';
  return typeof value;
}

/** Renders a resolved leaf value for display (`config show`): decimals exact, secrets hidden. */
export function renderValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null) return 'null';
  if (Decimal.isDecimal(value)) return value.toString();
  if (typeof value === 'string') return value;
  if (isKeyObject(value)) return REDACTED;
  return JSON.stringify(value, (_k, v) => (Decimal.isDecimal(v) ? v.toString() : v));
}

export function isKeyObject(value: unknown): value is KeyObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as KeyObject).export === 'function' &&
    typeof (value as KeyObject).type === 'string'
  );
}

/** Keys whose string value is a connection URL that may hold a password. */
const URL_KEYS = new Set(['databaseUrl', 'rateLimitUrl', 'url']);

/** A plain, JSON-safe copy of the config: decimals as strings, key hidden, URL password hidden. */
export function toRedactedPlain(value: unknown, key?: string): unknown {
  if (isKeyObject(value)) return REDACTED;
  if (Decimal.isDecimal(value)) return value.toString();
  if (typeof value === 'string') return key !== undefined && URL_KEYS.has(key) ? redactUrl(value) : value;
  if (Array.isArray(value)) return value.map((v) => toRedactedPlain(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toRedactedPlain(v, k);
    return out;
  }
  return value;
}

/** Gives an object redacted `toJSON`, `toString` and `util.inspect` renderings (non-enumerable). */
export function attachRedactedRendering(target: object, label: string): void {
  Object.defineProperties(target, {
    toJSON: { value: () => toRedactedPlain(target), enumerable: false },
    toString: { value: () => label, enumerable: false },
    [inspect.custom]: {
      value: (depth: number, options: object) =>
        `${label} ${inspect(toRedactedPlain(target), { ...options, depth })}`,
      enumerable: false,
    },
  });
}

/** Freezes plain objects and arrays recursively (Decimals are immutable; KeyObjects left alone). */
export function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || isPlainObject(value)) {
    for (const child of Object.values(value as object)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
