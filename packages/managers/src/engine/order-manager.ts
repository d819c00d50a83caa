// The order manager: every intent becomes an order under a deterministic client_order_id,
// written to order_intents before it is sent (outbox), placed in the run's order group (the kill
// switch), tracked while it rests (polling, or order updates pushed from a `user_orders` stream),
// its fills applied to positions exactly once (engine_fills), and resting entries cancelled on
// shutdown.
import { type KalshiClient, KalshiError, type Order } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { toPositionFill } from '../execution/orders';
import { type Logger, silentLogger } from '../logger';
import type { PositionManager } from '../position-manager/position-manager';
import type { PositionAttribution, StoredPosition } from '../position-manager/stored-position';
import type { Fill } from '../positions/position';
import type { EpochMs, Side } from '../types';
import { clientOrderIdFor } from './client-order-id';
import type { OrderUpdate } from './order-update-feed';
import type { IntentKind, RestingOrderView, StrategyIntent } from './strategy';

/** What the order manager needs of a Kalshi client. */
export type OrderManagerClient = Pick<KalshiClient, 'orders' | 'portfolio' | 'orderGroups'>;

/** Options of {@link OrderManager.open}. */
export interface OrderManagerOptions {
  client: OrderManagerClient;
  store: Store;
  positions: PositionManager;
  /** The strategy, `name@version`: the scope of intents and ids. */
  strategyKey: string;
  /** This run's id (stored with each intent). */
  runId: string;
  /** Contracts the run's order group may fill in a rolling 15 s (the exchange's limit); null: no group. Default 10000. */
  orderGroupLimit?: Decimal | null;
  /** Attribution of a position opened by an entry fill (strategy/model ids, stops) from its average price. */
  attribution?: (ticker: string, side: Side, avgPrice: Decimal) => Partial<PositionAttribution>;
  clock?: { now(): EpochMs };
  logger?: Logger;
}

/** One intent as stored. */
export interface IntentRecord {
  clientOrderId: string;
  ticker: string;
  side: Side;
  kind: IntentKind;
  seq: number;
  count: Decimal;
  limitPrice: Decimal;
  status: 'pending' | 'resting' | 'done' | 'not_placed';
  orderId: string | null;
  filled: Decimal;
}

/** A position changed by fills of engine orders. */
export interface AppliedFills {
  stored: StoredPosition;
  /** The fills closed the position. */
  closed: boolean;
}

interface IntentRow {
  client_order_id: string;
  ticker: string;
  side: Side;
  kind: IntentKind;
  seq: number;
  count: string;
  limit_price: string;
  status: IntentRecord['status'];
  order_id: string | null;
  filled_count: string;
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

function fromRow(r: IntentRow): IntentRecord {
  return {
    clientOrderId: r.client_order_id,
    ticker: r.ticker,
    side: r.side,
    kind: r.kind,
    seq: r.seq,
    count: new Decimal(r.count),
    limitPrice: new Decimal(r.limit_price),
    status: r.status,
    orderId: r.order_id,
    filled: new Decimal(r.filled_count),
  };
}

const actionOf = (kind: IntentKind): 'buy' | 'sell' => (kind === 'exit' ? 'sell' : 'buy');

/** Sends intents as orders, idempotently, and keeps positions in step with their fills. */
export class OrderManager {
  private readonly open = new Map<string, IntentRecord>();
  private readonly logger: Logger;
  private readonly clock: { now(): EpochMs };
  private orderGroupId: string | null = null;

  private constructor(private readonly options: OrderManagerOptions) {
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  /**
   * Loads the strategy's unsettled intents and settles each with the exchange: a `pending` one
   * (written, maybe sent, before a crash) is looked up by its client_order_id; a `resting` one is
   * re-read; their fills are applied. Then creates this run's order group.
   */
  static async open(options: OrderManagerOptions): Promise<OrderManager> {
    const manager = new OrderManager(options);
    await manager.recover();
    const limit = options.orderGroupLimit === undefined ? new Decimal(10_000) : options.orderGroupLimit;
    if (limit !== null) {
      const group = await options.client.orderGroups.create({ contracts_limit: limit.toString() });
      manager.orderGroupId = group.order_group_id;
    }
    return manager;
  }

  /** The run's order group (the kill switch), null when none. */
  get groupId(): string | null {
    return this.orderGroupId;
  }

  /** Resting orders of this strategy on `ticker` (every ticker when absent). */
  resting(ticker?: string): RestingOrderView[] {
    const views: RestingOrderView[] = [];
    for (const i of this.open.values()) {
      if (i.status !== 'resting' || i.orderId === null) continue;
      if (ticker !== undefined && i.ticker !== ticker) continue;
      views.push({
        orderId: i.orderId,
        clientOrderId: i.clientOrderId,
        ticker: i.ticker,
        side: i.side,
        action: actionOf(i.kind),
        remaining: i.count.minus(i.filled),
        limitPrice: i.limitPrice,
      });
    }
    return views;
  }

  /** Dollars committed to resting entries (remaining × limit). */
  restingEntryExposure(): Decimal {
    let total = ZERO;
    for (const r of this.resting())
      if (r.action === 'buy') total = total.plus(r.remaining.times(r.limitPrice));
    return total;
  }

  /**
   * Sends one intent: an entry as a good-till-cancelled limit buy in the order group, an exit as
   * an immediate-or-cancel reduce-only sell, an adjust as a cancel of the resting entry followed
   * (count > 0) by a new entry at the new price and size. Returns the positions its fills changed.
   */
  async submit(intent: StrategyIntent): Promise<AppliedFills[]> {
    if (intent.kind === 'adjust') {
      const resting = [...this.open.values()].find(
        (i) =>
          i.kind === 'enter' &&
          i.status === 'resting' &&
          i.ticker === intent.ticker &&
          i.side === intent.side,
      );
      if (resting === undefined) return [];
      await this.cancel(resting);
      if (intent.count.lte(0)) return [];
      return this.submit({ ...intent, kind: 'enter' });
    }
    const record = await this.writeIntent(intent);
    return this.send(record);
  }

  /**
   * Re-reads resting orders (one list call) and applies the fills of those that changed (of
   * every one with `everyOrder`, as on start).
   */
  async poll(everyOrder = false): Promise<AppliedFills[]> {
    const restingIntents = [...this.open.values()].filter((i) => i.status === 'resting');
    if (restingIntents.length === 0) return [];
    const onBook = new Map<string, Order>();
    for await (const order of this.options.client.portfolio.listOrders({ status: 'resting' })) {
      onBook.set(order.order_id, order);
    }
    const changed: AppliedFills[] = [];
    for (const intent of restingIntents) {
      const order = intent.orderId === null ? undefined : onBook.get(intent.orderId);
      if (!everyOrder && order !== undefined && order.fill_count_fp.eq(intent.filled)) continue;
      changed.push(...(await this.track(intent, order !== undefined)));
    }
    return changed;
  }

  /**
   * Applies an order update pushed by a `user_orders` stream (instead of polling): the order's
   * new fills, and its end when it no longer rests. An order of another strategy is ignored.
   */
  async applyOrderUpdate(update: OrderUpdate): Promise<AppliedFills[]> {
    const intent = [...this.open.values()].find((i) => i.orderId === update.orderId);
    if (intent === undefined) return [];
    return this.track(intent, update.status === 'resting');
  }

  /** Cancels every resting entry of this strategy (shutdown); returns how many were cancelled. */
  async cancelRestingEntries(): Promise<number> {
    let cancelled = 0;
    for (const intent of [...this.open.values()]) {
      if (intent.kind !== 'enter' || intent.status !== 'resting') continue;
      await this.cancel(intent);
      cancelled += 1;
    }
    return cancelled;
  }

  /** The kill switch: triggers the run's order group (the exchange cancels all its orders at once). */
  async killSwitch(): Promise<void> {
    if (this.orderGroupId !== null) await this.options.client.orderGroups.trigger(this.orderGroupId);
  }

  private async recover(): Promise<void> {
    const rows = await this.options.store.query<IntentRow>(
      `SELECT client_order_id, ticker, side, kind, seq, count::text, limit_price::text, status, order_id,
              filled_count::text
         FROM order_intents WHERE strategy_key = $1 AND status IN ('pending', 'resting') ORDER BY created_at`,
      [this.options.strategyKey],
    );
    for (const row of rows.rows) {
      const intent = fromRow(row);
      this.open.set(intent.clientOrderId, intent);
      if (intent.status === 'pending') {
        const since = Math.floor(this.clock.now() / 1000) - 7 * 86_400;
        const found = await this.options.client.orders.findByClientOrderId(
          intent.ticker,
          intent.clientOrderId,
          since,
        );
        if (found === undefined) {
          await this.update(intent, { status: 'not_placed' });
          this.logger.info({ clientOrderId: intent.clientOrderId }, 'pending intent was never placed');
          continue;
        }
        intent.orderId = found.order_id;
        await this.update(intent, { status: found.remaining_count.gt(0) ? 'resting' : 'done' });
        if (!found.remaining_count.gt(0)) await this.applyOrderFills(intent);
      }
    }
    // Resting ones (and pending ones found resting): re-read from the book.
    await this.poll(true);
  }

  private async writeIntent(intent: Exclude<StrategyIntent, { kind: 'adjust' }>): Promise<IntentRecord> {
    const { strategyKey, runId, store } = this.options;
    const now = new Date(this.clock.now());
    return store.transaction(async (tx) => {
      const last = await tx.query<{ seq: number | null }>(
        'SELECT max(seq) AS seq FROM order_intents WHERE strategy_key = $1 AND ticker = $2 AND side = $3 AND kind = $4',
        [strategyKey, intent.ticker, intent.side, intent.kind],
      );
      const seq = (last.rows[0]?.seq ?? 0) + 1;
      const clientOrderId = clientOrderIdFor(strategyKey, intent.ticker, intent.side, intent.kind, seq);
      await tx.query(
        `INSERT INTO order_intents (client_order_id, strategy_key, run_id, ticker, side, kind, seq, count,
           limit_price, reason, status, order_group_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $12)`,
        [
          clientOrderId,
          strategyKey,
          runId,
          intent.ticker,
          intent.side,
          intent.kind,
          seq,
          intent.count.toString(),
          intent.limitPrice.toString(),
          intent.reason,
          this.orderGroupId,
          now,
        ],
      );
      const record: IntentRecord = {
        clientOrderId,
        ticker: intent.ticker,
        side: intent.side,
        kind: intent.kind,
        seq,
        count: intent.count,
        limitPrice: intent.limitPrice,
        status: 'pending',
        orderId: null,
        filled: ZERO,
      };
      this.open.set(clientOrderId, record);
      return record;
    });
  }

  private async send(intent: IntentRecord): Promise<AppliedFills[]> {
    const action = actionOf(intent.kind);
    // V2 orders are YES-book sides: buying YES or selling NO is a bid, at the YES price.
    const yesBid = (intent.side === 'yes') === (action === 'buy');
    const yesPrice = intent.side === 'yes' ? intent.limitPrice : ONE.minus(intent.limitPrice);
    let result: Awaited<ReturnType<OrderManagerClient['orders']['create']>>;
    try {
      result = await this.options.client.orders.create({
        ticker: intent.ticker,
        side: yesBid ? 'bid' : 'ask',
        count: intent.count.toString(),
        price: yesPrice.toString(),
        client_order_id: intent.clientOrderId,
        time_in_force: intent.kind === 'enter' ? 'good_till_canceled' : 'immediate_or_cancel',
        reduce_only: intent.kind === 'exit',
        ...(intent.kind === 'enter' && this.orderGroupId !== null
          ? { order_group_id: this.orderGroupId }
          : {}),
      });
    } catch (error) {
      // The exchange said no (not "no answer"): the order does not exist.
      if (KalshiError.isInstance(error) && (error as { status?: number }).status !== undefined) {
        const status = (error as { status?: number }).status ?? 0;
        if (status >= 400 && status < 500 && status !== 409 && status !== 429) {
          await this.update(intent, { status: 'not_placed' });
          this.open.delete(intent.clientOrderId);
        }
      }
      throw error;
    }
    intent.orderId = result.order_id;
    await this.update(intent, { status: result.remaining_count.gt(0) ? 'resting' : 'done' });
    this.logger.info(
      {
        clientOrderId: intent.clientOrderId,
        orderId: result.order_id,
        ticker: intent.ticker,
        filled: result.fill_count.toString(),
      },
      `${intent.kind} order placed`,
    );
    return result.fill_count.gt(0) ? this.applyOrderFills(intent) : [];
  }

  private async cancel(intent: IntentRecord): Promise<void> {
    if (intent.orderId === null) return;
    try {
      await this.options.client.orders.cancel(intent.orderId);
    } catch (error) {
      // Already gone (filled or cancelled): the fills below tell which.
      if (!(KalshiError.isInstance(error) && (error as { status?: number }).status === 404)) throw error;
    }
    await this.track(intent, false);
  }

  /** Brings one intent in step: its fills applied, and `done` once its order no longer rests. */
  private async track(intent: IntentRecord, stillResting: boolean): Promise<AppliedFills[]> {
    const applied = intent.orderId === null ? [] : await this.applyOrderFills(intent);
    if (!stillResting && intent.status === 'resting') await this.update(intent, { status: 'done' });
    return applied;
  }

  /** Applies the order's fills not yet applied, in exchange order, exactly once. */
  private async applyOrderFills(intent: IntentRecord): Promise<AppliedFills[]> {
    const { client, store, positions } = this.options;
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
    if (!filled.eq(intent.filled)) await this.update(intent, { filled });
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
      await this.recordFills(intent, fresh.slice(0, lastApplied + 1));
      fresh = fresh.slice(lastApplied + 1);
      if (fresh.length === 0) return [];
    }
    const cost = fresh.reduce((s, f) => s.plus(f.count.times(f.price)), ZERO);
    const count = fresh.reduce((s, f) => s.plus(f.count), ZERO);
    const opening = current === undefined && action === 'buy';
    const attribution = opening
      ? (this.options.attribution?.(intent.ticker, intent.side, cost.div(count)) ?? {})
      : {};
    const stored = await positions.applyFills(fresh, {
      ...attribution,
      ...(opening && intent.orderId !== null ? { initialOrderId: intent.orderId } : {}),
    });
    await this.recordFills(intent, fresh);
    return stored === undefined ? [] : [{ stored, closed: stored.position.status === 'closed' }];
  }

  private async recordFills(intent: IntentRecord, fills: readonly Fill[]): Promise<void> {
    const now = new Date(this.clock.now());
    for (const f of fills) {
      await this.options.store.query(
        `INSERT INTO engine_fills (fill_id, strategy_key, client_order_id, ticker, applied_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fill_id) DO NOTHING`,
        [f.fillId, this.options.strategyKey, intent.clientOrderId, intent.ticker, now],
      );
    }
  }

  private async update(
    intent: IntentRecord,
    change: { status?: IntentRecord['status']; filled?: Decimal },
  ): Promise<void> {
    if (change.status !== undefined) intent.status = change.status;
    if (change.filled !== undefined) intent.filled = change.filled;
    await this.options.store.query(
      `UPDATE order_intents SET status = $2, order_id = $3, filled_count = $4, updated_at = $5
        WHERE client_order_id = $1`,
      [
        intent.clientOrderId,
        intent.status,
        intent.orderId,
        intent.filled.toString(),
        new Date(this.clock.now()),
      ],
    );
    if (intent.status === 'done' || intent.status === 'not_placed') this.open.delete(intent.clientOrderId);
  }
}
