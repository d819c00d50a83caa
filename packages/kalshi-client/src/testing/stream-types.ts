/**
 * Faults the fake exchange's WebSocket injects on demand:
 * - `drop-connection`: every open socket is destroyed without a close frame.
 * - `lose-message`: the next sequenced data message is not sent (its `seq` is used: a gap).
 * - `duplicate-message`: the next sequenced data message is sent twice.
 * - `stall`: open sockets go silent (no pings, no data) while staying open.
 * - `malformed-frame`: a frame that is not JSON is sent now.
 * - `refuse-upgrade`: the next upgrade is answered `status` (default 401).
 */
export type FakeStreamFaultKind =
  | 'drop-connection'
  | 'lose-message'
  | 'duplicate-message'
  | 'stall'
  | 'malformed-frame'
  | 'refuse-upgrade';

/** Options of a stream fault. */
export interface FakeStreamFaultOptions {
  /** HTTP status of a `refuse-upgrade` (401 or 403; default 401). */
  status?: number;
  /** How many upgrades a `refuse-upgrade` refuses (default 1). */
  times?: number;
}

/** Options of the fake exchange's WebSocket. */
export interface FakeStreamOptions {
  /** Interval of the server's pings in ms (Kalshi: 10 000). Default 10 000. */
  pingIntervalMs?: number;
}
