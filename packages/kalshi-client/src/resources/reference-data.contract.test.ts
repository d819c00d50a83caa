import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();

describe('search, structured targets, incentive programs', () => {
  contract('getFiltersForSports', 'reads the filters per sport and their order', async () => {
    route('get', '/search/filters_by_sport', {
      filters_by_sports: { Football: { competitions: { NFL: { scopes: ['Games'] } } } },
      sport_ordering: ['Football', 'Basketball'],
    });
    const filters = await client().search.getFiltersBySport();
    expect(filters.sport_ordering).toEqual(['Football', 'Basketball']);
    expect(Object.keys(filters.filters_by_sports)).toEqual(['Football']);
  });

  contract('getTagsForSeriesCategories', 'reads tags by category, a null list as empty', async () => {
    route('get', '/search/tags_by_categories', {
      tags_by_categories: { Sports: ['Football', 'Golf'], Crypto: null },
    });
    expect(await client().search.getTagsByCategories()).toEqual({ Sports: ['Football', 'Golf'], Crypto: [] });
  });

  contract('getStructuredTargets', 'lists targets with page_size and ids comma-joined', async () => {
    const seen = route('get', '/structured_targets', {
      structured_targets: [
        {
          id: 'st-1',
          name: 'Kansas City Chiefs',
          type: 'football_team',
          last_updated_ts: '2026-11-01T00:00:00Z',
        },
      ],
      cursor: '',
    });
    const page = await client().structuredTargets.list({ ids: ['st-1', 'st-2'], page_size: 2 });
    expect(seen[0]?.query.toString()).toBe('ids=st-1%2Cst-2&page_size=2');
    expect(page.items).toEqual([
      {
        id: 'st-1',
        name: 'Kansas City Chiefs',
        type: 'football_team',
        details: undefined,
        source_id: undefined,
        source_ids: undefined,
        last_updated_ts: new Date('2026-11-01T00:00:00Z'),
      },
    ]);
    await expect(client().structuredTargets.list({ page_size: 2001 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
  });

  contract('getStructuredTarget', 'reads one target', async () => {
    route('get', '/structured_targets/st-1', {
      structured_target: { id: 'st-1', name: 'Kansas City Chiefs' },
    });
    expect((await client().structuredTargets.get('st-1'))?.name).toBe('Kansas City Chiefs');
  });

  contract('getIncentivePrograms', 'reads programs, following next_cursor, rewards in dollars', async () => {
    const program = {
      id: 'ip-1',
      market_id: 'm-1',
      market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
      incentive_type: 'liquidity',
      incentive_description: 'Quote tight',
      start_date: '2026-11-20T00:00:00Z',
      end_date: '2026-11-30T00:00:00Z',
      period_reward: 50_000,
      paid_out: false,
      target_size_fp: '100.00',
    };
    const seen = route('get', '/incentive_programs', { incentive_programs: [program], next_cursor: '' });
    const all = await client().incentivePrograms.list({ status: 'active', limit: 10 }).toArray();
    expect(seen[0]?.query.toString()).toBe('status=active&limit=10');
    expect(all).toHaveLength(1);
    expect(all[0]?.period_reward_dollars?.toFixed(2)).toBe('5.00');
    expect(all[0]?.target_size_fp?.toFixed(2)).toBe('100.00');
    expect(all[0]?.end_date).toEqual(new Date('2026-11-30T00:00:00Z'));
  });
});

describe('funding', () => {
  const transfer = {
    id: 'd-1',
    status: 'applied',
    type: 'ach',
    amount_cents: 50_000,
    fee_cents: 25,
    created_ts: 1781161200,
    finalized_ts: 1781247600,
  };

  contract('getDeposits', 'reads deposits with dollar amounts and Date times', async () => {
    route('get', '/portfolio/deposits', { deposits: [transfer], cursor: '' });
    const page = await client().funding.listDeposits();
    expect(
      page.items.map((d) => [d.amount.toFixed(2), d.fee.toFixed(2), d.finalized_ts?.toISOString()]),
    ).toEqual([['500.00', '0.25', '2026-06-12T07:00:00.000Z']]);
    await expect(client().funding.listDeposits({ limit: 501 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
  });

  contract('getWithdrawals', 'reads withdrawals', async () => {
    const seen = route('get', '/portfolio/withdrawals', {
      withdrawals: [{ ...transfer, id: 'w-1' }],
      cursor: '',
    });
    const page = await client().funding.listWithdrawals({ limit: 500 });
    expect(seen[0]?.query.get('limit')).toBe('500');
    expect(page.items[0]?.id).toBe('w-1');
  });

  contract('getPortfolioRestingOrderTotalValue', 'reads the total in dollars from cents', async () => {
    route('get', '/portfolio/summary/total_resting_order_value', {
      total_resting_order_value: 1250,
      resting_order_value_breakdown: [{ exchange_index: 0, balance: '12.500000' }],
    });
    const value = await client().funding.getRestingOrderValue();
    expect(value.total.toFixed(2)).toBe('12.50');
    expect(value.by_exchange_index[0]?.balance.toFixed(2)).toBe('12.50');
  });
});
