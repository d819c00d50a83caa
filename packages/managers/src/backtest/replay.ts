// The store's SCD2 market history, replayed in time order across markets, a page at a time.
//
// Two keyset-paginated reads, never one query per timestamp and never the whole table in memory:
//   1. with a `from`, the versions already valid at `from` (started before it, not ended by it),
//      page by page in id order; each is replayed as happening at `from`;
//   2. the versions that start in [from, to), page by page in (row_start_ts, id) order, served by
//      the index markets_row_start_ts_id_idx without a sort.
// The next page is requested before the current one is handed out, so the database works while
// the strategy does. Memory: two pages at most.
import { BacktestInputError } from './errors';
import { PACKED_COLUMN, type PackedRow, packedKey, parsePacked, type ReplayedMarket } from './replay-row';

export type { ReplayedMarket } from './replay-row';

/** The one store call the replay makes (a `Store` from `@precog/scd2-store` has it). */
export interface ReplayStore {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

/** Options of {@link replayMarketHistory}. */
export interface ReplayOptions {
  /** Start of the window (inclusive). Versions valid at `from` are replayed first, at `from`. Default: the first version stored. */
  from?: Date | undefined;
  /** End of the window (exclusive): versions starting at or after it are not read. Default: none. */
  to?: Date | undefined;
  /** Platform whose markets are replayed. Default `kalshi`. */
  platformId?: string | undefined;
  /** Versions per page (per query). Default 10000. Memory holds at most two pages. */
  pageSize?: number | undefined;
}

/** `$n::int8` microseconds since the epoch as a timestamptz, exactly (no float on the way). */
const tsFromMicros = (n: number) => `(timestamptz 'epoch' + $${n}::int8 * interval '1 microsecond')`;

function micros(date: Date): number {
  return date.getTime() * 1000;
}

function checkOptions(options: ReplayOptions): { pageSize: number } {
  const pageSize = options.pageSize ?? 10_000;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new BacktestInputError(`pageSize must be a positive integer, got ${pageSize}`, 'pageSize');
  }
  for (const [name, value] of [
    ['from', options.from],
    ['to', options.to],
  ] as const) {
    if (value !== undefined && Number.isNaN(value.getTime())) {
      throw new BacktestInputError(`${name} is not a valid date`, name);
    }
  }
  if (options.from !== undefined && options.to !== undefined && options.to <= options.from) {
    throw new BacktestInputError(
      `to (${options.to.toISOString()}) must be after from (${options.from.toISOString()})`,
      'to',
    );
  }
  return { pageSize };
}

/** Pages of one keyset read (by the last row's id), the next page requested before the current one is yielded. */
async function* pages(
  fetchPage: (afterId: number | null) => Promise<PackedRow[]>,
  pageSize: number,
): AsyncGenerator<PackedRow[]> {
  let page = await fetchPage(null);
  while (page.length > 0) {
    const last = page[page.length - 1] as PackedRow;
    const next = page.length < pageSize ? Promise.resolve<PackedRow[]>([]) : fetchPage(packedKey(last).id);
    yield page;
    page = await next;
  }
}

/**
 * Replays the store's market versions in time order across markets, one page (array) at a time:
 * first the versions valid at `from` (at `from`), then every version starting in [from, to), in
 * (start, id) order. Works on PostgreSQL and PGlite; memory holds at most two pages.
 */
export async function* replayMarketHistory(
  store: ReplayStore,
  options: ReplayOptions = {},
): AsyncGenerator<ReplayedMarket[]> {
  const { pageSize } = checkOptions(options);
  const platformId = options.platformId ?? 'kalshi';
  const fromUs = options.from === undefined ? null : micros(options.from);
  const toUs = options.to === undefined ? null : micros(options.to);
  const fromMs = options.from === undefined ? null : options.from.getTime();
  const rowsOf = (r: { rows: PackedRow[] }) => r.rows;

  if (fromUs !== null) {
    const valid = (afterId: number | null) =>
      store
        .query<PackedRow>(
          `SELECT ${PACKED_COLUMN} FROM markets
WHERE platform_id = $1 AND row_start_ts < ${tsFromMicros(2)}
  AND (row_end_ts IS NULL OR row_end_ts > ${tsFromMicros(2)}) AND id > $3
ORDER BY id LIMIT $4`,
          [platformId, fromUs, afterId ?? 0, pageSize],
        )
        .then(rowsOf);
    for await (const page of pages(valid, pageSize)) yield page.map((row) => parsePacked(row, fromMs));
  }

  const starting = (afterId: number | null) => {
    const params: unknown[] = [platformId, pageSize];
    const where: string[] = [];
    if (afterId !== null) {
      // The keyset goes by id: the server looks up the start of the last row read, exactly.
      params.push(afterId);
      where.push(
        `(row_start_ts, id) > ((SELECT k.row_start_ts FROM markets k WHERE k.id = $${params.length}), $${params.length}::int8)`,
      );
    } else if (fromUs !== null) {
      params.push(fromUs);
      where.push(`row_start_ts >= ${tsFromMicros(params.length)}`);
    }
    if (toUs !== null) {
      params.push(toUs);
      where.push(`row_start_ts < ${tsFromMicros(params.length)}`);
    }
    return store
      .query<PackedRow>(
        `SELECT ${PACKED_COLUMN} FROM markets
WHERE platform_id = $1${where.map((w) => ` AND ${w}`).join('')}
ORDER BY row_start_ts, id LIMIT $2`,
        params,
      )
      .then(rowsOf);
  };
  for await (const page of pages(starting, pageSize)) yield page.map((row) => parsePacked(row, fromMs));
}
