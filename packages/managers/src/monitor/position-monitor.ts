// The per-position cycle every bot runs on each tick: read the market → evaluate the exit rules
// → mark → (persist a moved trailing stop | plan the exit → execute it → record the closed trade
// with the circuit breakers).
import type { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import type Decimal from 'decimal.js';
import { ExitExecutor } from '../execution/exit-executor';
import { snapshotFromMarket } from '../execution/market-snapshot';
import type { TradingClient } from '../execution/orders';
import type { RiskRecorder } from '../execution/risk-recorder';
import type { ExitPriority } from '../exits/conditions';
import { evaluateExit } from '../exits/evaluate';
import type { ExitExecutionParams } from '../exits/execution-plan';
import { planExitOrders } from '../exits/execution-plan';
import type { ExitConfig, ExitTrigger } from '../exits/rules';
import type { TrailingStopState } from '../exits/trailing-stop';
import { type Logger, silentLogger } from '../logger';
import { executableBid } from '../market';
import { applySettlements } from '../position-manager/apply-settlements';
import type { PositionManager } from '../position-manager/position-manager';
import type { StoredPosition } from '../position-manager/stored-position';
import { markPosition } from '../positions/mark';
import { closeAllRequired } from '../risk/circuit-breakers';
import type { EpochMs } from '../types';

/** What the monitor needs of a Kalshi client: orders and positions, and one market by ticker. */
export type MonitorClient = TradingClient & Pick<KalshiClient, 'markets'>;

/** Options of {@link PositionMonitor}. */
export interface PositionMonitorOptions {
  /** The exchange: a `KalshiClient` fits. */
  client: MonitorClient;
  /** Where exits, attempts and position versions are written. */
  store: Store;
  /** The positions to watch (its `open()` on every cycle). */
  positions: PositionManager;
  /** The circuit breakers: a `tick` each cycle, `api_error` per failed order, `trade_closed` per closed position. */
  risk: RiskRecorder;
  /** Exit rules for `evaluateExit` (e.g. `exitRulesFromConfig(config.position_management).exits`). */
  exits: ExitConfig;
  /** Per-priority overrides for `planExitOrders` (e.g. `exitRulesFromConfig(...).execution`). Default: `EXIT_EXECUTION`. */
  execution?: Readonly<Partial<Record<ExitPriority, Partial<ExitExecutionParams>>>>;
  /** Clock of exit and attempt times, epoch ms. Default `Date.now`. */
  clock?: { now(): EpochMs };
  /** Waits between exit attempts. Default: a real timer; simulations pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Where exits and trailing-stop moves are logged. Default: nothing. */
  logger?: Logger;
}

/** A trailing stop that armed or rose on this cycle (and was saved). */
export interface TrailingStopMove {
  kind: 'trailing_stop';
  ticker: string;
  change: 'activated' | 'raised';
  trailingStop: TrailingStopState | null;
  bid: Decimal | null;
}

/** An exit worked on this cycle. */
export interface MonitoredExit {
  kind: 'exit';
  /** The position before the exit. */
  stored: StoredPosition;
  trigger: ExitTrigger;
  /** Contracts sold (zero when no attempt filled). */
  filled: Decimal;
  /** Volume-weighted sale price, null when nothing filled. */
  averagePrice: Decimal | null;
  /** Net realized P&L of this exit. */
  realizedPnl: Decimal;
  /** Exit fees paid. */
  fees: Decimal;
  /** Orders sent (`exit_attempts` rows). */
  attempts: number;
  /** The exchange's position matched ours afterwards. */
  reconciled: boolean;
  /** The position was closed by this exit. */
  closed: boolean;
  /** Circuit breakers that opened when the closed trade was recorded. */
  breakerTrips: number;
}

/** A position whose market stopped trading and had settled: settled from the store's `settlements` row. */
export interface MonitoredSettlement {
  kind: 'settlement';
  /** The `settled` version. */
  stored: StoredPosition;
  /** `yes`, `no` or `scalar`. */
  marketResult: string;
  /** Net realized P&L of the whole position, fees included. */
  realizedPnl: Decimal;
  /** Circuit breakers that opened when the result was recorded. */
  breakerTrips: number;
}

/** What one {@link PositionMonitor.cycle} did, in the order it happened. */
export interface MonitorCycleResult {
  events: (TrailingStopMove | MonitoredExit | MonitoredSettlement)[];
}

/**
 * Watches open positions: each {@link cycle} reads every open position's market, evaluates the
 * exit rules (with the close-all breaker), saves a trailing stop that moved, and works the exit
 * of the rule that fired (`planExitOrders` → `ExitExecutor`), recording a closed trade with the
 * circuit breakers. Failed order calls feed the API-error breaker.
 */
export class PositionMonitor {
  private readonly options: PositionMonitorOptions;
  private readonly executor: ExitExecutor;
  private readonly logger: Logger;

  constructor(options: PositionMonitorOptions) {
    this.options = options;
    this.logger = options.logger ?? silentLogger;
    const clock = options.clock ?? { now: () => Date.now() };
    this.executor = new ExitExecutor(options.client, options.store, options.positions, {
      clock,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      logger: this.logger,
      onApiError: async () => {
        await options.risk.apply({ type: 'api_error', at: clock.now() });
      },
      // An unfilled remainder is retried from the book as it is now.
      readBook: async (ticker, side) => {
        const snapshot = snapshotFromMarket(await options.client.markets.get(ticker), clock.now());
        return { bid: executableBid(snapshot, side), priceRanges: snapshot.priceRanges ?? null };
      },
    });
  }

  /** One pass over every open position at time `now` (a breaker `tick` first). */
  async cycle(now: EpochMs): Promise<MonitorCycleResult> {
    const { risk, positions } = this.options;
    await risk.apply({ type: 'tick', at: now });
    const events: MonitorCycleResult['events'] = [];
    for (const stored of await positions.open()) {
      const event = await this.check(stored, now);
      if (event !== null) events.push(event);
    }
    return { events };
  }

  private async check(
    stored: StoredPosition,
    now: EpochMs,
  ): Promise<TrailingStopMove | MonitoredExit | MonitoredSettlement | null> {
    const { client, positions, risk, exits } = this.options;
    const { position } = stored;
    const snapshot = snapshotFromMarket(await client.markets.get(position.ticker), now);
    const decision = evaluateExit(
      {
        position,
        trailingStop: stored.trailingStop,
        partialStagesDone: stored.partialStagesDone,
        stopLossPrice: stored.stopLossPrice,
        targetPrice: stored.targetPrice,
      },
      snapshot,
      now,
      exits,
      { circuitBreakerOpen: closeAllRequired(risk.state) },
    );
    if (decision.notEvaluated === 'market_not_trading') return this.settle(stored, now);
    const mark = markPosition(position, snapshot);
    if (decision.exit === null || decision.bid === null) {
      if (decision.trailingStopChange === 'none') return null;
      await positions.save({ position, trailingStop: decision.trailingStop, mark });
      this.logger.info(
        {
          ticker: position.ticker,
          change: decision.trailingStopChange,
          stop: String(decision.trailingStop?.currentStopPrice),
        },
        'trailing stop moved',
      );
      return {
        kind: 'trailing_stop',
        ticker: position.ticker,
        change: decision.trailingStopChange,
        trailingStop: decision.trailingStop,
        bid: decision.bid,
      };
    }
    const trigger = decision.exit;
    const plan = planExitOrders({
      priority: trigger.priority,
      side: position.side,
      quantity: trigger.quantity,
      bid: decision.bid,
      priceRanges: snapshot.priceRanges ?? null,
      ...(this.options.execution?.[trigger.priority] === undefined
        ? {}
        : { execution: this.options.execution[trigger.priority] }),
    });
    const result = await this.executor.execute({
      stored,
      trigger,
      plan,
      trailingStop: decision.trailingStop,
      unrealizedPnlAtExit: mark.unrealizedPnl,
    });
    const closed = result.position.status !== 'open';
    let breakerTrips = 0;
    if (closed) {
      const trips = await risk.apply({
        type: 'trade_closed',
        at: now,
        realizedPnl: result.position.realizedPnl,
      });
      breakerTrips = trips.filter((t) => t.to === 'open').length;
    }
    this.logger.info(
      { ticker: position.ticker, condition: trigger.condition, filled: result.filled.toString() },
      'exit worked',
    );
    return {
      kind: 'exit',
      stored,
      trigger,
      filled: result.filled,
      averagePrice: result.averagePrice,
      realizedPnl: result.realizedPnl,
      fees: result.position.feesPaid.minus(position.feesPaid),
      attempts: result.attempts.length,
      reconciled: result.reconciliation.matches,
      closed,
      breakerTrips,
    };
  }

  /**
   * A market that no longer trades ends at settlement, not by an exit: settle the position when
   * the store has the market's settlement (the sync writes it), else keep waiting.
   */
  private async settle(stored: StoredPosition, now: EpochMs): Promise<MonitoredSettlement | null> {
    const { store, positions, risk } = this.options;
    const [done] = await applySettlements({ store, positions, risk, open: [stored], now });
    if (done === undefined) return null;
    this.logger.info(
      {
        ticker: stored.position.ticker,
        result: done.settlement.marketResult,
        realizedPnl: done.stored.position.realizedPnl.toString(),
      },
      'position settled',
    );
    return {
      kind: 'settlement',
      stored: done.stored,
      marketResult: done.settlement.marketResult,
      realizedPnl: done.stored.position.realizedPnl,
      breakerTrips: done.transitions.filter((t) => t.to === 'open').length,
    };
  }
}
