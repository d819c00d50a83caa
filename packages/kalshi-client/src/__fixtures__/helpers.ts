import { constants, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Clock, TimerHandle } from '../core/clock';

/** Reads a JSON fixture of this package. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./api/${name}.json`, import.meta.url), 'utf8')) as T;
}

let rsa: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
let ed: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** A 2048-bit RSA key pair, generated once per test file. */
export function rsaKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  rsa ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return rsa;
}

/** An Ed25519 key pair, generated once per test file. */
export function ed25519Keys(): { privateKey: KeyObject; publicKey: KeyObject } {
  ed ??= generateKeyPairSync('ed25519');
  return ed;
}

/** Checks Kalshi's signature headers with node:crypto, independently of the client's code. */
export function verifyKalshiSignature(
  publicKey: KeyObject,
  headers: Headers,
  method: string,
  pathWithoutQuery: string,
): boolean {
  const timestamp = headers.get('KALSHI-ACCESS-TIMESTAMP');
  const signature = headers.get('KALSHI-ACCESS-SIGNATURE');
  if (timestamp === null || signature === null) return false;
  const message = Buffer.from(timestamp + method + pathWithoutQuery);
  const sig = Buffer.from(signature, 'base64');
  if (publicKey.asymmetricKeyType === 'ed25519') return verify(null, message, publicKey, sig);
  return verify(
    'sha256',
    message,
    { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
    sig,
  );
}

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/**
 * A clock that only moves when told. With `auto: true` it jumps to the next timer whenever the
 * process is otherwise idle, so code that sleeps finishes instantly in virtual time.
 */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();
  private autoScheduled = false;
  /** Every delay passed to setTimeout, in order. */
  readonly delays: number[] = [];

  constructor(private readonly options: { start?: number; auto?: boolean } = {}) {
    this.current = options.start ?? Date.UTC(2026, 10, 25, 3, 0, 0);
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    this.delays.push(ms);
    this.timers.set(id, { at: this.current + Math.max(0, ms), seq: id, callback });
    if (this.options.auto) this.scheduleAuto();
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flush();
      const next = this.earliest();
      if (next === undefined || next.at > target) break;
      this.timers.delete(next.seq);
      this.current = Math.max(this.current, next.at);
      next.callback();
    }
    this.current = target;
    await flush();
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (best === undefined || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))
        best = timer;
    }
    return best;
  }

  private scheduleAuto(): void {
    if (this.autoScheduled) return;
    this.autoScheduled = true;
    setImmediate(() => {
      this.autoScheduled = false;
      const next = this.earliest();
      if (next === undefined) return;
      this.timers.delete(next.seq);
      this.current = Math.max(this.current, next.at);
      next.callback();
      if (this.timers.size > 0) this.scheduleAuto();
    });
  }
}

/** Lets every pending promise callback and immediate run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** A recorded call of {@link scriptedFetch}. */
export interface FetchCall {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  at: number;
}

/** One scripted reply: a Response, an error to throw, or `'hang'` (never answers until aborted). */
export type Reply = Response | Error | 'hang' | ((call: FetchCall) => Response | Error | 'hang');

/** A `fetch` that answers from a script and records every call. */
export function scriptedFetch(replies: Reply[], clock?: Clock) {
  const calls: FetchCall[] = [];
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call: FetchCall = {
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      at: clock?.now() ?? Date.now(),
    };
    calls.push(call);
    let reply = replies.shift();
    if (reply === undefined) throw new Error(`unscripted request ${call.method} ${call.url.pathname}`);
    if (typeof reply === 'function') reply = reply(call);
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    if (reply instanceof Error) throw reply;
    return reply;
  };
  return { fetch: fetchImpl as typeof globalThis.fetch, calls };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
