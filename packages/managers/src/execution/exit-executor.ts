import type { PriceRange } from '@precog/kalshi-client';
import type { ExitAttemptInput, Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { type ExitPlan, planExitOrders } from '../exits/execution-plan';
import type { ExitTrigger } from '../exits/rules';
import type { TrailingStopState } from '../exits/trailing-stop';
import { type Logger, silentLogger } from '../logger';
import type { PositionManager } from '../position-manager/position-manager';
import type { StoredPosition } from '../position-manager/stored-position';
import { applyFill, type Fill, type Position } from '../positions/position';
import type { EpochMs } from '../types';
import { placeSideOrder, type TradingClient } from './orders';

/** @deprecated Use {@link Logger}, the one logger type of the package. */
export type ExecutionLogger = Logger;

/** Options of {@link ExitExecutor}. */
export interface ExitExecutorOptions {
  /** Clock of attempt and exit times, epoch ms. Default `Date.now`. */
  clock?: { now(): EpochMs };
  /** Waits between attempts (the plan's `waitBeforeNextMs`). Default: a real timer. Tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Called (and awaited) once per failed order call: feed it to the API-error breaker. */
  onApiError?: (error: unknown) => void | Promise<void>;
  /** Called (and awaited) once per successful order call. */
  onApiSuccess?: () => void | Promise<void>;
  /** Where attempts and reconciliation mismatches are logged. Default: nothing. */
  logger?: Logger;
  /**
   * Reads the book again: the executable bid of `side` now (null when nobody bids) and the grid.
   * With it, a remainder left when the plan's steps ran out is retried: the ladder is re-planned
   * from the fresh bid (same priority, never under the first plan's floor) up to `maxRetries`
   * times. Without it the remainder is reported (`unfilled`) and logged. The position monitor
   * passes one that reads the market.
   */
  readBook?: (
    ticker: string,
    side: Position['side'],
  ) => Promise<{ bid: Decimal | null; priceRanges?: readonly PriceRange[] | null }>;
  /** Re-planned rounds for an unfilled remainder when `readBook` is given. Default 2. */
  maxRetries?: number;
}

/** What one exit did. */
export interface ExitExecutionResult {
  /** The position after the exit (closed when every contract was sold). */
  position: Position;
  /** Contracts sold. */
  filled: Decimal;
  /** Contracts the plan wanted sold but that are still held (the plan's `onExhausted: alert`). */
  unfilled: Decimal;
  /** Rows written to exit_attempts, in order. */
  attempts: ExitAttemptInput[];
  /** Net realized P&L of this exit (proceeds − cost removed − exit fees), dollars. */
  realizedPnl: Decimal;
  /** Volume-weighted sale price in the side's space (full precision), or null when nothing filled. */
  averagePrice: Decimal | null;
  /** The exchange's position after the exit compared with ours. */
  reconciliation: Reconciliation;
}

/** Our position against the exchange's, after an exit. */
export interface Reconciliation {
  /** True when the exchange holds exactly what we think we hold. */
  matches: boolean;
  /** Signed contracts we hold by our books (positive YES, negative NO, Kalshi's convention). */
  expected: Decimal;
  /** Signed contracts the exchange reports (0 when it lists no position). */
  exchange: Decimal;
}

/** Parameters of {@link ExitExecutor.execute}. */
export interface ExecuteExitParams {
  stored: StoredPosition;
  /** The rule that fired (`evaluateExit(...).exit`). */
  trigger: ExitTrigger;
  /** The ladder to follow (`planExitOrders` for that trigger). */
  plan: ExitPlan;
  /** The trailing stop after the tick that fired (`evaluateExit(...).trailingStop`). */
  trailingStop?: TrailingStopState | null;
  /** Unrealized P&L at the moment the exit fired, recorded with the exit. */
  unrealizedPnlAtExit?: Decimal | null;
}

const ZERO = new Decimal(0);

/**
 * Works an exit: follows the plan's immediate-or-cancel, reduce-only sells at the bid and
 * below (never under the floor), one `exit_attempts` row per order with what it filled, one
 * `position_exits` row for the exit, a new position version, then compares the exchange's
 * position with ours.
 */
export class ExitExecutor {
  private readonly client: TradingClient;
  private readonly store: Store;
  private readonly positions: PositionManager;
  private readonly clock: { now(): EpochMs };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly options: ExitExecutorOptions;
  private readonly logger: Logger;

  constructor(
    client: TradingClient,
    store: Store,
    positions: PositionManager,
    options: ExitExecutorOptions = {},
  ) {
    this.client = client;
    this.store = store;
    this.positions = positions;
    this.options = options;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.logger = options.logger ?? silentLogger;
  }

  async execute(params: ExecuteExitParams): Promise<ExitExecutionResult> {
    const { stored, trigger, plan } = params;
    const start = stored.position;
    let position = start;
    let remaining = Decimal.min(plan.quantity, position.quantity);
    const attempts: ExitAttemptInput[] = [];
    const sold: Fill[] = [];
    let lastOrderId: string | null = null;
    const rounds = [plan];
    let attemptNumber = 0;
    for (let round = 0; round < rounds.length; round += 1) {
      const current = rounds[round]!;
      for (const planned of current.steps) {
        if (!remaining.gt(0)) break;
        attemptNumber += 1;
        const step = { ...planned, attempt: attemptNumber };
        const attemptedAt = new Date(this.clock.now());
        const attempt: ExitAttemptInput = {
          positionKey: position.positionKey,
          platformId: position.platform,
          ticker: position.ticker,
          exitCondition: trigger.condition,
          exitPriority: trigger.priority,
          orderType: step.kind,
          quantity: remaining,
          attemptNumber: step.attempt,
          limitPrice: step.limitPrice,
          timeoutSeconds: step.waitBeforeNextMs === null ? null : Math.ceil(step.waitBeforeNextMs / 1000),
          attemptedAt,
        };
        try {
          const order = await placeSideOrder(this.client, {
            ticker: position.ticker,
            side: position.side,
            action: 'sell',
            count: remaining,
            price: step.limitPrice,
            reduceOnly: true,
          });
          await this.options.onApiSuccess?.();
          lastOrderId = order.orderId;
          for (const fill of order.fills) position = applyFill(position, fill);
          sold.push(...order.fills);
          remaining = remaining.minus(order.filled);
          attempt.orderId = order.orderId;
          attempt.success = order.filled.gt(0);
          attempt.fillPrice = order.filled.gt(0)
            ? vwap(order.fills).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN)
            : null;
          attempt.metadata = {
            filled: order.filled.toString(),
            fees: sumFees(order.fills).toString(),
            clientOrderId: order.clientOrderId,
            fillIds: order.fills.map((f) => f.fillId),
          };
        } catch (error) {
          await this.options.onApiError?.(error);
          attempt.success = false;
          attempt.metadata = { error: error instanceof Error ? error.message : String(error) };
          this.logger.warn(
            { positionKey: position.positionKey, attempt: step.attempt, err: attempt.metadata.error },
            'exit order failed',
          );
        }
        await this.store.exitAttempts.insert([attempt]);
        attempts.push(attempt);
        if (remaining.gt(0) && step.waitBeforeNextMs !== null && step.waitBeforeNextMs > 0) {
          await this.sleep(step.waitBeforeNextMs);
        }
      }
      const retry = remaining.gt(0) ? await this.replan(plan, position, remaining, round) : null;
      if (retry !== null) rounds.push(retry);
    }

    const filled = sold.reduce((sum, f) => sum.plus(f.count), ZERO);
    const realizedPnl = position.realizedPnl.minus(start.realizedPnl);
    const averagePrice = filled.gt(0) ? vwap(sold) : null;
    if (filled.gt(0) && averagePrice !== null) {
      const exitedAt = this.clock.now();
      const price = averagePrice.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
      await this.store.positionExits.insert([
        {
          positionKey: position.positionKey,
          platformId: position.platform,
          ticker: position.ticker,
          exitCondition: trigger.condition,
          exitPriority: trigger.priority,
          quantityExited: filled,
          exitPrice: price,
          realizedPnl,
          unrealizedPnlAtExit: params.unrealizedPnlAtExit ?? null,
          externalTradeId: sold[0]?.fillId ?? null,
          orderId: lastOrderId,
          exitedAt: new Date(exitedAt),
          metadata: {
            reason: trigger.reason,
            proceeds: sold.reduce((sum, f) => sum.plus(f.count.times(f.price)), ZERO).toString(),
            fees: sumFees(sold).toString(),
            fillIds: sold.map((f) => f.fillId),
            ...(trigger.stage === undefined ? {} : { stage: trigger.stage }),
          },
        },
      ]);
      // A partial stage is done only when its whole quantity sold: a stage half-filled fires
      // again on the next tick for what is left of it.
      const stageDone = trigger.stage !== undefined && !remaining.gt(0);
      const stages = stageDone ? [...stored.partialStagesDone, trigger.stage!] : stored.partialStagesDone;
      await this.positions.save({
        position,
        trailingStop: params.trailingStop === undefined ? stored.trailingStop : params.trailingStop,
        partialStagesDone: stages,
        exit: { condition: trigger.condition, priority: trigger.priority, price, at: exitedAt },
      });
    }
    if (remaining.gt(0)) {
      this.logger.warn(
        { positionKey: position.positionKey, unfilled: remaining.toString(), condition: trigger.condition },
        'exit plan exhausted with contracts still held',
      );
    }
    const reconciliation = await this.reconcile(position);
    return { position, filled, unfilled: remaining, attempts, realizedPnl, averagePrice, reconciliation };
  }

  /**
   * The next round for a remainder: the ladder from the bid read now, never under the first
   * plan's floor; null when there is no reader, no retries left, or nobody bids at the floor.
   */
  private async replan(plan: ExitPlan, position: Position, remaining: Decimal, round: number) {
    const read = this.options.readBook;
    if (read === undefined || round >= (this.options.maxRetries ?? 2)) return null;
    const book = await read(position.ticker, position.side);
    if (book.bid === null || book.bid.lt(plan.floorPrice)) return null;
    if (plan.steps[0]?.waitBeforeNextMs) await this.sleep(plan.steps[0].waitBeforeNextMs);
    this.logger.info(
      { positionKey: position.positionKey, remaining: remaining.toString(), bid: book.bid.toString() },
      'exit remainder retried from a fresh bid',
    );
    return planExitOrders({
      priority: plan.priority,
      side: plan.side,
      quantity: remaining,
      bid: book.bid,
      priceRanges: book.priceRanges ?? null,
      floorPrice: plan.floorPrice,
    });
  }

  /** Compares our holding of one market with the exchange's `position_fp` (positive YES, negative NO). */
  async reconcile(position: Position): Promise<Reconciliation> {
    const page = await this.client.portfolio.getPositions({ ticker: position.ticker });
    const row = page.items.find((p) => p.ticker === position.ticker);
    const exchange = row === undefined ? ZERO : new Decimal(row.position_fp);
    const expected = position.side === 'yes' ? position.quantity : position.quantity.neg();
    const matches = exchange.eq(expected);
    if (!matches) {
      this.logger.warn(
        { ticker: position.ticker, expected: expected.toString(), exchange: exchange.toString() },
        'position differs from the exchange after an exit',
      );
    }
    return { matches, expected, exchange };
  }
}

function vwap(fills: readonly Fill[]): Decimal {
  const count = fills.reduce((sum, f) => sum.plus(f.count), ZERO);
  return fills.reduce((sum, f) => sum.plus(f.count.times(f.price)), ZERO).div(count);
}

function sumFees(fills: readonly Fill[]): Decimal {
  return fills.reduce((sum, f) => sum.plus(f.fee), ZERO);
}
