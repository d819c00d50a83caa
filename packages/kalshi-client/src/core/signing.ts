import { constants, createPrivateKey, KeyObject, sign } from 'node:crypto';
import { KalshiInvalidKeyError } from './errors';
import { SecretString } from './secret';

/**
 * A private key as accepted by the client: PEM text (PKCS#1 or PKCS#8), a parsed `KeyObject`, or
 * the `SecretString` that `apiKeys.generate()` returns.
 */
export type KalshiPrivateKeyInput = string | Buffer | KeyObject | SecretString;

/** The three authentication headers Kalshi expects on a signed request. */
export interface KalshiAuthHeaders {
  'KALSHI-ACCESS-KEY': string;
  'KALSHI-ACCESS-TIMESTAMP': string;
  'KALSHI-ACCESS-SIGNATURE': string;
}

/**
 * Parses a private key once. PEM text may carry literal `\n` sequences (as environment variables
 * often do). Only RSA and Ed25519 keys are accepted, because those are the ones Kalshi issues.
 */
export function loadPrivateKey(input: KalshiPrivateKeyInput): KeyObject {
  let key: KeyObject;
  if (input instanceof KeyObject) {
    key = input;
  } else {
    const raw = SecretString.isInstance(input) ? input.reveal() : input;
    const text = typeof raw === 'string' ? raw.replace(/\\n/g, '\n').trim() : raw;
    try {
      key = createPrivateKey(text);
    } catch (cause) {
      // The message must not echo the key text.
      throw new KalshiInvalidKeyError(
        'the Kalshi private key could not be parsed (expected PEM, PKCS#1 or PKCS#8)',
        {
          cause: cause instanceof Error ? new Error(cause.message) : undefined,
        },
      );
    }
  }
  if (key.type !== 'private') {
    throw new KalshiInvalidKeyError(`the Kalshi key must be a private key, got a ${key.type} key`);
  }
  if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ed25519') {
    throw new KalshiInvalidKeyError(
      `unsupported Kalshi key type ${String(key.asymmetricKeyType)} (expected rsa or ed25519)`,
    );
  }
  return key;
}

/** Strips the query string: Kalshi signs the path alone. */
function pathWithoutQuery(path: string): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}

/**
 * Signs `timestamp + METHOD + path` the way Kalshi verifies it and returns the base64 signature.
 * RSA keys: RSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt. Ed25519 keys: pure Ed25519
 * over the same text. `path` includes `/trade-api/v2`; a query string, if present, is dropped.
 */
export function signKalshiRequest(
  privateKey: KeyObject,
  timestampMs: number | string,
  method: string,
  path: string,
): string {
  const message = Buffer.from(`${timestampMs}${method.toUpperCase()}${pathWithoutQuery(path)}`, 'utf8');
  if (privateKey.asymmetricKeyType === 'ed25519') {
    return sign(null, message, privateKey).toString('base64');
  }
  return sign('sha256', message, {
    key: privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  }).toString('base64');
}

/** Builds the three `KALSHI-ACCESS-*` headers for one request. */
export function kalshiAuthHeaders(
  apiKeyId: string,
  privateKey: KeyObject,
  timestampMs: number,
  method: string,
  path: string,
): KalshiAuthHeaders {
  const timestamp = String(Math.trunc(timestampMs));
  return {
    'KALSHI-ACCESS-KEY': apiKeyId,
    'KALSHI-ACCESS-TIMESTAMP': timestamp,
    'KALSHI-ACCESS-SIGNATURE': signKalshiRequest(privateKey, timestamp, method, path),
  };
}
