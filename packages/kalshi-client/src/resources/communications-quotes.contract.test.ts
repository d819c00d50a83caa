import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError, KalshiNotFoundError } from '../core/errors';
import type { AcceptQuoteParams } from './communications-params';

const { route, client } = contractServer();
const RFQ = '3f2a9c1e-6b4d-4e8a-9f21-7c5d0b8e4a13';
const QUOTE = '9b7e2d1c-4a6f-4b83-a0c5-3e8d1f6b2a90';
const EXECUTED = '1c4f7a2e-9d3b-4e61-8b05-6a2d9c0e7f13';
const SCOPED = `/communications/rfqs/${RFQ}/quotes/${EXECUTED}`;

describe('communications: quotes', () => {
  contract('getQuotes', 'sends the filters, times in Unix seconds, and reads Decimal bids', async () => {
    const seen = route('get', '/communications/quotes', fixture('communications_quotes'));
    const page = await client().communications.listQuotes({
      limit: 500,
      min_ts: new Date('2026-11-29T20:00:00Z'),
      max_ts: 1795986000,
      status: 'open',
      rfq_user_filter: 'self',
      rfq_id: RFQ,
    });
    expect(seen[0]?.query.toString()).toBe(
      `limit=500&min_ts=1795982400&max_ts=1795986000&status=open&rfq_user_filter=self&rfq_id=${RFQ}`,
    );
    expect(page.cursor).toBeUndefined();
    expect(page.hasNextPage()).toBe(false);
    const [open, executed] = page.items;
    expect(open).toEqual({
      id: QUOTE,
      rfq_id: RFQ,
      creator_id: 'qu0t3r-4b2c',
      rfq_creator_id: 'c0mm5-7e1d',
      market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
      contracts_fp: new Decimal('250'),
      yes_bid_dollars: new Decimal('0.515'),
      no_bid_dollars: new Decimal('0.465'),
      created_ts: new Date('2026-11-29T20:00:05.000Z'),
      updated_ts: new Date('2026-11-29T20:00:05.000Z'),
      status: 'open',
      rest_remainder: true,
      post_only: false,
      rfq_target_cost_dollars: new Decimal('130'),
      yes_contracts_fp: new Decimal('252.42'),
      no_contracts_fp: new Decimal('279.56'),
      creator_subaccount: 0,
    });
    expect(open?.yes_bid_dollars.toString()).toBe('0.515');
    expect(executed?.no_bid_dollars.toString()).toBe('0');
    expect(executed?.yes_bid_dollars.toFixed(4)).toBe('0.5175');
  });

  contract('getQuotes', 'refuses a page size over 500 before sending', async () => {
    const seen = route('get', '/communications/quotes', fixture('communications_quotes'));
    await expect(client().communications.listQuotes({ limit: 501 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(0);
  });

  contract('getRFQQuote', 'reads one quote of an RFQ through its whole life', async () => {
    const seen = route('get', SCOPED, fixture('communications_quote'));
    const quote = await client().communications.getRfqQuote(RFQ, EXECUTED);
    expect(seen[0]?.path).toBe(`/trade-api/v2${SCOPED}`);
    expect([
      quote.status,
      quote.accepted_side,
      quote.accepted_ts?.toISOString(),
      quote.confirmed_ts?.toISOString(),
      quote.executed_ts?.toISOString(),
      quote.cancelled_ts,
      quote.cancellation_reason,
      quote.rfq_creator_order_id,
      quote.rfq_creator_subaccount,
    ]).toEqual([
      'executed',
      'yes',
      '2026-11-29T20:00:30.000Z',
      '2026-11-29T20:00:35.000Z',
      '2026-11-29T20:00:41.000Z',
      undefined,
      undefined,
      'b2e7c0d4-5a1f-4e39-9c86-7d3f0a2b1e58',
      2,
    ]);
  });

  contract('getQuote', 'reads one quote by id alone (deprecated path)', async () => {
    const seen = route('get', `/communications/quotes/${EXECUTED}`, fixture('communications_quote'));
    const quote = await client().communications.getQuote(EXECUTED);
    expect(seen[0]?.method).toBe('GET');
    expect([quote.id, quote.rfq_id, quote.contracts_fp.toFixed(2)]).toEqual([EXECUTED, RFQ, '250.00']);
  });

  contract('createQuote', 'sends both bids as 4-decimal dollar text and returns the id', async () => {
    const seen = route('post', '/communications/quotes', { id: QUOTE }, 201);
    const id = await client().communications.createQuote({
      rfq_id: RFQ,
      yes_bid: '0.515',
      no_bid: new Decimal('0'),
      rest_remainder: true,
      post_only: true,
      subaccount: 1,
    });
    expect(id).toBe(QUOTE);
    expect(seen[0]?.body).toEqual({
      rfq_id: RFQ,
      yes_bid: '0.5150',
      no_bid: '0.0000',
      rest_remainder: true,
      post_only: true,
      subaccount: 1,
    });
  });

  contract('createQuote', 'refuses bids it cannot send, before sending', async () => {
    const seen = route('post', '/communications/quotes', { id: QUOTE }, 201);
    const base = { rfq_id: RFQ, rest_remainder: false };
    const refused = [
      { ...base, yes_bid: '1', no_bid: '0.40' },
      { ...base, yes_bid: '0.51505', no_bid: '0.40' },
      { ...base, yes_bid: '-0.01', no_bid: '0.40' },
      { ...base, yes_bid: '0', no_bid: '0.0000' },
      { ...base, yes_bid: 'abc', no_bid: '0.40' },
      { ...base, rfq_id: '', yes_bid: '0.5', no_bid: '0.4' },
    ];
    for (const params of refused) {
      await expect(client().communications.createQuote(params)).rejects.toBeInstanceOf(
        KalshiInvalidParamsError,
      );
    }
    expect(seen).toHaveLength(0);
  });

  contract('deleteRFQQuote', 'deletes a quote of an RFQ (204)', async () => {
    const seen = route('delete', SCOPED, undefined, 204);
    await client().communications.deleteRfqQuote(RFQ, EXECUTED);
    expect(seen.map((s) => [s.method, s.path])).toEqual([['DELETE', `/trade-api/v2${SCOPED}`]]);
  });

  contract('deleteQuote', 'deletes a quote by id alone (deprecated path)', async () => {
    const seen = route('delete', `/communications/quotes/${QUOTE}`, undefined, 204);
    await client().communications.deleteQuote(QUOTE);
    expect(seen.map((s) => [s.method, s.path])).toEqual([
      ['DELETE', `/trade-api/v2/communications/quotes/${QUOTE}`],
    ]);
  });

  contract('deleteQuote', 'surfaces the 404 of a quote already gone', async () => {
    route(
      'delete',
      `/communications/quotes/${QUOTE}`,
      { code: 'not_found', message: 'quote not found' },
      404,
    );
    await expect(client().communications.deleteQuote(QUOTE)).rejects.toBeInstanceOf(KalshiNotFoundError);
  });

  contract('acceptRFQQuote', 'PUTs the accepted side', async () => {
    const seen = route('put', `${SCOPED}/accept`, undefined, 204);
    await client().communications.acceptRfqQuote(RFQ, EXECUTED, { accepted_side: 'no' });
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', `/trade-api/v2${SCOPED}/accept`, { accepted_side: 'no' }],
    ]);
  });

  contract('acceptRFQQuote', 'refuses a side other than yes or no, before sending', async () => {
    const seen = route('put', `${SCOPED}/accept`, undefined, 204);
    const wrong = { accepted_side: 'bid' } as unknown as AcceptQuoteParams;
    await expect(client().communications.acceptRfqQuote(RFQ, EXECUTED, wrong)).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(0);
  });

  contract('acceptQuote', 'PUTs the accepted side by quote id alone (deprecated path)', async () => {
    const seen = route('put', `/communications/quotes/${QUOTE}/accept`, undefined, 204);
    await client().communications.acceptQuote(QUOTE, { accepted_side: 'yes' });
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', `/trade-api/v2/communications/quotes/${QUOTE}/accept`, { accepted_side: 'yes' }],
    ]);
  });

  contract('confirmRFQQuote', 'PUTs an empty body to confirm', async () => {
    const seen = route('put', `${SCOPED}/confirm`, undefined, 204);
    await client().communications.confirmRfqQuote(RFQ, EXECUTED);
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', `/trade-api/v2${SCOPED}/confirm`, {}],
    ]);
  });

  contract('confirmQuote', 'PUTs an empty body to confirm by quote id alone (deprecated path)', async () => {
    const seen = route('put', `/communications/quotes/${QUOTE}/confirm`, undefined, 204);
    await client().communications.confirmQuote(QUOTE);
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['PUT', `/trade-api/v2/communications/quotes/${QUOTE}/confirm`, {}],
    ]);
  });
});
