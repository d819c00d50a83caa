import type { z } from 'zod';
import { checkLimit, type ListOptions, type ListPath } from '../core/list-options';
import { PagePromise } from '../core/pagination';
import type { QueryValue } from './query';
import type { Transport } from './transport';

/** Builds the page promise of a cursor-paginated endpoint. */
export function listEndpoint<Item, Response extends { cursor?: string | undefined }>(
  transport: Transport,
  spec: {
    path: ListPath;
    query: Record<string, QueryValue> & { limit?: number | undefined; cursor?: string | undefined };
    schema: z.ZodType<Response>;
    items: (response: Response) => Item[];
  },
  options: ListOptions = {},
): PagePromise<Item, Response> {
  const { onPage, maxPagesWithoutNewItems, ...requestOptions } = options;
  return new PagePromise<Item, Response>(
    async (cursor) => {
      // Checked before anything is sent; reported through the page promise like any failure.
      checkLimit(spec.path, spec.query.limit);
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
      return { items: spec.items(response), cursor: response.cursor, response };
    },
    {
      path: transport.pathPrefix + spec.path,
      maxPagesWithoutNewItems: maxPagesWithoutNewItems ?? transport.maxPagesWithoutNewItems,
      ...(onPage ? { onPage } : {}),
    },
  );
}
