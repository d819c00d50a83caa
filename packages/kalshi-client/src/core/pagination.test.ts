import { describe, expect, it } from 'vitest';
import { KalshiPaginationError, KalshiPaginationStalledError } from './errors';
import { type PageProgress, PagePromise } from './pagination';

function pages(script: Array<{ items: number[]; cursor?: string }>) {
  const asked: Array<string | undefined> = [];
  const promise = new PagePromise<number, { n: number }>(
    async (cursor) => {
      asked.push(cursor);
      const page = script[asked.length - 1];
      if (page === undefined) throw new Error('no more pages scripted');
      return { items: page.items, cursor: page.cursor, response: { n: asked.length } };
    },
    { path: '/trade-api/v2/portfolio/fills' },
  );
  return { promise, asked };
}

describe('PagePromise', () => {
  it('awaits to the first page only', async () => {
    const { promise, asked } = pages([{ items: [1, 2], cursor: 'c1' }, { items: [3] }]);
    const page = await promise;
    expect(page.items).toEqual([1, 2]);
    expect(page.response).toEqual({ n: 1 });
    expect(asked).toEqual([undefined]);
    const next = await page.nextPage();
    expect(next.items).toEqual([3]);
    expect(next.hasNextPage()).toBe(false);
    await expect(next.nextPage()).rejects.toBeInstanceOf(KalshiPaginationError);
  });

  it('iterates every item of every page, stopping at an empty cursor', async () => {
    const { promise, asked } = pages([
      { items: [1], cursor: 'a' },
      { items: [], cursor: 'b' },
      { items: [2, 3], cursor: '' },
    ]);
    const seen: number[] = [];
    for await (const item of promise) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  it('reports progress after each page', async () => {
    const progress: PageProgress[] = [];
    const promise = new PagePromise<number>(
      async (cursor) =>
        cursor === undefined
          ? { items: [1, 2], cursor: 'x', response: {} }
          : { items: [3], cursor: undefined, response: {} },
      { path: '/p', onPage: (p) => progress.push(p) },
    );
    expect(await promise.toArray()).toEqual([1, 2, 3]);
    expect(progress).toEqual([
      { pageNumber: 1, pageItems: 2, totalItems: 2, nextCursor: 'x' },
      { pageNumber: 2, pageItems: 1, totalItems: 3, nextCursor: undefined },
    ]);
  });

  it('stops with a typed error when a cursor repeats', async () => {
    const { promise } = pages([
      { items: [1], cursor: 'loop' },
      { items: [2], cursor: 'other' },
      { items: [3], cursor: 'loop' },
    ]);
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of promise) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KalshiPaginationError);
    expect((error as Error).message).toBe(
      '/trade-api/v2/portfolio/fills returned cursor "loop" a second time after page 3: stopping to avoid a loop',
    );
    expect(seen).toEqual([1, 2]);
  });

  it('fetches the first page once however it is consumed', async () => {
    const { promise, asked } = pages([{ items: [1] }]);
    await promise;
    await promise.then((p) => p.items);
    expect(await promise.toArray()).toEqual([1]);
    expect(asked).toEqual([undefined]);
  });

  it('exposes rejection through catch', async () => {
    const failing = new PagePromise<number>(async () => {
      throw new Error('boom');
    });
    expect(await failing.catch((e: unknown) => (e as Error).message)).toBe('boom');
  });

  describe('stall guard', () => {
    /** A server that answers every cursor with `page(n)` and a cursor it never used before. */
    function endless(page: (n: number) => number[], maxPagesWithoutNewItems?: number) {
      let served = 0;
      const promise = new PagePromise<number>(
        async () => {
          served += 1;
          return { items: page(served), cursor: `c${served}`, response: {} };
        },
        { path: '/trade-api/v2/markets', ...(maxPagesWithoutNewItems ? { maxPagesWithoutNewItems } : {}) },
      );
      return { promise, served: () => served };
    }

    it('stops a server that hands out new cursors with empty pages forever after 10 pages', async () => {
      const { promise, served } = endless((n) => (n === 1 ? [1, 2] : []));
      const error = await promise.toArray().catch((e: unknown) => e);
      expect(KalshiPaginationStalledError.isInstance(error)).toBe(true);
      expect(KalshiPaginationError.isInstance(error)).toBe(true);
      expect((error as KalshiPaginationStalledError).pageNumber).toBe(11);
      expect((error as Error).message).toBe(
        '/trade-api/v2/markets returned 10 pages in a row without new items (empty or repeated) up to page 11, each with a new cursor: stopping instead of paging forever',
      );
      expect(served()).toBe(11);
    });

    it('stops a server that repeats the same page under new cursors forever', async () => {
      const { promise, served } = endless(() => [7, 8, 9], 3);
      const seen: number[] = [];
      const error = await (async () => {
        for await (const item of promise) seen.push(item);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KalshiPaginationStalledError);
      expect((error as KalshiPaginationStalledError).pageNumber).toBe(4);
      // The first copy is new; the three repeats stop the walk before their items are yielded again.
      expect(seen).toEqual([7, 8, 9, 7, 8, 9, 7, 8, 9]);
      expect(served()).toBe(4);
    });

    it('counts only pages in a row: a page with new items resets the count', async () => {
      // Two empty pages, then a new item, repeated: never three empty pages in a row.
      const script = (n: number) => (n % 3 === 0 ? [n] : []);
      let served = 0;
      const promise = new PagePromise<number>(
        async () => {
          served += 1;
          return { items: script(served), cursor: served < 30 ? `c${served}` : undefined, response: {} };
        },
        { path: '/p', maxPagesWithoutNewItems: 3 },
      );
      const all = await promise.toArray();
      expect(all).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
      expect(served).toBe(30);
    });

    it('never counts the last page, however empty', async () => {
      const { promise } = pages([
        { items: [1], cursor: 'a' },
        { items: [], cursor: '' },
      ]);
      expect(await promise.toArray()).toEqual([1]);
    });
  });
});
