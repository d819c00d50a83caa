import { describe, expect, it } from 'vitest';
import { KalshiPaginationError } from './errors';
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
});
