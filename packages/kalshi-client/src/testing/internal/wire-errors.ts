/**
 * The four error body shapes Kalshi answers with, exactly as recorded on the demo exchange:
 * nested `{error:{code,message,...}}`, flat `{code,message,details}`, `{msg}` and the rate
 * limiter's `{error:"too many requests"}`.
 */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function jsonResponse(status: number, value: unknown): WireResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(value) };
}

/** Nested shape: `{"error":{"code":"not_found","message":"not found","service":"exchange"}}`. */
export function nestedError(
  status: number,
  code: string,
  message: string,
  extra: { details?: string; service?: string } = {},
): WireResponse {
  return jsonResponse(status, { error: { code, message, ...extra } });
}

/** An order-engine error: nested shape with `service: "exchange"`. */
export function exchangeError(status: number, code: string): WireResponse {
  return nestedError(status, code, code.replace(/_/g, ' '), { service: 'exchange' });
}

/** Flat shape: `{"code":"bad_request","message":"bad request","details":"..."}`. */
export function flatBadRequest(details: string): WireResponse {
  return jsonResponse(400, { code: 'bad_request', message: 'bad request', details });
}

/** `{msg}` shape of parameter validation failures (for example `limit` over the maximum). */
export function paramValidationError(operation: string, field: string, tag: string): WireResponse {
  return jsonResponse(400, {
    msg: `Parameter validation failed for ${operation}: Key: '${operation}Params.${field}' Error:Field validation for '${field}' failed on the '${tag}' tag`,
  });
}

/** The rate limiter's answer: 429 with no Retry-After header. */
export function tooManyRequests(): WireResponse {
  return jsonResponse(429, { error: 'too many requests' });
}

export const AUTH_ERRORS = {
  missingSignature: () =>
    nestedError(401, 'signature_is_missing_from_headers', 'signature is missing from headers'),
  missingKey: () => nestedError(401, 'key_is_missing_from_headers', 'key is missing from headers'),
  missingTimestamp: () =>
    nestedError(401, 'timestamp_is_missing_from_headers', 'timestamp is missing from headers'),
  unknownKey: () =>
    nestedError(401, 'authentication_error', 'authentication_error', { details: 'NOT_FOUND' }),
  badSignature: () =>
    nestedError(401, 'authentication_error', 'authentication_error', {
      details: 'INCORRECT_API_KEY_SIGNATURE',
    }),
  timestampExpired: () => nestedError(401, 'header_timestamp_expired', 'header timestamp expired'),
};
