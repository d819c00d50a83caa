import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ProposeBlockTradeParams } from './communications-params';

const { route, client } = contractServer();
const ME = '5b0e2f4c-1d7a-4c93-8e6f-0a9b3d2c1e77';
const THEM = '7d2a9e1b-3f6c-4d80-a5b4-9e1c0f2d3a66';

const PROPOSAL: ProposeBlockTradeParams = {
  buyer_user_id: ME,
  buyer_subaccount: 2,
  seller_user_id: THEM,
  market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
  price: '0.515',
  count: new Decimal('250.5'),
  maker_side: 'yes',
  expiration_ts: new Date('2026-11-29T21:00:00Z'),
};

describe('communications: block trades', () => {
  contract(
    'getBlockTradeProposals',
    'reads proposals with the price in dollars and the count in contracts',
    async () => {
      const seen = route(
        'get',
        '/communications/block-trade-proposals',
        fixture('communications_block_trade_proposals'),
      );
      const page = await client().communications.listBlockTradeProposals({
        limit: 50,
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        status: 'pending',
      });
      expect(seen[0]?.query.toString()).toBe(
        'limit=50&market_ticker=KXNFLGAME-26NOV29KCDEN-KC&status=pending',
      );
      expect(page.cursor).toBe('YnRwLTBjOGUyYjdm');
      expect(
        page.items.map((p) => [
          p.id,
          p.price.toString(),
          p.count.toString(),
          p.price_centi_cents,
          p.centicount,
          p.maker_side,
          p.status,
        ]),
      ).toEqual([
        ['btp-6f3a1d9e', '0.515', '250.5', 5150, 25050, 'yes', 'pending'],
        ['btp-0c8e2b7f', '0.4851', '10000', 4851, 1000000, 'no', 'executed'],
      ]);
      const [mine, executed] = page.items;
      // A counterparty the caller may not see comes as "" (or null) and reads as undefined.
      expect([mine?.buyer_user_id, mine?.buyer_subtrader_id, mine?.seller_user_id]).toEqual([
        ME,
        undefined,
        undefined,
      ]);
      expect([mine?.buyer_accepted, mine?.seller_accepted, mine?.executed_ts]).toEqual([
        true,
        false,
        undefined,
      ]);
      expect(mine?.expiration_ts.toISOString()).toBe('2026-11-29T21:00:00.000Z');
      expect([
        executed?.buyer_user_id,
        executed?.seller_subtrader_id,
        executed?.seller_accepted_ts?.toISOString(),
        executed?.executed_ts?.toISOString(),
        executed?.seller_order_id,
      ]).toEqual([
        undefined,
        undefined,
        '2026-11-29T19:55:00.000Z',
        '2026-11-29T19:55:10.000Z',
        'e4a1b6c9-0d2f-4783-9b5e-1c7a3f8d2e40',
      ]);
    },
  );

  contract('getBlockTradeProposals', 'refuses a page size over 100 before sending', async () => {
    const seen = route('get', '/communications/block-trade-proposals', { block_trade_proposals: [] });
    await expect(client().communications.listBlockTradeProposals({ limit: 101 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toHaveLength(0);
  });

  contract(
    'proposeBlockTrade',
    'sends the price in centi-cents, the count in centicounts, the expiry as RFC 3339',
    async () => {
      const seen = route(
        'post',
        '/communications/block-trade-proposals',
        { block_trade_proposal_id: 'btp-6f3a1d9e' },
        201,
      );
      expect(await client().communications.proposeBlockTrade(PROPOSAL)).toBe('btp-6f3a1d9e');
      expect(seen[0]?.body).toEqual({
        buyer_user_id: ME,
        buyer_subaccount: 2,
        seller_user_id: THEM,
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        price_centi_cents: 5150,
        centicount: 25050,
        maker_side: 'yes',
        expiration_ts: '2026-11-29T21:00:00.000Z',
      });
    },
  );

  contract('proposeBlockTrade', 'refuses what it cannot send exactly, before sending', async () => {
    const seen = route(
      'post',
      '/communications/block-trade-proposals',
      { block_trade_proposal_id: 'x' },
      201,
    );
    const refused: ProposeBlockTradeParams[] = [
      { ...PROPOSAL, price: '0.51505' },
      { ...PROPOSAL, price: '1' },
      { ...PROPOSAL, price: '0' },
      { ...PROPOSAL, count: '1.005' },
      { ...PROPOSAL, buyer_subtrader_id: 'sub-1' },
      { ...PROPOSAL, seller_subaccount: 70 },
      { ...PROPOSAL, maker_side: 'bid' as 'yes' },
      { ...PROPOSAL, expiration_ts: new Date(Number.NaN) },
      { ...PROPOSAL, seller_user_id: '' },
    ];
    for (const params of refused) {
      await expect(client().communications.proposeBlockTrade(params)).rejects.toBeInstanceOf(
        KalshiInvalidParamsError,
      );
    }
    expect(seen).toHaveLength(0);
  });

  contract('acceptBlockTradeProposal', 'POSTs whom to accept as (204)', async () => {
    const seen = route('post', '/communications/block-trade-proposals/btp-0c8e2b7f/accept', undefined, 204);
    await client().communications.acceptBlockTradeProposal('btp-0c8e2b7f', { subaccount: 3 });
    await client().communications.acceptBlockTradeProposal('btp-0c8e2b7f');
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/trade-api/v2/communications/block-trade-proposals/btp-0c8e2b7f/accept', { subaccount: 3 }],
      ['POST', '/trade-api/v2/communications/block-trade-proposals/btp-0c8e2b7f/accept', {}],
    ]);
  });

  contract('acceptBlockTradeProposal', 'refuses a subtrader and a subaccount together', async () => {
    const seen = route('post', '/communications/block-trade-proposals/btp-1/accept', undefined, 204);
    await expect(
      client().communications.acceptBlockTradeProposal('btp-1', { subtrader_id: 's-1', subaccount: 0 }),
    ).rejects.toBeInstanceOf(KalshiInvalidParamsError);
    expect(seen).toHaveLength(0);
  });
});
