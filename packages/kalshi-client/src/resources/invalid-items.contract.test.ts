import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import type { KalshiClient } from '../client';
import { KalshiResponseValidationError } from '../core/errors';
import { KalshiInvalidItemError } from '../core/invalid-items';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';

const { route, client } = contractServer();

type Item = Record<string, unknown>;

/** One communications list: its route, its fixture, and a way to spoil one of its items. */
interface Case {
  operationId: string;
  path: string;
  fixture: string;
  field: string;
  kind: string;
  badId: string;
  spoil: Item;
  call: (c: KalshiClient, options?: ListOptions) => PagePromise<{ id: string }>;
}

const cases: Case[] = [
  {
    operationId: 'getRFQs',
    path: '/communications/rfqs',
    fixture: 'communications_rfqs',
    field: 'rfqs',
    kind: 'rfq',
    badId: 'rfq-bad-1',
    spoil: { contracts_fp: 'two hundred fifty' },
    call: (c, options) => c.communications.listRfqs({}, options),
  },
  {
    operationId: 'getQuotes',
    path: '/communications/quotes',
    fixture: 'communications_quotes',
    field: 'quotes',
    kind: 'quote',
    badId: 'quote-bad-1',
    spoil: { yes_bid_dollars: 'fifty cents' },
    call: (c, options) => c.communications.listQuotes({}, options),
  },
  {
    operationId: 'getBlockTradeProposals',
    path: '/communications/block-trade-proposals',
    fixture: 'communications_block_trade_proposals',
    field: 'block_trade_proposals',
    kind: 'block trade proposal',
    badId: 'btp-bad-1',
    spoil: { price_centi_cents: '5150' },
    call: (c, options) => c.communications.listBlockTradeProposals({}, options),
  },
];

/** The fixture page with a malformed copy of its first item between its two good ones. */
function pageWithBadMiddle(c: Case): { body: Item; goodIds: string[] } {
  const body = fixture<Item>(c.fixture);
  const [first, second] = body[c.field] as [Item, Item];
  body[c.field] = [first, { ...first, id: c.badId, ...c.spoil }, second];
  return { body, goodIds: [first.id as string, second.id as string] };
}

describe('communications lists: a malformed item in the middle of a page', () => {
  for (const c of cases) {
    const [spoiled] = Object.keys(c.spoil);

    contract(
      c.operationId,
      `rejects with KalshiInvalidItemError naming the ${c.kind} by its id`,
      async () => {
        route('get', c.path, pageWithBadMiddle(c).body);
        const error = await c.call(client()).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(KalshiInvalidItemError.isInstance(error)).toBe(true);
        expect(KalshiResponseValidationError.isInstance(error)).toBe(true);
        const invalid = error as KalshiInvalidItemError;
        expect(invalid.item).toMatchObject({ kind: c.kind, id: c.badId, index: 1, path: spoiled });
        expect(invalid.invalidItems).toHaveLength(1);
        expect(invalid.message).toContain(
          `GET /trade-api/v2${c.path} returned a malformed ${c.kind} ${c.badId} (item 1) at ${spoiled}: `,
        );
        expect(invalid.issuePath).toEqual([1, spoiled]);
      },
    );

    contract(
      c.operationId,
      "hands back exactly the good items and the bad one with invalidItems: 'collect'",
      async () => {
        const { body, goodIds } = pageWithBadMiddle(c);
        route('get', c.path, body);
        const page = await c.call(client(), { invalidItems: 'collect' });
        expect(page.items.map((item) => item.id)).toEqual(goodIds);
        expect(page.invalidItems).toHaveLength(1);
        expect(page.invalidItems[0]).toMatchObject({ kind: c.kind, id: c.badId, index: 1, path: spoiled });
        expect(page.invalidItems[0]?.raw).toMatchObject({ id: c.badId, ...c.spoil });
      },
    );
  }
});

describe('events.listMultivariate: a malformed event in the middle of a page', () => {
  const page = {
    events: [
      { event_ticker: 'KXMVENFL-1', series_ticker: 'KXMVENFL' },
      { event_ticker: 'KXMVENFL-BAD', series_ticker: 42 },
      { event_ticker: 'KXMVENFL-3', series_ticker: 'KXMVENFL' },
    ],
    cursor: '',
  };

  contract('getMultivariateEvents', 'rejects with KalshiInvalidItemError naming the event', async () => {
    route('get', '/events/multivariate', page);
    const error = await client()
      .events.listMultivariate()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(KalshiInvalidItemError.isInstance(error)).toBe(true);
    const invalid = error as KalshiInvalidItemError;
    expect(invalid.item).toMatchObject({
      kind: 'event',
      id: 'KXMVENFL-BAD',
      index: 1,
      path: 'series_ticker',
    });
    expect(invalid.message).toContain(
      'GET /trade-api/v2/events/multivariate returned a malformed event KXMVENFL-BAD (item 1) at series_ticker: ',
    );
  });

  contract(
    'getMultivariateEvents',
    "hands back the good events and the bad one with invalidItems: 'collect'",
    async () => {
      route('get', '/events/multivariate', page);
      const result = await client().events.listMultivariate({}, { invalidItems: 'collect' });
      expect(result.items.map((e) => e.event_ticker)).toEqual(['KXMVENFL-1', 'KXMVENFL-3']);
      expect(result.invalidItems).toHaveLength(1);
      expect(result.invalidItems[0]).toMatchObject({ kind: 'event', id: 'KXMVENFL-BAD', index: 1 });
    },
  );
});
