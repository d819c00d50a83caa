import { describe, expect, it } from 'vitest';
import { json, ManualClock, scriptedFetch } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { InvalidFeeInputError } from '../trading-rules/fees';
import { InvalidPriceError } from '../trading-rules/prices';
import {
  KalshiApiError,
  KalshiBadRequestError,
  KalshiConfigError,
  KalshiError,
  KalshiInvalidFeeInputError,
  KalshiInvalidKeyError,
  KalshiInvalidParamsError,
  KalshiInvalidPriceInputError,
  KalshiRateLimitError,
  KalshiTimestampExpiredError,
} from './errors';
import { loadPrivateKey } from './signing';

/** What a second copy of the package (the CJS build beside the ESM one) puts on its errors. */
function secondCopyError(...names: string[]): Error {
  class SecondCopyError extends Error {}
  const error = new SecondCopyError('from the other copy');
  for (const name of names) {
    Object.defineProperty(error, Symbol.for(`precog.kalshi-client.${name}`), { value: true });
  }
  return error;
}

describe('KalshiError.isInstance', () => {
  it('recognises an error of a second copy of the package by its marker', () => {
    const other = secondCopyError('KalshiError', 'KalshiApiError', 'KalshiRateLimitError');
    expect(other instanceof KalshiError).toBe(false);
    expect(KalshiError.isInstance(other)).toBe(true);
    expect(KalshiApiError.isInstance(other)).toBe(true);
    expect(KalshiRateLimitError.isInstance(other)).toBe(true);
    expect(KalshiBadRequestError.isInstance(other)).toBe(false);
  });

  it('tests one branch of the tree on a subclass', () => {
    const error = new KalshiRateLimitError('slow down', { status: 429 });
    expect(KalshiError.isInstance(error)).toBe(true);
    expect(KalshiApiError.isInstance(error)).toBe(true);
    expect(KalshiRateLimitError.isInstance(error)).toBe(true);
    expect(KalshiBadRequestError.isInstance(error)).toBe(false);
    expect(KalshiConfigError.isInstance(error)).toBe(false);
  });

  it('refuses plain values and look-alikes without the marker', () => {
    expect(KalshiError.isInstance(new Error('x'))).toBe(false);
    expect(KalshiError.isInstance({ name: 'KalshiError' })).toBe(false);
    expect(KalshiError.isInstance(undefined)).toBe(false);
    expect(KalshiError.isInstance('KalshiError')).toBe(false);
  });

  it('marks a user subclass with its own name besides the bases', () => {
    class MyBotError extends KalshiApiError {}
    const error = new MyBotError('mine');
    expect(MyBotError.isInstance(error)).toBe(true);
    expect(KalshiApiError.isInstance(error)).toBe(true);
    expect(MyBotError.isInstance(new KalshiApiError('theirs'))).toBe(false);
  });

  it('keeps the markers out of enumeration and JSON', () => {
    const error = new KalshiApiError('no', { status: 400 });
    expect(Object.keys(error)).not.toContain(Symbol.for('precog.kalshi-client.KalshiError'));
    expect(
      Object.getOwnPropertySymbols(error).filter((s) => Object.prototype.propertyIsEnumerable.call(error, s)),
    ).toEqual([]);
  });
});

describe('client-side validation errors', () => {
  it('are Kalshi...Error classes under KalshiInvalidParamsError, old names kept as aliases', () => {
    expect(InvalidPriceError).toBe(KalshiInvalidPriceInputError);
    expect(InvalidFeeInputError).toBe(KalshiInvalidFeeInputError);
    const price = new KalshiInvalidPriceInputError('off grid', '0.005');
    expect(KalshiInvalidParamsError.isInstance(price)).toBe(true);
    expect(price.name).toBe('KalshiInvalidPriceInputError');
    expect(price.code).toBe('invalid_price');
    expect(KalshiInvalidParamsError.isInstance(new KalshiInvalidFeeInputError('bad'))).toBe(true);
  });

  it('a refused key is a KalshiInvalidKeyError, a KalshiConfigError', () => {
    let caught: unknown;
    try {
      loadPrivateKey('not a key');
    } catch (error) {
      caught = error;
    }
    expect(KalshiInvalidKeyError.isInstance(caught)).toBe(true);
    expect(KalshiConfigError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toBe(
      'the Kalshi private key could not be parsed (expected PEM, PKCS#1 or PKCS#8)',
    );
  });
});

describe('KalshiApiError.serverDate', () => {
  it('carries the Date header of the response', async () => {
    const clock = new ManualClock({ auto: true });
    const date = 'Wed, 25 Nov 2026 03:05:00 GMT';
    const refusal = () =>
      json({ error: { code: 'header_timestamp_expired', message: 'expired' } }, 401, { date });
    const { fetch } = scriptedFetch([refusal(), refusal()], clock);
    const client = new KalshiClient({ fetch, clock, circuitBreaker: false, maxRetries: 0 });
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(KalshiTimestampExpiredError.isInstance(error)).toBe(true);
    expect((error as KalshiTimestampExpiredError).serverDate?.toISOString()).toBe('2026-11-25T03:05:00.000Z');
  });

  it('is undefined without a valid Date header', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch } = scriptedFetch(
      [json({ code: 'bad_request', message: 'no' }, 400, { date: 'soon' })],
      clock,
    );
    const client = new KalshiClient({ fetch, clock, circuitBreaker: false });
    const error = await client.portfolio.getBalance().catch((e: unknown) => e);
    expect(KalshiBadRequestError.isInstance(error)).toBe(true);
    expect((error as KalshiBadRequestError).serverDate).toBeUndefined();
  });
});
