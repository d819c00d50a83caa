import type { InvalidListItem } from '@precog/kalshi-client';
import { toMetadata } from './metadata';

/**
 * Splits a page into rows the store can hold and items kept aside: an item whose mapping fails or
 * whose row `check` refuses (a 7th decimal, a NUL character) is named instead of failing the batch.
 */
export function splitStorable<Item, Row>(
  items: readonly Item[],
  spec: {
    kind: string;
    idOf: (item: Item) => string | undefined;
    toRow: (item: Item) => Row;
    check: (row: Row) => void;
  },
): { rows: Row[]; items: Item[]; invalid: InvalidListItem[] } {
  const rows: Row[] = [];
  const kept: Item[] = [];
  const invalid: InvalidListItem[] = [];
  items.forEach((item, index) => {
    try {
      const row = spec.toRow(item);
      spec.check(row);
      rows.push(row);
      kept.push(item);
    } catch (error) {
      const column = (error as { column?: unknown }).column;
      invalid.push({
        kind: spec.kind,
        id: spec.idOf(item),
        index,
        path: typeof column === 'string' ? column : '(item)',
        reason: error instanceof Error ? error.message : String(error),
        raw: toMetadata(item),
      });
    }
  });
  return { rows, items: kept, invalid };
}
