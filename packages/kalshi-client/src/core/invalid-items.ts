import { type KalshiErrorContext, KalshiResponseValidationError } from './errors';

/**
 * One item of a list response that did not match its schema. The rest of the page is still good:
 * list calls validate item by item.
 */
export interface InvalidListItem {
  /** What the item is: `fill`, `order`, `market`, `position`, `settlement`, `trade`, `event`, `series`. */
  readonly kind: string;
  /** The item's identity when its raw JSON has one (the fill id, the order id, the ticker). */
  readonly id: string | undefined;
  /** Position of the item on its page, from 0. */
  readonly index: number;
  /** Path of the first offending field inside the item, e.g. `yes_price_dollars` (`(item)` for the item itself). */
  readonly path: string;
  /** Why it was refused, e.g. `expected a fixed-point decimal string, got "abc"`. */
  readonly reason: string;
  /** The item exactly as the exchange sent it. */
  readonly raw: unknown;
}

/** What a list call does with an item that fails validation. */
export type InvalidItemPolicy = 'throw' | 'collect';

/** Options of a list call about malformed items. */
export interface InvalidItemOptions {
  /**
   * `'throw'` (default): a page holding a malformed item rejects with a {@link KalshiInvalidItemError}
   * naming it. `'collect'`: the page resolves with its good items in `items` and the bad ones in
   * `invalidItems`, so one bad item never sinks its page.
   */
  invalidItems?: InvalidItemPolicy;
}

/** One line naming an item: `fill f-123 (item 34) at yes_price_dollars: expected ...`. */
export function describeInvalidItem(item: InvalidListItem): string {
  const who = item.id === undefined ? `${item.kind} without an id` : `${item.kind} ${item.id}`;
  return `${who} (item ${item.index}) at ${item.path}: ${item.reason}`;
}

/**
 * A list response held an item that does not match its schema. Names the item by its id (not only
 * by a path into the page); `invalidItems` lists every bad item of the page. Pass
 * `{ invalidItems: 'collect' }` to the list call to receive the good items instead.
 */
export class KalshiInvalidItemError extends KalshiResponseValidationError {
  static override readonly errorName: string = 'KalshiInvalidItemError';
  /** The first malformed item of the page. */
  readonly item: InvalidListItem;
  /** Every malformed item of the page, in page order. */
  readonly invalidItems: readonly InvalidListItem[];

  constructor(
    invalidItems: readonly [InvalidListItem, ...InvalidListItem[]],
    context: KalshiErrorContext = {},
  ) {
    const [first] = invalidItems;
    const more = invalidItems.length > 1 ? ` (and ${invalidItems.length - 1} more)` : '';
    super(
      `${context.method ?? 'GET'} ${context.path ?? ''} returned a malformed ${describeInvalidItem(first)}${more}`,
      [first.index, ...first.path.split('.').filter((p) => p !== '(item)')],
      { code: 'invalid_item', ...context },
    );
    this.item = first;
    this.invalidItems = invalidItems;
  }
}
