import { z } from 'zod';
import type { InvalidListItem } from '../core/invalid-items';

/** Bad items of each parsed list, keyed by the list array itself (only `listEndpoint` reads it). */
const invalidByList = new WeakMap<readonly unknown[], InvalidListItem[]>();

/** The malformed items that {@link itemList} set aside while parsing `list` (empty when none). */
export function invalidItemsOf(list: readonly unknown[]): InvalidListItem[] {
  return invalidByList.get(list) ?? [];
}

/** How an item list names its items. */
export interface ItemListOptions {
  /** What an item is (`fill`, `market`, ...), for messages. */
  kind: string;
  /** Fields of the raw item that identify it, tried in order (`['fill_id', 'trade_id']`). */
  idFields: readonly string[];
}

/** The identity of a raw item: the first of `fields` that holds a non-empty string or number. */
export function rawItemId(raw: unknown, fields: readonly string[]): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  for (const field of fields) {
    const value = (raw as Record<string, unknown>)[field];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
  }
  return undefined;
}

/**
 * A list of items validated one by one: a malformed item is set aside (see {@link invalidItemsOf})
 * instead of failing the whole response, and the good items come through. `null` or an absent
 * list reads as empty. Meant for the page schemas that `listEndpoint` reads, which then applies
 * the caller's policy (throw a typed error naming the item, or hand back the bad ones).
 */
export function itemList<T extends z.ZodType>(item: T, options: ItemListOptions) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((rawItems) => {
      const good: z.output<T>[] = [];
      const bad: InvalidListItem[] = [];
      (rawItems ?? []).forEach((raw, index) => {
        const parsed = item.safeParse(raw);
        if (parsed.success) {
          good.push(parsed.data);
          return;
        }
        const issue = parsed.error.issues[0];
        const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(item)';
        bad.push({
          kind: options.kind,
          id: rawItemId(raw, options.idFields),
          index,
          path,
          reason: issue?.message ?? 'invalid',
          raw,
        });
      });
      if (bad.length > 0) invalidByList.set(good, bad);
      return good;
    });
}
