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

const MARKER_PREFIX = 'precog.kalshi-client.';

/** A class of the Kalshi error tree, as `isInstance` sees it. */
type KalshiErrorClass<T> = (abstract new (...args: never[]) => T) & { readonly errorName: string };

/** The marker name of an error class: its own `errorName`, else (a user subclass) its `name`. */
function markerName(errorClass: { readonly errorName: string; readonly name: string }): string {
  return Object.hasOwn(errorClass, 'errorName') ? errorClass.errorName : errorClass.name;
}

/**
 * Base class of every error thrown by `@precog/kalshi-client`.
 *
 * Identity survives two copies of the package (a CJS and an ESM build, or two versions in one
 * `node_modules`): each instance carries a `Symbol.for('precog.kalshi-client.<Name>')` marker for
 * its class and every base class, and `KalshiXxxError.isInstance(value)` tests that marker where
 * `instanceof` would test one copy's class only.
 */
export class KalshiError extends Error {
  /** Stable name of the class, the key of its `Symbol.for` marker (minifier-proof, unlike `name`). */
  static readonly errorName: string = 'KalshiError';

  /**
   * True when `value` is an error of this class (or a subclass) from any copy of the package.
   * `KalshiError.isInstance(e)` for the whole tree, `KalshiRateLimitError.isInstance(e)` for one branch.
   */
  static isInstance<T>(this: KalshiErrorClass<T>, value: unknown): value is T {
    // `this` is the class isInstance is called on: each subclass tests its own marker.
    // biome-ignore lint/complexity/noThisInStatic: polymorphic on purpose
    const marker = Symbol.for(MARKER_PREFIX + markerName(this));
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

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
    for (
      let errorClass: typeof KalshiError = new.target;
      errorClass !== (Error as unknown);
      errorClass = Object.getPrototypeOf(errorClass)
    ) {
      const marker = Symbol.for(MARKER_PREFIX + markerName(errorClass));
      Object.defineProperty(this, marker, { value: true, enumerable: false });
    }
    this.status = context.status;
    this.code = context.code;
    this.details = context.details;
    this.method = context.method;
    this.path = context.path;
    this.requestId = context.requestId;
    this.body = context.body;
  }
}

/** Context of an error response: {@link KalshiErrorContext} plus the response's `Date`. */
export interface KalshiApiErrorContext extends KalshiErrorContext {
  /** The response's `Date` header, when it had a valid one. */
  serverDate?: Date | undefined;
}

/** The exchange answered with an error status ("the server said no"). */
export class KalshiApiError extends KalshiError {
  static override readonly errorName: string = 'KalshiApiError';
  /**
   * The exchange's clock when it answered (the `Date` header, one-second resolution). The client
   * reads it from a `KalshiTimestampExpiredError` to correct its signing clock.
   */
  readonly serverDate: Date | undefined;
  constructor(message: string, context: KalshiApiErrorContext = {}) {
    super(message, context);
    this.serverDate = context.serverDate;
  }
}
/** 400: the request was malformed or refused by validation. */
export class KalshiBadRequestError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiBadRequestError';
}
/** 401: missing, unknown or badly signed credentials. */
export class KalshiAuthenticationError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiAuthenticationError';
}
/** 403: the key may not do this. */
export class KalshiPermissionError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiPermissionError';
}
/** 404: no such resource (for example an order that is no longer resting). */
export class KalshiNotFoundError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiNotFoundError';
}
/** 409: the resource already exists or cannot be modified. */
export class KalshiConflictError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiConflictError';
}
/** 410: the endpoint is retired (for example the legacy V1 order endpoints). */
export class KalshiGoneError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiGoneError';
}
/** 429: the key's token bucket is empty. */
export class KalshiRateLimitError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiRateLimitError';
}
/**
 * 429 for longer than the client's `rateLimitMaxWaitMs`: the client backed off as the bucket
 * refilled and gave up after `waitedMs` and `attempts` attempts.
 */
export class KalshiRateLimitTimeoutError extends KalshiRateLimitError {
  static override readonly errorName: string = 'KalshiRateLimitTimeoutError';
  /** How long the client kept trying, in ms, from the first attempt. */
  readonly waitedMs: number;
  /** Attempts made, all answered 429. */
  readonly attempts: number;
  constructor(
    message: string,
    tried: { waitedMs: number; attempts: number },
    context: KalshiApiErrorContext,
  ) {
    super(message, context);
    this.waitedMs = tried.waitedMs;
    this.attempts = tried.attempts;
  }
}
/** 5xx: the exchange failed. */
export class KalshiServerError extends KalshiApiError {
  static override readonly errorName: string = 'KalshiServerError';
}

/** `insufficient_balance`: the order needs more cash than the account holds. */
export class KalshiInsufficientBalanceError extends KalshiBadRequestError {
  static override readonly errorName: string = 'KalshiInsufficientBalanceError';
}
/** `invalid_price`: the price is outside the market's range or off its tick grid. */
export class KalshiInvalidPriceError extends KalshiBadRequestError {
  static override readonly errorName: string = 'KalshiInvalidPriceError';
}
/** `order_already_exists`: the `client_order_id` was used before. */
export class KalshiOrderAlreadyExistsError extends KalshiConflictError {
  static override readonly errorName: string = 'KalshiOrderAlreadyExistsError';
}
/** `market_not_found`, or a 404 on `/markets/{ticker}`. */
export class KalshiMarketNotFoundError extends KalshiNotFoundError {
  static override readonly errorName: string = 'KalshiMarketNotFoundError';
}
/** `header_timestamp_expired`: the signed timestamp is too far from the exchange's clock. */
export class KalshiTimestampExpiredError extends KalshiAuthenticationError {
  static override readonly errorName: string = 'KalshiTimestampExpiredError';
}

/**
 * Clock skew: the exchange refused the signed timestamp (`header_timestamp_expired`) and the
 * client could not correct for it (no `Date` header, or a retry signed on the exchange's clock
 * was refused too). The API key is not the problem; the local clock is (check NTP).
 */
export class KalshiClockSkewError extends KalshiTimestampExpiredError {
  static override readonly errorName: string = 'KalshiClockSkewError';
  /** Exchange clock minus local clock in ms as the `Date` header said, when there was one. */
  readonly skewMs: number | undefined;
  constructor(message: string, skewMs: number | undefined, context: KalshiApiErrorContext = {}) {
    super(message, context);
    this.skewMs = skewMs;
  }
}

/** No clean answer: the connection failed before a response arrived. */
export class KalshiConnectionError extends KalshiError {
  static override readonly errorName: string = 'KalshiConnectionError';
}
/** No answer within the timeout. */
export class KalshiTimeoutError extends KalshiConnectionError {
  static override readonly errorName: string = 'KalshiTimeoutError';
}
/** The caller aborted the request through its `AbortSignal`. */
export class KalshiAbortError extends KalshiError {
  static override readonly errorName: string = 'KalshiAbortError';
}

/** A response did not match the expected shape; `issuePath` names the bad field. */
export class KalshiResponseValidationError extends KalshiError {
  static override readonly errorName: string = 'KalshiResponseValidationError';
  /** Path of the first offending field inside the response body, e.g. `['market', 'price_ranges', 0]`. */
  readonly issuePath: ReadonlyArray<PropertyKey>;
  constructor(message: string, issuePath: ReadonlyArray<PropertyKey>, context: KalshiErrorContext = {}) {
    super(message, context);
    this.issuePath = issuePath;
  }
}

/** The circuit breaker is open: calls fail fast until the cool-down ends. */
export class KalshiCircuitOpenError extends KalshiError {
  static override readonly errorName: string = 'KalshiCircuitOpenError';
  /** When the breaker will let a probe through (ms since epoch on the client's clock). */
  readonly retryAt: number;
  constructor(message: string, retryAt: number, context: KalshiErrorContext = {}) {
    super(message, context);
    this.retryAt = retryAt;
  }
}

/** The exchange returned a cursor it had already returned: paging would loop forever. */
export class KalshiPaginationError extends KalshiError {
  static override readonly errorName: string = 'KalshiPaginationError';
}

/**
 * The exchange kept handing out new cursors with pages that brought nothing new (empty, or a
 * copy of an earlier page) for `maxPagesWithoutNewItems` pages in a row: the walk was stopped.
 */
export class KalshiPaginationStalledError extends KalshiPaginationError {
  static override readonly errorName: string = 'KalshiPaginationStalledError';
  /** The page at which the walk stopped (1 for the first page). */
  readonly pageNumber: number;
  constructor(message: string, pageNumber: number, context: KalshiErrorContext = {}) {
    super(message, context);
    this.pageNumber = pageNumber;
  }
}

/** The caller's arguments were rejected before anything was sent (bad limit, price precision, ...). */
export class KalshiInvalidParamsError extends KalshiError {
  static override readonly errorName: string = 'KalshiInvalidParamsError';
}

/** The client was configured wrongly (unreadable private key, unknown environment, ...). */
export class KalshiConfigError extends KalshiError {
  static override readonly errorName: string = 'KalshiConfigError';
}

/**
 * A price rejected locally, before any request: off the market's grid, outside (0, 1), or not a
 * number. Code `invalid_price`, like the exchange's own refusal (`KalshiInvalidPriceError`).
 */
export class KalshiInvalidPriceInputError extends KalshiInvalidParamsError {
  static override readonly errorName: string = 'KalshiInvalidPriceInputError';
  /** The offending price, as given. */
  readonly price: string;

  constructor(
    message: string,
    price: { toString(): string } | string | number,
    options?: { cause?: unknown },
  ) {
    super(message, { code: 'invalid_price', cause: options?.cause });
    this.price = String(price);
  }
}

/** A fee asked for an impossible trade (price outside [0, 1], negative count, negative rate). */
export class KalshiInvalidFeeInputError extends KalshiInvalidParamsError {
  static override readonly errorName: string = 'KalshiInvalidFeeInputError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause });
  }
}

/** The private key was refused: unparsable, a public key, or a type Kalshi does not issue. */
export class KalshiInvalidKeyError extends KalshiConfigError {
  static override readonly errorName: string = 'KalshiInvalidKeyError';
}
