import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();
const COLLECTION = {
  collection_ticker: 'KXMVENFLSGP-26',
  series_ticker: 'KXMVENFLSGP',
  exchange_index: 0,
  title: 'NFL same-game parlays',
  description: 'Combine outcomes of one NFL game',
  open_date: '2026-09-01T00:00:00Z',
  close_date: '2027-02-15T00:00:00Z',
  associated_events: [
    {
      ticker: 'KXNFLGAME-26NOV29KCDEN',
      is_yes_only: false,
      size_min: null,
      size_max: 1,
      active_quoters: ['mm-1'],
    },
  ],
  associated_event_tickers: ['KXNFLGAME-26NOV29KCDEN'],
  is_ordered: false,
  is_single_market_per_event: true,
  is_all_yes: false,
  size_min: 2,
  size_max: 6,
  functional_description: 'One market per selection of legs',
  new_field: { ignored: true },
};
const PARSED = {
  collection_ticker: 'KXMVENFLSGP-26',
  series_ticker: 'KXMVENFLSGP',
  exchange_index: 0,
  title: 'NFL same-game parlays',
  description: 'Combine outcomes of one NFL game',
  open_date: new Date('2026-09-01T00:00:00Z'),
  close_date: new Date('2027-02-15T00:00:00Z'),
  associated_events: [
    {
      ticker: 'KXNFLGAME-26NOV29KCDEN',
      is_yes_only: false,
      size_min: undefined,
      size_max: 1,
      active_quoters: ['mm-1'],
    },
  ],
  associated_event_tickers: ['KXNFLGAME-26NOV29KCDEN'],
  is_ordered: false,
  is_single_market_per_event: true,
  is_all_yes: false,
  size_min: 2,
  size_max: 6,
  functional_description: 'One market per selection of legs',
};

describe('multivariate collections', () => {
  contract(
    'getMultivariateEventCollections',
    'lists a page with Date bounds, bad items set aside',
    async () => {
      const seen = route('get', '/multivariate_event_collections', {
        multivariate_contracts: [COLLECTION, { collection_ticker: 'KXMVEBROKEN', open_date: 'soon' }],
        cursor: 'mve-2',
      });
      const page = await client().multivariate.list(
        { status: 'open', series_ticker: 'KXMVENFLSGP', limit: 200 },
        { invalidItems: 'collect' },
      );
      expect(seen[0]?.method).toBe('GET');
      expect(seen[0]?.query.toString()).toBe('status=open&series_ticker=KXMVENFLSGP&limit=200');
      expect(page.cursor).toBe('mve-2');
      expect(page.items).toEqual([PARSED]);
      expect(page.invalidItems.map((i) => [i.kind, i.id, i.path])).toEqual([
        ['multivariate collection', 'KXMVEBROKEN', 'open_date'],
      ]);
      await expect(client().multivariate.list({ limit: 201 })).rejects.toBeInstanceOf(
        KalshiInvalidParamsError,
      );
    },
  );

  contract('getMultivariateEventCollection', 'reads one collection', async () => {
    const seen = route('get', '/multivariate_event_collections/KXMVENFLSGP-26', {
      multivariate_contract: COLLECTION,
    });
    expect(await client().multivariate.get('KXMVENFLSGP-26')).toEqual(PARSED);
    expect(seen[0]?.path).toBe('/trade-api/v2/multivariate_event_collections/KXMVENFLSGP-26');
  });

  contract('createMarketInMultivariateEventCollection', 'POSTs the legs, reads the market', async () => {
    const market = {
      ...fixture<{ market: Record<string, unknown> }>('market_single').market,
      ticker: 'KXMVENFLSGP-26-A1B2-C3D4',
      event_ticker: 'KXMVENFLSGP-26-A1B2',
      mve_collection_ticker: 'KXMVENFLSGP-26',
    };
    const seen = route('post', '/multivariate_event_collections/KXMVENFLSGP-26', {
      event_ticker: 'KXMVENFLSGP-26-A1B2',
      market_ticker: 'KXMVENFLSGP-26-A1B2-C3D4',
      market,
    });
    const legs = [
      {
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        event_ticker: 'KXNFLGAME-26NOV29KCDEN',
        side: 'yes' as const,
      },
      {
        market_ticker: 'KXNFLSPREAD-26NOV29KCDEN-KC3',
        event_ticker: 'KXNFLSPREAD-26NOV29KCDEN',
        side: 'no' as const,
      },
    ];
    const result = await client().multivariate.createMarket('KXMVENFLSGP-26', {
      selected_markets: legs,
      with_market_payload: true,
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toEqual({ selected_markets: legs, with_market_payload: true });
    expect(result.event_ticker).toBe('KXMVENFLSGP-26-A1B2');
    expect(result.market_ticker).toBe('KXMVENFLSGP-26-A1B2-C3D4');
    expect(result.market?.ticker).toBe('KXMVENFLSGP-26-A1B2-C3D4');
    expect(result.market?.event_ticker).toBe('KXMVENFLSGP-26-A1B2');
    expect(result.market?.yes_bid_dollars).toEqual(new Decimal('0.6'));
  });

  contract(
    'createMarketInMultivariateEventCollection',
    'refuses no legs or a bad side before sending',
    async () => {
      const seen = route('post', '/multivariate_event_collections/KXMVENFLSGP-26', {});
      await expect(
        client().multivariate.createMarket('KXMVENFLSGP-26', { selected_markets: [] }),
      ).rejects.toThrow('multivariate.createMarket: selected_markets: needs at least one market');
      await expect(
        client().multivariate.createMarket('KXMVENFLSGP-26', {
          selected_markets: [{ market_ticker: 'A', event_ticker: 'B', side: 'maybe' as 'yes' }],
        }),
      ).rejects.toBeInstanceOf(KalshiInvalidParamsError);
      await expect(
        client().multivariate.createMarket('', {
          selected_markets: [{ market_ticker: 'A', event_ticker: 'B', side: 'yes' }],
        }),
      ).rejects.toThrow('multivariate.createMarket needs a collection ticker');
      expect(seen).toEqual([]);
    },
  );
});
