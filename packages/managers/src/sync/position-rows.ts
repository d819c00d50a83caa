// Row builders of the positions sync: how one exchange position record becomes a version of
// `positions` (opening, updating, closing, or a flat record the store never saw held).
import type { MarketPosition } from '@precog/kalshi-client';
import {
  type Json,
  newPositionKey,
  type Position,
  type PositionInput,
  type Versioned,
} from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { positionSide, type RowScope } from './mapping';
import { toMetadata } from './metadata';

/** A stored version as an input row: the version columns dropped, every other field carried. */
export function asInput(version: Versioned<Position>): PositionInput {
  const { id: _id, rowCurrentInd: _c, rowStartTs: _s, rowEndTs: _e, ...row } = version;
  return row;
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
export function exchangeFields(p: MarketPosition, now: Date, current?: PositionInput) {
  return {
    marketExposure: p.market_exposure_dollars ?? null,
    totalTraded: p.total_traded_dollars ?? null,
    feesPaid: p.fees_paid_dollars ?? null,
    realizedPnl: p.realized_pnl_dollars ?? null,
    lastCheckTime: now,
    metadata: syncedMetadata(p, current?.metadata),
  };
}

/** The first version of a position the exchange reports held. */
export function opened(p: MarketPosition, scope: RowScope, now: Date): PositionInput {
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

/** How a position ended: `settled` when the exchange archived it (its market settled), else `closed`. */
export type EndStatus = 'closed' | 'settled';

/**
 * The closing version of a position: quantity 0, status `closed` (or `settled`), exit time when
 * the exchange last changed the market's position (never before the entry: the two can come from
 * different clocks). `flat` is the exchange's zero-quantity record of that market, when it sent one.
 */
export function closedRow(
  current: PositionInput,
  flat: MarketPosition | undefined,
  at: Date,
  now: Date,
  status: EndStatus = 'closed',
): PositionInput {
  const entry = current.entryTime ?? null;
  const exitTime = entry !== null && entry.getTime() > at.getTime() ? entry : at;
  return {
    ...current,
    quantity: new Decimal(0),
    status,
    exitTime,
    ...(flat === undefined
      ? { lastCheckTime: now }
      : { ...exchangeFields(flat, now, current), marketExposure: new Decimal(0) }),
  };
}

/** True when a flat record carries anything to keep: traded contracts, fees or realized P&L. */
export function tradedAtAll(p: MarketPosition): boolean {
  return [p.total_traded_dollars, p.fees_paid_dollars, p.realized_pnl_dollars].some(
    (v) => v !== undefined && !v.isZero(),
  );
}

/**
 * The version for a flat record of a market whose position is already over in the store
 * (`latest`, its newest closed or settled version): the exchange's final figures on the same key,
 * `settled` once the exchange archived it (a settled version never goes back to `closed`).
 * Without `latest` the store never saw it held (a sync from an empty store meets the account's
 * past positions): a new key, quantity 0, side unknown (null: a flat record has no side).
 */
export function flatRow(
  p: MarketPosition,
  latest: PositionInput | undefined,
  status: EndStatus,
  scope: RowScope,
  now: Date,
): PositionInput {
  const exchange = { ...exchangeFields(p, now, latest), marketExposure: new Decimal(0) };
  if (latest !== undefined) {
    const kept: EndStatus = latest.status === 'settled' ? 'settled' : status;
    return { ...latest, quantity: new Decimal(0), status: kept, ...exchange };
  }
  return {
    positionKey: newPositionKey(),
    platformId: scope.platformId,
    subaccount: scope.subaccount,
    ticker: p.ticker,
    side: null,
    quantity: new Decimal(0),
    status,
    entryTime: null,
    exitTime: p.last_updated_ts ?? null,
    ...exchange,
  };
}
