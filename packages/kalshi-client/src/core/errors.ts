/** Where an error happened and what the exchange said; every field is optional. */
export interface KalshiErrorContext {
  /** HTTP status of the response, when there was one. */
  status?: number | undefined;
  /** Kalshi's machine-readable error code (`insufficient_balance`, `header_timestamp_expired`, ...). */
  code?: string | undefined;
  /** Kalshi's free-text `details`, when the body had one. */
  details?: string | undefined;
  /** HTTP method of the request. */
  method?: string | undefined;
  /** Request path including `/trade-api/v2`, without the query string. */
  path?: string | undefined;
  /** Request id from the response headers, when the server sent one. */
  requestId?: string | undefined;
  /** The parsed response body (JSON value, or the raw text when it was not JSON). */
  body?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/** Base class of every error thrown by `@precog/kalshi-client`. */
export class KalshiError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly details: string | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;

  constructor(message: string, context: KalshiErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.status = context.status;
    this.code = context.code;
    this.details = context.details;
    this.method = context.method;
    this.path = context.path;
    this.requestId = context.requestId;
    this.body = context.body;
  }
}

/** The exchange answered with an error status ("the server said no"). */
export class KalshiApiError extends KalshiError {}
/** 400: the request was malformed or refused by validation. */
export class KalshiBadRequestError extends KalshiApiError {}
/** 401: missing, unknown or badly signed credentials. */
export class KalshiAuthenticationError extends KalshiApiError {}
/** 403: the key may not do this. */
export class KalshiPermissionError extends KalshiApiError {}
/** 404: no such resource (for example an order that is no longer resting). */
export class KalshiNotFoundError extends KalshiApiError {}
/** 409: the resource already exists or cannot be modified. */
export class KalshiConflictError extends KalshiApiError {}
/** 410: the endpoint is retired (for example the legacy V1 order endpoints). */
export class KalshiGoneError extends KalshiApiError {}
/** 429: the key's token bucket is empty. */
export class KalshiRateLimitError extends KalshiApiError {}
/** 5xx: the exchange failed. */
export class KalshiServerError extends KalshiApiError {}

/** `insufficient_balance`: the order needs more cash than the account holds. */
export class KalshiInsufficientBalanceError extends KalshiBadRequestError {}
/** `invalid_price`: the price is outside the market's range or off its tick grid. */
export class KalshiInvalidPriceError extends KalshiBadRequestError {}
/** `order_already_exists`: the `client_order_id` was used before. */
export class KalshiOrderAlreadyExistsError extends KalshiConflictError {}
/** `market_not_found`, or a 404 on `/markets/{ticker}`. */
export class KalshiMarketNotFoundError extends KalshiNotFoundError {}
/** `header_timestamp_expired`: the signed timestamp is too far from the exchange's clock. */
export class KalshiTimestampExpiredError extends KalshiAuthenticationError {}

/** No clean answer: the connection failed before a response arrived. */
export class KalshiConnectionError extends KalshiError {}
/** No answer within the timeout. */
export class KalshiTimeoutError extends KalshiConnectionError {}
/** The caller aborted the request through its `AbortSignal`. */
export class KalshiAbortError extends KalshiError {}

/** A response did not match the expected shape; `issuePath` names the bad field. */
export class KalshiResponseValidationError extends KalshiError {
  /** Path of the first offending field inside the response body, e.g. `['market', 'price_ranges', 0]`. */
  readonly issuePath: ReadonlyArray<PropertyKey>;
  constructor(message: string, issuePath: ReadonlyArray<PropertyKey>, context: KalshiErrorContext = {}) {
    super(message, context);
    this.issuePath = issuePath;
  }
}

/** The circuit breaker is open: calls fail fast until the cool-down ends. */
export class KalshiCircuitOpenError extends KalshiError {
  /** When the breaker will let a probe through (ms since epoch on the client's clock). */
  readonly retryAt: number;
  constructor(message: string, retryAt: number, context: KalshiErrorContext = {}) {
    super(message, context);
    this.retryAt = retryAt;
  }
}

/** The exchange returned a cursor it had already returned: paging would loop forever. */
export class KalshiPaginationError extends KalshiError {}

/** The caller's arguments were rejected before anything was sent (bad limit, price precision, ...). */
export class KalshiInvalidParamsError extends KalshiError {}

/** The client was configured wrongly (unreadable private key, unknown environment, ...). */
export class KalshiConfigError extends KalshiError {}
