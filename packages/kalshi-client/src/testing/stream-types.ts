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

/** A subscription the fake exchange's WebSocket accepted (see `FakeExchange.streamSubscribed`). */
export interface FakeStreamSubscription {
  /** The channel subscribed to. */
  channel: string;
  /** The sid the server gave it. */
  sid: number;
  /** The markets it named (empty when none). */
  marketTickers: string[];
}

/** One leg of a multivariate lookup. */
export interface FakeMultivariateLeg {
  /** The leg's event. */
  eventTicker: string;
  /** The leg's market. */
  marketTicker: string;
  /** The side selected (`yes` or `no`). */
  side: 'yes' | 'no';
}

/** A `multivariate_lookup` for `FakeExchange.publishMultivariateLookup`. */
export interface FakeMultivariateLookup {
  /** The multivariate collection (`collection_ticker`). */
  collectionTicker: string;
  /** The combination's event (`event_ticker`). */
  eventTicker: string;
  /** The combination's market (`market_ticker`). */
  marketTicker: string;
  /** The legs selected (`selected_markets`). */
  selectedMarkets: FakeMultivariateLeg[];
}

/** The message types of the `communications` channel (RFQs and quotes). */
export type FakeCommunicationType =
  | 'rfq_created'
  | 'rfq_deleted'
  | 'quote_created'
  | 'quote_accepted'
  | 'quote_executed';
