import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import type { KalshiClient } from '../client';
import { KalshiInvalidParamsError, KalshiResponseValidationError } from '../core/errors';
import { KalshiInvalidItemError } from '../core/invalid-items';
import type { ListOptions } from '../core/list-options';
import type { PagePromise } from '../core/pagination';

const { route, client } = contractServer();

type Item = Record<string, unknown>;

/**
 * One list: its route, a page of two good items (a fixture, or `good`), the list's field, and a
 * way to spoil a copy of the first item.
 */
interface Case {
  operationId: string;
  path: string;
  fixture?: string;
  good?: [Item, Item];
  /** Extra fields of the page beside the list (the cursor). */
  rest?: Item;
  field: string;
  kind: string;
  /** The field naming an item (`id` unless told). */
  idField?: string;
  badId: string;
  spoil: Item;
  // biome-ignore lint/suspicious/noExplicitAny: each list has its own item type
  call: (c: KalshiClient, options?: ListOptions) => PagePromise<any>;
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
  {
    operationId: 'getMilestones',
    path: '/milestones',
    good: [
      { id: 'ms-1', category: 'Sports', start_date: '2026-11-29T21:25:00Z' },
      { id: 'ms-2', category: 'Sports', start_date: '2026-11-30T01:20:00Z' },
    ],
    field: 'milestones',
    kind: 'milestone',
    badId: 'ms-bad-1',
    spoil: { start_date: 'Sunday evening' },
    call: (c, options) => c.milestones.list({}, options),
  },
  {
    operationId: 'getSubaccountTransfers',
    path: '/portfolio/subaccounts/transfers',
    good: [
      { transfer_id: 't-1', from_subaccount: 0, to_subaccount: 2, amount_cents: 2500 },
      { transfer_id: 't-2', from_subaccount: 2, to_subaccount: 0, amount_cents: 100 },
    ],
    field: 'transfers',
    kind: 'subaccount transfer',
    idField: 'transfer_id',
    badId: 't-bad-1',
    spoil: { amount_cents: '25.00' },
    call: (c, options) => c.subaccounts.listTransfers({}, options),
  },
  {
    operationId: 'getDeposits',
    path: '/portfolio/deposits',
    good: [
      { id: 'd-1', status: 'applied', amount_cents: 50000 },
      { id: 'd-2', status: 'pending', amount_cents: 1000 },
    ],
    field: 'deposits',
    kind: 'deposit',
    badId: 'd-bad-1',
    spoil: { amount_cents: 500.5 },
    call: (c, options) => c.funding.listDeposits({}, options),
  },
  {
    operationId: 'getWithdrawals',
    path: '/portfolio/withdrawals',
    good: [
      { id: 'w-1', status: 'applied', amount_cents: 50000 },
      { id: 'w-2', status: 'pending', amount_cents: 1000 },
    ],
    field: 'withdrawals',
    kind: 'withdrawal',
    badId: 'w-bad-1',
    spoil: { amount_cents: null },
    call: (c, options) => c.funding.listWithdrawals({}, options),
  },
  {
    operationId: 'getIncentivePrograms',
    path: '/incentive_programs',
    good: [
      { id: 'ip-1', market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC' },
      { id: 'ip-2', market_ticker: 'KXNFLGAME-26NOV29KCDEN-DEN' },
    ],
    rest: { next_cursor: '' },
    field: 'incentive_programs',
    kind: 'incentive program',
    badId: 'ip-bad-1',
    spoil: { market_ticker: 7 },
    call: (c, options) => c.incentivePrograms.list({}, options),
  },
];

/** The page with a malformed copy of its first item between its two good ones. */
function pageWithBadMiddle(c: Case): { body: Item; goodIds: string[] } {
  const body = c.fixture ? fixture<Item>(c.fixture) : { ...c.rest, [c.field]: c.good };
  const idField = c.idField ?? 'id';
  const [first, second] = body[c.field] as [Item, Item];
  body[c.field] = [first, { ...first, [idField]: c.badId, ...c.spoil }, second];
  return { body, goodIds: [first[idField] as string, second[idField] as string] };
}

describe('lists once paged as a whole: a malformed item in the middle of a page', () => {
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
        expect(page.items.map((item: Item) => item[c.idField ?? 'id'])).toEqual(goodIds);
        expect(page.invalidItems).toHaveLength(1);
        expect(page.invalidItems[0]).toMatchObject({ kind: c.kind, id: c.badId, index: 1, path: spoiled });
        expect(page.invalidItems[0]?.raw).toMatchObject({ [c.idField ?? 'id']: c.badId, ...c.spoil });
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

describe('page size maxima of the spec, now checked before sending', () => {
  contract('getMilestones', 'refuses a page size over 500', async () => {
    const seen = route('get', '/milestones', { milestones: [], cursor: '' });
    const error = await client()
      .milestones.list({ limit: 501 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(KalshiInvalidParamsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('limit for /milestones must be an integer from 1 to 500, got 501');
    expect(seen).toHaveLength(0);
  });

  contract('getSubaccountTransfers', 'refuses a page size over 1000', async () => {
    const seen = route('get', '/portfolio/subaccounts/transfers', { transfers: [], cursor: '' });
    await expect(client().subaccounts.listTransfers({ limit: 1001 })).rejects.toThrow(
      'limit for /portfolio/subaccounts/transfers must be an integer from 1 to 1000, got 1001',
    );
    expect(seen).toHaveLength(0);
    await client().subaccounts.listTransfers({ limit: 1000 });
    expect(seen[0]?.query.toString()).toBe('limit=1000');
  });
});
