import Decimal from 'decimal.js';
import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { KalshiInvalidParamsError, KalshiServerError } from '../core/errors';

const { route, client } = contractServer();
const TRANSFER = {
  transfer_id: 'iet-7f3a',
  source: 'event_contract',
  destination: 'margined',
  source_exchange_shard: 0,
  destination_exchange_shard: 0,
  amount: '250.123400',
  status: 'pending',
  created_ts: 1796515200,
};
const PARSED = {
  transfer_id: 'iet-7f3a',
  source: 'event_contract',
  destination: 'margined',
  source_exchange_shard: 0,
  destination_exchange_shard: 0,
  amount: new Decimal('250.1234'),
  status: 'pending',
  created_ts: new Date('2026-12-06T00:00:00Z'),
};

describe('intra-exchange transfers and balance allocation', () => {
  contract('intraExchangeInstanceTransfer', 'POSTs the amount in centi-cents, returns the id', async () => {
    const seen = route('post', '/portfolio/intra_exchange_instance_transfer', { transfer_id: 'iet-7f3a' });
    const id = await client().transfers.create({
      source: 'event_contract',
      destination: 'margined',
      amount: '250.1234',
      destination_exchange_shard: 1,
    });
    expect(id).toBe('iet-7f3a');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.body).toEqual({
      source: 'event_contract',
      destination: 'margined',
      destination_exchange_shard: 1,
      amount: 2501234,
    });
  });

  contract('intraExchangeInstanceTransfer', 'is not retried: the spec has no idempotency key', async () => {
    const seen = route('post', '/portfolio/intra_exchange_instance_transfer', {}, 503);
    await expect(
      client({ maxRetries: 3, retryInitialDelayMs: 1, retryMaxDelayMs: 1 }).transfers.create({
        source: 'event_contract',
        destination: 'event_contract',
        amount: new Decimal('10'),
        source_subaccount: 0,
        destination_subaccount: 2,
      }),
    ).rejects.toBeInstanceOf(KalshiServerError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toEqual({
      source: 'event_contract',
      destination: 'event_contract',
      source_subaccount: 0,
      destination_subaccount: 2,
      amount: 100000,
    });
  });

  contract('intraExchangeInstanceTransfer', 'refuses bad amounts and places before sending', async () => {
    const seen = route('post', '/portfolio/intra_exchange_instance_transfer', { transfer_id: 'x' });
    const base = { source: 'event_contract', destination: 'margined' } as const;
    await expect(client().transfers.create({ ...base, amount: '0.00001' })).rejects.toThrow(
      'amount is not a whole number of centi-cents: 0.00001',
    );
    await expect(client().transfers.create({ ...base, amount: '0' })).rejects.toThrow(
      'amount must be a positive amount, got 0',
    );
    await expect(client().transfers.create({ ...base, amount: '5', source_subaccount: 1 })).rejects.toThrow(
      'transfers.create: source_subaccount: subaccounts are only for event_contract to event_contract transfers',
    );
    await expect(
      client().transfers.create({ source: 'margined', destination: 'margined', amount: '5' }),
    ).rejects.toThrow('transfers.create: destination: source and destination are the same place');
    await expect(
      client().transfers.create({ source: 'perps' as 'margined', destination: 'margined', amount: '5' }),
    ).rejects.toBeInstanceOf(KalshiInvalidParamsError);
    expect(seen).toEqual([]);
  });

  contract(
    'getIntraExchangeInstanceTransfers',
    'lists transfers, amounts exact, bad ones named',
    async () => {
      const seen = route('get', '/portfolio/intra_exchange_instance_transfers', {
        transfers: [TRANSFER, { transfer_id: 'iet-bad', amount: 'lots' }],
        cursor: 'c-2',
      });
      const page = await client().transfers.list({ limit: 500 }, { invalidItems: 'collect' });
      expect(seen[0]?.query.toString()).toBe('limit=500');
      expect(page.items).toEqual([PARSED]);
      expect(page.cursor).toBe('c-2');
      expect(page.invalidItems.map((i) => [i.kind, i.id])).toEqual([['transfer', 'iet-bad']]);
      await expect(client().transfers.list({ limit: 501 })).rejects.toBeInstanceOf(KalshiInvalidParamsError);
    },
  );

  contract('getIntraExchangeInstanceTransfer', 'reads one transfer and its status', async () => {
    const seen = route('get', '/portfolio/intra_exchange_instance_transfers/iet-7f3a', {
      transfer: { ...TRANSFER, status: 'complete' },
    });
    expect(await client().transfers.get('iet-7f3a')).toEqual({ ...PARSED, status: 'complete' });
    expect(seen[0]?.method).toBe('GET');
    await expect(client().transfers.get('')).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });

  contract('getTargetBalanceAllocation', 'reads the split across exchange indexes', async () => {
    route('get', '/portfolio/target_balance_allocation', {
      allocations: [
        { exchange_index: 0, percent: 70 },
        { exchange_index: 1, percent: 30 },
      ],
      resting_margin_reservation: 'sum',
    });
    expect(await client().transfers.getTargetAllocation()).toEqual({
      allocations: [
        { exchange_index: 0, percent: 70 },
        { exchange_index: 1, percent: 30 },
      ],
      resting_margin_reservation: 'sum',
    });
  });

  contract(
    'setTargetBalanceAllocation',
    'POSTs a split totalling 100 (summed exactly), or none',
    async () => {
      const seen = route('post', '/portfolio/target_balance_allocation', {});
      const split = [
        { exchange_index: 0, percent: 33.3 },
        { exchange_index: 1, percent: 33.3 },
        { exchange_index: 2, percent: 33.4 },
      ];
      await client().transfers.setTargetAllocation({ allocations: split, resting_margin_reservation: 'max' });
      await client().transfers.setTargetAllocation({ allocations: [] });
      expect(seen.map((s) => [s.method, s.body])).toEqual([
        ['POST', { allocations: split, resting_margin_reservation: 'max' }],
        ['POST', { allocations: [] }],
      ]);
      await expect(
        client().transfers.setTargetAllocation({ allocations: [{ exchange_index: 0, percent: 99 }] }),
      ).rejects.toThrow('transfers.setTargetAllocation: allocations: percentages must total 100');
      await expect(
        client().transfers.setTargetAllocation({
          allocations: [
            { exchange_index: 0, percent: 50 },
            { exchange_index: 0, percent: 50 },
          ],
        }),
      ).rejects.toThrow('an exchange index appears twice');
      expect(seen).toHaveLength(2);
    },
  );
});
