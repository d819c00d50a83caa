import { KalshiPaginationError } from './errors';
import type { InvalidListItem } from './invalid-items';

/** Progress of a multi-page walk, passed to `onPage`. */
export interface PageProgress {
  /** 1 for the first page. */
  pageNumber: number;
  /** Items on this page. */
  pageItems: number;
  /** Items seen so far, this page included. */
  totalItems: number;
  /** Cursor of the next page (undefined on the last page). */
  nextCursor: string | undefined;
}

/** Options of a list call. */
export interface PaginationOptions {
  /** Called after each page arrives (for progress bars). */
  onPage?: (progress: PageProgress) => void;
}

/** One page of a list endpoint. */
export interface Page<Item, Response = unknown> {
  /** The items on this page. */
  readonly items: Item[];
  /** The cursor for the next page; undefined when this is the last page. */
  readonly cursor: string | undefined;
  /** The whole parsed response (for side lists such as `event_positions`). */
  readonly response: Response;
  /** Malformed items set aside on this page (only with `invalidItems: 'collect'`; else empty). */
  readonly invalidItems: readonly InvalidListItem[];
  /** Whether another page follows. */
  hasNextPage(): boolean;
  /** Fetches the next page; throws when there is none or the cursor repeats. */
  nextPage(): Promise<Page<Item, Response>>;
}

/** Fetches the page at `cursor` (undefined for the first page). */
export type PageFetcher<Item, Response> = (cursor: string | undefined) => Promise<{
  items: Item[];
  cursor: string | undefined;
  response: Response;
  invalidItems?: readonly InvalidListItem[];
}>;

class PageImpl<Item, Response> implements Page<Item, Response> {
  constructor(
    readonly items: Item[],
    readonly cursor: string | undefined,
    readonly response: Response,
    readonly invalidItems: readonly InvalidListItem[],
    private readonly fetchNext: (cursor: string) => Promise<Page<Item, Response>>,
  ) {}

  hasNextPage(): boolean {
    return this.cursor !== undefined;
  }

  nextPage(): Promise<Page<Item, Response>> {
    if (this.cursor === undefined) return Promise.reject(new KalshiPaginationError('there is no next page'));
    return this.fetchNext(this.cursor);
  }
}

/**
 * The result of a list call. `await` it for the first page; iterate it with `for await` for every
 * item of every page (pages are fetched lazily, one at a time); `.pages()` walks page by page.
 * A cursor that comes back a second time stops the walk with a {@link KalshiPaginationError}.
 */
export class PagePromise<Item, Response = unknown>
  implements PromiseLike<Page<Item, Response>>, AsyncIterable<Item>
{
  private first: Promise<Page<Item, Response>> | undefined;

  constructor(
    private readonly fetcher: PageFetcher<Item, Response>,
    private readonly options: PaginationOptions & { path: string } = { path: '' },
  ) {}

  private load(
    cursor: string | undefined,
    seen: Set<string>,
    state: { pageNumber: number; totalItems: number },
  ) {
    return this.fetcher(cursor).then((raw) => {
      // Kalshi ends a walk with an empty or absent cursor.
      const next = raw.cursor === undefined || raw.cursor === '' ? undefined : raw.cursor;
      if (next !== undefined) {
        if (seen.has(next)) {
          throw new KalshiPaginationError(
            `${this.options.path} returned cursor ${JSON.stringify(next.slice(0, 40))} a second time after page ${state.pageNumber + 1}: stopping to avoid a loop`,
            { path: this.options.path },
          );
        }
        seen.add(next);
      }
      state.pageNumber += 1;
      state.totalItems += raw.items.length;
      this.options.onPage?.({
        pageNumber: state.pageNumber,
        pageItems: raw.items.length,
        totalItems: state.totalItems,
        nextCursor: next,
      });
      const page: Page<Item, Response> = new PageImpl(
        raw.items,
        next,
        raw.response,
        raw.invalidItems ?? [],
        (c) => this.load(c, seen, state),
      );
      return page;
    });
  }

  private firstPage(): Promise<Page<Item, Response>> {
    this.first ??= this.load(undefined, new Set(), { pageNumber: 0, totalItems: 0 });
    return this.first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is deliberately awaitable.
  then<A = Page<Item, Response>, B = never>(
    onFulfilled?: ((page: Page<Item, Response>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  /** Same as `Promise.prototype.catch` on the first page. */
  catch<B = never>(
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<Page<Item, Response> | B> {
    return this.firstPage().catch(onRejected);
  }

  /** Walks page by page. */
  async *pages(): AsyncGenerator<Page<Item, Response>, void, undefined> {
    let page = await this.firstPage();
    yield page;
    while (page.hasNextPage()) {
      page = await page.nextPage();
      yield page;
    }
  }

  /** Walks every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) {
      yield* page.items;
    }
  }

  /** Collects every item of every page into one array. */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const page of this.pages()) {
      for (const item of page.items) all.push(item);
    }
    return all;
  }
}
