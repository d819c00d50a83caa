// Worker of bench/stream-lag.ts: the ticker feed on its own thread, so it keeps its rate (and
// stamps each message with the time it really sent it) however busy the recorder's thread is.
// Messages from the parent: `{ seconds }` runs a phase at the rate and answers `done`; `{}` ends.
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeTickerFeed } from '@precog/kalshi-client/testing';

const { tickers, ratePerSecond } = workerData as { tickers: string[]; ratePerSecond: number };
const port = parentPort;
if (!port) throw new Error('stream-lag-feed runs as a worker');
const parent = port;

const cents = (n: number) => (n / 100).toFixed(4);
const feed = await startFakeTickerFeed();
const last: Record<string, { yesBid: string; yesAsk: string }> = {};
let k = 0;

/** Sends `seconds` of updates at the rate (every 5 ms, what the schedule says is due), then reports. */
function run(seconds: number): void {
  const first = k;
  const total = first + ratePerSecond * seconds;
  const sentBefore = feed.sent;
  const start = performance.now();
  const tick = () => {
    const due = Math.min(total, first + Math.floor(((performance.now() - start) / 1000) * ratePerSecond));
    for (; k < due; k++) {
      const ticker = tickers[k % tickers.length] as string;
      // Each update of a market moves its bid by a cent: every update is a real change.
      const bid = 1 + (Math.floor(k / tickers.length) % 96);
      const prices = {
        yes_bid_dollars: cents(bid),
        yes_ask_dollars: cents(bid + 2),
        price_dollars: cents(bid + 1),
      };
      feed.publish(ticker, prices);
      last[ticker] = { yesBid: prices.yes_bid_dollars, yesAsk: prices.yes_ask_dollars };
    }
    if (k < total) setTimeout(tick, 5);
    else {
      const elapsed = (performance.now() - start) / 1000;
      parent.postMessage({ type: 'done', sent: feed.sent - sentBefore, elapsed, last });
    }
  };
  tick();
}

parent.on('message', (m: { seconds?: number }) => {
  if (m.seconds !== undefined) run(m.seconds);
  else void feed.close().then(() => process.exit(0));
});
parent.postMessage({ type: 'ready', wsUrl: feed.wsUrl });
