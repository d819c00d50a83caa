// Fills of engine orders applied to positions exactly once: the engine_fills table records each
// fill id applied, and a crash between saving a position and recording its fills is repaired from
// the position's last fill. Internal to the order manager; `AppliedFills` is exported through
// order-manager.ts.
import type { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { toPositionFill } from '../execution/orders';
import type { PositionManager } from '../position-manager/position-manager';
import type { PositionAttribution, StoredPosition } from '../position-manager/stored-position';
import type { Fill } from '../positions/position';
import type { EpochMs, Side } from '../types';
import { actionOf, type IntentRecord } from './order-intents';

/** A position changed by fills of engine orders. */
export interface AppliedFills {
  stored: StoredPosition;
  /** The fills closed the position. */
  closed: boolean;
}

/** What {@link applyOrderFills} needs from the order manager. */
export interface ApplyFillsContext {
  client: Pick<KalshiClient, 'portfolio'>;
  store: Store;
  positions: PositionManager;
  strategyKey: string;
  /** See `OrderManagerOptions.attribution`. */
  attribution: ((ticker: string, side: Side, avgPrice: Decimal) => Partial<PositionAttribution>) | undefined;
  clock: { now(): EpochMs };
  /** Stores the intent's new filled count. */
  setFilled: (intent: IntentRecord, filled: Decimal) => Promise<void>;
}

const ZERO = new Decimal(0);

/** Applies the order's fills not yet applied, in exchange order, exactly once. */
export async function applyOrderFills(intent: IntentRecord, ctx: ApplyFillsContext): Promise<AppliedFills[]> {
  const { client, store, positions } = ctx;
  const action = actionOf(intent.kind);
  const all: Fill[] = [];
  for await (const f of client.portfolio.getFills({
    order_id: intent.orderId ?? '',
    ticker: intent.ticker,
  })) {
    all.push(toPositionFill(f, intent.side, action));
  }
  all.reverse(); // newest first on the wire
  const filled = all.reduce((s, f) => s.plus(f.count), ZERO);
  if (!filled.eq(intent.filled)) await ctx.setFilled(intent, filled);
  const known = await store.query<{ fill_id: string }>(
    'SELECT fill_id FROM engine_fills WHERE fill_id = ANY($1)',
    [all.map((f) => f.fillId)],
  );
  const done = new Set(known.rows.map((r) => r.fill_id));
  let fresh = all.filter((f) => !done.has(f.fillId));
  if (fresh.length === 0) return [];
  // A crash between saving the position and recording its fills: the position's last fill
  // says how far that batch got.
  const current = (await positions.open({ ticker: intent.ticker }))[0];
  const lastApplied = fresh.findIndex((f) => f.fillId === current?.position.lastFillId);
  if (lastApplied >= 0) {
    await recordFills(intent, fresh.slice(0, lastApplied + 1), ctx);
    fresh = fresh.slice(lastApplied + 1);
    if (fresh.length === 0) return [];
  }
  const cost = fresh.reduce((s, f) => s.plus(f.count.times(f.price)), ZERO);
  const count = fresh.reduce((s, f) => s.plus(f.count), ZERO);
  const opening = current === undefined && action === 'buy';
  const attribution = opening ? (ctx.attribution?.(intent.ticker, intent.side, cost.div(count)) ?? {}) : {};
  const stored = await positions.applyFills(fresh, {
    ...attribution,
    ...(opening && intent.orderId !== null ? { initialOrderId: intent.orderId } : {}),
  });
  await recordFills(intent, fresh, ctx);
  return stored === undefined ? [] : [{ stored, closed: stored.position.status === 'closed' }];
}

async function recordFills(
  intent: IntentRecord,
  fills: readonly Fill[],
  ctx: ApplyFillsContext,
): Promise<void> {
  const now = new Date(ctx.clock.now());
  for (const f of fills) {
    await ctx.store.query(
      `INSERT INTO engine_fills (fill_id, strategy_key, client_order_id, ticker, applied_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fill_id) DO NOTHING`,
      [f.fillId, ctx.strategyKey, intent.clientOrderId, intent.ticker, now],
    );
  }
}
