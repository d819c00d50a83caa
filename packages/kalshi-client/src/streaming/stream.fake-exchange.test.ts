import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KalshiClient } from '../client';
import { createFakeExchange, type FakeExchange, type FakeExchangeServer } from '../testing';
import { KalshiStreamAuthError, KalshiStreamMessageError } from './errors';
import type { KalshiStream, KalshiStreamEvents } from './stream';

const KC = 'KXNFLGAME-26NOV29KCLV-KC';
const LV = 'KXNFLGAME-26NOV29KCLV-LV';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

let exchange: FakeExchange;
let server: FakeExchangeServer;
let client: KalshiClient;
let stream: KalshiStream;

function next<K extends keyof KalshiStreamEvents>(s: KalshiStream, event: K): Promise<KalshiStreamEvents[K]> {
  return new Promise((resolve) => s.once(event, resolve));
}

/** The fake's own book in the `books` document shape (YES bids; YES asks as NO bids at 1 − p). */
async function truth(ticker: string) {
  const book = await client.markets.getOrderbook(ticker);
  const wire = (
    levels: ReadonlyArray<{ price: { toFixed(n: number): string }; count: { toFixed(n: number): string } }>,
  ) =>
    levels.map((l) => [l.price.toFixed(4), l.count.toFixed(2)]).sort((a, b) => Number(a[0]) - Number(b[0]));
  return { yes: wire(book.yes_dollars), no: wire(book.no_dollars) };
}

async function settled(): Promise<void> {
  // One round trip on the socket: every frame sent before the reply has been handled.
  await stream.listSubscriptions();
}

beforeEach(async () => {
  exchange = createFakeExchange({
    keys: [{ id: 'key-1', publicKey }],
    markets: [
      {
        ticker: KC,
        eventTicker: 'KXNFLGAME-26NOV29KCLV',
        yesBid: '0.45',
        yesAsk: '0.47',
        yesBidSize: '10',
        extraLevels: 2,
      },
      { ticker: LV, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.52', yesAsk: '0.55' },
    ],
    rateLimit: false,
  });
  server = await exchange.listen();
  client = new KalshiClient({ baseUrl: server.url, apiKeyId: 'key-1', privateKey, rateLimit: false });
  stream = client.stream({ reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
});

afterEach(async () => {
  await stream.close();
  await server.close();
});

describe('KalshiStream against the fake exchange', () => {
  it('derives the WebSocket URL from the fake base URL and keeps books equal to the exchange as prices move', async () => {
    expect(client.wsUrl).toBe(server.wsUrl);
    const sub = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC, LV] });
    expect(typeof sub.sid).toBe('number');
    await settled();
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
    exchange.setPrices(KC, { yesBid: '0.40', yesBidSize: '7.5', yesAsk: '0.49' });
    exchange.movePrices(LV, '0.02');
    await settled();
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
    expect(stream.books.toDocument()[LV]).toEqual(await truth(LV));
    expect(stream.books.get(KC)?.bestYesBid()?.price.toString()).toBe('0.4');
    expect(stream.books.get(KC)?.bestYesAsk()?.price.toString()).toBe('0.49');
    expect(stream.books.get(KC)?.stale).toBe(false);
  });

  it('detects a lost message as a gap, marks the books stale, re-snapshots and ends equal', async () => {
    await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    await settled();
    const gap = next(stream, 'gap');
    const resynced = next(stream, 'resynced');
    exchange.injectStreamFault('lose-message');
    exchange.setPrices(KC, { yesBid: '0.41' });
    exchange.setPrices(KC, { yesBid: '0.42' });
    const event = await gap;
    expect(event.tickers).toEqual([KC]);
    expect(await resynced).toEqual({ ticker: KC });
    await settled();
    expect(stream.books.get(KC)?.stale).toBe(false);
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
  });

  it('drops a duplicated message', async () => {
    await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    await settled();
    exchange.injectStreamFault('duplicate-message');
    exchange.setPrices(KC, { yesBid: '0.44', yesBidSize: '3' });
    await settled();
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
    expect(stream.books.get(KC)?.stale).toBe(false);
  });

  it('reconnects after a dropped connection, resubscribes with a new sid and re-snapshots', async () => {
    const sub = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    const firstSid = sub.sid;
    const reconnected = next(stream, 'reconnected');
    const stale = next(stream, 'stale');
    exchange.injectStreamFault('drop-connection');
    expect((await stale).reason).toBe('disconnect');
    exchange.setPrices(KC, { yesBid: '0.30' });
    await reconnected;
    await settled();
    expect(sub.sid).not.toBe(firstSid);
    expect(stream.books.get(KC)?.stale).toBe(false);
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
  });

  it('asks for a REST reconcile of fills after a reconnect, and streams fills as they happen', async () => {
    const fills = await stream.subscribe({ channel: 'fill' });
    const got = new Promise((resolve) => fills.once('message', resolve));
    await client.orders.create({ ticker: KC, side: 'bid', count: '1.50', price: '0.47' });
    const fill = (await got) as { msg: { count_fp: { toString(): string }; market_ticker: string } };
    expect(fill.msg.count_fp.toString()).toBe('1.5');
    expect(fill.msg.market_ticker).toBe(KC);
    const reconcile = next(stream, 'reconcile');
    exchange.injectStreamFault('drop-connection');
    expect((await reconcile).channels).toEqual(['fill']);
  });

  it('reports a malformed frame as an error event and goes on', async () => {
    await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    const error = next(stream, 'error');
    exchange.injectStreamFault('malformed-frame');
    expect(KalshiStreamMessageError.isInstance(await error)).toBe(true);
    exchange.setPrices(KC, { yesBid: '0.43' });
    await settled();
    expect(stream.malformedFrames).toBe(1);
    expect(stream.books.toDocument()[KC]).toEqual(await truth(KC));
  });

  it('reconnects a stalled socket through the watchdog', async () => {
    await stream.close();
    stream = client.stream({ idleTimeoutMs: 100, reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
    await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    const stalled = next(stream, 'stalled');
    const reconnected = next(stream, 'reconnected');
    exchange.injectStreamFault('stall');
    expect((await stalled).silentMs).toBeGreaterThan(100);
    await reconnected;
    await settled();
    expect(stream.books.get(KC)?.stale).toBe(false);
  });

  it('refuses a 401 upgrade with a typed error, without retrying', async () => {
    exchange.injectStreamFault('refuse-upgrade', { status: 401, times: 5 });
    const error = await stream.connect().catch((e: unknown) => e);
    expect(KalshiStreamAuthError.isInstance(error)).toBe(true);
    expect((error as KalshiStreamAuthError).status).toBe(401);
  });

  it('refuses an unsigned upgrade when the exchange has keys', async () => {
    const anonymous = new KalshiClient({ baseUrl: server.url, rateLimit: false }).stream();
    const error = await anonymous.connect().catch((e: unknown) => e);
    expect(KalshiStreamAuthError.isInstance(error)).toBe(true);
    await anonymous.close();
  });

  it('yields coalesced book updates to a for-await consumer', async () => {
    const sub = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC] });
    const iterator = sub[Symbol.asyncIterator]();
    exchange.setPrices(KC, { yesBid: '0.41' });
    exchange.setPrices(KC, { yesBid: '0.42' });
    await settled();
    const first = await iterator.next();
    expect(first.value?.ticker).toBe(KC);
    expect(first.value?.book.bestYesBid()?.price.toString()).toBe('0.42');
  });

  it('delivers the snapshots to listeners attached right after subscribe() resolves', async () => {
    // The server sends the reply and both snapshots at once: they arrive in one read, and the
    // snapshots used to be delivered before the caller's code after `await` could listen.
    const sub = await stream.subscribe({ channel: 'orderbook_delta', marketTickers: [KC, LV] });
    const books: string[] = [];
    sub.on('book', (u) => books.push(`${u.ticker} ${u.book.bestYesBid()?.price.toFixed(4)}`));
    const iterator = sub[Symbol.asyncIterator]();
    await exchange.streamRoundTrip();
    expect(books).toEqual([`${KC} 0.4500`, `${LV} 0.5200`]);
    expect((await iterator.next()).value?.ticker).toBe(KC);
    expect((await iterator.next()).value?.ticker).toBe(LV);
  });

  it('close() while connecting leaves no socket open', async () => {
    const connecting = stream.connect().catch((e: unknown) => e);
    await stream.close();
    const error = await connecting;
    expect((error as Error).name).toBe('KalshiStreamClosedError');
    await exchange.streamRoundTrip();
    expect(exchange.streamConnections).toBe(0);
  });
});
