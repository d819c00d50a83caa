// Entries: edges on every market, stored; at most one position per game (its two markets are one
// bet), Kelly-sized, bought at the ask, each with its trailing stop, stop-loss and target prices.
import type { Market } from '@precog/kalshi-client';
import {
  computeEdges,
  type EdgeKellyStrategyConfig,
  type EdgeRecord,
  initTrailingStop,
  type PositionManager,
  placeSideOrder,
  planEntry,
  type RiskRecorder,
  recordEdges,
  snapshotFromMarket,
} from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import type { BotClient, GameInfo } from './markets';
import type { TradeLine } from './types';

const ZERO = new Decimal(0);
const RUN_ID = '00000000-0000-4000-8000-0000000000aa';

/** What {@link enterPositions} works with. */
export interface EntryContext {
  store: Store;
  client: BotClient;
  positions: PositionManager;
  risk: RiskRecorder;
  strategyId: number;
  modelId: number;
  cfg: EdgeKellyStrategyConfig;
  tradable: readonly Market[];
  gameOf: Map<string, GameInfo>;
  /** Bankroll for sizing: the cash at the start. */
  bankroll: Decimal;
  /** The bot's clock now (simulated offline), epoch ms: when the markets were read. */
  now: number;
  log: (line: string) => void;
}

/** Stores every market's edge and enters the best one of each game; returns the entries and the edges stored. */
export async function enterPositions(
  ctx: EntryContext,
): Promise<{ entries: TradeLine[]; edgesStored: number }> {
  const { cfg, risk, client, positions } = ctx;
  const edgeRecords: EdgeRecord[] = [];
  const best = new Map<string, { ticker: string; plan: ReturnType<typeof planEntry> }>();
  const exposure = ZERO;
  for (const m of ctx.tradable) {
    const info = ctx.gameOf.get(m.ticker)!;
    const snapshot = snapshotFromMarket(m, ctx.now);
    const edges = computeEdges({ yesProbability: info.yesProbability, snapshot, shrink: cfg.shrink });
    const plan = planEntry({
      yesProbability: info.yesProbability,
      snapshot,
      shrink: cfg.shrink,
      minEdge: cfg.minEdge,
      market: { league: cfg.league, seriesTicker: 'KXNFLGAME' },
      bankroll: ctx.bankroll,
      currentExposure: exposure,
      sizing: cfg.sizing,
      risk: risk.state,
      // The rules the monitor exits with are the entry gates (one source).
      exits: cfg.exits,
      now: ctx.now,
    });
    if (edges.best !== null) {
      edgeRecords.push({
        ticker: m.ticker,
        edge: plan.action === 'enter' ? plan.edge : edges.best,
        yesProbability: edges.yesProbability,
        recommendedAction: plan.action === 'enter' ? 'auto_execute' : 'ignore',
      });
    }
    const current = best.get(info.key);
    if (
      plan.action === 'enter' &&
      (current === undefined || current.plan.action !== 'enter' || plan.edge.edge.gt(current.plan.edge.edge))
    ) {
      best.set(info.key, { ticker: m.ticker, plan });
    }
  }
  const entered = new Set([...best.values()].map((b) => b.ticker));
  for (const r of edgeRecords)
    r.recommendedAction = entered.has(r.ticker)
      ? 'auto_execute'
      : r.recommendedAction === 'auto_execute'
        ? 'alert'
        : 'ignore';
  await recordEdges(ctx.store, {
    strategyId: ctx.strategyId,
    modelId: ctx.modelId,
    runId: RUN_ID,
    edges: edgeRecords,
  });

  const entries: TradeLine[] = [];
  for (const { ticker, plan } of best.values()) {
    if (plan.action !== 'enter' || !risk.entryAllowed().allowed) continue;
    const order = await placeSideOrder(client, {
      ticker,
      side: plan.order.side,
      action: 'buy',
      count: plan.order.count,
      price: plan.order.limitPrice,
    });
    if (order.fills.length === 0) continue;
    const cost = order.fills.reduce((s, f) => s.plus(f.count.times(f.price)), ZERO);
    const avg = cost.div(order.filled);
    const stored = await positions.applyFills(order.fills, {
      strategyId: ctx.strategyId,
      modelId: ctx.modelId,
      initialOrderId: order.orderId,
      trailingStop: cfg.trailingStop === null ? null : initTrailingStop(avg, cfg.trailingStop),
      stopLossPrice:
        cfg.exits.stopLossPct === null
          ? null
          : avg
              .times(new Decimal(1).minus(cfg.exits.stopLossPct))
              .toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN),
      targetPrice:
        cfg.exits.profitTargetPct === null
          ? null
          : Decimal.min(1, avg.times(new Decimal(1).plus(cfg.exits.profitTargetPct))).toDecimalPlaces(
              4,
              Decimal.ROUND_HALF_EVEN,
            ),
    });
    const fees = order.fills.reduce((s, f) => s.plus(f.fee), ZERO);
    entries.push({
      ticker,
      side: plan.order.side,
      action: 'buy',
      count: order.filled,
      price: avg,
      fees,
      tick: 0,
    });
    ctx.log(
      `enter ${ticker} ${plan.order.side.toUpperCase()} ${order.filled} @ ${avg} (edge ${plan.edge.edge}, fee ${fees}) → ${stored?.position.positionKey}`,
    );
  }
  return { entries, edgesStored: edgeRecords.length };
}
