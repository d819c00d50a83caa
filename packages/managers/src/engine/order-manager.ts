// The order manager: every intent becomes an order under a deterministic client_order_id,
// written to order_intents before it is sent (outbox), placed in the run's order group (the kill
// switch), tracked while it rests (polling, or order updates pushed from a `user_orders` stream),
// its fills applied to positions exactly once (engine_fills), and resting entries cancelled on
// shutdown.
import { type KalshiClient, KalshiError, type Order } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { type Logger, silentLogger } from '../logger';
import type { PositionManager } from '../position-manager/position-manager';
import type { PositionAttribution } from '../position-manager/stored-position';
import type { EpochMs, Side } from '../types';
import { type AppliedFills, applyOrderFills } from './order-fills';
import { actionOf, type IntentRecord, insertIntent, loadUnsettledIntents, saveIntent } from './order-intents';
import type { OrderUpdate } from './order-update-feed';
import type { RestingOrderView, StrategyIntent } from './strategy';

export type { AppliedFills } from './order-fills';
export type { IntentRecord } from './order-intents';

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

const ONE = new Decimal(1);

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
    let total = new Decimal(0);
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
    for (const intent of await loadUnsettledIntents(this.options.store, this.options.strategyKey)) {
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

  private writeIntent(intent: Exclude<StrategyIntent, { kind: 'adjust' }>): Promise<IntentRecord> {
    const { strategyKey, runId, store } = this.options;
    const params = { strategyKey, runId, orderGroupId: this.orderGroupId, now: new Date(this.clock.now()) };
    return insertIntent(store, intent, params, (record) => this.open.set(record.clientOrderId, record));
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
  private applyOrderFills(intent: IntentRecord): Promise<AppliedFills[]> {
    const { client, store, positions, strategyKey, attribution } = this.options;
    return applyOrderFills(intent, {
      client,
      store,
      positions,
      strategyKey,
      attribution,
      clock: this.clock,
      setFilled: (i, filled) => this.update(i, { filled }),
    });
  }

  private async update(
    intent: IntentRecord,
    change: { status?: IntentRecord['status']; filled?: Decimal },
  ): Promise<void> {
    if (change.status !== undefined) intent.status = change.status;
    if (change.filled !== undefined) intent.filled = change.filled;
    await saveIntent(this.options.store, intent, new Date(this.clock.now()));
    if (intent.status === 'done' || intent.status === 'not_placed') this.open.delete(intent.clientOrderId);
  }
}
