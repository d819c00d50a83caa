// Fills from the `fill` channel go through the REST sync's own path: the message becomes the REST
// `Fill` it describes, then `fillRow` and `trades.ingestFills` (idempotent on the fill id, a changed
// figure recorded as a correction). So a fill stored by the stream and read again by `syncFills`
// (or the reverse) is one row, whichever path saw it first.
import type { Fill, FillUpdate } from '@precog/kalshi-client';
import type { IngestFillsResult } from '@precog/scd2-store';
import { fillRow, type RowScope } from '../sync/mapping';
import { emptyResult, keepAside } from '../sync/run-pages';
import { splitStorable } from '../sync/set-aside';
import type { SyncStore } from '../sync/types';

/** The REST fill a `fill` message describes (`trade_id` is the fill's id; `ts_ms` its time). */
export function restFillOf(message: FillUpdate): Fill {
  return {
    fill_id: message.fill_id,
    trade_id: message.trade_id,
    order_id: message.order_id,
    ticker: message.market_ticker,
    market_ticker: message.market_ticker,
    action: message.action,
    side: message.side,
    outcome_side: message.purchased_side,
    book_side: message.book_side,
    count_fp: message.count_fp,
    yes_price_dollars: message.yes_price_dollars,
    no_price_dollars: message.no_price_dollars,
    is_taker: message.is_taker,
    fee_cost: message.fee_cost,
    ts: message.time,
    subaccount_number: message.subaccount,
  };
}

/** What storing a handful of streamed fills did. */
export interface StreamFillsResult extends IngestFillsResult {
  /** Fills kept aside in `ingest_errors` (no time, a value the store cannot hold). */
  invalid: number;
}

/**
 * Stores streamed fills as trades: new ones inserted, known ones with the same figures counted as
 * duplicates, known ones with other figures recorded as corrections; a fill the store cannot hold
 * is kept aside in `ingest_errors` (stream `fills:stream`), never dropped in silence.
 */
export async function storeStreamFills(
  store: Pick<SyncStore, 'trades' | 'ingestErrors'>,
  messages: readonly FillUpdate[],
  scope: RowScope,
): Promise<StreamFillsResult> {
  const fills = messages.map(restFillOf);
  const { rows, invalid } = splitStorable(fills, {
    kind: 'fill',
    idOf: (fill) => fill.fill_id,
    toRow: (fill) => fillRow(fill, scope),
    check: (row) => store.trades.check(row),
  });
  const result = emptyResult('fills');
  await keepAside(store, 'fills:stream', result, invalid);
  const ingested =
    rows.length === 0
      ? { inserted: 0, duplicates: 0, corrections: [] }
      : await store.trades.ingestFills(rows);
  return { ...ingested, invalid: invalid.length };
}
