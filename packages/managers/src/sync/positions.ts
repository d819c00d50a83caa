import type { InvalidListItem, MarketPosition } from '@precog/kalshi-client';
import type { Position, PositionInput, Versioned } from '@precog/scd2-store';
import { silentLogger } from '../logger';
import { ARCHIVED_POSITIONS_STREAM, readArchivedPositions } from './archived-positions';
import { positionSide, type RowScope } from './mapping';
import { asInput, closedRow, exchangeFields, flatRow, opened, tradedAtAll } from './position-rows';
import { addCounts, emptyResult, forEachPage, keepAside, listOptions, report } from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import type { SyncClient, SyncCounts, SyncOptions, SyncResult, SyncStore } from './types';

type OpenPositions = Map<string, PositionInput>;

async function loadOpen(store: SyncStore, scope: RowScope): Promise<OpenPositions> {
  const rows = await store.positions.current({
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    status: 'open',
  });
  return new Map(rows.map((row) => [row.ticker, asInput(row)]));
}

/** The newest ended (closed or settled) current version of each market of the scope. */
async function loadEnded(store: SyncStore, scope: RowScope): Promise<Map<string, PositionInput>> {
  const rows = await store.positions.current({ platformId: scope.platformId, subaccount: scope.subaccount });
  const newest = new Map<string, Versioned<Position>>();
  const endOf = (row: Versioned<Position>) => (row.exitTime ?? row.rowStartTs).getTime();
  for (const row of rows) {
    if (row.status === 'open') continue;
    const seen = newest.get(row.ticker);
    if (seen === undefined || endOf(row) > endOf(seen)) newest.set(row.ticker, row);
  }
  return new Map([...newest].map(([ticker, row]) => [ticker, asInput(row)]));
}

/**
 * Reads the account's positions and writes them as SCD2 versions of `positions`, following the
 * position rule: a position gets a fresh `position_key` when it opens from zero and keeps it on
 * every version until it is back at zero (then a `closed` version, quantity 0); a later re-entry,
 * or a flip from YES to NO, is a new position with a new key. Only exchange-owned fields change
 * (quantity, side, exposure, traded, fees, realized P&L); the position manager's fields (entry
 * price, stops, strategy, trailing state) are carried over. A re-run with nothing new writes
 * nothing. Open positions the exchange no longer reports are closed only after the whole list
 * was read, so an interrupted walk never closes a position by mistake.
 *
 * Both sides of Kalshi's historical cutoff are read: `GET /portfolio/positions`, then
 * `GET /historical/positions` (see {@link readArchivedPositions}), whose records are settled. Every
 * flat record (position 0) the exchange reports, live or archived, is kept with the exchange's
 * figures exactly: on the store's position of that market when it has one (its closing version,
 * `settled` once archived), else as a new closed or settled position (side unknown). A market
 * met on both sides (the cutoff moved during the sync) is stored once, as the archive has it.
 */
export async function syncPositions(
  client: SyncClient,
  store: SyncStore,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? Date;
  const scope = scopeOf(options);
  const result = emptyResult('positions');
  let open = await loadOpen(store, scope);
  const held = new Set<string>();
  const flat = new Map<string, MarketPosition>();
  // A malformed position without a ticker could be any open one: then nothing is closed this run.
  let unnamedAside = false;

  const aside = async (items: readonly InvalidListItem[]) => {
    // A position kept aside is still held: never close it for being absent from the good items.
    for (const item of items) {
      if (item.id === undefined) unnamedAside = true;
      else held.add(item.id);
    }
    await keepAside(store, 'positions', result, items);
  };

  const writePage = async (positions: readonly MarketPosition[]): Promise<Partial<SyncCounts>> => {
    const now = new Date(clock.now());
    const closing: PositionInput[] = [];
    const rows: PositionInput[] = [];
    for (const p of positions) {
      const current = open.get(p.ticker);
      if (p.position_fp.isZero()) {
        flat.set(p.ticker, p);
        continue;
      }
      held.add(p.ticker);
      const { side, quantity } = positionSide(p);
      if (current !== undefined && current.side === side) {
        rows.push({ ...current, side, quantity, status: 'open', ...exchangeFields(p, now, current) });
      } else {
        // Crossing zero (YES → NO or back) closes the old position and opens a new one.
        if (current !== undefined) closing.push(closedRow(current, undefined, p.last_updated_ts ?? now, now));
        rows.push(opened(p, scope, now));
      }
    }
    const counts: SyncCounts = { inserted: 0, versioned: 0, unchanged: 0, duplicates: 0, corrected: 0 };
    if (closing.length > 0) {
      const closed = await store.positions.upsertVersions(closing);
      counts.versioned += closed.versioned;
      result.closed += closed.versioned;
    }
    const written = await store.positions.upsertVersions(rows);
    counts.inserted += written.inserted;
    counts.versioned += written.versioned;
    counts.unchanged += written.unchanged;
    for (const row of closing) open.delete(row.ticker);
    for (const row of rows) open.set(row.ticker, row);
    return counts;
  };

  const list = client.portfolio.getPositions(
    { ...limitParam(options), ...subaccountParam(options) },
    listOptions(options),
  );
  await forEachPage(
    list,
    result,
    options,
    async (positions) => {
      try {
        return await writePage(positions);
      } catch (error) {
        // Another sync opened one of these positions meanwhile (the store allows one open position
        // per market): read the store again and plan the page once more.
        if ((error as { name?: string }).name !== 'ConstraintViolationError') throw error;
        logger.warn(
          { error: (error as Error).message },
          'positions changed under the sync; retrying the page',
        );
        open = await loadOpen(store, scope);
        return writePage(positions);
      }
    },
    aside,
  );
  const archive = await readArchivedPositions(client, store, scope, options, result, aside);
  for (const [ticker, p] of archive.positions) {
    // Archived after the live walk saw it held: it settled meanwhile, the archive is newer.
    held.delete(ticker);
    flat.set(ticker, p);
  }
  const endStatus = (ticker: string) => (archive.positions.has(ticker) ? 'settled' : 'closed');

  // The walk is complete: whatever is open in the store but flat (or absent) on the exchange closed.
  const now = new Date(clock.now());
  const closing = [...open.values()]
    .filter((row) => !unnamedAside && !held.has(row.ticker))
    .map((row) => {
      const last = flat.get(row.ticker);
      return closedRow(row, last, last?.last_updated_ts ?? now, now, endStatus(row.ticker));
    });
  if (closing.length > 0) {
    const closed = await store.positions.upsertVersions(closing);
    addCounts(result, { versioned: closed.versioned });
    result.closed += closed.versioned;
    for (const row of closing) open.delete(row.ticker);
  }
  // Flat records of positions already over (or never seen held): the exchange's final figures.
  const closedNow = new Set(closing.map((row) => row.ticker));
  const rest = [...flat.values()].filter((p) => !closedNow.has(p.ticker) && !open.has(p.ticker));
  if (rest.length > 0) {
    const ended = await loadEnded(store, scope);
    const rows = rest
      .filter((p) => ended.has(p.ticker) || tradedAtAll(p))
      .map((p) => flatRow(p, ended.get(p.ticker), endStatus(p.ticker), scope, now));
    const written = rows.length === 0 ? undefined : await store.positions.upsertVersions(rows);
    addCounts(result, written ?? {});
    // A record with nothing traded (resting orders only) is not a position: nothing to write.
    result.unchanged += rest.length - rows.length;
  }
  if (result.invalid.length === 0 && archive.mark !== undefined) {
    await store.syncMarks.advance(ARCHIVED_POSITIONS_STREAM, archive.mark, scope);
  }
  report(options, result, true);
  return result;
}
