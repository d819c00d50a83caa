import type { FillUpdate, KalshiStream } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { startExchange, type TestExchange } from '../sync/__fixtures__/harness';
import { syncFills } from '../sync/fills';
import { fillRow } from '../sync/mapping';
import { restFillOf, storeStreamFills } from './stream-fills';

const TICKER = 'KXNFLGAME-26NOV29KCLV-KC';
const SCOPE = { platformId: 'kalshi', subaccount: 0 };

describe('storeStreamFills', () => {
  let ex: TestExchange;
  let store: Store;
  let stream: KalshiStream;

  beforeEach(async () => {
    ex = await startExchange({
      markets: [{ ticker: TICKER, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.45', yesAsk: '0.47' }],
      balance: '100',
      rateLimit: false,
    });
    store = await pgliteStore();
    stream = ex.client.stream();
  });
  afterEach(async () => {
    await stream.close();
    await ex.close();
    await store.close();
  });

  /** Buys on the exchange and returns the `fill` message the stream delivered for it. */
  async function streamedFill(count: string): Promise<FillUpdate> {
    const sub = await stream.subscribe({ channel: 'fill' });
    const got = new Promise<FillUpdate>((resolve) => sub.once('message', (m) => resolve(m.msg)));
    await ex.client.orders.create({
      ticker: TICKER,
      side: 'bid',
      count,
      price: '0.47',
      time_in_force: 'immediate_or_cancel',
    });
    return got;
  }

  it('maps a fill message to the row the REST sync stores for the same fill', async () => {
    const message = await streamedFill('4');
    await syncFills(ex.client, store);
    const [stored] = await store.trades.current();
    const row = fillRow(restFillOf(message), SCOPE);
    expect(row).toMatchObject({
      externalTradeId: stored?.externalTradeId,
      orderId: stored?.orderId,
      ticker: TICKER,
      side: stored?.side,
      action: stored?.action,
      isTaker: stored?.isTaker,
    });
    expect(new Decimal(row.price as Decimal.Value).toFixed(6)).toBe(stored?.price.toFixed(6));
    expect(new Decimal(row.quantity as Decimal.Value).toFixed(2)).toBe('4.00');
    expect(new Decimal(row.fees as Decimal.Value).toFixed(6)).toBe(stored?.fees.toFixed(6));
  });

  it('counts a fill the REST sync stored first as a duplicate, and a changed fee as a correction', async () => {
    const message = await streamedFill('2');
    expect(await syncFills(ex.client, store)).toMatchObject({ inserted: 1, duplicates: 0 });
    expect(await storeStreamFills(store, [message], SCOPE)).toEqual({
      inserted: 0,
      duplicates: 1,
      corrections: [],
      invalid: 0,
    });
    const corrected = await storeStreamFills(store, [{ ...message, fee_cost: new Decimal('0.5') }], SCOPE);
    expect(corrected).toMatchObject({ inserted: 0, duplicates: 0, invalid: 0 });
    expect(corrected.corrections.map((c) => c.externalTradeId)).toEqual([message.fill_id]);
    const trades = await store.trades.current();
    expect(trades).toHaveLength(1);
    expect(trades[0]?.fees.toFixed(6)).toBe('0.500000');
  });

  it('keeps aside a fill the store cannot hold, naming it, and stores the others', async () => {
    const message = await streamedFill('1');
    const bad = {
      ...message,
      fill_id: 'bad-fill',
      trade_id: 'bad-fill',
      yes_price_dollars: new Decimal('0.1234567'),
    };
    expect(await storeStreamFills(store, [bad, message], SCOPE)).toEqual({
      inserted: 1,
      duplicates: 0,
      corrections: [],
      invalid: 1,
    });
    const errors = await store.query<{ stream: string; item_id: string }>(
      'SELECT stream, item_id FROM ingest_errors',
    );
    expect(errors.rows).toEqual([{ stream: 'fills:stream', item_id: 'bad-fill' }]);
  });
});
