import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPERATIONS_URL, renderOperations, SPEC_URL } from '../../scripts/generate';
import { OPERATIONS } from './operations';

describe('generated operation table', () => {
  it('is what `pnpm generate` writes from the committed spec (run it after changing the spec)', () => {
    expect(readFileSync(OPERATIONS_URL, 'utf8')).toBe(renderOperations(readFileSync(SPEC_URL, 'utf8')));
  });

  it('lists the 114 operations of API 3.30, each once', () => {
    expect(OPERATIONS).toHaveLength(114);
    expect(new Set(OPERATIONS.map((o) => o.operationId)).size).toBe(114);
  });

  it('reads parameters, page sizes and costs mechanically', () => {
    const byId = new Map(OPERATIONS.map((o) => [o.operationId, o]));
    expect(byId.get('cancelOrderV2')).toMatchObject({
      method: 'DELETE',
      pathParams: ['order_id'],
      queryParams: ['subaccount', 'exchange_index', 'market_ticker'],
      bucket: 'write',
      cost: 2,
    });
    expect(byId.get('getEvents')).toMatchObject({ paginated: true, maxLimit: 200, cost: 10 });
    expect(byId.get('createOrderGroup')).toMatchObject({ body: 'CreateOrderGroupRequest', queryParams: [] });
    expect(byId.get('getStructuredTargets')?.maxLimit).toBe(2000);
  });
});
