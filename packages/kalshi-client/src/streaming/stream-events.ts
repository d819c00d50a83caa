import type { KalshiChannel } from './channels';
import type { KalshiStreamError } from './errors';

/** Events of a {@link KalshiStream}. */
export interface KalshiStreamEvents {
  /** The socket opened (`reconnect`: after a loss). */
  open: { reconnect: boolean };
  /** The socket was lost; books are stale until re-snapshotted. */
  disconnected: { reason: string };
  /** A reconnection is scheduled. */
  reconnecting: { attempt: number; delayMs: number };
  /** Reconnected and every subscription made again. */
  reconnected: { attempt: number };
  /** Messages of a sid were lost; its books are stale and snapshots were asked for. */
  gap: { channel: KalshiChannel; sid: number; expected: number; received: number; tickers: string[] };
  /** Books became stale (gap, disconnect, or a delta that could not apply). */
  stale: { tickers: string[]; reason: 'gap' | 'disconnect' | 'invalid-delta' };
  /** A stale book got its snapshot and equals the exchange's again. */
  resynced: { ticker: string };
  /** Unsequenced private channels may have lost messages: re-read them over REST. */
  reconcile: { channels: KalshiChannel[]; since: Date };
  /** The watchdog found the socket silent for longer than `idleTimeoutMs`. */
  stalled: { silentMs: number };
  /** A non-fatal problem (malformed frame, failed resync) or the fatal error that closed the stream. */
  error: KalshiStreamError | Error;
  /** The stream is closed for good (by `close()` or a fatal error). */
  closed: { error: unknown };
}

/** Emits one event of a {@link KalshiStream} (the stream's protected `emit`, handed to its helpers). */
export type EmitStreamEvent = <K extends keyof KalshiStreamEvents>(
  event: K,
  value: KalshiStreamEvents[K],
) => void;
