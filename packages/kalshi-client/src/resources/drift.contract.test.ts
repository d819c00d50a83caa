import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, rsaKeys } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiResponseValidationError } from '../core/errors';
import { KalshiInvalidItemError } from '../core/invalid-items';

const BASE = 'https://external-api.demo.kalshi.co/trade-api/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(): KalshiClient {
  return new KalshiClient({ apiKeyId: 'key-123', privateKey: rsaKeys().privateKey, maxRetries: 0 });
}

function answer(path: string, body: unknown): void {
  server.use(http.get(`${BASE}${path}`, () => HttpResponse.json(body as object)));
}

type Fills = { cursor: string; fills: Record<string, unknown>[] };

describe('drifted bodies', () => {
  it('reads a balance without the integer-cent twin from balance_dollars', async () => {
    answer('/portfolio/balance', { balance_dollars: '98.018612', updated_ts: 1781159348 });
    const balance = await client().portfolio.getBalance();
    expect(balance.balance.toString()).toBe('98.018612');
    expect(balance.balance_cents).toBeUndefined();
  });

  it('refuses a balance with neither twin', async () => {
    answer('/portfolio/balance', { updated_ts: 1781159348 });
    await expect(client().portfolio.getBalance()).rejects.toBeInstanceOf(KalshiResponseValidationError);
  });

  it('reads a fill without created_time, with unknown fields and null optionals', async () => {
    const body = fixture<Fills>('fills_page1');
    const { created_time: _, ...first } = body.fills[0] ?? {};
    body.fills[0] = { ...first, brand_new_field: { x: 1 }, trade_id: null, is_taker: null };
    answer('/portfolio/fills', body);
    const page = await client().portfolio.getFills();
    expect(page.items[0]?.created_time).toBeUndefined();
    expect(page.items[0]?.ts).toEqual(new Date(1795543331 * 1000));
    expect(page.items[0]?.trade_id).toBeUndefined();
  });

  it('reads a market whose price_ranges is null as no bands', async () => {
    const body = fixture<{ market: Record<string, unknown> }>('market_single');
    body.market.price_ranges = null;
    answer('/markets/KXNFLGAME-26NOV29KCDEN-KC', body);
    expect((await client().markets.get('KXNFLGAME-26NOV29KCDEN-KC')).price_ranges).toEqual([]);
  });

  it('reads a settlement that carries revenue_dollars instead of integer revenue', async () => {
    const body = fixture<{ settlements: Record<string, unknown>[] }>('settlements');
    const { revenue: _, value: __, ...rest } = body.settlements[0] ?? {};
    body.settlements = [{ ...rest, revenue_dollars: '3.000000' }];
    answer('/portfolio/settlements', body);
    const page = await client().portfolio.getSettlements();
    expect(page.items[0]?.revenue_dollars.toString()).toBe('3');
    expect(page.items[0]?.revenue?.toString()).toBe('300');
  });
});

describe('a malformed item in the middle of a page', () => {
  function pageWithBadMiddle(): Fills {
    const body = fixture<Fills>('fills_page1');
    const [a, b] = body.fills;
    const bad = { ...a, fill_id: 'f-bad-34', trade_id: 'f-bad-34', yes_price_dollars: 'sixty-one cents' };
    body.fills = [a ?? {}, bad, b ?? {}];
    return body;
  }

  it('rejects with KalshiInvalidItemError naming the fill by its id', async () => {
    answer('/portfolio/fills', pageWithBadMiddle());
    const error = await client()
      .portfolio.getFills()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(KalshiInvalidItemError.isInstance(error)).toBe(true);
    expect(KalshiResponseValidationError.isInstance(error)).toBe(true);
    const invalid = error as KalshiInvalidItemError;
    expect(invalid.item.id).toBe('f-bad-34');
    expect(invalid.item.index).toBe(1);
    expect(invalid.item.path).toBe('yes_price_dollars');
    expect(invalid.message).toContain('fill f-bad-34 (item 1) at yes_price_dollars');
    expect(invalid.issuePath).toEqual([1, 'yes_price_dollars']);
  });

  it("hands back the good items and the bad one with invalidItems: 'collect'", async () => {
    answer('/portfolio/fills', { ...pageWithBadMiddle(), cursor: '' });
    const page = await client().portfolio.getFills({}, { invalidItems: 'collect' });
    expect(page.items.map((f) => f.fill_id)).toEqual([
      'c0ffee01-5b00-4c6a-9e7d-2b1f3a4c5d6e',
      'c0ffee02-5b00-4c6a-9e7d-2b1f3a4c5d6e',
    ]);
    expect(page.invalidItems).toHaveLength(1);
    expect(page.invalidItems[0]).toMatchObject({
      kind: 'fill',
      id: 'f-bad-34',
      index: 1,
      path: 'yes_price_dollars',
    });
    expect(page.invalidItems[0]?.raw).toMatchObject({ yes_price_dollars: 'sixty-one cents' });
  });

  it('names a market without a ticker as one without an id', async () => {
    answer('/markets', { cursor: '', markets: [{ event_ticker: 'E', status: 'active' }] });
    const page = await client().markets.list({}, { invalidItems: 'collect' });
    expect(page.items).toEqual([]);
    expect(page.invalidItems[0]).toMatchObject({ kind: 'market', id: undefined, path: 'ticker' });
  });
});

describe('exchange.getUserDataTimestamp', () => {
  it('reads as_of_time as a Date', async () => {
    answer('/exchange/user_data_timestamp', { as_of_time: '2026-12-06T17:45:02.123Z' });
    expect(await client().exchange.getUserDataTimestamp()).toEqual(new Date('2026-12-06T17:45:02.123Z'));
  });
});
