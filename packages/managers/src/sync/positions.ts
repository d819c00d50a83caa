import type { MarketPosition } from '@precog/kalshi-client';
import {
  type Json,
  newPositionKey,
  type Position,
  type PositionInput,
  type Versioned,
} from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { silentLogger } from '../logger';
import { positionSide, type RowScope } from './mapping';
import { toMetadata } from './metadata';
import { addCounts, emptyResult, forEachPage, keepAside, listOptions, report } from './run-pages';
import { limitParam, scopeOf, subaccountParam } from './scope';
import type { SyncClient, SyncCounts, SyncOptions, SyncResult, SyncStore } from './types';

type OpenPositions = Map<string, PositionInput>;

/** A stored version as an input row: the version columns dropped, every other field carried. */
function asInput(version: Versioned<Position>): PositionInput {
  const { id: _id, rowCurrentInd: _c, rowStartTs: _s, rowEndTs: _e, ...row } = version;
  return row;
}

async function loadOpen(store: SyncStore, scope: RowScope): Promise<OpenPositions> {
  const rows = await store.positions.current({
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    status: 'open',
  });
  return new Map(rows.map((row) => [row.ticker, asInput(row)]));
}

/**
 * Metadata keys the position manager owns on a version (its exact fill-built figures and exit
 * state): a sync replaces the exchange's object around them and never drops them.
 */
const MANAGER_METADATA_KEYS = ['position', 'partialStagesDone', 'exitAt'] as const;

function syncedMetadata(p: MarketPosition, previous: Json | undefined): Json {
  const exchange = toMetadata(p) as { [key: string]: Json };
  if (
    previous === null ||
    previous === undefined ||
    typeof previous !== 'object' ||
    Array.isArray(previous)
  ) {
    return exchange;
  }
  const kept: { [key: string]: Json } = {};
  for (const key of MANAGER_METADATA_KEYS) {
    const value = previous[key];
    if (value !== undefined) kept[key] = value;
  }
  return { ...exchange, ...kept };
}

/**
 * Exchange-owned fields of a position version, exactly as the exchange sent them; the position
 * manager's fields are left alone. `realized_pnl` follows Kalshi's convention in every writer:
 * `realized_pnl_dollars`, before fees, with `fees_paid_dollars` beside it in `fees_paid` (the net
 * is always derived: `realized_pnl − fees_paid`).
 */
function exchangeFields(p: MarketPosition, now: Date, current?: PositionInput) {
  return {
    marketExposure: p.market_exposure_dollars ?? null,
    totalTraded: p.total_traded_dollars ?? null,
    feesPaid: p.fees_paid_dollars ?? null,
    realizedPnl: p.realized_pnl_dollars ?? null,
    lastCheckTime: now,
    metadata: syncedMetadata(p, current?.metadata),
  };
}

function opened(p: MarketPosition, scope: RowScope, now: Date): PositionInput {
  const { side, quantity } = positionSide(p);
  const exposure = p.market_exposure_dollars;
  return {
    positionKey: newPositionKey(),
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    ticker: p.ticker,
    side,
    quantity,
    status: 'open',
    // Average cost per contract of the opening holdings, the position manager may refine it.
    entryPrice:
      exposure === undefined || quantity.isZero()
        ? null
        : exposure.div(quantity).toDecimalPlaces(4, Decimal.ROUND_HALF_UP),
    entryTime: p.last_updated_ts ?? now,
    ...exchangeFields(p, now),
  };
}

/**
 * The closing version of a position: quantity 0, status `closed`, exit time when the exchange
 * last changed the market's position (never before the entry: the two can come from different
 * clocks). `flat` is the exchange's zero-quantity record of that market, when it sent one.
 */
function closedRow(
  current: PositionInput,
  flat: MarketPosition | undefined,
  at: Date,
  now: Date,
): PositionInput {
  const entry = current.entryTime ?? null;
  const exitTime = entry !== null && entry.getTime() > at.getTime() ? entry : at;
  return {
    ...current,
    quantity: new Decimal(0),
    status: 'closed',
    exitTime,
    ...(flat === undefined
      ? { lastCheckTime: now }
      : { ...exchangeFields(flat, now, current), marketExposure: new Decimal(0) }),
  };
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
    async (items) => {
      // A position kept aside is still held: never close it for being absent from the good items.
      for (const item of items) {
        if (item.id === undefined) unnamedAside = true;
        else held.add(item.id);
      }
      await keepAside(store, 'positions', result, items);
    },
  );

  // The walk is complete: whatever is open in the store but flat (or absent) on the exchange closed.
  const now = new Date(clock.now());
  const closing = [...open.values()]
    .filter((row) => !unnamedAside && !held.has(row.ticker))
    .map((row) => {
      const last = flat.get(row.ticker);
      return closedRow(row, last, last?.last_updated_ts ?? now, now);
    });
  if (closing.length > 0) {
    const closed = await store.positions.upsertVersions(closing);
    addCounts(result, { versioned: closed.versioned });
    result.closed += closed.versioned;
    for (const row of closing) open.delete(row.ticker);
  }
  // Positions already flat and not open in the store write nothing: count them as unchanged.
  result.unchanged += [...flat.keys()].filter((t) => !closing.some((row) => row.ticker === t)).length;
  report(options, result, true);
  return result;
}
