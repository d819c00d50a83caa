import type { InvalidListItem, ListOptions, Page, PagePromise } from '@precog/kalshi-client';
import { silentLogger } from '../logger';
import { SyncInterruptedError } from './errors';
import type { SyncCounts, SyncOptions, SyncResult, SyncStage, SyncStore } from './types';

/** A result with every count at zero. */
export function emptyResult(stage: SyncStage): SyncResult {
  return {
    stage,
    pages: 0,
    items: 0,
    inserted: 0,
    versioned: 0,
    unchanged: 0,
    duplicates: 0,
    corrected: 0,
    closed: 0,
    invalid: [],
  };
}

/** Adds `counts` into `result` (in place). */
export function addCounts(result: SyncResult, counts: Partial<SyncCounts>): void {
  result.inserted += counts.inserted ?? 0;
  result.versioned += counts.versioned ?? 0;
  result.unchanged += counts.unchanged ?? 0;
  result.duplicates += counts.duplicates ?? 0;
  result.corrected += counts.corrected ?? 0;
}

/** What writing one page did: counts, plus the items it had to keep aside. */
export interface PageWrite extends Partial<SyncCounts> {
  /** Items of the page that could not be stored (a value the column cannot hold, ...). */
  invalid?: InvalidListItem[];
}

/**
 * Records items kept aside in `ingest_errors` (stream = what was being read) and in the result.
 * Recording never loses the run: the items are already named in `result.invalid`.
 */
export async function keepAside(
  store: Pick<SyncStore, 'ingestErrors'>,
  stream: string,
  result: SyncResult,
  items: readonly InvalidListItem[],
): Promise<void> {
  if (items.length === 0) return;
  for (const item of items) {
    result.invalid.push({ kind: item.kind, id: item.id, path: item.path, reason: item.reason });
  }
  const occurredAt = new Date();
  await store.ingestErrors.record(
    items.map((item) => ({
      stream,
      itemKind: item.kind,
      itemId: item.id ?? null,
      itemPath: item.path,
      reason: item.reason,
      rawJson: JSON.stringify(item.raw) ?? 'null',
      occurredAt,
    })),
  );
}

/** Reports the result so far through `onProgress`. */
export function report(options: SyncOptions, result: SyncResult, done: boolean): void {
  const { closed: _closed, invalid: _invalid, ...counts } = result;
  options.onProgress?.({ ...counts, done });
}

/** Throws SyncInterruptedError when the signal is aborted. */
export function checkSignal(options: SyncOptions, result: SyncResult): void {
  if (options.signal?.aborted) {
    throw new SyncInterruptedError({ ...result }, { cause: options.signal.reason });
  }
}

/**
 * Walks a list endpoint page by page and hands each page to `write` before fetching the next,
 * so an interruption keeps every page already written. The client retries a failed page
 * request itself (same cursor), so a 502 or 429 mid-walk neither skips nor repeats a page.
 */
export async function forEachPage<Item, Response>(
  list: PagePromise<Item, Response>,
  result: SyncResult,
  options: SyncOptions,
  write: (items: Item[], page: Page<Item, Response>) => Promise<PageWrite>,
  aside?: (items: readonly InvalidListItem[]) => Promise<void>,
): Promise<SyncResult> {
  const logger = options.logger ?? silentLogger;
  checkSignal(options, result);
  try {
    for await (const page of list.pages()) {
      const { invalid = [], ...counts } = page.items.length === 0 ? {} : await write(page.items, page);
      result.pages += 1;
      result.items += page.items.length + page.invalidItems.length;
      addCounts(result, counts);
      const bad = [...page.invalidItems, ...invalid];
      if (bad.length > 0) {
        logger.warn(
          { stage: result.stage, invalid: bad.map((b) => b.id ?? `#${b.index}`) },
          'items kept aside',
        );
        await aside?.(bad);
      }
      logger.debug(
        { stage: result.stage, page: result.pages, items: page.items.length, ...counts },
        'page synced',
      );
      report(options, result, false);
      if (page.hasNextPage()) checkSignal(options, result);
    }
  } catch (error) {
    throw interrupted(options, result, error);
  }
  return result;
}

/**
 * The error to throw for a failure: a request aborted by the sync's own signal (in flight or
 * backing off between retries) becomes a SyncInterruptedError; anything else is left as is.
 */
export function interrupted(options: SyncOptions, result: SyncResult, error: unknown): unknown {
  if (error instanceof SyncInterruptedError || !options.signal?.aborted) return error;
  return new SyncInterruptedError({ ...result }, { cause: error });
}

/**
 * The options of a sync's list calls: its abort signal, and malformed items handed back rather
 * than thrown, so one bad item never sinks its page.
 */
export function listOptions(options: SyncOptions): ListOptions {
  return { ...requestOptions(options), invalidItems: 'collect' };
}

/** The per-call request options of a sync: its abort signal, when it has one. */
export function requestOptions(options: SyncOptions): { signal?: AbortSignal } {
  return options.signal === undefined ? {} : { signal: options.signal };
}
