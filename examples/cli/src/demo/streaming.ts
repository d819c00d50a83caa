// The demo's streaming part: the market recorder on the fake exchange's WebSocket while one
// market's prices move, the local book after each move, then the recorder's summary.
import type { KalshiClient, KalshiStream } from '@precog/kalshi-client';
import type { FakeExchange } from '@precog/kalshi-client/testing';
import { createMarketRecorder } from '@precog/managers';
import type { Store } from '@precog/scd2-store';

function bookLine(stream: KalshiStream, ticker: string): string {
  const book = stream.books.get(ticker);
  const bid = book?.bestYesBid();
  const ask = book?.bestYesAsk();
  const side = (l: typeof bid) => (l ? `${l.price.toFixed(4)} x ${l.size.toFixed(2)}` : '-');
  return `  ${ticker}  YES bid ${side(bid)}  ask ${side(ask)}${book?.stale ? '  STALE' : ''}`;
}

/** Records `ticker` through the stream while its prices move three times; returns the lines to print. */
export async function recordWhilePricesMove(
  client: KalshiClient,
  exchange: FakeExchange,
  store: Store,
  ticker: string,
): Promise<string[]> {
  const lines: string[] = [];
  const stream = client.stream();
  try {
    // The demo writes a batch after each move itself (`flush`), so the story prints the same
    // counts on every run; left alone, the recorder writes a batch within `flushIntervalMs`.
    const recorder = createMarketRecorder({
      store,
      stream,
      client,
      tickers: [ticker],
      flushIntervalMs: 1000,
    });
    await recorder.start();
    // One round trip on the socket: every frame sent before it has been handled.
    const settle = async () => {
      await stream.listSubscriptions();
      await recorder.flush();
    };
    await settle();
    lines.push(bookLine(stream, ticker));
    for (const move of ['0.01', '0.01', '-0.03']) {
      exchange.movePrices(ticker, move);
      await settle();
      lines.push(bookLine(stream, ticker));
    }
    // A new size at the same prices: the book changes, the market's prices do not.
    const bid = stream.books.get(ticker)?.bestYesBid();
    exchange.setPrices(ticker, { yesBidSize: bid ? bid.size.plus(5).toString() : '5' });
    await settle();
    const s = await recorder.stop();
    lines.push(
      `  recorder: ${s.versions} market versions in ${s.batches} batches from ${s.updates} updates (${s.identical} changed no price, ${s.coalesced} coalesced); lag p50 ${s.lag.p50Ms} ms, max ${s.lag.maxMs} ms`,
    );
    const history = await store.markets.history({ ticker });
    lines.push(`  ${ticker} now has ${history.length} versions`);
  } finally {
    await stream.close();
  }
  return lines;
}
