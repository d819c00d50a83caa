import { REDACTED } from './redact-marker';

/** Connection parameters whose value is a secret (libpq names, and any `*password*`/`*secret*`). */
function isSecretParam(name: string): boolean {
  return /pass|secret|token|key$/i.test(name) && !/^ssl(cert|key|rootcert|crl)$/i.test(name);
}

/**
 * A database connection string with every secret hidden, found by parsing it, never by guessing:
 * - URL form `scheme://user:password@host/db?k=v`: the password of the user-info (everything
 *   between the first `:` and the LAST `@` before the query, so an unencoded `@` in a password is
 *   still part of it) and the value of each secret query parameter (`password`, `sslpassword`, ...).
 * - libpq keyword/value form `host=h password='p w' dbname=d`: the value of each secret keyword.
 * Anything else is hidden whole when it contains `@` or `=` (it might hold a password).
 */
export function redactConnectionString(text: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/)/i.exec(text);
  if (scheme) return redactUrlForm(scheme[1] ?? '', text.slice(scheme[0].length));
  if (/^\s*[a-z_]+\s*=/i.test(text)) return redactKeywordForm(text);
  return /[@=]/.test(text) ? REDACTED : text;
}

function redactUrlForm(scheme: string, rest: string): string {
  const queryAt = rest.indexOf('?');
  const beforeQuery = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? undefined : rest.slice(queryAt + 1);
  const at = beforeQuery.lastIndexOf('@');
  let authority = beforeQuery;
  if (at !== -1) {
    const userInfo = beforeQuery.slice(0, at);
    const colon = userInfo.indexOf(':');
    const user = colon === -1 ? userInfo : userInfo.slice(0, colon);
    authority = `${user}${colon === -1 ? '' : `:${REDACTED}`}${beforeQuery.slice(at)}`;
  }
  if (query === undefined) return `${scheme}${authority}`;
  const params = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      return REDACTED; // a name that is not even valid percent-encoding: show nothing of it
    }
    return eq !== -1 && isSecretParam(name) ? `${rawName}=${REDACTED}` : pair;
  });
  return `${scheme}${authority}?${params.join('&')}`;
}

/** libpq: `keyword = value`, value bare or single-quoted with `\'` and `\\` escapes. */
const KEYWORD_PAIR = /([a-z_]+)(\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s']*)/giy;

function redactKeywordForm(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const space = /\s+/y;
    space.lastIndex = i;
    const ws = space.exec(text);
    if (ws) {
      out += ws[0];
      i += ws[0].length;
      continue;
    }
    KEYWORD_PAIR.lastIndex = i;
    const pair = KEYWORD_PAIR.exec(text);
    if (!pair || pair[0].length === 0) return REDACTED; // not libpq syntax: show nothing
    const [whole, name = '', eq = ''] = pair;
    out += isSecretParam(name) ? `${name}${eq}${REDACTED}` : whole;
    i += whole.length;
  }
  return out;
}
