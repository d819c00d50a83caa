import { describe, expect, it } from 'vitest';
import { json, ManualClock, scriptedFetch } from '../__fixtures__/helpers';
import { KalshiClient } from '../client';
import { KalshiConfigError, KalshiPaginationStalledError } from '../core/errors';

/** A `/markets` that answers every request with an empty page and a cursor it never used before. */
function emptyPagesForever(count: number) {
  return Array.from({ length: count }, (_, i) => json({ markets: [], cursor: `next-${i + 1}` }));
}

describe('list calls: the stall guard', () => {
  it('stops fetch-markets against a server that hands out new cursors forever (client option)', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch, calls } = scriptedFetch(emptyPagesForever(50), clock);
    const client = new KalshiClient({ fetch, clock, maxPagesWithoutNewItems: 4 });
    const error = await client.markets
      .list({ limit: 100 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiPaginationStalledError);
    expect((error as Error).message).toBe(
      '/trade-api/v2/markets returned 4 pages in a row without new items (empty or repeated) up to page 4, each with a new cursor: stopping instead of paging forever',
    );
    expect(calls.map((c) => c.url.searchParams.get('cursor'))).toEqual([null, 'next-1', 'next-2', 'next-3']);
  });

  it('lets one call override the client-wide limit', async () => {
    const clock = new ManualClock({ auto: true });
    const { fetch, calls } = scriptedFetch(emptyPagesForever(50), clock);
    const client = new KalshiClient({ fetch, clock, maxPagesWithoutNewItems: 4 });
    const error = await client.markets
      .list({}, { maxPagesWithoutNewItems: 2 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiPaginationStalledError);
    expect(calls).toHaveLength(2);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new KalshiClient({ maxPagesWithoutNewItems: 0 })).toThrow(KalshiConfigError);
    expect(() => new KalshiClient({ maxPagesWithoutNewItems: 0 })).toThrow(
      'maxPagesWithoutNewItems must be a positive integer, got 0',
    );
  });
});
