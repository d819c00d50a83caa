import { parseErrorBody } from '../core/error-body';
import {
  KalshiApiError,
  type KalshiApiErrorContext,
  KalshiAuthenticationError,
  KalshiBadRequestError,
  KalshiConflictError,
  KalshiGoneError,
  KalshiInsufficientBalanceError,
  KalshiInvalidPriceError,
  KalshiMarketNotFoundError,
  KalshiNotFoundError,
  KalshiOrderAlreadyExistsError,
  KalshiPermissionError,
  KalshiRateLimitError,
  KalshiServerError,
  KalshiTimestampExpiredError,
} from '../core/errors';

type ApiErrorClass = new (message: string, context: KalshiApiErrorContext) => KalshiApiError;

const BY_CODE: Record<string, ApiErrorClass> = {
  insufficient_balance: KalshiInsufficientBalanceError,
  invalid_price: KalshiInvalidPriceError,
  order_already_exists: KalshiOrderAlreadyExistsError,
  market_not_found: KalshiMarketNotFoundError,
  header_timestamp_expired: KalshiTimestampExpiredError,
};

const BY_STATUS: Record<number, ApiErrorClass> = {
  400: KalshiBadRequestError,
  401: KalshiAuthenticationError,
  403: KalshiPermissionError,
  404: KalshiNotFoundError,
  409: KalshiConflictError,
  410: KalshiGoneError,
  429: KalshiRateLimitError,
};

// A 404 on GET /markets/{ticker} means the market does not exist, even when the body only says not_found.
const MARKET_PATH = /\/markets\/[^/]+$/;

/** Input for {@link errorFromResponse}. */
export interface ErrorResponseInfo {
  status: number;
  method: string;
  path: string;
  body: unknown;
  requestId: string | undefined;
  /** The response's `Date` header, parsed (carried on the error as `serverDate`). */
  serverDate?: Date | undefined;
}

/** Picks the error class for a non-2xx response and builds a one-line message. */
export function errorFromResponse(info: ErrorResponseInfo): KalshiApiError {
  const parsed = parseErrorBody(info.body);
  let ErrorClass: ApiErrorClass | undefined = parsed.code === undefined ? undefined : BY_CODE[parsed.code];
  if (
    ErrorClass === undefined &&
    info.status === 404 &&
    info.method === 'GET' &&
    MARKET_PATH.test(info.path)
  ) {
    ErrorClass = KalshiMarketNotFoundError;
  }
  ErrorClass ??= BY_STATUS[info.status] ?? (info.status >= 500 ? KalshiServerError : KalshiApiError);
  const what = [
    parsed.code,
    parsed.message && parsed.message !== parsed.code ? parsed.message : undefined,
    parsed.details,
  ]
    .filter((part) => part !== undefined)
    .join(': ');
  const message = `${info.method} ${info.path} failed with HTTP ${info.status}${what ? ` (${what})` : ''}`;
  return new ErrorClass(message, {
    status: info.status,
    code: parsed.code,
    details: parsed.details,
    method: info.method,
    path: info.path,
    requestId: info.requestId,
    body: info.body,
    serverDate: info.serverDate,
  });
}
