import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { CircuitBreaker } from '../core/circuit-breaker';
import type { Clock } from '../core/clock';
import {
  KalshiClockSkewError,
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
import { RateLimitBackoff } from './rate-limit-backoff';
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
  /**
   * The answer carries a secret (a generated private key): a body that fails to parse or validate
   * is left out of the error (no body, no zod cause, no value in the message), so it cannot reach
   * a log through the error.
   */
  secretResponse?: boolean;
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
  /** Longest time one request keeps retrying 429s, from its first attempt, in ms. */
  rateLimitMaxWaitMs: number;
  /**
   * Reads `GET /account/limits` into the limiter; called on the first 429 of the client's life
   * (once). Undefined without credentials or without a limiter.
   */
  adoptAccountLimits: (() => Promise<void>) | undefined;
  /** Stall guard of every list call (`PaginationOptions.maxPagesWithoutNewItems`). */
  maxPagesWithoutNewItems: number;
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
  /** Set on the first 429: `/account/limits` is adopted once per client. */
  private limitsAdoptionStarted = false;

  constructor(private readonly config: TransportConfig) {
    this.endpointCosts = config.endpointCosts;
    this.pathPrefix = new URL(config.baseUrl).pathname;
  }

  /** Stall guard of list calls: pages in a row without new items before the walk stops. */
  get maxPagesWithoutNewItems(): number {
    return this.config.maxPagesWithoutNewItems;
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
    // The clock offset suggested by a header_timestamp_expired answer, on trial for this request.
    let trialOffsetMs: number | undefined;
    let ambiguous = false;
    const rateLimit = new RateLimitBackoff({
      clock: this.config.clock,
      limiter: this.config.limiter,
      backoff: this.config.backoff,
      random: this.config.random,
      maxWaitMs: this.config.rateLimitMaxWaitMs,
    });
    for (;;) {
      if (ambiguous && spec.recover) {
        const found = await spec.recover();
        if (found !== undefined) return found;
      }
      let error: KalshiError;
      try {
        const result = await this.attempt(spec, url, options, trialOffsetMs ?? this.clockOffsetMs);
        if (trialOffsetMs !== undefined) this.adoptClockOffset(trialOffsetMs, spec.method, url.pathname);
        return result;
      } catch (caught) {
        error = caught as KalshiError;
      }
      // The exchange refused our signed timestamp: its error code confirms a clock skew. One
      // response's Date header is not trusted on its own: the offset it suggests is tried on one
      // retry (the request was refused unprocessed, so even a plain write may go again) and kept
      // only when the exchange accepts a request signed with it.
      if (KalshiTimestampExpiredError.isInstance(error)) {
        if (trialOffsetMs !== undefined || error.serverDate === undefined) {
          throw clockSkewError(error, trialOffsetMs);
        }
        // Date has one-second resolution: aim for the middle of that second.
        trialOffsetMs = error.serverDate.getTime() + 500 - this.config.clock.now();
        this.config.logger.warn(
          { method: spec.method, path: url.pathname, clockOffsetMs: trialOffsetMs },
          'kalshi: clock skew: signed timestamp expired, retrying on the exchange clock from its Date header',
        );
        continue;
      }
      if (error instanceof KalshiOrderAlreadyExistsError && ambiguous && spec.recover) {
        // Our earlier attempt did land: report the order it created.
        const found = await spec.recover();
        if (found !== undefined) return found;
        throw error;
      }
      // 429: the exchange refused it unprocessed. Back off as the bucket refills, bounded by time
      // (rateLimitMaxWaitMs), not by maxRetries.
      if (KalshiRateLimitError.isInstance(error)) {
        await this.adoptAccountLimitsOnce();
        const cost = this.endpointCosts.costOf(spec.method, url.pathname) * (spec.weight ?? 1);
        const delay = await rateLimit.nextDelay(error, bucketOf(spec.method), cost);
        this.config.logger.warn(
          { method: spec.method, path: url.pathname, status: 429, delayMs: delay },
          'kalshi: rate limited (429), backing off while the bucket refills',
        );
        await this.pause(delay, spec.method, url.pathname, options.signal);
        continue;
      }
      if (retries >= maxRetries || !this.retryable(error, spec)) throw error;
      if (spec.method !== 'GET') ambiguous = true;
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
      await this.pause(delay, spec.method, url.pathname, options.signal);
    }
  }

  private async pause(ms: number, method: string, path: string, signal: AbortSignal | undefined) {
    try {
      await sleep(this.config.clock, ms, signal);
    } catch (cause) {
      throw abortError(method, path, cause);
    }
  }

  /** On the first 429: the key's real limits may be lower than assumed, so read them (once). */
  private async adoptAccountLimitsOnce(): Promise<void> {
    const adopt = this.config.adoptAccountLimits;
    if (adopt === undefined || this.limitsAdoptionStarted) return;
    this.limitsAdoptionStarted = true;
    try {
      await adopt();
    } catch (cause) {
      this.config.logger.warn(
        { error: cause instanceof Error ? cause.message : String(cause) },
        'kalshi: could not read /account/limits after a 429; keeping the configured limits',
      );
    }
  }

  /** A request signed with `offsetMs` was accepted: the skew is confirmed, keep the offset. */
  private adoptClockOffset(offsetMs: number, method: string, path: string): void {
    this.clockOffsetMs = offsetMs;
    this.config.logger.warn(
      { method, path, clockOffsetMs: offsetMs },
      'kalshi: clock skew confirmed (the exchange accepted a request signed on its clock): adopting the offset',
    );
  }

  private retryable(error: KalshiError, spec: RequestSpec<unknown>): boolean {
    if (spec.retry !== 'safe') return false;
    if (error instanceof KalshiConnectionError || error instanceof KalshiServerError) return true;
    if (error.status === 408) return true;
    // A 2xx whose body was cut short is a transport fault; only reads can be safely repeated.
    return (
      error instanceof KalshiResponseValidationError && error.code === 'invalid_json' && spec.method === 'GET'
    );
  }

  /** One attempt: the named steps of `attempt.ts`, plus the breaker and limiter bookkeeping. */
  private async attempt<T>(
    spec: RequestSpec<T>,
    url: URL,
    options: RequestOptions,
    clockOffsetMs: number,
  ): Promise<T> {
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
      timestampMs: clock.now() + clockOffsetMs,
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
    return parseAndValidate({
      text,
      status: response.status,
      method,
      path,
      requestId,
      schema: spec.schema,
      secret: spec.secretResponse === true,
    });
  }
}

/** The final word on a refused timestamp: a clock skew, said as one, never blamed on the key. */
function clockSkewError(
  error: KalshiTimestampExpiredError,
  triedOffsetMs: number | undefined,
): KalshiClockSkewError {
  const seconds = (ms: number) => `${(Math.abs(ms) / 1000).toFixed(1)} s ${ms >= 0 ? 'ahead of' : 'behind'}`;
  const why =
    triedOffsetMs !== undefined
      ? `a retry signed on the exchange clock from its Date header (${seconds(triedOffsetMs)} ours) was refused too, so that Date is not trusted`
      : 'the response had no Date header to correct from';
  return new KalshiClockSkewError(
    `${error.method} ${error.path}: clock skew: the exchange refused the signed timestamp (header_timestamp_expired); ${why}. Check this machine's clock (NTP); the API key is not the problem`,
    triedOffsetMs,
    {
      status: error.status,
      code: error.code,
      details: error.details,
      method: error.method,
      path: error.path,
      requestId: error.requestId,
      body: error.body,
      serverDate: error.serverDate,
      cause: error,
    },
  );
}
