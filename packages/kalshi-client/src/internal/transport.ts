import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { CircuitBreaker } from '../core/circuit-breaker';
import type { Clock } from '../core/clock';
import {
  KalshiConnectionError,
  type KalshiError,
  KalshiOrderAlreadyExistsError,
  KalshiRateLimitError,
  KalshiResponseValidationError,
  KalshiServerError,
  KalshiTimestampExpiredError,
} from '../core/errors';
import type { Logger } from '../core/logger';
import type { RequestOptions } from '../core/request-options';
import type { EndpointCostTable } from '../rate-limiting/endpoint-costs';
import type { RequestLimiter } from '../rate-limiting/request-limiter';
import {
  abortError,
  admit,
  bucketOf,
  buildRequest,
  errorForStatus,
  fetchWithTimeout,
  parseAndValidate,
  requestIdOf,
} from './attempt';
import { type BackoffOptions, backoffDelay } from './backoff';
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
  /**
   * Sends even while the circuit breaker is open, and leaves its counts alone: an emergency
   * cancel (an order group's kill switch) must still go out when everything else is held back.
   */
  bypassBreaker?: boolean;
}

/** Everything the transport needs; built by `KalshiClient`. */
export interface TransportConfig {
  /** Base URL, already normalised by `normalizeBaseUrl` (no trailing slash). */
  baseUrl: string;
  credentials: { apiKeyId: string; privateKey: KeyObject } | undefined;
  fetch: typeof globalThis.fetch;
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** Holds the key's request budget; undefined when `rateLimit: false`. */
  limiter: RequestLimiter | undefined;
  /** Token cost of each endpoint; replaced by `client.syncRateLimits()`. */
  endpointCosts: EndpointCostTable;
  breaker: CircuitBreaker | undefined;
  maxRetries: number;
  timeoutMs: number;
  backoff: BackoffOptions;
  userAgent: string;
}

/** Signs, rate-limits, times out, retries and parses every request. */
export class Transport {
  /** Estimated server time minus local time, in ms; adjusted after `header_timestamp_expired`. */
  clockOffsetMs = 0;
  /** Token cost of each endpoint (the client's table; `syncRateLimits` replaces it). */
  endpointCosts: EndpointCostTable;
  /** Path prefix of the base URL (normally `/trade-api/v2`). */
  readonly pathPrefix: string;

  constructor(private readonly config: TransportConfig) {
    this.endpointCosts = config.endpointCosts;
    this.pathPrefix = new URL(config.baseUrl).pathname;
  }

  /** The client's clock, in ms since the epoch (resources use it for look-up windows). */
  now(): number {
    return this.config.clock.now();
  }

  /** Sends one logical request, with every retry it is allowed. */
  async request<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.config.baseUrl + spec.path);
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
      if (error instanceof KalshiTimestampExpiredError && !skewRetried && error.serverDate !== undefined) {
        skewRetried = true;
        // Date has one-second resolution: aim for the middle of that second.
        this.clockOffsetMs = error.serverDate.getTime() + 500 - this.config.clock.now();
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
        throw abortError(spec.method, url.pathname, cause);
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

  /** One attempt: the named steps of `attempt.ts`, plus the breaker and limiter bookkeeping. */
  private async attempt<T>(spec: RequestSpec<T>, url: URL, options: RequestOptions): Promise<T> {
    const { clock, limiter, logger } = this.config;
    const breaker = spec.bypassBreaker ? undefined : this.config.breaker;
    const { method } = spec;
    const path = url.pathname;
    const signal = options.signal;
    await admit({
      method,
      path,
      weight: spec.weight ?? 1,
      signal,
      breaker,
      limiter,
      costs: this.endpointCosts,
    });
    const { headers, body } = buildRequest({
      method,
      path,
      body: spec.body,
      userAgent: this.config.userAgent,
      credentials: this.config.credentials,
      timestampMs: clock.now() + this.clockOffsetMs,
    });
    const started = clock.now();
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const fetched = await fetchWithTimeout({
      fetch: this.config.fetch,
      clock,
      url,
      method,
      headers,
      body,
      timeoutMs,
      signal,
      breaker,
    });
    const { response, text } = fetched;
    const requestId = requestIdOf(response.headers);
    logger.debug(
      { method, path, status: response.status, durationMs: clock.now() - started, requestId },
      'kalshi: response',
    );
    const error = errorForStatus({ response, text, method, path, requestId });
    if (error) {
      if (response.status >= 500) breaker?.recordFailure();
      else breaker?.recordSuccess();
      if (response.status === 429) limiter?.onRateLimited(bucketOf(method));
      throw error;
    }
    breaker?.recordSuccess();
    return parseAndValidate({ text, status: response.status, method, path, requestId, schema: spec.schema });
  }
}
