import type { Timestamp } from '@precog/kalshi-client';
import type { RowScope } from './mapping';
import type { SyncOptions, SyncStore } from './types';

/** Default overlap re-read before a high-water mark: one hour. */
export const DEFAULT_OVERLAP_SECONDS = 3600;

/**
 * Where an incremental read starts: the caller's `since`; else nothing (everything) with `full`
 * or on a first run; else the stream's high-water mark less the overlap window.
 */
export async function readFrom(
  store: Pick<SyncStore, 'syncMarks'>,
  stream: string,
  scope: RowScope,
  options: SyncOptions & { since?: Timestamp | undefined },
): Promise<Date | undefined> {
  if (options.since !== undefined) {
    return options.since instanceof Date ? options.since : new Date(options.since * 1000);
  }
  if (options.full) return undefined;
  const mark = await store.syncMarks.get(stream, scope);
  if (mark === undefined) return undefined;
  return new Date(mark.getTime() - (options.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS) * 1000);
}
