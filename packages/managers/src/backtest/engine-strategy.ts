// The engine's `Strategy` in the backtester: each replayed version becomes the `MarketSnapshot`
// the engine would hand it (`observedAt` = the replay clock), with the `StrategyContext` the
// engine builds (positions, resting = waiting orders, the model, the entry gates of its exit
// rules, bankroll, exposure), and its intents go through the engine's own entry gates before
// they are filled. The strategy's exit rules run on held positions, as the engine's
// PositionMonitor runs them.
import type Decimal from 'decimal.js';
import { entryGateFailure, entryGatesFromExits } from '../engine/entry-gates';
import type {
  HeldPosition,
  RestingOrderView,
  Strategy,
  StrategyContext,
  StrategyIntent,
} from '../engine/strategy';
import type { Position } from '../positions/position';
import { type RuleExits, ruleExits, snapshotOfVersion } from './rule-exits';
import type { BacktestContext, BacktestIntent, BacktestPendingOrder, BacktestStrategy } from './strategy';

/** Options of {@link backtestEngineStrategy}. */
export interface BacktestEngineStrategyOptions {
  /** The model: the probability that YES wins on `ticker`, or null when it has none. */
  probability(ticker: string): Decimal | null;
  /** Run the strategy's exit rules (`strategy.exits`, `strategy.trailingStop`) on held positions. Default true. */
  ruleExits?: boolean | undefined;
}

const NO_RISK = Object.freeze({ entryAllowed: true, blockedBy: Object.freeze([]) });

function held(p: Position): HeldPosition {
  return {
    ticker: p.ticker,
    side: p.side,
    quantity: p.quantity,
    avgEntryPrice: p.avgEntryPrice,
    costBasis: p.costBasis,
    openedAt: p.openedAt,
  };
}

function resting(order: BacktestPendingOrder): RestingOrderView {
  const { intent } = order;
  return {
    orderId: order.id,
    clientOrderId: order.id,
    ticker: intent.ticker,
    side: intent.side,
    action: intent.action === 'exit' ? 'sell' : 'buy',
    remaining: intent.count,
    limitPrice: intent.limitPrice as Decimal,
  };
}

function toBacktest(intent: StrategyIntent, probability: Decimal | null): BacktestIntent {
  return {
    action: intent.kind,
    ticker: intent.ticker,
    side: intent.side,
    count: intent.count,
    limitPrice: intent.limitPrice,
    reason: intent.reason,
    yesProbability: intent.kind === 'enter' ? probability : null,
  };
}

/**
 * The engine's `strategy` as a {@link BacktestStrategy} (`runBacktest` wraps an engine strategy
 * with this itself). The circuit breakers are not simulated: `context.risk` always allows entries.
 * An enter intent that fails the engine's entry gates (or names another market) is not filled
 * and is counted in the report's `unfilled` under `gate:<reason>`.
 */
export function backtestEngineStrategy(
  strategy: Strategy,
  options: BacktestEngineStrategyOptions,
): BacktestStrategy {
  const gates = entryGatesFromExits(strategy.exits);
  const exits: RuleExits | null =
    (options.ruleExits ?? true) ? ruleExits(strategy.exits, strategy.trailingStop ?? null) : null;
  const { probability } = options;

  const contextOf = (now: number, ctx: BacktestContext): StrategyContext => ({
    now,
    get positions() {
      return ctx.positions().map(held);
    },
    position: (ticker) => {
      const p = ctx.position(ticker);
      return p === null ? null : held(p);
    },
    restingOrders: (ticker) => ctx.pendingOrders(ticker).map(resting),
    probability,
    gates,
    bankroll: ctx.bankroll,
    get exposure() {
      return ctx.exposure;
    },
    risk: NO_RISK,
  });

  return {
    label: `${strategy.name}@${strategy.version}`,
    decide(market, ctx) {
      const snapshot = snapshotOfVersion(market);
      const out: BacktestIntent[] = exits === null ? [] : exits(market, snapshot, ctx);
      const intents = strategy.onMarket(snapshot, contextOf(ctx.now, ctx));
      for (const intent of intents) {
        if (intent.kind === 'enter') {
          const failure =
            intent.ticker !== market.ticker
              ? 'other_market'
              : entryGateFailure(snapshot, intent.side, gates, ctx.now);
          if (failure !== null) {
            ctx.reject(`gate:${failure}`);
            continue;
          }
        }
        out.push(toBacktest(intent, intent.kind === 'enter' ? probability(intent.ticker) : null));
      }
      return out;
    },
  };
}
