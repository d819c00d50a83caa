import type { z } from 'zod';
import { KalshiInvalidItemError } from '../core/invalid-items';
import { checkLimit, type ListOptions, type ListPath } from '../core/list-options';
import { PagePromise } from '../core/pagination';
import { invalidItemsOf } from './item-list';
import type { QueryValue } from './query';
import type { Transport } from './transport';

/**
 * Builds the page promise of a cursor-paginated endpoint. Items parsed by an `itemList` schema are
 * validated one by one: malformed ones either reject the page with a {@link KalshiInvalidItemError}
 * naming them (default) or ride along in `page.invalidItems` (`invalidItems: 'collect'`).
 */
export function listEndpoint<Item, Response extends { cursor?: string | undefined }>(
  transport: Transport,
  spec: {
    path: ListPath;
    query: Record<string, QueryValue> & { limit?: number | undefined; cursor?: string | undefined };
    schema: z.ZodType<Response>;
    items: (response: Response) => Item[];
    /** Checks the parameters before anything is sent (throws `KalshiInvalidParamsError`). */
    check?: () => void;
  },
  options: ListOptions = {},
): PagePromise<Item, Response> {
  const { onPage, maxPagesWithoutNewItems, invalidItems: policy = 'throw', ...requestOptions } = options;
  return new PagePromise<Item, Response>(
    async (cursor) => {
      // Checked before anything is sent; reported through the page promise like any failure.
      checkLimit(spec.path, spec.query.limit);
      spec.check?.();
      const response = await transport.request(
        {
          method: 'GET',
          path: spec.path,
          query: { ...spec.query, cursor: cursor ?? spec.query.cursor },
          schema: spec.schema,
          retry: 'safe',
        },
        requestOptions,
      );
      const items = spec.items(response);
      const invalidItems = invalidItemsOf(items);
      const [first, ...rest] = invalidItems;
      if (first !== undefined && policy === 'throw') {
        throw new KalshiInvalidItemError([first, ...rest], {
          method: 'GET',
          path: transport.pathPrefix + spec.path,
        });
      }
      return { items, cursor: response.cursor, response, invalidItems };
    },
    {
      path: transport.pathPrefix + spec.path,
      maxPagesWithoutNewItems: maxPagesWithoutNewItems ?? transport.maxPagesWithoutNewItems,
      ...(onPage ? { onPage } : {}),
    },
  );
}
