import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();

describe('subaccounts', () => {
  contract('createSubaccount', 'creates the next subaccount and returns its number', async () => {
    const seen = route('post', '/portfolio/subaccounts', { subaccount_number: 3 }, 201);
    expect(await client().subaccounts.create()).toBe(3);
    expect(seen[0]?.body).toEqual({});
  });

  contract('getSubaccountBalances', 'reads each balance as a Decimal of dollars', async () => {
    route('get', '/portfolio/subaccounts/balances', {
      subaccount_balances: [
        { subaccount_number: 0, exchange_index: 0, balance: '512.340000', updated_ts: 1781161200 },
        { subaccount_number: 2, exchange_index: 0, balance: '0.067830', updated_ts: 1781161260 },
      ],
    });
    const balances = await client().subaccounts.getBalances();
    expect(
      balances.map((b) => [b.subaccount_number, b.balance.toString(), b.updated_ts?.toISOString()]),
    ).toEqual([
      [0, '512.34', '2026-06-11T07:00:00.000Z'],
      [2, '0.06783', '2026-06-11T07:01:00.000Z'],
    ]);
  });

  contract(
    'applySubaccountTransfer',
    'sends whole cents from a dollar amount, with the client id',
    async () => {
      const seen = route('post', '/portfolio/subaccounts/transfer', {});
      await client().subaccounts.transfer({
        client_transfer_id: 'move-1',
        from_subaccount: 0,
        to_subaccount: 2,
        amount: '25.50',
      });
      expect(seen[0]?.body).toEqual({
        client_transfer_id: 'move-1',
        from_subaccount: 0,
        to_subaccount: 2,
        amount_cents: 2550,
      });
    },
  );

  contract('applySubaccountTransfer', 'refuses a fraction of a cent before sending', async () => {
    await expect(
      client().subaccounts.transfer({
        client_transfer_id: 'move-2',
        from_subaccount: 0,
        to_subaccount: 2,
        amount: new Decimal('0.005'),
      }),
    ).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });

  contract('getSubaccountTransfers', 'reads a page of transfers with the dollar amount', async () => {
    const seen = route('get', '/portfolio/subaccounts/transfers', {
      transfers: [
        {
          transfer_id: 't-1',
          from_subaccount: 0,
          to_subaccount: 2,
          amount_cents: 2550,
          created_ts: 1781161200,
          exchange_index: 0,
        },
      ],
      cursor: '',
    });
    const page = await client().subaccounts.listTransfers({ limit: 10 });
    expect(seen[0]?.query.get('limit')).toBe('10');
    expect(page.items[0]?.amount.toFixed(2)).toBe('25.50');
    expect(page.items[0]?.created_ts).toEqual(new Date(1781161200 * 1000));
  });

  contract('getSubaccountNetting', 'reads the netting settings', async () => {
    route('get', '/portfolio/subaccounts/netting', {
      netting_configs: [{ subaccount_number: 1, enabled: true, exchange_index: 0 }],
    });
    expect(await client().subaccounts.getNetting()).toEqual([
      { subaccount_number: 1, enabled: true, exchange_index: 0 },
    ]);
  });

  contract('updateSubaccountNetting', 'PUTs the setting of one subaccount', async () => {
    const seen = route('put', '/portfolio/subaccounts/netting', undefined, 204);
    await client().subaccounts.updateNetting({ subaccount_number: 1, enabled: false });
    expect(seen[0]?.body).toEqual({ subaccount_number: 1, enabled: false });
  });
});

describe('batch market reads and freshness', () => {
  contract('getMarketOrderbooks', 'reads several books, tickers comma-joined', async () => {
    const seen = route('get', '/markets/orderbooks', {
      orderbooks: [
        {
          ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
          orderbook_fp: { yes_dollars: [['0.6000', '50.00']], no_dollars: null },
        },
      ],
    });
    const books = await client().markets.getOrderbooks([
      'KXNFLGAME-26NOV29KCDEN-KC',
      'KXNFLGAME-26NOV29KCDEN-DEN',
    ]);
    expect(seen[0]?.query.get('tickers')).toBe('KXNFLGAME-26NOV29KCDEN-KC,KXNFLGAME-26NOV29KCDEN-DEN');
    expect(books).toEqual([
      {
        ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        orderbook: { yes_dollars: [{ price: new Decimal('0.6'), count: new Decimal(50) }], no_dollars: [] },
      },
    ]);
    await expect(client().markets.getOrderbooks([])).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });

  contract(
    'batchGetMarketCandlesticks',
    'reads candlesticks of several markets, times in Unix seconds',
    async () => {
      const seen = route('get', '/markets/candlesticks', {
        markets: [
          {
            market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
            candlesticks: [
              { end_period_ts: 1781161200, price: { close_dollars: '0.5200' }, volume_fp: '3.00' },
            ],
          },
        ],
      });
      const markets = await client().markets.getCandlesticksBatch({
        market_tickers: ['KXNFLGAME-26NOV29KCDEN-KC'],
        start_ts: new Date(1781157600 * 1000),
        end_ts: 1781161200,
        period_interval: 60,
      });
      expect(seen[0]?.query.toString()).toBe(
        'market_tickers=KXNFLGAME-26NOV29KCDEN-KC&start_ts=1781157600&end_ts=1781161200&period_interval=60',
      );
      expect(markets[0]?.candlesticks[0]?.price?.close_dollars?.toFixed(4)).toBe('0.5200');
      expect(markets[0]?.candlesticks[0]?.end_period_ts).toEqual(new Date(1781161200 * 1000));
    },
  );

  contract('getUserDataTimestamp', 'reads how fresh portfolio data is as a Date', async () => {
    route('get', '/exchange/user_data_timestamp', { as_of_time: '2026-11-29T21:30:05.123Z' });
    expect(await client().exchange.getUserDataTimestamp()).toEqual(new Date('2026-11-29T21:30:05.123Z'));
  });
});
