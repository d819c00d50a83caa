// Candlesticks on the fake exchange: live until the market settles before the cutoff, then only
// in the archive, each with Kalshi's field names for its side.
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KalshiClient } from '../client';
import { KalshiNotFoundError } from '../core/errors';
import { createFakeExchange, type FakeExchange, type FakeExchangeServer } from './index';

const T = 'KXBF-26MAY01-A';
const range = {
  start_ts: new Date('2026-05-01T00:00:00Z'),
  end_ts: new Date('2026-05-01T03:00:00Z'),
  period_interval: 60,
} as const;

describe('fake exchange candlesticks', () => {
  let exchange: FakeExchange;
  let server: FakeExchangeServer;
  let client: KalshiClient;
  beforeAll(async () => {
    exchange = createFakeExchange({
      markets: [{ ticker: T, eventTicker: 'KXBF-26MAY01', yesBid: '0.40', yesAsk: '0.42' }],
    });
    exchange.setCandlesticks(T, [
      {
        end: Date.parse('2026-05-01T02:00:00Z'),
        yesBid: '0.45',
        yesAsk: '0.47',
        price: '0.46',
        volume: 12,
        openInterest: 8,
      },
      { end: Date.parse('2026-05-01T01:00:00Z'), yesBid: '0.40', yesAsk: '0.42', volume: 3 },
      { end: Date.parse('2026-05-01T05:00:00Z'), yesBid: '0.50', yesAsk: '0.52' },
    ]);
    server = await exchange.listen();
    client = new KalshiClient({ baseUrl: server.url, maxRetries: 0, circuitBreaker: false });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the candles in the range, in time order, live and then archived', async () => {
    const live = await client.markets.getCandlesticks('KXBF', T, range);
    expect(
      live.map((c) => [
        c.end_period_ts.toISOString(),
        c.yes_bid?.close_dollars?.toFixed(),
        c.yes_ask?.close_dollars?.toFixed(),
        c.price?.close_dollars?.toFixed() ?? null,
        c.volume_fp?.toFixed(),
      ]),
    ).toEqual([
      ['2026-05-01T01:00:00.000Z', '0.4', '0.42', null, '3'],
      ['2026-05-01T02:00:00.000Z', '0.45', '0.47', '0.46', '12'],
    ]);
    const notYet = await client.historical.getMarketCandlesticks(T, range).catch((e: unknown) => e);
    expect(notYet).toBeInstanceOf(KalshiNotFoundError);

    exchange.settle(T, 'yes');
    exchange.setHistoricalCutoff({ marketSettled: Date.now() + 1000 });
    const archived = await client.historical.getMarketCandlesticks(T, range);
    expect(
      archived.map((c) => [
        c.yes_bid?.close?.toFixed(),
        c.volume?.toFixed(),
        c.open_interest?.toFixed() ?? null,
      ]),
    ).toEqual([
      ['0.4', '3', null],
      ['0.45', '12', '8'],
    ]);
    expect(archived[1]?.open_interest).toEqual(new Decimal(8));
    const gone = await client.markets.getCandlesticks('KXBF', T, range).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(KalshiNotFoundError);
  });
});
