import type { z } from 'zod';
import { KalshiInvalidParamsError } from '../core/errors';
import type { ListOptions } from '../core/list-options';
import { PagePromise } from '../core/pagination';
import type { QueryValue } from './query';
import type { Transport } from './transport';

/**
 * The page promise of a cursor-paginated endpoint whose page size maximum comes from the spec
 * (`maxLimit`, when the spec states one): a larger `limit` is refused before anything is sent.
 */
export function pagedEndpoint<Item, Response extends { cursor?: string | undefined }>(
  transport: Transport,
  spec: {
    path: string;
    query: Record<string, QueryValue> & { limit?: number | undefined; cursor?: string | undefined };
    schema: z.ZodType<Response>;
    items: (response: Response) => Item[];
    maxLimit?: number;
  },
  options: ListOptions = {},
): PagePromise<Item, Response> {
  const { onPage, ...requestOptions } = options;
  return new PagePromise<Item, Response>(
    async (cursor) => {
      const limit = spec.query.limit;
      if (
        limit !== undefined &&
        (!Number.isInteger(limit) || limit < 1 || limit > (spec.maxLimit ?? Infinity))
      ) {
        throw new KalshiInvalidParamsError(
          `limit for ${spec.path} must be an integer from 1 to ${spec.maxLimit ?? 'any'}, got ${limit}`,
          { path: spec.path },
        );
      }
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
    { path: transport.pathPrefix + spec.path, ...(onPage ? { onPage } : {}) },
  );
}
