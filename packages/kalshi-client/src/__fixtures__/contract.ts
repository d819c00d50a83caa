import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, it } from 'vitest';
import { KalshiClient } from '../client';
import type { KalshiClientOptions } from '../client-options';
import { rsaKeys, verifyKalshiSignature } from './helpers';

/** The base URL every contract test talks to (msw intercepts it). */
export const BASE = 'https://external-api.demo.kalshi.co/trade-api/v2';

/** What the client sent to one route. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  signed: boolean;
}

/**
 * msw with `onUnhandledRequest: 'error'` for one test file, and `route()` answering one route with
 * a body while recording what the client sent. A request with a bad signature gets Kalshi's 401,
 * so every contract test doubles as a signing test.
 */
export function contractServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  function route(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body: unknown,
    status = 200,
  ): Seen[] {
    const seen: Seen[] = [];
    server.use(
      http[method](`${BASE}${path}`, async ({ request }) => {
        const url = new URL(request.url);
        const text = await request.text();
        const signed =
          request.headers.get('KALSHI-ACCESS-KEY') === 'key-123' &&
          verifyKalshiSignature(rsaKeys().publicKey, request.headers, request.method, url.pathname);
        seen.push({
          method: request.method,
          path: url.pathname,
          query: url.searchParams,
          body: text ? JSON.parse(text) : undefined,
          signed,
        });
        if (!signed) {
          return HttpResponse.json(
            {
              error: {
                code: 'authentication_error',
                message: 'authentication_error',
                details: 'INCORRECT_API_KEY_SIGNATURE',
              },
            },
            { status: 401 },
          );
        }
        return status === 204 || body === undefined
          ? new HttpResponse(null, { status })
          : HttpResponse.json(body as object, { status });
      }),
    );
    return seen;
  }

  function client(options: Partial<KalshiClientOptions> = {}): KalshiClient {
    return new KalshiClient({
      apiKeyId: 'key-123',
      privateKey: rsaKeys().privateKey,
      maxRetries: 0,
      ...options,
    });
  }

  return { server, route, client };
}

/**
 * A contract test of one spec operation: `contract('getOrderGroup', 'reads ...', fn)` is a test
 * named `getOrderGroup: reads ...`. The operation coverage test finds the operation id here.
 */
export function contract(operationId: string, name: string, fn: () => Promise<void>): void {
  it(`${operationId}: ${name}`, fn);
}
