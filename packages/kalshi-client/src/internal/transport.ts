import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { CircuitBreaker } from '../core/circuit-breaker';
import type { Clock } from '../core/clock';
import {
  KalshiAbortError,
  KalshiConnectionError,
  type KalshiError,
  KalshiOrderAlreadyExistsError,
  KalshiRateLimitError,
  KalshiResponseValidationError,
  KalshiServerError,
  KalshiTimeoutError,
  KalshiTimestampExpiredError,
} from '../core/errors';
import type { Logger } from '../core/logger';
import type { RequestOptions } from '../core/request-options';
import { kalshiAuthHeaders } from '../core/signing';
import type { RateLimiter } from '../rate-limiting/rate-limiter';
import { type BackoffOptions, backoffDelay } from './backoff';
import { errorFromResponse } from './error-from-response';
import { appendQuery, type QueryValue } from './query';
import { sleep } from './sleep';

/**
 * How a request may be retried:
 * - `safe`: reads, and writes that carry a `client_order_id` (the exchange refuses a duplicate).
 * - `unsafe`: other writes — retried only when the exchange provably did not process them
 *   (429, expired timestamp).
 */
export type RetryPolicy = 'safe' | 'unsafe';

/** One API call, described for the transport. */
export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base URL, segments already encoded, e.g. `/markets/KXFOO-1`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  retry: RetryPolicy;
  /** Multiplies the endpoint's token cost (batch endpoints charge per order). */
  weight?: number;
  /**
   * For a write whose earlier attempt may have reached the exchange (timeout, connection drop,
   * 5xx): looks up what it did before sending again. A value short-circuits the retry.
   */
  recover?: () => Promise<T | undefined>;
}

/** Everything the transport needs; built by `KalshiClient`. */
export interface TransportConfig {
  baseUrl: string;
  credentials: { apiKeyId: string; privateKey: KeyObject } | undefined;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  random: () => number;
  logger: Logger;
  limiter: RateLimiter | undefined;
  breaker: CircuitBreaker | undefined;
  maxRetries: number;
  timeoutMs: number;
  backoff: BackoffOptions;
  userAgent: string;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amz-cf-id'];

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Signs, rate-limits, times out, retries and parses every request. */
export class Transport {
  /** Estimated server time minus local time, in ms; adjusted after `header_timestamp_expired`. */
  clockOffsetMs = 0;
  private readonly serverDates = new WeakMap<Error, number>();
  private readonly basePath: string;

  constructor(readonly config: TransportConfig) {
    this.basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '');
  }

  /** Sends one logical request, with every retry it is allowed. */
  async request<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.config.baseUrl.replace(/\/$/, '') + spec.path);
    appendQuery(url, spec.query);
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    let retries = 0;
    let skewRetried = false;
    let ambiguous = false;
    for (;;) {
      if (ambiguous && spec.recover) {
        const found = await spec.recover();
        if (found !== undefined) return found;
      }
      let error: KalshiError;
      try {
        return await this.attempt(spec, url, options);
      } catch (caught) {
        error = caught as KalshiError;
      }
      // A clock far from the exchange's is fixed once from its Date header, then retried: the
      // request was refused unprocessed, so even a plain write may go again.
      if (error instanceof KalshiTimestampExpiredError && !skewRetried && this.serverDates.has(error)) {
        skewRetried = true;
        const serverMs = this.serverDates.get(error) as number;
        // Date has one-second resolution: aim for the middle of that second.
        this.clockOffsetMs = serverMs + 500 - this.config.clock.now();
        this.config.logger.warn(
          { method: spec.method, path: url.pathname, clockOffsetMs: this.clockOffsetMs },
          'kalshi: signed timestamp expired, adopting the exchange clock offset',
        );
        continue;
      }
      if (error instanceof KalshiOrderAlreadyExistsError && ambiguous && spec.recover) {
        // Our earlier attempt did land: report the order it created.
        const found = await spec.recover();
        if (found !== undefined) return found;
        throw error;
      }
      if (retries >= maxRetries || !this.retryable(error, spec)) throw error;
      if (spec.method !== 'GET' && !(error instanceof KalshiRateLimitError)) ambiguous = true;
      const delay = backoffDelay(retries, this.config.backoff, this.config.random);
      retries += 1;
      this.config.logger.warn(
        {
          method: spec.method,
          path: url.pathname,
          status: error.status,
          code: error.code,
          retry: retries,
          delayMs: delay,
        },
        `kalshi: retrying after ${error.name}`,
      );
      try {
        await sleep(this.config.clock, delay, options.signal);
      } catch (cause) {
        throw this.abortError(spec.method, url.pathname, cause);
      }
    }
  }

  private retryable(error: KalshiError, spec: RequestSpec<unknown>): boolean {
    // 429 means the exchange refused the request before doing anything.
    if (error instanceof KalshiRateLimitError) return true;
    if (spec.retry !== 'safe') return false;
    if (error instanceof KalshiConnectionError || error instanceof KalshiServerError) return true;
    if (error.status === 408) return true;
    // A 2xx whose body was cut short is a transport fault; only reads can be safely repeated.
    return (
      error instanceof KalshiResponseValidationError && error.code === 'invalid_json' && spec.method === 'GET'
    );
  }

  private abortError(method: string, path: string, cause: unknown): KalshiAbortError {
    return new KalshiAbortError(`${method} ${path} aborted by the caller`, { method, path, cause });
  }

  private async attempt<T>(spec: RequestSpec<T>, url: URL, options: RequestOptions): Promise<T> {
    const { clock, limiter, breaker, logger } = this.config;
    const method = spec.method;
    const path = url.pathname;
    const signal = options.signal;
    if (signal?.aborted) throw this.abortError(method, path, signal.reason);
    breaker?.admit({ method, path });
    if (limiter) {
      try {
        await limiter.acquire(method, path, { weight: spec.weight ?? 1, ...(signal ? { signal } : {}) });
      } catch (cause) {
        breaker?.releaseProbe();
        throw this.abortError(method, path, cause);
      }
    }

    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.config.userAgent,
    };
    if (this.config.credentials) {
      const { apiKeyId, privateKey } = this.config.credentials;
      // Sign the exact path that goes on the wire (percent-encoding included), without the query.
      Object.assign(
        headers,
        kalshiAuthHeaders(apiKeyId, privateKey, clock.now() + this.clockOffsetMs, method, path),
      );
    }
    let body: string | undefined;
    if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }

    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const forwardAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    const started = clock.now();
    let response: Response;
    let text: string;
    try {
      response = await this.config.fetch(url.href, { method, headers, body, signal: controller.signal });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) {
        breaker?.releaseProbe();
        throw this.abortError(method, path, cause);
      }
      breaker?.recordFailure();
      if (timedOut) {
        throw new KalshiTimeoutError(`${method} ${path} timed out after ${timeoutMs} ms`, {
          method,
          path,
          cause,
        });
      }
      const reason =
        cause instanceof Error
          ? cause.cause instanceof Error
            ? cause.cause.message
            : cause.message
          : String(cause);
      throw new KalshiConnectionError(`${method} ${path} failed to connect: ${reason}`, {
        method,
        path,
        cause,
      });
    } finally {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }

    const requestId = requestIdOf(response.headers);
    logger.debug(
      { method, path, status: response.status, durationMs: clock.now() - started, requestId },
      'kalshi: response',
    );
    if (!response.ok) {
      const error = errorFromResponse({
        status: response.status,
        method,
        path,
        body: parseBody(text),
        requestId,
      });
      if (response.status >= 500) breaker?.recordFailure();
      else breaker?.recordSuccess();
      if (response.status === 429) limiter?.drain(limiter.bucketFor(method));
      const date = response.headers.get('date');
      if (date !== null && error instanceof KalshiTimestampExpiredError) {
        const serverMs = Date.parse(date);
        if (!Number.isNaN(serverMs)) this.serverDates.set(error, serverMs);
      }
      throw error;
    }
    breaker?.recordSuccess();

    let json: unknown;
    if (text.length === 0) {
      json = undefined;
    } else {
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new KalshiResponseValidationError(
          `${method} ${path} returned a body that is not valid JSON`,
          [],
          {
            status: response.status,
            code: 'invalid_json',
            method,
            path,
            requestId,
            body: text.slice(0, 500),
            cause,
          },
        );
      }
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const issuePath = (issue?.path ?? []) as PropertyKey[];
      const where = issuePath.length > 0 ? issuePath.map(String).join('.') : '(root)';
      throw new KalshiResponseValidationError(
        `${method} ${path} returned an unexpected body at ${where}: ${issue?.message ?? 'invalid'}`,
        issuePath,
        {
          status: response.status,
          code: 'invalid_response',
          method,
          path,
          requestId,
          body: json,
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  }

  /** Path prefix of the base URL (normally `/trade-api/v2`). */
  get pathPrefix(): string {
    return this.basePath;
  }
}
