import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { ConstraintViolationError } from '../errors';
import type { MarketInput } from './markets';

function market(ticker: string, over: Partial<MarketInput> = {}): MarketInput {
  return { ticker, eventTicker: 'EV-R', status: 'active', yesBid: '0.40', yesAsk: '0.42', ...over };
}

describe.each(backendNames)('markets.result on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('defaults to empty when the input leaves it out', async () => {
    const ticker = uid('RES');
    await t.store.markets.upsertVersions([market(ticker)], { at: new Date('2026-03-01T00:00:00Z') });
    const [row] = await t.store.markets.current({ ticker });
    expect(row?.result).toBe('');
  });

  it('is tracked: the version where the result appears closes the previous one', async () => {
    const ticker = uid('RES');
    await t.store.markets.upsertVersions([market(ticker)], { at: new Date('2026-03-01T00:00:00Z') });
    const settled = await t.store.markets.upsertVersions(
      [market(ticker, { status: 'settled', result: 'yes' })],
      { at: new Date('2026-03-02T00:00:00Z') },
    );
    expect(settled).toEqual({ inserted: 0, versioned: 1, unchanged: 0 });
    const history = await t.store.markets.history({ ticker });
    expect(history.map((v) => [v.status, v.result, v.rowStartTs.toISOString()])).toEqual([
      ['active', '', '2026-03-01T00:00:00.000Z'],
      ['settled', 'yes', '2026-03-02T00:00:00.000Z'],
    ]);
    const again = await t.store.markets.upsertVersions(
      [market(ticker, { status: 'settled', result: 'yes' })],
      { at: new Date('2026-03-03T00:00:00Z') },
    );
    expect(again).toEqual({ inserted: 0, versioned: 0, unchanged: 1 });
  });

  it('refuses a result other than yes, no, scalar or empty', async () => {
    const error = await t.store.markets
      .upsertVersions([market(uid('RES'), { result: 'maybe' })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect((error as ConstraintViolationError).constraint).toBe('markets_result_check');
  });
});
