import { KalshiApiError, KalshiConnectionError, KalshiError, type KalshiErrorContext } from '../core/errors';

/** Base class of every error of the WebSocket stream (a {@link KalshiError}, marker and all). */
export class KalshiStreamError extends KalshiError {
  static override readonly errorName: string = 'KalshiStreamError';
}

/**
 * The WebSocket upgrade was refused with 401 or 403 (unknown key, bad signature, no permission).
 * Not retried: reconnecting with the same key would be refused again.
 */
export class KalshiStreamAuthError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiStreamAuthError';
}

/** The socket could not be opened, or closed before a command was answered. Retried by reconnecting. */
export class KalshiStreamConnectionError extends KalshiConnectionError {
  static override readonly errorName: string = 'KalshiStreamConnectionError';
}

/** The stream was closed by the caller: pending commands and iterators end with this error. */
export class KalshiStreamClosedError extends KalshiStreamError {
  static override readonly errorName: string = 'KalshiStreamClosedError';
}

/** A command got no reply within `commandTimeoutMs`. */
export class KalshiStreamCommandTimeoutError extends KalshiStreamError {
  static override readonly errorName: string = 'KalshiStreamCommandTimeoutError';
}

/**
 * The server answered a command with `{"type":"error","msg":{"code":N,"msg":"..."}}`. `wsCode` is
 * Kalshi's numeric code (see {@link KALSHI_WS_ERROR_CODES}); `code` its name (`unknown_sid`, ...).
 */
export class KalshiStreamCommandError extends KalshiStreamError {
  static override readonly errorName: string = 'KalshiStreamCommandError';
  /** Kalshi's numeric WebSocket error code (1–22). */
  readonly wsCode: number;
  constructor(message: string, wsCode: number, context: KalshiErrorContext = {}) {
    super(message, context);
    this.wsCode = wsCode;
  }
}

/**
 * A frame that is not JSON, or a message whose fields do not match the channel's schema.
 * Reported as an `error` event; the stream goes on (a lost book message shows up as a gap).
 */
export class KalshiStreamMessageError extends KalshiStreamError {
  static override readonly errorName: string = 'KalshiStreamMessageError';
  /** Path of the offending field inside the frame, e.g. `['msg', 'delta_fp']` (empty: not JSON). */
  readonly issuePath: ReadonlyArray<PropertyKey>;
  constructor(message: string, issuePath: ReadonlyArray<PropertyKey>, context: KalshiErrorContext = {}) {
    super(message, context);
    this.issuePath = issuePath;
  }
}

/**
 * An order-book update that cannot be applied exactly: a level would go negative, a price is
 * outside (0, 1) or carries more than 6 decimals, a size more than 2. The book is marked stale and
 * re-snapshotted; it never holds a wrong level.
 */
export class KalshiOrderBookError extends KalshiStreamError {
  static override readonly errorName: string = 'KalshiOrderBookError';
}

/** Kalshi's WebSocket error codes, by number (from the AsyncAPI document). */
export const KALSHI_WS_ERROR_CODES: Readonly<Record<number, string>> = Object.freeze({
  1: 'unable_to_process_message',
  2: 'params_required',
  3: 'channels_required',
  4: 'subscription_ids_required',
  5: 'unknown_command',
  6: 'already_subscribed',
  7: 'unknown_sid',
  8: 'unknown_channel',
  9: 'authentication_required',
  10: 'channel_error',
  11: 'invalid_parameter',
  12: 'exactly_one_sid_required',
  13: 'unsupported_action',
  14: 'market_ticker_required',
  15: 'action_required',
  16: 'market_not_found',
  17: 'internal_error',
  18: 'command_timeout',
  19: 'invalid_shard_factor',
  20: 'shard_factor_required',
  21: 'invalid_shard_key',
  22: 'shard_factor_too_large',
});
