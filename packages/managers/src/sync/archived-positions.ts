// The archive side of the positions sync: `GET /historical/positions`, read when the cutoff moved.
import type { InvalidListItem, MarketPosition } from '@precog/kalshi-client';
import type { RowScope } from './mapping';
import { forEachPage, interrupted, listOptions, requestOptions } from './run-pages';
import { limitParam, subaccountParam } from './scope';
import type { SyncClient, SyncOptions, SyncResult, SyncStore } from './types';

/** High-water mark stream of the positions archive: the cutoff the last clean read went up to. */
export const ARCHIVED_POSITIONS_STREAM = 'positions:archive';

/** What {@link readArchivedPositions} found. */
export interface ArchivedPositions {
  /** The archived (settled) records by ticker; empty when the archive was not read. */
  positions: Map<string, MarketPosition>;
  /** The cutoff to store as the mark after a clean run; undefined when the archive was not read. */
  mark: Date | undefined;
}

/**
 * Reads `GET /historical/positions`: the account's positions of events settled before
 * `market_positions_last_updated_ts`, which `GET /portfolio/positions` no longer lists. Called
 * after the live list was walked: the archive only grows, so a position archived while the live
 * list was paged is found here. The endpoint has no time filter, so the high-water mark is the
 * cutoff itself: the archive is read on a first run, with `full`, or when the cutoff moved past
 * the mark (nothing was archived since otherwise).
 */
export async function readArchivedPositions(
  client: SyncClient,
  store: Pick<SyncStore, 'syncMarks'>,
  scope: RowScope,
  options: SyncOptions,
  result: SyncResult,
  aside: (items: readonly InvalidListItem[]) => Promise<void>,
): Promise<ArchivedPositions> {
  const positions = new Map<string, MarketPosition>();
  const cutoff = await client.historical.getCutoff(requestOptions(options)).catch((error: unknown) => {
    throw interrupted(options, result, error);
  });
  const at = cutoff.market_positions_last_updated_ts;
  if (!options.full && at !== undefined) {
    const mark = await store.syncMarks.get(ARCHIVED_POSITIONS_STREAM, scope);
    if (mark !== undefined && at.getTime() <= mark.getTime()) return { positions, mark: undefined };
  }
  await forEachPage(
    client.historical.getPositions(
      { ...limitParam(options), ...subaccountParam(options) },
      listOptions(options),
    ),
    result,
    options,
    async (items) => {
      for (const p of items) positions.set(p.ticker, p);
      return {};
    },
    aside,
  );
  return { positions, mark: at };
}
