// Resting-order tracking from the `user_orders` stream of the fake exchange: fills applied from
// pushed updates without polling, and a reconnect → "reconcile" → a REST re-read.
import type { KalshiStream } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { startExchange, type TestExchange } from '../execution/__fixtures__/exchange';
import { snapshotFromMarket } from '../execution/market-snapshot';
import { exitConfig } from '../exits/rules';
import type { MarketSnapshot } from '../types';
import type { Strategy, StrategyIntent } from './strategy';
import { TradingEngine } from './trading-engine';

const T = 'KXNFLGAME-26NOV29KCLV-KC';
const QUIET = exitConfig({
  stopLossPct: null,
  profitTargetPct: null,
  earlyExitEdge: null,
  edgeDisappearedBelow: null,
});

/** Bids 10 YES at 0.55 once (inside the 0.54/0.56 spread: it rests). */
class RestingBid implements Strategy {
  readonly name = 'streamed';
  readonly version = '1.0';
  readonly exits = QUIET;
  private sent = false;
  onMarket(market: MarketSnapshot): readonly StrategyIntent[] {
    if (this.sent) return [];
    this.sent = true;
    const limitPrice = new Decimal('0.55');
    return [
      {
        kind: 'enter',
        ticker: market.ticker,
        side: 'yes',
        count: new Decimal(10),
        limitPrice,
        reason: 'test',
      },
    ];
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('TradingEngine order tracking from the user_orders stream (fake exchange)', () => {
  let store: Store;
  let ex: TestExchange;
  let stream: KalshiStream;

  beforeEach(async () => {
    store = await pgliteStore();
    ex = await startExchange({
      markets: [
        {
          ticker: T,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.54',
          yesAsk: '0.56',
          yesBidSize: 100,
          yesAskSize: 100,
          volume: 5000,
        },
      ],
    });
    stream = ex.client.stream({ reconnect: { initialDelayMs: 5, maxDelayMs: 20 } });
  });
  afterEach(async () => {
    await stream.close();
    await ex.close();
    await store.close();
  });

  const listOrderCalls = () =>
    ex.exchange.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/portfolio/orders')).length;
  const held = async (engine: TradingEngine) =>
    (await engine.positions.open()).map((s) => s.position.quantity.toString());

  it('applies a fill pushed on user_orders without polling, and re-reads over REST after a reconnect', async () => {
    const engine = await TradingEngine.start({
      client: ex.client,
      store,
      strategy: new RestingBid(),
      probability: () => null,
      bankroll: new Decimal(1000),
      sleep: async () => undefined,
      stream,
    });
    const feed = engine.orderUpdates;
    if (feed === null) throw new Error('no order feed');
    const now = Date.now();
    await engine.cycle([snapshotFromMarket(await ex.client.markets.get(T), now)], now);
    expect(engine.orders.resting(T).map((o) => o.remaining.toString())).toEqual(['10']);
    await until(() => feed.queued >= 1, 'the placed order on user_orders');
    await engine.cycle([], Date.now());

    // The ask comes down to the bid: the exchange fills it and pushes the update.
    ex.exchange.setPrices(T, { yesAsk: '0.55', yesAskSize: 4 });
    await until(() => feed.queued >= 1, 'the fill on user_orders');
    const polls = listOrderCalls();
    await engine.cycle([], Date.now());
    expect(listOrderCalls()).toBe(polls); // no poll: the pushed update did it
    expect(await held(engine)).toEqual(['4']);
    expect(engine.orders.resting(T).map((o) => o.remaining.toString())).toEqual(['6']);

    // The connection drops: the stream reconnects and asks for a reconcile; the next cycle
    // re-reads the resting orders over REST, and the fill made meanwhile is applied.
    ex.exchange.injectStreamFault('drop-connection');
    await until(() => feed.reconciles === 1, 'the reconcile after the reconnect');
    ex.exchange.setPrices(T, { yesAsk: '0.55', yesAskSize: 6 });
    await engine.cycle([], Date.now());
    expect(listOrderCalls()).toBe(polls + 1);
    expect(await held(engine)).toEqual(['10']);
    expect(engine.orders.resting(T)).toEqual([]);
    const intents = await store.query<{ status: string; filled_count: string }>(
      'SELECT status, filled_count::text FROM order_intents',
    );
    expect(intents.rows).toEqual([{ status: 'done', filled_count: '10' }]);
    await engine.stop();
  });
});
