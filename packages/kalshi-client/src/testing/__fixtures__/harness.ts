import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { FakeExchange, FakeExchangeOptions } from '../index';
import { createFakeExchange } from '../index';

/** Test keys, generated once per test file. */
export const rsaKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const edKeys = generateKeyPairSync('ed25519');

/** Signs like a Kalshi client: RSA-PSS SHA-256 salt 32, or Ed25519, over timestamp + METHOD + path. */
export function kalshiSign(
  key: KeyObject,
  ts: string,
  method: string,
  path: string,
  saltLength = 32,
): string {
  const msg = Buffer.from(`${ts}${method}${path}`);
  if (key.asymmetricKeyType === 'ed25519') return sign(null, msg, key).toString('base64');
  return sign('sha256', msg, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }).toString(
    'base64',
  );
}

/** A hand-driven clock. */
export function manualClock(start = Date.UTC(2026, 10, 25, 12, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

export const KC = 'KXNFLGAME-26NOV29KCLV-KC';
export const LV = 'KXNFLGAME-26NOV29KCLV-LV';

export function makeExchange(clock: { now(): number }, options: FakeExchangeOptions = {}): FakeExchange {
  return createFakeExchange({
    clock,
    keys: [
      { id: 'rsa-key', publicKey: rsaKeys.publicKey },
      { id: 'ed-key', publicKey: edKeys.publicKey.export({ type: 'spki', format: 'pem' }) as string },
    ],
    markets: [
      {
        ticker: KC,
        eventTicker: 'KXNFLGAME-26NOV29KCLV',
        title: 'Kansas City at Las Vegas Winner?',
        yesSubTitle: 'Kansas City',
        yesBid: '0.60',
        yesAsk: '0.62',
        yesBidSize: '50',
        yesAskSize: '5',
        extraLevels: 2,
      },
      {
        ticker: LV,
        eventTicker: 'KXNFLGAME-26NOV29KCLV',
        yesBid: '0.38',
        yesAsk: '0.40',
      },
    ],
    balance: '100',
    ...options,
  });
}

export interface SendOptions {
  body?: unknown;
  rawBody?: string;
  key?: 'rsa' | 'ed' | 'none';
  keyId?: string;
  ts?: number;
  signPath?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface Sent {
  status: number;
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected freely
  json: any;
}

/** Sends a request through the core handler, signed unless `key: 'none'`. `path` is after /trade-api/v2. */
export async function send(
  exchange: FakeExchange,
  clock: { now(): number },
  method: string,
  path: string,
  opts: SendOptions = {},
): Promise<Sent> {
  const url = new URL(`http://fake/trade-api/v2${path}`);
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key !== 'none') {
    const ts = String(opts.ts ?? clock.now());
    const key = opts.key === 'ed' ? edKeys.privateKey : rsaKeys.privateKey;
    headers['KALSHI-ACCESS-KEY'] = opts.keyId ?? (opts.key === 'ed' ? 'ed-key' : 'rsa-key');
    headers['KALSHI-ACCESS-TIMESTAMP'] = ts;
    headers['KALSHI-ACCESS-SIGNATURE'] = kalshiSign(key, ts, method, opts.signPath ?? url.pathname);
  }
  const response = await exchange.handle({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    signal: opts.signal,
  });
  let json: unknown;
  try {
    json = response.body ? JSON.parse(response.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text: response.body, json };
}

/** A V2 create-order body with sensible defaults. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ticker: KC,
    side: 'bid',
    count: '1.00',
    price: '0.6200',
    time_in_force: 'immediate_or_cancel',
    self_trade_prevention_type: 'taker_at_cross',
    ...overrides,
  };
}
