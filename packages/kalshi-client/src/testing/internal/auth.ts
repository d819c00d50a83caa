import type { KeyObject } from 'node:crypto';
import type { FakeRequest } from '../types';
import { verifyKalshiSignature } from './signature';
import { AUTH_ERRORS, type WireResponse } from './wire-errors';

/** Reads a header case-insensitively from a `Headers` object or a plain record. */
export function header(headers: FakeRequest['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export interface AuthResult {
  keyId?: string | undefined;
  error?: WireResponse;
}

/**
 * Checks Kalshi's three headers against the registered keys, in the order the real exchange
 * reports problems. A request without any of them passes when signing is not `needed` (public
 * market data).
 */
export function authenticate(
  keys: ReadonlyMap<string, KeyObject>,
  toleranceMs: number,
  request: FakeRequest,
  fullPath: string,
  needed: boolean,
  now: number,
): AuthResult {
  const keyId = header(request.headers, 'KALSHI-ACCESS-KEY');
  const timestamp = header(request.headers, 'KALSHI-ACCESS-TIMESTAMP');
  const signature = header(request.headers, 'KALSHI-ACCESS-SIGNATURE');
  if (!needed && keyId === undefined && timestamp === undefined && signature === undefined) return {};
  if (signature === undefined || signature === '') return { error: AUTH_ERRORS.missingSignature() };
  if (keyId === undefined || keyId === '') return { error: AUTH_ERRORS.missingKey() };
  if (timestamp === undefined || timestamp === '') return { error: AUTH_ERRORS.missingTimestamp() };
  const publicKey = keys.get(keyId);
  if (!publicKey) return { error: AUTH_ERRORS.unknownKey(), keyId };
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > toleranceMs) {
    return { error: AUTH_ERRORS.timestampExpired(), keyId };
  }
  if (!verifyKalshiSignature(publicKey, timestamp, request.method, fullPath, signature)) {
    return { error: AUTH_ERRORS.badSignature(), keyId };
  }
  return { keyId };
}
