import { constants, createPublicKey, type KeyObject, verify } from 'node:crypto';

/** Parses a public key given as PEM text (SPKI or PKCS#1), a private key, or a KeyObject. */
export function toPublicKey(key: string | Buffer | KeyObject): KeyObject {
  const parsed = typeof key === 'string' || Buffer.isBuffer(key) ? createPublicKey(key) : key;
  const pub = parsed.type === 'private' ? createPublicKey(parsed) : parsed;
  if (pub.asymmetricKeyType !== 'rsa' && pub.asymmetricKeyType !== 'ed25519') {
    throw new Error(`fake exchange keys must be RSA or Ed25519, got ${String(pub.asymmetricKeyType)}`);
  }
  return pub;
}

/**
 * Verifies a Kalshi signature: base64 of RSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt) or
 * Ed25519 over `timestamp + METHOD + path` (path with `/trade-api/v2`, no query string).
 */
export function verifyKalshiSignature(
  publicKey: KeyObject,
  timestamp: string,
  method: string,
  path: string,
  signatureBase64: string,
): boolean {
  const message = Buffer.from(`${timestamp}${method.toUpperCase()}${path}`, 'utf8');
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length === 0) return false;
  try {
    if (publicKey.asymmetricKeyType === 'ed25519') return verify(null, message, publicKey, signature);
    return verify(
      'sha256',
      message,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      signature,
    );
  } catch {
    return false;
  }
}
