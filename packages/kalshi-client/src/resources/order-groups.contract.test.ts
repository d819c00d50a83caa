import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError, KalshiNotFoundError } from '../core/errors';

const { route, client } = contractServer();
const GROUP = 'a3b6f2de-1c54-4e0b-9d0e-5b7f1c2a9e10';

describe('order groups', () => {
  contract('createOrderGroup', 'sends the limit as fixed-point text and returns the new id', async () => {
    const seen = route('post', '/portfolio/order_groups/create', fixture('order_group_create'), 201);
    const created = await client().orderGroups.create({ contracts_limit: '25', subaccount: 2 });
    expect(created).toEqual({ order_group_id: GROUP, subaccount: 0, exchange_index: 0 });
    expect(seen[0]?.body).toEqual({ contracts_limit_fp: '25.00', subaccount: 2 });
    expect(seen[0]?.signed).toBe(true);
  });

  contract('createOrderGroup', 'refuses a limit with more than 2 decimals before sending', async () => {
    await expect(client().orderGroups.create({ contracts_limit: '2.555' })).rejects.toBeInstanceOf(
      KalshiInvalidParamsError,
    );
  });

  contract('getOrderGroups', 'lists the groups with Decimal limits', async () => {
    const seen = route('get', '/portfolio/order_groups', fixture('order_groups'));
    const groups = await client().orderGroups.list({ subaccount: 1 });
    expect(groups).toEqual([
      {
        id: GROUP,
        contracts_limit_fp: new Decimal('25.00'),
        is_auto_cancel_enabled: true,
        exchange_index: 0,
      },
      {
        id: '5d0c9e4b-7a21-4f3e-8c6d-2b1a0e9f8d77',
        contracts_limit_fp: new Decimal('2.50'),
        is_auto_cancel_enabled: false,
        exchange_index: undefined,
      },
    ]);
    expect(seen[0]?.query.get('subaccount')).toBe('1');
  });

  contract('getOrderGroups', 'reads a null list as no groups', async () => {
    route('get', '/portfolio/order_groups', { order_groups: null });
    expect(await client().orderGroups.list()).toEqual([]);
  });

  contract('getOrderGroup', 'reads one group with the ids of its orders', async () => {
    route('get', `/portfolio/order_groups/${GROUP}`, fixture('order_group_single'));
    const group = await client().orderGroups.get(GROUP);
    expect(group.contracts_limit_fp?.toFixed(2)).toBe('25.00');
    expect(group.orders).toEqual([
      '25977b1b-53b5-4a44-a5fb-1e0f1f3c2d11',
      '97ec5f0e-0b3a-4e57-9c4a-3e1d2f6b8a90',
    ]);
  });

  contract('getOrderGroup', 'maps a 404 to KalshiNotFoundError', async () => {
    route(
      'get',
      '/portfolio/order_groups/nope',
      { error: { code: 'not_found', message: 'not found', service: 'exchange' } },
      404,
    );
    await expect(client().orderGroups.get('nope')).rejects.toBeInstanceOf(KalshiNotFoundError);
  });

  contract('triggerOrderGroup', 'PUTs an empty body with the routing in the query', async () => {
    const seen = route('put', `/portfolio/order_groups/${GROUP}/trigger`, {});
    await client().orderGroups.trigger(GROUP, { subaccount: 3, exchange_index: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toEqual({});
    expect(seen[0]?.query.toString()).toBe('subaccount=3&exchange_index=0');
  });

  contract('resetOrderGroup', 'PUTs an empty body', async () => {
    const seen = route('put', `/portfolio/order_groups/${GROUP}/reset`, {});
    await client().orderGroups.reset(GROUP);
    expect(seen[0]?.body).toEqual({});
    expect(seen[0]?.query.toString()).toBe('');
  });

  contract('updateOrderGroupLimit', 'sends the new limit as fixed-point text', async () => {
    const seen = route('put', `/portfolio/order_groups/${GROUP}/limit`, {});
    await client().orderGroups.updateLimit(GROUP, { contracts_limit: new Decimal('7.5'), subaccount: 1 });
    expect(seen[0]?.body).toEqual({ contracts_limit_fp: '7.50' });
    expect(seen[0]?.query.get('subaccount')).toBe('1');
  });

  contract('deleteOrderGroup', 'DELETEs the group', async () => {
    const seen = route('delete', `/portfolio/order_groups/${GROUP}`, {});
    await client().orderGroups.delete(GROUP, { subaccount: 0 });
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.query.get('subaccount')).toBe('0');
  });
});
