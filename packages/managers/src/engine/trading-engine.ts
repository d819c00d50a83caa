// The trading engine: one strategy, one process. Start = lock → (user_orders subscription) →
// reconcile (orders, fills, settlements, positions) → order group; each cycle = heartbeat →
// order fills (streamed updates, or a poll) → settlements → exits (PositionMonitor) → market
// updates through the strategy → gated intents → orders; stop = cancel resting entries →
// release the lock.
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { RiskRecorder } from '../execution/risk-recorder';
import { initTrailingStop } from '../exits/trailing-stop';
import { silentLogger } from '../logger';
import { PositionMonitor } from '../monitor/position-monitor';
import { PositionManager } from '../position-manager/position-manager';
import { DEFAULT_CIRCUIT_BREAKER_CONFIG } from '../risk/circuit-breakers';
import type { EpochMs, MarketSnapshot } from '../types';
import { EngineLock } from './engine-lock';
import type {
  CycleResult,
  DecisionResult,
  EngineStatus,
  ReconcileReport,
  TradingEngineOptions,
} from './engine-options';
import { entryGateFailure, entryGatesFromExits } from './entry-gates';
import { type AppliedFills, OrderManager } from './order-manager';
import { OrderUpdateFeed } from './order-update-feed';
import { compareWithExchange } from './reconcile';
import { settleFromExchange } from './settlements';
import type { EntryGates, HeldPosition, StrategyContext, StrategyIntent } from './strategy';

export type {
  CycleResult,
  DecisionResult,
  EngineClient,
  EngineStatus,
  ReconcileReport,
  TradingEngineOptions,
} from './engine-options';

const ZERO = new Decimal(0);

/** A strategy run against an exchange: see the file comment for the order of things. */
export class TradingEngine {
  /** Tickers whose store ⇄ exchange quantities disagreed on start: no entries there this run. */
  private readonly quarantined = new Set<string>();
  private held = new Map<string, HeldPosition>();
  private stopped = false;
  private readonly gates: EntryGates;

  private constructor(
    private readonly options: TradingEngineOptions,
    readonly lock: EngineLock,
    readonly orders: OrderManager,
    readonly risk: RiskRecorder,
    readonly positions: PositionManager,
    private readonly monitor: PositionMonitor,
    private readonly bankroll: Decimal,
    /** What reconciliation found on start. */
    readonly reconciled: ReconcileReport,
    /** The `user_orders` feed when streaming, null when polling. */
    readonly orderUpdates: OrderUpdateFeed | null,
  ) {
    this.gates = entryGatesFromExits(options.strategy.exits);
  }

  /** The strategy as `name@version`. */
  get strategyKey(): string {
    return this.lock.strategyKey;
  }

  /**
   * Takes the strategy's lock (throws `EngineLockedError` when another engine runs it),
   * reconciles store ⇄ exchange, and opens the run's order group. Nothing is traded before this
   * returns.
   */
  static async start(options: TradingEngineOptions): Promise<TradingEngine> {
    const { client, store, strategy } = options;
    const clock = options.clock ?? { now: () => Date.now() };
    const logger = options.logger ?? silentLogger;
    const strategyKey = `${strategy.name}@${strategy.version}`;
    const lock = await EngineLock.acquire(store, strategyKey, { clock, ...options.lock });
    let feed: OrderUpdateFeed | null = null;
    try {
      // Subscribed before the orders are re-read: nothing that happens after the re-read is missed.
      if (options.stream !== undefined) feed = await OrderUpdateFeed.open(options.stream);
      const positions = new PositionManager(store, { clock });
      const risk = await RiskRecorder.open(store, options.circuitBreakers ?? DEFAULT_CIRCUIT_BREAKER_CONFIG, {
        scope: strategyKey,
      });
      const settle = () => settleFromExchange({ client, store, positions, risk, now: clock.now() });
      const settledBefore = await settle();
      const orders = await OrderManager.open({
        client,
        store,
        positions,
        strategyKey,
        runId: randomUUID(),
        clock,
        logger,
        ...(options.orderGroupLimit === undefined ? {} : { orderGroupLimit: options.orderGroupLimit }),
        attribution: (_ticker, _side, avg) => ({
          strategyId: options.strategyId ?? null,
          modelId: options.modelId ?? null,
          trailingStop: strategy.trailingStop == null ? null : initTrailingStop(avg, strategy.trailingStop),
        }),
      });
      const settledAfter = await settle();
      const mismatches = await compareWithExchange(client, positions);
      const bankroll = options.bankroll ?? (await client.portfolio.getBalance()).balance_dollars;
      const monitor = new PositionMonitor({
        client,
        store,
        positions,
        risk,
        exits: strategy.exits,
        clock,
        logger,
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      const report: ReconcileReport = {
        restingOrders: orders.resting().length,
        settled: settledBefore.length + settledAfter.length,
        mismatches,
      };
      const engine = new TradingEngine(
        options,
        lock,
        orders,
        risk,
        positions,
        monitor,
        bankroll,
        report,
        feed,
      );
      for (const m of mismatches) engine.quarantined.add(m.ticker);
      if (mismatches.length > 0) logger.warn({ mismatches }, 'store and exchange positions differ');
      await engine.refreshHeld();
      return engine;
    } catch (error) {
      await feed?.close().catch(() => undefined);
      await lock.release();
      throw error;
    }
  }

  /**
   * One cycle at `now`: heartbeat the lock, apply fills of resting orders, close settled
   * positions, run the exit rules on every open position, then decide on `markets`.
   */
  async cycle(markets: readonly MarketSnapshot[], now: EpochMs): Promise<CycleResult> {
    await this.lock.heartbeat();
    await this.recordClosed(await this.trackOrders(), now);
    const { client, store } = this.options;
    await settleFromExchange({ client, store, positions: this.positions, risk: this.risk, now });
    const { events } = await this.monitor.cycle(now);
    await this.refreshHeld();
    return { exits: events, ...(await this.onMarkets(markets, now)) };
  }

  /**
   * The decision step: each market update through the strategy, each intent through the
   * engine's own gates (breakers, entry gates, quarantined tickers), the rest to the order
   * manager.
   */
  async onMarkets(markets: readonly MarketSnapshot[], now: EpochMs): Promise<DecisionResult> {
    const result: DecisionResult = { sent: [], dropped: [] };
    // One context per batch, rebuilt only after an order changed what is held or resting.
    let context = this.context(now);
    for (const market of markets) {
      const intents = this.options.strategy.onMarket(market, context);
      for (const intent of intents) {
        const reason = this.gate(intent, market, now);
        if (reason !== null) {
          result.dropped.push({ intent, reason });
          continue;
        }
        await this.recordClosed(await this.orders.submit(intent), now);
        result.sent.push(intent);
        await this.refreshHeld();
        context = this.context(now);
      }
    }
    return result;
  }

  /** The strategy's view at `now` (also what a backtester builds). */
  context(now: EpochMs): StrategyContext {
    const gate = this.risk.entryAllowed();
    let exposure = this.orders.restingEntryExposure();
    for (const h of this.held.values()) exposure = exposure.plus(h.costBasis);
    const held = this.held;
    const orders = this.orders;
    return {
      now,
      positions: [...held.values()],
      position: (ticker) => held.get(ticker) ?? null,
      restingOrders: (ticker) => orders.resting(ticker),
      probability: this.options.probability,
      gates: this.gates,
      bankroll: this.bankroll,
      exposure,
      risk: { entryAllowed: gate.allowed, blockedBy: gate.blockedBy },
    };
  }

  /** Positions, today's P&L, resting orders and breakers, for a status line. */
  status(): EngineStatus {
    const open = this.risk.entryAllowed();
    let contracts = ZERO;
    for (const h of this.held.values()) contracts = contracts.plus(h.quantity);
    return {
      positions: this.held.size,
      contracts,
      realizedPnlToday: this.risk.state.dailyRealizedPnl,
      restingOrders: this.orders.resting().length,
      breaker: open.allowed ? 'ok' : `open: ${open.blockedBy.join(', ')}`,
    };
  }

  /**
   * Runs cycles every `intervalMs` until `signal` aborts (SIGINT/SIGTERM in the CLI), then
   * stops: `markets` reads the updates of each cycle.
   */
  async run(params: {
    markets: () => Promise<readonly MarketSnapshot[]>;
    intervalMs: number;
    signal: AbortSignal;
    onCycle?: (result: CycleResult, status: EngineStatus) => void;
    sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  }): Promise<{ cycles: number; cancelled: number }> {
    const clock = this.options.clock ?? { now: () => Date.now() };
    const sleep = params.sleep ?? abortableSleep;
    let cycles = 0;
    let cancelled = 0;
    try {
      while (!params.signal.aborted) {
        const result = await this.cycle(await params.markets(), clock.now());
        cycles += 1;
        params.onCycle?.(result, this.status());
        if (params.signal.aborted) break;
        await sleep(params.intervalMs, params.signal);
      }
    } finally {
      cancelled = await this.stop();
    }
    return { cycles, cancelled };
  }

  /** Graceful stop: cancels resting entries and releases the lock. Returns the entries cancelled. */
  async stop(): Promise<number> {
    if (this.stopped) return 0;
    this.stopped = true;
    try {
      return await this.orders.cancelRestingEntries();
    } finally {
      await this.orderUpdates?.close().catch(() => undefined);
      await this.lock.release();
    }
  }

  /** Resting orders in step: the streamed updates (a REST re-read after a reconcile), or a poll. */
  private async trackOrders(): Promise<AppliedFills[]> {
    if (this.orderUpdates === null) return this.orders.poll();
    const { updates, reread } = this.orderUpdates.drain();
    if (reread) {
      (this.options.logger ?? silentLogger).info({}, 'order stream reconciled: resting orders re-read');
      return this.orders.poll(true);
    }
    const applied: AppliedFills[] = [];
    for (const update of updates) applied.push(...(await this.orders.applyOrderUpdate(update)));
    return applied;
  }

  private gate(intent: StrategyIntent, market: MarketSnapshot, now: EpochMs): string | null {
    if (intent.kind !== 'enter') return null;
    if (this.quarantined.has(intent.ticker)) return 'position_mismatch';
    const risk = this.risk.entryAllowed();
    if (!risk.allowed) return `circuit_breaker: ${risk.blockedBy.join(', ')}`;
    if (intent.ticker !== market.ticker) return 'other_market';
    return entryGateFailure(market, intent.side, this.gates, now);
  }

  private async recordClosed(applied: readonly AppliedFills[], now: EpochMs): Promise<void> {
    for (const a of applied) {
      if (a.closed)
        await this.risk.apply({ type: 'trade_closed', at: now, realizedPnl: a.stored.position.realizedPnl });
    }
  }

  private async refreshHeld(): Promise<void> {
    const held = new Map<string, HeldPosition>();
    for (const { position: p } of await this.positions.open()) {
      held.set(p.ticker, {
        ticker: p.ticker,
        side: p.side,
        quantity: p.quantity,
        avgEntryPrice: p.avgEntryPrice,
        costBasis: p.costBasis,
        openedAt: p.openedAt,
      });
    }
    this.held = held;
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
