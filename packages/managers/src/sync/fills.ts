import type { Fill, InvalidListItem, Timestamp } from '@precog/kalshi-client';
import { silentLogger } from '../logger';
import { fillRow } from './mapping';
import {
  emptyResult,
  forEachPage,
  interrupted,
  keepAside,
  listOptions,
  report,
  requestOptions,
} from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import { splitStorable } from './set-aside';
import { readFrom } from './since';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/** Options of {@link syncFills}. */
export interface SyncFillsOptions extends SyncOptions {
  /** Only fills of this market. Default: all. */
  ticker?: string | undefined;
  /**
   * Only fills at or after this time (a Date or Unix seconds). Default: the stored high-water mark
   * less `overlapSeconds`, or the whole history on a first run or with `full`.
   */
  since?: Timestamp | undefined;
}

/**
 * Reads the account's fills on both sides of Kalshi's historical cutoff — `GET /portfolio/fills`
 * first, then `GET /historical/fills` up to the cutoff read after it — and appends them to
 * `trades`, idempotently on the fill id. The order matters: the archive only grows, so a fill that
 * moves there while the live side is paged (the cutoff moved mid-sync) is still found in the
 * archive afterwards. A fill already stored with the same figures is a duplicate; one that comes
 * back with another price, count or fee is recorded as a correction (`corrected`). A malformed
 * fill, or one the store cannot hold, is kept aside in `ingest_errors` and named in `invalid`;
 * the rest of its page is stored. The high-water mark (`fills`) moves only after a clean run.
 */
export async function syncFills(
  client: SyncClient,
  store: SyncStore,
  options: SyncFillsOptions = {},
): Promise<SyncResult> {
  const logger = options.logger ?? silentLogger;
  const result = emptyResult('fills');
  const scope = scopeOf(options);
  const stream = options.ticker === undefined ? 'fills' : `fills:${options.ticker}`;
  const since = await readFrom(store, stream, scope, options);
  let newest: Date | undefined;

  const write = async (fills: Fill[]) => {
    const { rows, invalid } = splitStorable(fills, {
      kind: 'fill',
      idOf: (fill) => fill.fill_id,
      toRow: (fill) => fillRow(fill, scope),
      check: (row) => store.trades.check(row),
    });
    for (const row of rows) {
      const at = row.executedAt as Date;
      if (newest === undefined || at > newest) newest = at;
    }
    const { inserted, duplicates, corrections } = await store.trades.ingestFills(rows);
    if (corrections.length > 0) {
      logger.warn({ fills: corrections.map((c) => c.externalTradeId) }, 'fills corrected by the exchange');
    }
    return { inserted, duplicates, corrected: corrections.length, invalid };
  };
  const aside = (items: readonly InvalidListItem[]) => keepAside(store, stream, result, items);
  const filters = {
    ...limitParam(options),
    ...(options.ticker === undefined ? {} : { ticker: options.ticker }),
    ...(since === undefined ? {} : { min_ts: since }),
  };

  await forEachPage(
    client.portfolio.getFills({ ...filters, ...subaccountParam(options) }, listOptions(options)),
    result,
    options,
    write,
    aside,
  );
  const cutoff = await client.historical.getCutoff(requestOptions(options)).catch((error: unknown) => {
    throw interrupted(options, result, error);
  });
  if (since === undefined || since < cutoff.trades_created_ts) {
    await forEachPage(
      client.historical.getFills(filters, listOptions(options)),
      result,
      options,
      write,
      aside,
    );
  }
  if (result.invalid.length === 0 && newest !== undefined) {
    await store.syncMarks.advance(stream, newest, scope);
  }
  report(options, result, true);
  return result;
}
