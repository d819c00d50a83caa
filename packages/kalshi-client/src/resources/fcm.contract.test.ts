import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError, KalshiNotFoundError } from '../core/errors';
import { KalshiInvalidItemError } from '../core/invalid-items';

const { route, client } = contractServer();
const SUBTRADER = 'u123_desk1';
const ORDER = {
  order_id: 'ord-1',
  client_order_id: 'c-1',
  ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
  status: 'resting',
  side: 'yes',
  yes_price_dollars: '0.5600',
  fill_count_fp: '0.00',
  remaining_count_fp: '10.00',
  created_time: '2026-11-29T20:00:00Z',
};

describe('fcm', () => {
  contract('getFCMOrders', "lists a subtrader's orders, filters in the query, Decimal money", async () => {
    const seen = route('get', '/fcm/orders', { orders: [ORDER], cursor: 'next-1' });
    const page = await client().fcm.listOrders({
      subtrader_id: SUBTRADER,
      client_order_ids: ['c-1', 'c-2'],
      status: 'resting',
      min_ts: new Date('2026-11-29T00:00:00Z'),
      limit: 50,
    });
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.query.toString()).toBe(
      'subtrader_id=u123_desk1&client_order_ids=c-1%2Cc-2&status=resting&min_ts=1795910400&limit=50',
    );
    expect(page.cursor).toBe('next-1');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.order_id).toBe('ord-1');
    expect(page.items[0]?.yes_price_dollars).toEqual(new Decimal('0.56'));
    expect(page.items[0]?.remaining_count_fp.toFixed(2)).toBe('10.00');
    expect(page.items[0]?.created_time).toEqual(new Date('2026-11-29T20:00:00Z'));
  });

  contract('getFCMOrders', 'needs a subtrader or client order ids, at most 100, before sending', async () => {
    const seen = route('get', '/fcm/orders', { orders: [] });
    await expect(client().fcm.listOrders({})).rejects.toThrow(
      'fcm.listOrders needs a subtrader_id or client_order_ids',
    );
    await expect(client().fcm.listOrders({ client_order_ids: [] })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    const many = Array.from({ length: 101 }, (_, i) => `c-${i}`);
    await expect(client().fcm.listOrders({ client_order_ids: many })).rejects.toThrow(
      'fcm.listOrders takes at most 100 client_order_ids, got 101',
    );
    await expect(client().fcm.listOrders({ subtrader_id: SUBTRADER, limit: 1001 })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
    expect(seen).toEqual([]);
  });

  contract('getFCMPositions', "reads a subtrader's positions; a bad one is named by ticker", async () => {
    const seen = route('get', '/fcm/positions', {
      market_positions: [
        { ticker: 'KXNFLGAME-26NOV29KCDEN-KC', position_fp: '1.33', market_exposure_dollars: '0.067830' },
        { ticker: 'KXNFLGAME-26NOV29KCDEN-DEN', position_fp: 'lots' },
      ],
      event_positions: null,
      cursor: '',
    });
    const page = await client().fcm.getPositions(
      { subtrader_id: SUBTRADER, settlement_status: 'all', count_filter: ['position', 'total_traded'] },
      { invalidItems: 'collect' },
    );
    expect(seen[0]?.query.toString()).toBe(
      'subtrader_id=u123_desk1&settlement_status=all&count_filter=position%2Ctotal_traded',
    );
    expect(
      page.items.map((p) => [p.ticker, p.position_fp.toFixed(2), p.market_exposure_dollars?.toFixed(6)]),
    ).toEqual([['KXNFLGAME-26NOV29KCDEN-KC', '1.33', '0.067830']]);
    expect(page.invalidItems.map((i) => [i.kind, i.id, i.path])).toEqual([
      ['position', 'KXNFLGAME-26NOV29KCDEN-DEN', 'position_fp'],
    ]);
    await expect(client().fcm.getPositions({ subtrader_id: SUBTRADER })).rejects.toBeInstanceOf(
      KalshiInvalidItemError,
    );
    await expect(client().fcm.getPositions({ subtrader_id: '' })).rejects.toThrow(
      'fcm.getPositions: subtrader_id: must not be empty',
    );
  });

  contract('listFCMSubtraders', 'lists subtraders with their block flags', async () => {
    route('get', '/fcm/subtraders', {
      subtraders: [
        {
          subtrader_id: SUBTRADER,
          exchange_indices: [0, 1],
          trading_blocked: true,
          fcm_trading_blocked: false,
          propagation_pending: true,
        },
      ],
    });
    expect(await client().fcm.listSubtraders()).toEqual([
      {
        subtrader_id: SUBTRADER,
        exchange_indices: [0, 1],
        trading_blocked: true,
        fcm_trading_blocked: false,
        propagation_pending: true,
      },
    ]);
  });

  contract('createFCMSubtrader', 'POSTs the suffix and returns the full id', async () => {
    const seen = route('post', '/fcm/subtraders', { subtrader_id: SUBTRADER }, 201);
    expect(await client().fcm.createSubtrader({ subtrader_suffix: 'desk1' })).toBe(SUBTRADER);
    expect(seen[0]?.body).toEqual({ subtrader_suffix: 'desk1' });
    await expect(client().fcm.createSubtrader({ subtrader_suffix: 'Desk_1' })).rejects.toThrow(
      'fcm.createSubtrader: subtrader_suffix: must be 1-16 characters of [a-z0-9]',
    );
    expect(seen).toHaveLength(1);
  });

  contract('getFCMEventContractDailyCap', 'reads the cap and utilization as exact dollars', async () => {
    const seen = route('get', '/fcm/subtraders/event_contract_daily_cap', {
      subtrader_id: SUBTRADER,
      limit: '5000.00',
      executed_utilization: '1234.567800',
      resting_order_utilization: '250.0000',
      pending_order_utilization: '0.000001',
      cap_date: '2026-12-06',
    });
    const cap = await client().fcm.getDailyCap(SUBTRADER);
    expect(seen[0]?.query.toString()).toBe('subtrader_id=u123_desk1');
    expect(cap).toEqual({
      subtrader_id: SUBTRADER,
      limit: new Decimal('5000'),
      executed_utilization: new Decimal('1234.5678'),
      resting_order_utilization: new Decimal('250'),
      pending_order_utilization: new Decimal('0.000001'),
      cap_date: '2026-12-06',
    });
  });

  contract('getFCMEventContractDailyCap', 'a subtrader without a cap is a 404', async () => {
    route(
      'get',
      '/fcm/subtraders/event_contract_daily_cap',
      { error: { code: 'not_found', message: 'no cap configured' } },
      404,
    );
    await expect(client().fcm.getDailyCap(SUBTRADER)).rejects.toBeInstanceOf(KalshiNotFoundError);
  });

  contract('updateFCMEventContractDailyCap', 'PUTs the cap as dollar text, never rounded', async () => {
    const seen = route('put', '/fcm/subtraders/event_contract_daily_cap', {});
    await client().fcm.updateDailyCap({ subtrader_id: SUBTRADER, limit: new Decimal('2500.5') });
    await client().fcm.updateDailyCap({ subtrader_id: SUBTRADER, limit: '0.1234' });
    expect(seen.map((s) => [s.method, s.body])).toEqual([
      ['PUT', { subtrader_id: SUBTRADER, limit: '2500.50' }],
      ['PUT', { subtrader_id: SUBTRADER, limit: '0.1234' }],
    ]);
    await expect(client().fcm.updateDailyCap({ subtrader_id: SUBTRADER, limit: '10.00001' })).rejects.toThrow(
      'limit has more than 4 decimals: 10.00001',
    );
    await expect(
      client().fcm.updateDailyCap({ subtrader_id: SUBTRADER, limit: '-1' }),
    ).rejects.toBeInstanceOf(KalshiInvalidParamsError);
    expect(seen).toHaveLength(2);
  });

  contract('deleteFCMEventContractDailyCap', 'DELETEs the cap of one subtrader', async () => {
    const seen = route('delete', '/fcm/subtraders/event_contract_daily_cap', {});
    await client().fcm.deleteDailyCap(SUBTRADER);
    expect(seen.map((s) => [s.method, s.path, s.query.toString()])).toEqual([
      ['DELETE', '/trade-api/v2/fcm/subtraders/event_contract_daily_cap', 'subtrader_id=u123_desk1'],
    ]);
    await expect(client().fcm.deleteDailyCap('')).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });
});
