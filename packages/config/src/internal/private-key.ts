import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { PrivateKeyError } from '../errors';
import type { Logger } from '../logger';

/**
 * Reads a PEM private key file (PKCS#1 or PKCS#8, RSA or Ed25519) into a KeyObject. Errors name
 * the path and never contain the file's text. A key readable by group or others is a warning.
 */
export function readPrivateKeyFile(path: string, logger: Logger): KeyObject {
  let text: string;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    text = readFileSync(path, 'utf8');
    const mode = stats.mode;
    if ((mode & 0o077) !== 0) {
      logger.warn(
        { path, mode: `0${(mode & 0o777).toString(8)}` },
        `private key ${path} is readable by group or others; run chmod 600 on it`,
      );
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOENT'
        ? 'file does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? 'error'})`;
    throw new PrivateKeyError(path, detail, { cause: withoutSecrets(error) });
  }
  return parsePem(text, path);
}

/** Parses PEM text (from `KALSHI_PRIVATE_KEY`; literal `\n` sequences are accepted). */
export function parsePrivateKeyText(text: string, label: string): KeyObject {
  return parsePem(text.replace(/\\n/g, '\n').trim(), label);
}

function parsePem(text: string, label: string): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new PrivateKeyError(
      label,
      'not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)',
    );
  }
  try {
    return createPrivateKey({ key: text, format: 'pem' });
  } catch (error) {
    throw new PrivateKeyError(label, 'not a valid private key (PEM, PKCS#1 or PKCS#8 expected)', {
      cause: withoutSecrets(error),
    });
  }
}

/** Keeps an error's code and message (OpenSSL's are key-free) but nothing else. */
function withoutSecrets(error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  return Object.assign(new Error(String(e?.message ?? error)), { code: e?.code });
}
