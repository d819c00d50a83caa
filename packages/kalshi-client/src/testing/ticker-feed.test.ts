import { afterEach, describe, expect, it } from 'vitest';
import { KalshiStream } from '../streaming/stream';
import { type FakeTickerFeed, startFakeTickerFeed } from './ticker-feed';

let feed: FakeTickerFeed | undefined;
let stream: KalshiStream | undefined;
afterEach(async () => {
  await stream?.close();
  await feed?.close();
});

describe('startFakeTickerFeed', () => {
  it('sends the ticker messages it is given to the subscribers of their market, stamped with the send time', async () => {
    feed = await startFakeTickerFeed();
    stream = new KalshiStream({ url: feed.wsUrl });
    const sub = await stream.subscribe({ channel: 'ticker', marketTickers: ['A'] });
    const got: Array<{ ticker: string; bid: string | undefined; at: number | undefined }> = [];
    sub.on('message', (m) =>
      got.push({
        ticker: m.msg.market_ticker,
        bid: m.msg.yes_bid_dollars?.toFixed(4),
        at: m.msg.time?.getTime(),
      }),
    );
    const at = feed.publish('A', { yes_bid_dollars: '0.4500', yes_ask_dollars: '0.4700' });
    feed.publish('B', { yes_bid_dollars: '0.1000' });
    expect(await stream.listSubscriptions()).toEqual([{ channel: 'ticker', sid: sub.sid }]);
    expect(got).toEqual([{ ticker: 'A', bid: '0.4500', at }]);
    expect(feed.sent).toBe(1);
    expect(feed.subscriptions).toBe(1);
    await sub.unsubscribe();
    expect(feed.subscriptions).toBe(0);
  });
});
