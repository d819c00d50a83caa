// The backtest loop: replay → observe (marks, settlement) → decide → fill (now, or after the
// latency against the version valid then) → report.
import type { FeeSchedule } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import type { Strategy } from '../engine/strategy';
import { ZERO } from '../internal/decimal';
import { backtestEngineStrategy } from './engine-strategy';
import { BacktestInputError } from './errors';
import { type FillRejection, simulateFill } from './fill';
import { BacktestLedger } from './ledger';
import { type ReplayedMarket, type ReplayOptions, type ReplayStore, replayMarketHistory } from './replay';
import type { BacktestReport } from './report';
import type { BacktestContext, BacktestIntent, BacktestPendingOrder, BacktestStrategy } from './strategy';

/** Options of {@link runBacktest}. */
export interface RunBacktestOptions extends ReplayOptions {
  /**
   * The strategy replayed: the engine's own `Strategy` object (e.g. `EdgeKellyStrategy`, or your
   * own), run as the engine runs it (see `backtestEngineStrategy`), or a `BacktestStrategy` such
   * as `edgeStrategy(...)`.
   */
  strategy: Strategy | BacktestStrategy;
  /**
   * The model an engine `Strategy` reads through `context.probability`: the probability that YES
   * wins on a ticker, or null. Required with an engine strategy; unused with a `BacktestStrategy`.
   */
  probability?: ((ticker: string) => Decimal | null) | undefined;
  /** For the report: the model's `name@version` or the probabilities file. Default `none`. */
  model?: string | undefined;
  /**
   * `none` holds every position to settlement: exit intents are ignored and an engine strategy's
   * exit rules do not run. `strategy` (default) fills them.
   */
  exits?: 'none' | 'strategy' | undefined;
  /**
   * Milliseconds between a decision and its fill. The order then fills against the version of
   * its market valid at decision time + latency (or not at all past the window's end). Default 0:
   * it fills against the version that prompted it.
   */
  latencyMs?: number | undefined;
  /** Cap each fill by the size displayed at its price, when recorded. Default true. */
  capToDisplayedSize?: boolean | undefined;
  /** The fee schedule. Default: Kalshi's general table (taker 0.07, rounded up to the cent per order). */
  feeSchedule?: FeeSchedule | undefined;
  /** Starting cash, dollars; an engine strategy sizes against it (`context.bankroll`). Default 0 (P&L only). */
  bankroll?: Decimal.Value | undefined;
  /** Most points kept on the equity curve (thinned evenly beyond). Default 2000. */
  maxCurvePoints?: number | undefined;
}

function isEngineStrategy(strategy: Strategy | BacktestStrategy): strategy is Strategy {
  return typeof (strategy as Strategy).onMarket === 'function';
}

function backtestStrategyOf(options: RunBacktestOptions): BacktestStrategy {
  const { strategy } = options;
  if (!isEngineStrategy(strategy)) return strategy;
  if (options.probability === undefined) {
    throw new BacktestInputError('an engine strategy needs the model: pass probability', 'probability');
  }
  return backtestEngineStrategy(strategy, {
    probability: options.probability,
    ruleExits: options.exits !== 'none',
  });
}

function checkRunOptions(options: RunBacktestOptions): {
  latency: number;
  bankroll: Decimal;
  maxCurvePoints: number;
} {
  const latency = options.latencyMs ?? 0;
  if (!Number.isSafeInteger(latency) || latency < 0) {
    throw new BacktestInputError(
      `latencyMs must be a whole number of milliseconds ≥ 0, got ${latency}`,
      'latencyMs',
    );
  }
  const maxCurvePoints = options.maxCurvePoints ?? 2000;
  if (!Number.isSafeInteger(maxCurvePoints) || maxCurvePoints < 2) {
    throw new BacktestInputError(
      `maxCurvePoints must be an integer ≥ 2, got ${maxCurvePoints}`,
      'maxCurvePoints',
    );
  }
  let bankroll: Decimal;
  try {
    bankroll = new Decimal(options.bankroll ?? 0);
  } catch (cause) {
    throw new BacktestInputError(`bankroll must be a decimal number`, 'bankroll', { cause });
  }
  if (!bankroll.isFinite() || bankroll.isNegative()) {
    throw new BacktestInputError(`bankroll must be 0 or more, got ${bankroll}`, 'bankroll');
  }
  return { latency, bankroll, maxCurvePoints };
}

/**
 * Runs `strategy` over the store's market history (see `replayMarketHistory`) and reports what it
 * would have made. Deterministic: the same history and options give the same report.
 */
export async function runBacktest(store: ReplayStore, options: RunBacktestOptions): Promise<BacktestReport> {
  const { latency, bankroll, maxCurvePoints } = checkRunOptions(options);
  const strategy = backtestStrategyOf(options);
  const ledger = new BacktestLedger(bankroll, maxCurvePoints);
  const unfilled: Record<string, number> = {};
  let pending: BacktestPendingOrder[] = [];
  let orderSeq = 0;
  const pendingTickers = new Map<string, number>();
  // The latest version of each market: only kept with a latency (the book an order fills against later).
  const books = new Map<string, ReplayedMarket>();
  const fillOptions = { capToDisplayedSize: options.capToDisplayedSize, feeSchedule: options.feeSchedule };
  let now = 0;
  let versions = 0;
  let firstTime: number | null = null;

  const context: BacktestContext = {
    get now() {
      return now;
    },
    get cash() {
      return ledger.cash;
    },
    bankroll,
    get exposure() {
      let total = ledger.openCost;
      for (const p of pending) {
        const { intent } = p;
        if (intent.action === 'enter' && intent.limitPrice !== null)
          total = total.plus(intent.count.times(intent.limitPrice));
      }
      return total;
    },
    position: (ticker) => ledger.position(ticker),
    positions: () => ledger.positions(),
    hasPendingOrder: (ticker) => pendingTickers.has(ticker),
    pendingOrders: (ticker) =>
      pendingTickers.has(ticker) ? pending.filter((p) => p.intent.ticker === ticker) : [],
    reject: (reason) => refuse(reason),
  };

  function refuse(reason: FillRejection | 'window_end' | 'no_position' | (string & {})) {
    unfilled[reason] = (unfilled[reason] ?? 0) + 1;
  }

  const execute = (market: ReplayedMarket, intent: BacktestIntent, time: number) => {
    const held = ledger.position(intent.ticker);
    let count = intent.count;
    if (intent.action === 'exit') {
      if (held === null || held.side !== intent.side) return refuse('no_position');
      if (count.gt(held.quantity)) count = held.quantity;
    } else if (held !== null && held.side !== intent.side) {
      return refuse('no_position');
    }
    const action = intent.action === 'enter' ? 'buy' : 'sell';
    const fill = simulateFill(
      market,
      { ticker: intent.ticker, side: intent.side, action, count, limitPrice: intent.limitPrice },
      fillOptions,
    );
    if (!fill.filled) return refuse(fill.reason);
    ledger.fill({
      ticker: intent.ticker,
      side: intent.side,
      action,
      count: fill.count,
      price: fill.price,
      fee: fill.fee,
      time,
      reason: intent.reason,
      yesProbability: intent.yesProbability ?? null,
      markBid: intent.side === 'yes' ? market.yesBid : market.noBid,
    });
  };

  const forget = (ticker: string) => {
    const left = (pendingTickers.get(ticker) ?? 1) - 1;
    if (left === 0) pendingTickers.delete(ticker);
    else pendingTickers.set(ticker, left);
  };

  const dequeue = (): BacktestPendingOrder => {
    const next = pending.shift() as BacktestPendingOrder;
    forget(next.intent.ticker);
    return next;
  };

  /** An `adjust`: the waiting entry of that ticker and side takes the new count and limit; 0 cancels it. */
  const adjust = (intent: BacktestIntent) => {
    const order = pending.find(
      (p) =>
        p.intent.action === 'enter' && p.intent.ticker === intent.ticker && p.intent.side === intent.side,
    );
    if (order === undefined) return;
    if (intent.count.lte(ZERO)) {
      pending = pending.filter((p) => p !== order);
      forget(intent.ticker);
      refuse('cancelled');
      return;
    }
    order.intent = { ...order.intent, count: intent.count, limitPrice: intent.limitPrice };
  };

  /** Fills the orders due before `time` against the versions valid when they come due. */
  const flushBefore = (time: number) => {
    while (pending.length > 0 && (pending[0] as BacktestPendingOrder).due < time) {
      const { intent, due } = dequeue();
      const book = books.get(intent.ticker);
      if (book === undefined || ledger.isSettled(intent.ticker)) refuse('market_not_open');
      else execute(book, intent, due);
    }
  };

  for await (const page of replayMarketHistory(store, options)) {
    for (const market of page) {
      versions += 1;
      now = market.time;
      firstTime ??= market.time;
      if (pending.length > 0) flushBefore(market.time);
      if (latency > 0) books.set(market.ticker, market);
      ledger.observe(market);
      if (ledger.isSettled(market.ticker)) continue;
      const intents = strategy.decide(market, context);
      for (const intent of intents) {
        if (options.exits === 'none' && intent.action === 'exit') continue;
        if (intent.action === 'adjust') {
          adjust(intent);
          continue;
        }
        if (!intent.count.gt(ZERO)) continue;
        if (latency === 0) {
          execute(market, intent, market.time);
        } else {
          orderSeq += 1;
          pending.push({
            id: `backtest-${orderSeq}`,
            intent,
            decidedAt: market.time,
            due: market.time + latency,
          });
          pendingTickers.set(intent.ticker, (pendingTickers.get(intent.ticker) ?? 0) + 1);
        }
      }
    }
  }
  flushBefore(options.to === undefined ? Number.POSITIVE_INFINITY : options.to.getTime());
  for (const _ of pending) refuse('window_end');

  const start = options.from?.getTime() ?? firstTime ?? Number.NaN;
  const equity = ledger.equity.map((p, i) => (i === 0 ? { time: start, value: p.value } : p));
  const open = ledger.openPositions();
  const unrealizedPnl = open.reduce((sum, p) => sum.plus(p.pnl), ZERO);
  const closed = ledger.wins + ledger.losses;
  return {
    strategy: strategy.label,
    model: options.model ?? 'none',
    from: options.from ?? null,
    to: options.to ?? null,
    versions,
    trades: ledger.trades,
    unfilled,
    settlements: ledger.settlements,
    open,
    fees: ledger.fees,
    realizedPnl: ledger.realizedPnl,
    unrealizedPnl,
    pnl: ledger.realizedPnl.plus(unrealizedPnl),
    maxDrawdown: ledger.maxDrawdown,
    exposure: ledger.exposure,
    maxExposure: ledger.maxExposure,
    equity,
    wins: ledger.wins,
    losses: ledger.losses,
    hitRate: closed === 0 ? null : new Decimal(ledger.wins).div(closed),
    brier: {
      model: ledger.brierModelCount === 0 ? null : ledger.brierModelSum.div(ledger.brierModelCount),
      market: ledger.brierCount === 0 ? null : ledger.brierMarketSum.div(ledger.brierCount),
      count: ledger.brierCount,
    },
  };
}
