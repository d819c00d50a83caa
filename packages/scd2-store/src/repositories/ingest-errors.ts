import { AppendOnlyTable, type AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { Db } from '../internal/db';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

/**
 * Items a sync could not parse or store, kept aside (append-only). Fields:
 * - `stream`: what was being synced (`fills`, `historical_fills`, `positions`, `settlements`, `markets`, ...).
 * - `itemKind`: `fill`, `position`, `settlement`, `market`, ...
 * - `itemId`: the fill id, the ticker... when the item has one.
 * - `itemPath`: the offending field inside the item (`yes_price_dollars`), `(item)` for the whole item.
 * - `reason`: why it was refused.
 * - `rawJson`: the item exactly as received, as JSON text (text, not jsonb: a NUL escape stays storable).
 * - `occurredAt`: when the sync met it.
 */
export const ingestErrorsDefinition = {
  table: 'ingest_errors',
  orderBy: 'occurred_at',
  generated: [
    { field: 'ingestErrorId', column: 'ingest_error_id', type: 'bigint' },
    { field: 'recordedAt', column: 'recorded_at', type: 'timestamptz' },
  ],
  columns: [
    { field: 'platformId', column: 'platform_id', type: 'text', default: 'kalshi' },
    { field: 'stream', column: 'stream', type: 'text' },
    { field: 'itemKind', column: 'item_kind', type: 'text' },
    { field: 'itemId', column: 'item_id', type: 'text', nullable: true },
    { field: 'itemPath', column: 'item_path', type: 'text' },
    { field: 'reason', column: 'reason', type: 'text' },
    { field: 'rawJson', column: 'raw_json', type: 'text' },
    { field: 'occurredAt', column: 'occurred_at', type: 'timestamptz' },
  ],
} as const satisfies AppendOnlyTableDefinition;

/** One item kept aside by a sync. */
export type IngestErrorInput = InputOf<(typeof ingestErrorsDefinition)['columns']>;

/** A stored row of {@link ingestErrorsDefinition}. */
export type IngestError = RowOf<AppendOnlySpecs<typeof ingestErrorsDefinition>>;

/** Items a sync could not parse or store: append-only, one row per meeting. */
export class IngestErrorsRepository extends AppendOnlyTable<IngestErrorInput, IngestError> {
  constructor(db: Db) {
    super(db, ingestErrorsDefinition);
  }

  /**
   * Records bad items. Text the database cannot hold (a NUL character in a reason or id) is
   * written with the NUL shown as `\u0000`, so recording an error never fails for the error's sake.
   */
  record(items: readonly IngestErrorInput[]) {
    return this.insert(items.map(withoutNul));
  }
}

function withoutNul(item: IngestErrorInput): IngestErrorInput {
  const clean = (text: string) => text.replaceAll('\u0000', '\\u0000');
  return {
    ...item,
    itemId: item.itemId === undefined || item.itemId === null ? item.itemId : clean(item.itemId),
    itemPath: clean(item.itemPath),
    reason: clean(item.reason),
    rawJson: clean(item.rawJson),
  };
}
