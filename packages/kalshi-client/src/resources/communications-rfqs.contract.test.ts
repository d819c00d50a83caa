import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError, KalshiServerError } from '../core/errors';

const { route, client } = contractServer();
const RFQ = '3f2a9c1e-6b4d-4e8a-9f21-7c5d0b8e4a13';
const MVE_RFQ = '8e1d4b7a-2c9f-4a35-b6e0-1f3c5d7a9b24';

describe('communications: id and RFQs', () => {
  contract('getCommunicationsID', 'reads the public communications id', async () => {
    const seen = route('get', '/communications/id', { communications_id: 'c0mm5-7e1d' });
    expect(await client().communications.getId()).toBe('c0mm5-7e1d');
    expect(seen.map((s) => [s.method, s.path, s.signed])).toEqual([
      ['GET', '/trade-api/v2/communications/id', true],
    ]);
  });

  contract('getRFQs', 'sends the filters and reads RFQs with Decimal sizes and Date times', async () => {
    const seen = route('get', '/communications/rfqs', fixture('communications_rfqs'));
    const page = await client().communications.listRfqs({
      limit: 100,
      event_ticker: 'KXNFLGAME-26NOV29KCDEN',
      subaccount: 2,
      status: 'open',
      user_filter: 'self',
    });
    expect(seen[0]?.query.toString()).toBe(
      'limit=100&event_ticker=KXNFLGAME-26NOV29KCDEN&subaccount=2&status=open&user_filter=self',
    );
    expect(page.cursor).toBe('CgwI0NuqxgYQ');
    expect(page.items.map((r) => r.id)).toEqual([RFQ, MVE_RFQ]);
    const [open, combo] = page.items;
    expect(open).toEqual({
      id: RFQ,
      creator_id: 'c0mm5-7e1d',
      market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
      contracts_fp: new Decimal('250'),
      target_cost_dollars: new Decimal('130'),
      target_cost_excludes_fees: false,
      status: 'open',
      created_ts: new Date('2026-11-29T20:00:00.000Z'),
      updated_ts: new Date('2026-11-29T20:00:00.250Z'),
      rest_remainder: false,
      cancellation_reason: undefined,
      creator_user_id: '5b0e2f4c-1d7a-4c93-8e6f-0a9b3d2c1e77',
      creator_subaccount: 2,
    });
    expect(open?.target_cost_dollars?.toString()).toBe('130');
    expect(combo?.contracts_fp.toFixed(2)).toBe('10.50');
    expect(combo?.target_cost_dollars).toBeUndefined();
  });

  contract('getRFQs', 'refuses a page size over 100 before sending', async () => {
    const seen = route('get', '/communications/rfqs', fixture('communications_rfqs'));
    await expect(client().communications.listRfqs({ limit: 101 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(0);
  });

  contract('getRFQ', 'reads one RFQ with its combo legs, a null settlement value as undefined', async () => {
    const seen = route('get', `/communications/rfqs/${MVE_RFQ}`, fixture('communications_rfq'));
    const rfq = await client().communications.getRfq(MVE_RFQ);
    expect(seen[0]?.path).toBe(`/trade-api/v2/communications/rfqs/${MVE_RFQ}`);
    expect(rfq.status).toBe('closed');
    expect(rfq.cancelled_ts?.toISOString()).toBe('2026-11-29T19:45:00.000Z');
    expect(rfq.cancellation_reason).toBe('user_cancelled');
    expect(rfq.mve_collection_ticker).toBe('KXMVENFLSINGLEGAME-S2026');
    expect(
      rfq.mve_selected_legs?.map((leg) => [
        leg.market_ticker,
        leg.side,
        leg.yes_settlement_value_dollars?.toString(),
      ]),
    ).toEqual([
      ['KXNFLGAME-26NOV29KCDEN-KC', 'yes', undefined],
      ['KXNFLTOTAL-26NOV29KCDEN-44', 'no', '1'],
    ]);
  });

  contract(
    'createRFQ',
    'sends contracts and target cost as fixed-point text and returns the id',
    async () => {
      const seen = route('post', '/communications/rfqs', { id: RFQ }, 201);
      const id = await client().communications.createRfq({
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        contracts: '250',
        target_cost: new Decimal('130.5'),
        rest_remainder: false,
        replace_existing: true,
        subaccount: 2,
      });
      expect(id).toBe(RFQ);
      expect(seen[0]?.method).toBe('POST');
      expect(seen[0]?.body).toEqual({
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        contracts_fp: '250.00',
        target_cost_dollars: '130.50',
        rest_remainder: false,
        replace_existing: true,
        subaccount: 2,
      });
    },
  );

  contract('createRFQ', 'sends a target cost alone, keeping its 4 decimals', async () => {
    const seen = route('post', '/communications/rfqs', { id: RFQ }, 201);
    await client().communications.createRfq({
      market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
      target_cost: '99.1234',
      target_cost_excludes_fees: true,
      rest_remainder: true,
    });
    expect(seen[0]?.body).toEqual({
      market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
      target_cost_dollars: '99.1234',
      target_cost_excludes_fees: true,
      rest_remainder: true,
    });
  });

  contract('createRFQ', 'refuses a size it cannot send exactly, before sending', async () => {
    const seen = route('post', '/communications/rfqs', { id: RFQ }, 201);
    const base = { market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC', rest_remainder: false };
    const refused = [
      { ...base },
      { ...base, contracts: '2.505' },
      { ...base, contracts: '0' },
      { ...base, target_cost: '10.00001' },
      { ...base, target_cost: '-5' },
      { ...base, contracts: '10', subaccount: 64 },
    ];
    for (const params of refused) {
      await expect(client().communications.createRfq(params)).rejects.toBeInstanceOf(
        KalshiInvalidParamsError,
      );
    }
    expect(seen).toHaveLength(0);
  });

  contract('createRFQ', 'is not retried after a 503 (no idempotency key)', async () => {
    const seen = route('post', '/communications/rfqs', { error: { code: 'service_unavailable' } }, 503);
    await expect(
      client({ maxRetries: 3 }).communications.createRfq({
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        contracts: '1',
        rest_remainder: false,
      }),
    ).rejects.toBeInstanceOf(KalshiServerError);
    expect(seen).toHaveLength(1);
  });

  contract('deleteRFQ', 'deletes by id (204), once, and refuses an empty id', async () => {
    const seen = route('delete', `/communications/rfqs/${RFQ}`, undefined, 204);
    await client().communications.deleteRfq(RFQ);
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['DELETE', `/trade-api/v2/communications/rfqs/${RFQ}`, undefined],
    ]);
    await expect(client().communications.deleteRfq('')).rejects.toBeInstanceOf(KalshiInvalidParamsError);
    expect(seen).toHaveLength(1);
  });
});
