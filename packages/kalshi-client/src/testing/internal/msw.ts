import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FakeRequest, FakeResponse } from '../types';

/** The part of msw the handlers use. */
export interface MswModule {
  http: {
    all(path: string, resolver: (info: { request: Request }) => Promise<Response>): unknown;
  };
  HttpResponse: { error(): Response };
}

let mswModule: MswModule | undefined;

/**
 * msw is an optional peer dependency, loaded on first use only: through `require` in the CommonJS
 * build, else resolved from the working directory (the project that runs the tests).
 */
function loadMsw(): MswModule {
  if (mswModule) return mswModule;
  const loaders: Array<() => unknown> = [
    // The CommonJS build has a real `require`; in an ES module it is a stub that throws.
    () => require('msw'),
    () => createRequire(join(process.cwd(), 'noop.js'))('msw'),
  ];
  let cause: unknown;
  for (const load of loaders) {
    try {
      mswModule = load() as MswModule;
      return mswModule;
    } catch (error) {
      cause = error;
    }
  }
  throw new Error(
    "fake exchange: msw could not be loaded from the working directory; install it, or pass it: exchange.handlers(url, { msw: await import('msw') })",
    { cause },
  );
}

/** One catch-all msw handler for `<origin>/trade-api/v2/*` that feeds the core handler. */
export function mswHandlers(
  baseUrl: string,
  apiPrefix: string,
  handle: (request: FakeRequest) => Promise<FakeResponse>,
  given: MswModule | undefined,
): unknown[] {
  const msw = given ?? loadMsw();
  const origin = new URL(baseUrl).origin;
  return [
    msw.http.all(`${origin}${apiPrefix}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const response = await handle({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
        signal: request.signal,
      });
      if (response.disconnect) return msw.HttpResponse.error();
      return new Response(response.status === 204 ? null : response.body, {
        status: response.status,
        headers: response.headers,
      });
    }),
  ];
}
