import { paramValidationError, type WireResponse } from './wire-errors';

/** Limits of one list endpoint: Kalshi's operation name (for its error text), default and maximum. */
export interface ListSpec {
  operation: string;
  defaultLimit: number;
  maxLimit: number;
}

/** Reads `limit` (400 in Kalshi's `{msg}` shape when above the maximum or below 1). */
export function parseLimit(query: URLSearchParams, spec: ListSpec): number | WireResponse {
  const raw = query.get('limit');
  if (raw === null || raw === '') return spec.defaultLimit;
  const limit = Number(raw);
  if (!Number.isInteger(limit)) return paramValidationError(spec.operation, 'Limit', 'numeric');
  if (limit > spec.maxLimit) return paramValidationError(spec.operation, 'Limit', 'lte');
  if (limit < 1) return paramValidationError(spec.operation, 'Limit', 'gte');
  return limit;
}

interface CursorPayload {
  l: string;
  s: number;
}

function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, list: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorPayload>;
    return payload.l === list && typeof payload.s === 'number' ? payload.s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One page of `items` (already filtered, and sorted by `seq` ascending or descending). The cursor
 * names the last item returned by its stable sequence number, so items appended while a caller
 * pages (new fills, new orders) never shift or repeat a page. A cursor the fake did not issue for
 * this list restarts from the first page, as the real exchange does with a garbage cursor. The
 * last page has an empty cursor.
 */
export function paginate<T>(
  items: readonly T[],
  seqOf: (item: T) => number,
  direction: 'asc' | 'desc',
  list: string,
  cursor: string | null,
  limit: number,
): { page: T[]; cursor: string } {
  let start = 0;
  const after = cursor ? decodeCursor(cursor, list) : undefined;
  if (after !== undefined) {
    start = items.findIndex((item) => (direction === 'asc' ? seqOf(item) > after : seqOf(item) < after));
    if (start === -1) start = items.length;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < items.length;
  return { page, cursor: more && last !== undefined ? encodeCursor({ l: list, s: seqOf(last) }) : '' };
}
