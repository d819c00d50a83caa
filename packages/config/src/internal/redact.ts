import { redactConnectionString } from './redact-connection';
import { REDACTED } from './redact-marker';

export { REDACTED };

/**
 * Keys whose values are secrets wherever they appear (any casing, `-` or `_`): private keys,
 * passwords, tokens, signatures, authorization headers, API secrets.
 */
const SECRET_KEY =
  /^(.*[-_]?)?(password|passwd|secret|token|signature|authorization|cookie|private[-_]?key|privatekey|api[-_]?key|apikey|credentials?)$/i;

/** Is this object key one whose value must never be shown? */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !/_env$/i.test(key) && !/(path|id|file)$/i.test(key);
}

const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*):([^@/?#\s]*)@/gi;

/** Replaces PEM key blocks and URL passwords inside free text. */
export function redactText(text: string): string {
  return text.replace(PEM, REDACTED).replace(URL_PASSWORD, `$1:${REDACTED}@`);
}

/**
 * A connection string or URL with its secrets hidden, by parsing it (see
 * {@link redactConnectionString}): `postgres://user:secret@host/db?sslpassword=x` →
 * `postgres://user:[redacted]@host/db?sslpassword=[redacted]`; libpq's `host=h password=x` →
 * `host=h password=[redacted]`.
 */
export function redactUrl(url: string): string {
  return redactConnectionString(url);
}

/** A deep copy of `value` with secret keys and secret-looking text replaced (for logs). */
export function redactDeep(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    // A null-prototype copy: pino's error serializer then takes `type` from `name`.
    const out: Record<string, unknown> = Object.create(null);
    out.name = value.name;
    out.message = redactText(value.message);
    if (value.stack) out.stack = redactText(value.stack);
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : redactDeep(v, seen);
    if (value.cause !== undefined) out.cause = redactDeep(value.cause, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, seen));
  // fetch's Headers and Maps: log their entries, with the same key rules.
  if (value instanceof Map || (typeof Headers !== 'undefined' && value instanceof Headers)) {
    const entries: Record<string, unknown> = {};
    for (const [k, v] of (value as Map<unknown, unknown>).entries()) {
      entries[String(k)] = isSecretKey(String(k)) ? REDACTED : redactDeep(v, seen);
    }
    return entries;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return redactDeep((value as { toJSON: () => unknown }).toJSON(), seen);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // Class instances (KeyObject, Decimal without toJSON, streams): never walk their internals.
    return value.constructor?.name === 'PrivateKeyObject' ? REDACTED : String(value);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : redactDeep(v, seen);
  return out;
}
