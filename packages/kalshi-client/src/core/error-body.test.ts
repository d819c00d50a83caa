import { describe, expect, it } from 'vitest';
import { fixture } from '../__fixtures__/helpers';
import { errorFromResponse } from '../internal/error-from-response';
import { parseErrorBody } from './error-body';
import {
  KalshiApiError,
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
} from './errors';

describe('parseErrorBody', () => {
  it('reads the nested shape', () => {
    expect(parseErrorBody(fixture('error_nested_bad_signature'))).toEqual({
      code: 'authentication_error',
      message: 'authentication_error',
      details: 'INCORRECT_API_KEY_SIGNATURE',
    });
  });

  it('reads the flat shape', () => {
    expect(parseErrorBody(fixture('error_flat_bad_request'))).toEqual({
      code: 'bad_request',
      message: 'bad request',
      details: 'json: cannot unmarshal number into Go struct field CreateOrderV2Request.price of type string',
    });
  });

  it('reads the validator msg shape', () => {
    expect(parseErrorBody(fixture('error_msg_validation'))).toEqual({
      code: undefined,
      message:
        "Parameter validation failed for GetEvents: Key: 'GetEventsParams.Limit' Error:Field validation for 'Limit' failed on the 'lte' tag",
      details: undefined,
    });
  });

  it('reads the rate limiter shape', () => {
    expect(parseErrorBody(fixture('error_too_many_requests'))).toEqual({
      code: undefined,
      message: 'too many requests',
      details: undefined,
    });
  });

  it('keeps non-JSON text short and on one line', () => {
    expect(parseErrorBody('<html>\n  <b>oops</b>\n</html>').message).toBe('<html> <b>oops</b> </html>');
    expect(parseErrorBody('x'.repeat(500)).message).toHaveLength(200);
    expect(parseErrorBody('   ')).toEqual({ code: undefined, message: undefined, details: undefined });
    expect(parseErrorBody(null)).toEqual({ code: undefined, message: undefined, details: undefined });
    expect(parseErrorBody(42)).toEqual({ code: undefined, message: undefined, details: undefined });
  });
});

describe('errorFromResponse', () => {
  const make = (
    status: number,
    body: unknown,
    method = 'POST',
    path = '/trade-api/v2/portfolio/events/orders',
  ) => errorFromResponse({ status, method, path, body, requestId: 'req-9' });

  it.each([
    [400, { code: 'bad_request' }, KalshiBadRequestError],
    [401, fixture('error_nested_bad_signature'), KalshiAuthenticationError],
    [403, { error: { code: 'forbidden' } }, KalshiPermissionError],
    [404, { error: { code: 'not_found' } }, KalshiNotFoundError],
    [409, { error: { code: 'conflict' } }, KalshiConflictError],
    [410, fixture('error_gone_v1'), KalshiGoneError],
    [429, fixture('error_too_many_requests'), KalshiRateLimitError],
    [500, {}, KalshiServerError],
    [503, 'Service Unavailable', KalshiServerError],
    [418, {}, KalshiApiError],
    [400, fixture('error_nested_insufficient_balance'), KalshiInsufficientBalanceError],
    [400, { error: { code: 'invalid_price', message: 'invalid price' } }, KalshiInvalidPriceError],
    [409, { error: { code: 'order_already_exists' } }, KalshiOrderAlreadyExistsError],
    [404, { error: { code: 'market_not_found' } }, KalshiMarketNotFoundError],
    [401, fixture('error_nested_timestamp_expired'), KalshiTimestampExpiredError],
  ])('maps HTTP %i %j to the right class', (status, body, ErrorClass) => {
    const error = make(status, body);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.requestId).toBe('req-9');
    expect(error.body).toEqual(body);
  });

  it('treats a bare 404 on GET /markets/{ticker} as a missing market', () => {
    expect(make(404, { error: { code: 'not_found' } }, 'GET', '/trade-api/v2/markets/KXFOO')).toBeInstanceOf(
      KalshiMarketNotFoundError,
    );
    expect(
      make(404, { error: { code: 'not_found' } }, 'DELETE', '/trade-api/v2/portfolio/events/orders/x')
        .constructor,
    ).toBe(KalshiNotFoundError);
  });

  it('writes one precise line with code, message and details', () => {
    expect(
      make(401, fixture('error_nested_bad_signature'), 'GET', '/trade-api/v2/portfolio/balance').message,
    ).toBe(
      'GET /trade-api/v2/portfolio/balance failed with HTTP 401 (authentication_error: INCORRECT_API_KEY_SIGNATURE)',
    );
    const insufficient = make(400, fixture('error_nested_insufficient_balance'));
    expect(insufficient.message).toBe(
      'POST /trade-api/v2/portfolio/events/orders failed with HTTP 400 (insufficient_balance: insufficient balance)',
    );
    expect([insufficient.code, insufficient.method, insufficient.path]).toEqual([
      'insufficient_balance',
      'POST',
      '/trade-api/v2/portfolio/events/orders',
    ]);
    expect(make(500, {}).message).toBe('POST /trade-api/v2/portfolio/events/orders failed with HTTP 500');
  });
});
