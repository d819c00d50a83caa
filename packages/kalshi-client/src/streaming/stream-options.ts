import type { KeyObject } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { KalshiChannel } from './channels';

/** Options of a {@link KalshiStream} (`client.stream(options)` fills url, key, clock and logger from the client). */
export interface KalshiStreamOptions {
  /** WebSocket URL including `/trade-api/ws/v2`. Default: the client's (`wsUrl`, env `KALSHI_WS_URL` via config, or the environment's). */
  url?: string;
  /** API key id; with `privateKey`, every upgrade is signed (`timestamp + "GET" + "/trade-api/ws/v2"`). */
  apiKeyId?: string;
  /** Private key (already parsed by the client). */
  privateKey?: KeyObject;
  /** Reply timeout of each command, in ms. Default 10 000. */
  commandTimeoutMs?: number;
  /** Timeout of the WebSocket upgrade, in ms. Default 10 000. */
  connectTimeoutMs?: number;
  /**
   * Watchdog: a socket silent (no ping, no data) longer than this many ms is closed and reopened,
   * even if it still looks open. Kalshi pings every 10 s. Default 30 000.
   */
  idleTimeoutMs?: number;
  /**
   * Reconnection after a lost connection: full-jitter back-off (a random delay up to
   * `min(maxDelayMs, initialDelayMs × 2^attempt)`), then every subscription is made again (new
   * sids) and books are re-snapshotted. `false`: no reconnection. Defaults 250 ms, 30 000 ms,
   * unlimited attempts. A 401/403 upgrade is never retried.
   */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number; maxAttempts?: number } | false;
  /** Capacity of each subscription's queue (per channel; books coalesce instead). Default 10 000. */
  queueCapacity?: Partial<Record<KalshiChannel, number>> & { default?: number };
  /** Structured logger. Default: none. Never receives keys or signatures. */
  logger?: Logger;
  /** Time source and timers (watchdog, back-off, command timeouts). Default the system clock. */
  clock?: Clock;
  /** Uniform random numbers in [0, 1) for the back-off jitter. Default `Math.random`. */
  random?: () => number;
}
