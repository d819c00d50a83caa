import { createHash } from 'node:crypto';
import type { Side } from '../types';
import type { IntentKind } from './strategy';

/**
 * The client_order_id of the `seq`-th intent of `kind` on `ticker`/`side` for a strategy: a pure
 * function of them, so a retry or a restarted engine that re-sends the same intent sends the same
 * id, and the exchange refuses it as a duplicate (409) instead of trading twice. `pc-` and 32 hex
 * digits of SHA-256 (35 characters, within Kalshi's limit).
 */
export function clientOrderIdFor(
  strategyKey: string,
  ticker: string,
  side: Side,
  kind: IntentKind,
  seq: number,
): string {
  const digest = createHash('sha256')
    .update(`${strategyKey}\n${ticker}\n${side}\n${kind}\n${seq}`)
    .digest('hex');
  return `pc-${digest.slice(0, 32)}`;
}
