/** Per-call overrides accepted by every client method. */
export interface RequestOptions {
  /** Retries after the first attempt for this call. Default: the client's `maxRetries`. */
  maxRetries?: number;
  /** Timeout of each attempt, in ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Aborts the call (queued, in flight or backing off) with a `KalshiAbortError`. */
  signal?: AbortSignal;
}
