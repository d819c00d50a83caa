import type { ConnectionOptions } from 'node:tls';

/**
 * libpq's `sslmode` values, as `openStore` honours them on PostgreSQL:
 * - `disable`: plaintext.
 * - `prefer`: TLS when the server offers it (certificate not checked), otherwise plaintext.
 * - `require`: TLS or no connection; the certificate is not checked.
 * - `verify-ca`: TLS with a certificate signed by a trusted CA; the host name is not checked.
 * - `verify-full`: TLS with a trusted certificate issued for the host connected to.
 */
export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/** The `ssl` option of a pg pool for a mode (`prefer` tries this first, then plaintext). */
export function sslOptionsFor(mode: SslMode): false | ConnectionOptions {
  switch (mode) {
    case 'disable':
      return false;
    case 'prefer':
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The chain is verified; libpq's verify-ca skips only the host name check.
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true };
  }
}

/** True when the connection string sets its own `sslmode` (or `ssl`), which then wins. */
export function urlSetsSsl(databaseUrl: string): boolean {
  try {
    const params = new URL(databaseUrl).searchParams;
    return params.has('sslmode') || params.has('ssl');
  } catch {
    return false;
  }
}

/** pg's error when TLS was asked of a server that does not offer it. */
export function isNoSslError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /does not support SSL/i.test(message);
}
