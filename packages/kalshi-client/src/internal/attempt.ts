import type { z } from 'zod';
import type { CircuitBreaker } from '../core/circuit-breaker';
import type { Clock } from '../core/clock';
import type { KalshiApiError } from '../core/errors';
import {
  KalshiAbortError,
  KalshiConnectionError,
  KalshiError,
  KalshiResponseValidationError,
  KalshiTimeoutError,
} from '../core/errors';
import { kalshiAuthHeaders } from '../core/signing';
import type { EndpointCostTable } from '../rate-limiting/endpoint-costs';
import type { BucketKind, RequestLimiter } from '../rate-limiting/request-limiter';
import { errorFromResponse } from './error-from-response';

// The named steps of one attempt, in the order the transport runs them:
// admit → buildRequest (sign) → fetchWithTimeout → errorForStatus → parseBody/validate.

/** Which bucket a request draws from: Kalshi counts `GET` as a read, everything else as a write. */
export function bucketOf(method: string): BucketKind {
  return method.toUpperCase() === 'GET' ? 'read' : 'write';
}

/** The caller gave up (its signal aborted, or the limiter refused to wait any longer). */
export function abortError(method: string, path: string, cause: unknown): KalshiAbortError {
  return new KalshiAbortError(`${method} ${path} aborted by the caller`, { method, path, cause });
}

/** What {@link admit} needs. */
export interface AdmitStep {
  method: string;
  path: string;
  weight: number;
  signal: AbortSignal | undefined;
  breaker: CircuitBreaker | undefined;
  limiter: RequestLimiter | undefined;
  costs: EndpointCostTable;
}

/**
 * Step 1 — admit: the circuit breaker lets the request through (or throws
 * `KalshiCircuitOpenError`), then the limiter takes its cost (endpoint cost × weight).
 */
export async function admit(step: AdmitStep): Promise<void> {
  const { method, path, signal, breaker, limiter } = step;
  if (signal?.aborted) throw abortError(method, path, signal.reason);
  breaker?.admit({ method, path });
  if (!limiter) return;
  const cost = step.costs.costOf(method, path) * step.weight;
  try {
    await limiter.acquire({ bucket: bucketOf(method), cost, ...(signal ? { signal } : {}) });
  } catch (cause) {
    breaker?.releaseProbe();
    // A limiter that fails on its own (closed, shared store down) says so with its own error.
    if (!signal?.aborted && KalshiError.isInstance(cause)) throw cause;
    throw abortError(method, path, cause);
  }
}

/** What {@link buildRequest} needs. */
export interface BuildStep {
  method: string;
  path: string;
  body: unknown;
  userAgent: string;
  credentials: { apiKeyId: string; privateKey: import('node:crypto').KeyObject } | undefined;
  /** Signing time: the local clock corrected by the exchange's offset, Unix ms. */
  timestampMs: number;
}

/** Step 2 — sign: headers (signed when there are credentials) and the JSON body. */
export function buildRequest(step: BuildStep): { headers: Record<string, string>; body: string | undefined } {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': step.userAgent };
  if (step.credentials) {
    const { apiKeyId, privateKey } = step.credentials;
    // Sign the exact path that goes on the wire (percent-encoding included), without the query.
    Object.assign(headers, kalshiAuthHeaders(apiKeyId, privateKey, step.timestampMs, step.method, step.path));
  }
  if (step.body === undefined) return { headers, body: undefined };
  headers['content-type'] = 'application/json';
  return { headers, body: JSON.stringify(step.body) };
}

/** What {@link fetchWithTimeout} needs. */
export interface FetchStep {
  fetch: typeof globalThis.fetch;
  clock: Clock;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  breaker: CircuitBreaker | undefined;
}

/**
 * Step 3 — fetch with timeout: sends the request and reads the whole body within `timeoutMs`.
 * A failure becomes `KalshiTimeoutError`, `KalshiConnectionError` or (caller's signal) `KalshiAbortError`.
 */
export async function fetchWithTimeout(step: FetchStep): Promise<{ response: Response; text: string }> {
  const { clock, signal, breaker, method, timeoutMs } = step;
  const path = step.url.pathname;
  const controller = new AbortController();
  let timedOut = false;
  const timer = clock.setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const forwardAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const init = { method, headers: step.headers, body: step.body, signal: controller.signal };
    const response = await step.fetch(step.url.href, init);
    return { response, text: await response.text() };
  } catch (cause) {
    if (signal?.aborted) {
      breaker?.releaseProbe();
      throw abortError(method, path, cause);
    }
    breaker?.recordFailure();
    if (timedOut) {
      throw new KalshiTimeoutError(`${method} ${path} timed out after ${timeoutMs} ms`, {
        method,
        path,
        cause,
      });
    }
    throw new KalshiConnectionError(`${method} ${path} failed to connect: ${connectionReason(cause)}`, {
      method,
      path,
      cause,
    });
  } finally {
    clock.clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function connectionReason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici reports "fetch failed" and hides the reason (ECONNREFUSED, ...) in its cause.
  return cause.cause instanceof Error ? cause.cause.message : cause.message;
}

/** What {@link errorForStatus} needs. */
export interface StatusStep {
  response: Response;
  text: string;
  method: string;
  path: string;
  requestId: string | undefined;
}

/**
 * Step 4 — map status to error: a non-2xx response becomes its `KalshiApiError` subclass,
 * carrying the response's `Date` (the timestamp-expired retry reads the exchange clock from it).
 * Returns undefined for a 2xx.
 */
export function errorForStatus(step: StatusStep): KalshiApiError | undefined {
  const { response } = step;
  if (response.ok) return undefined;
  const date = response.headers.get('date');
  const serverMs = date === null ? Number.NaN : Date.parse(date);
  return errorFromResponse({
    status: response.status,
    method: step.method,
    path: step.path,
    body: parseLoose(step.text),
    requestId: step.requestId,
    serverDate: Number.isNaN(serverMs) ? undefined : new Date(serverMs),
  });
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What {@link parseAndValidate} needs. */
export interface ParseStep<T> {
  text: string;
  status: number;
  method: string;
  path: string;
  requestId: string | undefined;
  schema: z.ZodType<T>;
  /** The body holds a secret: errors name the failing field only, never a value or the body. */
  secret?: boolean;
}

/**
 * Step 5 — parse and validate: JSON (an empty body reads as `undefined`), then the response
 * schema. Failures are `KalshiResponseValidationError` naming the first bad field.
 */
export function parseAndValidate<T>(step: ParseStep<T>): T {
  const { method, path, status, requestId } = step;
  let json: unknown;
  if (step.text.length > 0) {
    try {
      json = JSON.parse(step.text);
    } catch (cause) {
      throw new KalshiResponseValidationError(
        `${method} ${path} returned a body that is not valid JSON`,
        [],
        step.secret
          ? { status, code: 'invalid_json', method, path, requestId }
          : { status, code: 'invalid_json', method, path, requestId, body: step.text.slice(0, 500), cause },
      );
    }
  }
  const parsed = step.schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const issuePath = (issue?.path ?? []) as PropertyKey[];
  const where = issuePath.length > 0 ? issuePath.map(String).join('.') : '(root)';
  if (step.secret) {
    // The body holds a secret: name the field, never a value (zod messages may quote one).
    throw new KalshiResponseValidationError(
      `${method} ${path} returned an unexpected body at ${where} (${issue?.code ?? 'invalid'}; body withheld: it holds a secret)`,
      issuePath,
      { status, code: 'invalid_response', method, path, requestId },
    );
  }
  throw new KalshiResponseValidationError(
    `${method} ${path} returned an unexpected body at ${where}: ${issue?.message ?? 'invalid'}`,
    issuePath,
    { status, code: 'invalid_response', method, path, requestId, body: json, cause: parsed.error },
  );
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-amz-cf-id'];

/** The request id the server (or its CDN) put in the response headers. */
export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
