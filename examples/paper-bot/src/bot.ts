// The paper-trading loop: Elo probabilities → edges → Kelly-sized entries → price moves →
// exits (trailing stops first among them), every step on the store, then a P&L summary.
import { generateKeyPairSync } from 'node:crypto';
import { winProbability } from '@precog/elo';
import { KalshiClient, type Market } from '@precog/kalshi-client';
import { createFakeExchange, type FakeExchange, nflMarkets } from '@precog/kalshi-client/testing';
import {
  closeAllRequired,
  computeEdges,
  type EdgeKellyStrategyConfig,
  type EdgeRecord,
  type EloModelConfig,
  EloRatingService,
  ExitExecutor,
  evaluateExit,
  initTrailingStop,
  type MarketSnapshot,
  ModelManager,
  markPosition,
  type ParsedVersion,
  PositionManager,
  placeSideOrder,
  planEntry,
  planExitOrders,
  RiskRecorder,
  recordEdges,
  type StoredConfig,
  StrategyManager,
  snapshotFromMarket,
  type TradingClient,
} from '@precog/managers';
import { openStore, type Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { KICKOFF, LAST_WEEK, priceMove, SESSION_START, SLATE, seededRandom, TICK_MS } from './scenario';

/** Options of {@link runPaperBot}. */
export interface PaperBotOptions {
  /** Price ticks to simulate (offline) or polls (live). Default 12. */
  ticks?: number;
  /** Seed of the offline price moves. Default 7. */
  seed?: number;
  /** PostgreSQL URL; default an in-memory PGlite database. */
  databaseUrl?: string | undefined;
  /** Starting cash on the fake exchange, dollars. Default 1000. */
  balance?: string;
  /** Live mode: a signed client on the Kalshi demo exchange instead of the fake one. */
  live?: { client: KalshiClient; pollMs: number } | undefined;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One trade of the run, for the summary. */
export interface TradeLine {
  ticker: string;
  side: string;
  action: 'buy' | 'sell';
  count: Decimal;
  /** Volume-weighted price in the side's space. */
  price: Decimal;
  fees: Decimal;
  /** Exit rule, for sells. */
  condition?: string;
  /** Net realized P&L of that exit. */
  realizedPnl?: Decimal;
  tick: number;
}

/** What a run did, with exact figures. */
export interface PaperBotReport {
  exchange: 'fake' | 'demo';
  strategy: { id: number; name: string; version: string };
  model: { id: number; name: string; version: string };
  elo: { gamesApplied: number; rerunApplied: number; regressions: number };
  marketsSeen: number;
  edgesStored: number;
  entries: TradeLine[];
  exits: TradeLine[];
  exitAttempts: number;
  reconciliationsOk: number;
  reconciliationsFailed: number;
  openAtEnd: {
    ticker: string;
    side: string;
    quantity: Decimal;
    bid: Decimal | null;
    unrealizedPnl: Decimal | null;
  }[];
  realizedPnl: Decimal;
  unrealizedPnl: Decimal;
  feesPaid: Decimal;
  cashStart: Decimal;
  cashEnd: Decimal;
  /** cash end − cash start: equals realized P&L of closed positions − cost and entry fees of open ones. */
  cashChange: Decimal;
  /** realized P&L + unrealized P&L (net of estimated exit fees). */
  totalPnl: Decimal;
  cashCheck: boolean;
  breakerTrips: number;
}

const STRATEGY = { name: 'nfl-elo-edge', version: '1.0.0' };
const MODEL = { name: 'elo-nfl', version: '1.0.0' };

/** The strategy config the bot trades with (stored immutably as strategy nfl-elo-edge@1.0.0). */
export const STRATEGY_CONFIG: StoredConfig = {
  type: 'edge_kelly',
  league: 'nfl',
  shrink: '0',
  minEdge: { global: '0.05', byLeague: { nfl: '0.04' } },
  sizing: { kellyFraction: '0.25', maxPositionPct: '0.05', minPositionDollars: '5', maxTotalExposure: '400' },
  exits: {
    stopLossPct: '0.15',
    profitTargetPct: '0.40',
    minVolume: null,
    maxSpread: '0.05',
    earlyExitEdge: null,
    edgeDisappearedBelow: null,
  },
  trailingStop: { activationThreshold: '0.08', distance: { kind: 'ticks', value: 2 } },
  circuitBreakers: { dailyLossLimit: '100', maxConsecutiveLosses: 4 },
};

/** The Elo model config (stored as model elo-nfl@1.0.0). */
export const MODEL_CONFIG: StoredConfig = { type: 'elo', preset: 'nfl', sport: 'nfl' };

const ZERO = new Decimal(0);
const ACTOR = 'paper-bot';

async function activeVersions(store: Store) {
  const strategies = new StrategyManager(store.strategies);
  const models = new ModelManager(store.models);
  const strategy = await strategies.create({
    ...STRATEGY,
    config: STRATEGY_CONFIG,
    createdBy: ACTOR,
  });
  const model = await models.create({ ...MODEL, config: MODEL_CONFIG, createdBy: ACTOR });
  for (const [manager, v] of [
    [strategies, strategy],
    [models, model],
  ] as const) {
    if (v.status === 'draft') await manager.startTesting(v.id, { actor: ACTOR, reason: 'paper trading' });
    if (v.status !== 'active') await manager.activate(v.id, { actor: ACTOR, reason: 'paper bot run' });
  }
  return {
    strategy: (await strategies.getActive(STRATEGY.name)) as ParsedVersion<EdgeKellyStrategyConfig>,
    model: (await models.getActive(MODEL.name)) as ParsedVersion<EloModelConfig>,
  };
}

/** Stores last week's finals and rates them (twice: the second run must change nothing). */
async function applyLastWeek(store: Store, model: ParsedVersion<EloModelConfig>) {
  await store.gameStates.upsertVersions(
    LAST_WEEK.map((g) => ({
      externalGameId: g.id,
      sport: 'nfl',
      status: 'final',
      homeTeam: g.home,
      awayTeam: g.away,
      homeScore: g.homeScore,
      awayScore: g.awayScore,
      period: 'F',
      scheduledStart: new Date(KICKOFF - 7 * 86_400_000),
    })),
  );
  const service = new EloRatingService(store, { params: model.parsed.params, modelId: model.id });
  const first = await service.applyFinishedGames();
  const again = await service.applyFinishedGames();
  return { service, first, again };
}

function homeProbability(
  ratings: Map<string, Decimal>,
  home: string,
  away: string,
  model: EloModelConfig,
): Decimal {
  const h = ratings.get(home);
  const a = ratings.get(away);
  if (h === undefined || a === undefined)
    throw new Error(`no Elo rating for ${h === undefined ? home : away}`);
  const p = winProbability(h.toNumber(), a.toNumber(), {
    homeAdvantage: model.params.homeAdvantage,
    scale: model.params.scale,
  });
  // The model's float becomes a probability once, here, at the scale the store keeps (4 dp).
  return new Decimal(p).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
}

const teamOf = (ticker: string) => ticker.slice(ticker.lastIndexOf('-') + 1);

/** Kalshi's NFL codes that differ from the store's team codes. */
const KALSHI_ALIASES: Readonly<Record<string, string>> = { JAC: 'JAX', LA: 'LAR' };
const teamCode = (code: string) => KALSHI_ALIASES[code] ?? code;

/**
 * The two teams of a `KXNFLGAME-26NOV29KCLV` event ticker (away first, then home, as Kalshi
 * writes "Kansas City at Las Vegas"): the date is 7 characters, the rest splits into two known
 * team codes. Null when it does not.
 */
export function parseGameTicker(
  eventTicker: string,
  known: ReadonlySet<string>,
): { away: string; home: string } | null {
  const rest = eventTicker.slice(eventTicker.indexOf('-') + 1).slice(7);
  for (let i = 2; i <= rest.length - 2; i += 1) {
    const away = teamCode(rest.slice(0, i));
    const home = teamCode(rest.slice(i));
    if (known.has(away) && known.has(home)) return { away, home };
  }
  return null;
}

/** Runs the bot and returns its report. Closes everything it opened. */
export async function runPaperBot(options: PaperBotOptions = {}): Promise<PaperBotReport> {
  const ticks = options.ticks ?? 12;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 7);
  let now = SESSION_START;
  const clock = { now: () => now };

  const store = await openStore({ databaseUrl: options.databaseUrl });
  let closeExchange: () => Promise<void> = async () => undefined;
  try {
    await store.migrate();
    const { strategy, model } = await activeVersions(store);
    const cfg = strategy.parsed;
    log(
      `strategy ${strategy.name}@${strategy.version} (id ${strategy.id}) and model ${model.name}@${model.version} (id ${model.id}) active`,
    );

    const { service, first, again } = await applyLastWeek(store, model);
    log(`elo: ${first.gamesApplied} finished games applied; re-run applied ${again.gamesApplied}`);
    const ratings = await service.ratings();

    // Fair home probabilities from Elo, and the exchange quoting each game off by its mispricing.
    const fairHome = new Map(
      SLATE.map((g) => [`${g.away}@${g.home}`, homeProbability(ratings, g.home, g.away, model.parsed)]),
    );
    let client: TradingClient & Pick<KalshiClient, 'markets'>;
    let exchange: FakeExchange | undefined;
    if (options.live === undefined) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      exchange = createFakeExchange({
        ...nflMarkets({
          games: SLATE.map((g) => {
            const quoted = fairHome.get(`${g.away}@${g.home}`)!.plus(g.mispricing).toDecimalPlaces(2);
            return {
              away: g.away,
              home: g.home,
              kickoff: KICKOFF,
              homeWinProbability: Decimal.max(0.05, Decimal.min(0.95, quoted)),
            };
          }),
        }),
        balance: options.balance ?? '1000',
        keys: [{ id: 'paper-bot', publicKey }],
      });
      const server = await exchange.listen();
      closeExchange = () => server.close();
      client = new KalshiClient({ baseUrl: server.url, apiKeyId: 'paper-bot', privateKey });
    } else {
      client = options.live.client;
    }

    const markets: Market[] = [];
    for await (const m of client.markets.list({ series_ticker: 'KXNFLGAME', status: 'open', limit: 200 }))
      markets.push(m);
    // Which game and which team each market is about; YES probability from Elo.
    const gameOf = new Map<
      string,
      { key: string; home: string; away: string; yesProbability: Decimal; pullback: 1 | -1 }
    >();
    const codes = new Set(ratings.keys());
    for (const m of markets) {
      const parsed = parseGameTicker(m.event_ticker, codes);
      if (parsed === null) continue;
      const team = teamCode(teamOf(m.ticker));
      if (team !== parsed.home && team !== parsed.away) continue;
      const pHome = homeProbability(ratings, parsed.home, parsed.away, model.parsed);
      const isHome = team === parsed.home;
      // Offline, the late pullback runs against the direction the scenario's mispricing corrects.
      const scenario = SLATE.find((g) => g.home === parsed.home && g.away === parsed.away);
      const sign = scenario !== undefined && new Decimal(scenario.mispricing).isNegative() ? -1 : 1;
      gameOf.set(m.ticker, {
        key: m.event_ticker,
        home: parsed.home,
        away: parsed.away,
        yesProbability: isHome ? pHome : new Decimal(1).minus(pHome),
        pullback: (isHome ? sign : -sign) as 1 | -1,
      });
    }
    const tradable = markets.filter((m) => gameOf.has(m.ticker));
    log(`markets: ${tradable.length} NFL markets quoted`);

    const positions = new PositionManager(store, { clock });
    if (options.live === undefined && (await positions.all()).length > 0) {
      // The fake exchange numbers its fills from 1 on every run, so position keys would collide.
      throw new Error(
        'the database already holds positions (an earlier run?): give the offline bot a fresh database',
      );
    }
    const risk = await RiskRecorder.open(store, cfg.circuitBreakers);
    const executor = new ExitExecutor(client, store, positions, {
      clock,
      sleep: async () => undefined,
      onApiError: async () => {
        await risk.apply({ type: 'api_error', at: now });
      },
    });
    const cashStart = (await client.portfolio.getBalance()).balance_dollars;
    const report: PaperBotReport = {
      exchange: options.live === undefined ? 'fake' : 'demo',
      strategy: { id: strategy.id, name: strategy.name, version: strategy.version },
      model: { id: model.id, name: model.name, version: model.version },
      elo: {
        gamesApplied: first.gamesApplied,
        rerunApplied: again.gamesApplied,
        regressions: first.regressions,
      },
      marketsSeen: tradable.length,
      edgesStored: 0,
      entries: [],
      exits: [],
      exitAttempts: 0,
      reconciliationsOk: 0,
      reconciliationsFailed: 0,
      openAtEnd: [],
      realizedPnl: ZERO,
      unrealizedPnl: ZERO,
      feesPaid: ZERO,
      cashStart,
      cashEnd: cashStart,
      cashChange: ZERO,
      totalPnl: ZERO,
      cashCheck: false,
      breakerTrips: 0,
    };

    // ── Entries: edges on every market, at most one position per game (its two markets are one bet).
    const snapshots = new Map<string, MarketSnapshot>(tradable.map((m) => [m.ticker, snapshotFromMarket(m)]));
    const edgeRecords: EdgeRecord[] = [];
    const best = new Map<string, { ticker: string; plan: ReturnType<typeof planEntry> }>();
    let exposure = ZERO;
    for (const m of tradable) {
      const info = gameOf.get(m.ticker)!;
      const snapshot = snapshots.get(m.ticker)!;
      const edges = computeEdges({ yesProbability: info.yesProbability, snapshot, shrink: cfg.shrink });
      const plan = planEntry({
        yesProbability: info.yesProbability,
        snapshot,
        shrink: cfg.shrink,
        minEdge: cfg.minEdge,
        market: { league: cfg.league, seriesTicker: 'KXNFLGAME' },
        bankroll: cashStart,
        currentExposure: exposure,
        sizing: cfg.sizing,
        risk: risk.state,
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
        (current === undefined ||
          current.plan.action !== 'enter' ||
          plan.edge.edge.gt(current.plan.edge.edge))
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
    const runId = '00000000-0000-4000-8000-0000000000aa';
    await recordEdges(store, { strategyId: strategy.id, modelId: model.id, runId, edges: edgeRecords });
    report.edgesStored = edgeRecords.length;

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
        strategyId: strategy.id,
        modelId: model.id,
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
      exposure = exposure.plus(cost);
      const fees = order.fills.reduce((s, f) => s.plus(f.fee), ZERO);
      report.entries.push({
        ticker,
        side: plan.order.side,
        action: 'buy',
        count: order.filled,
        price: avg,
        fees,
        tick: 0,
      });
      log(
        `enter ${ticker} ${plan.order.side.toUpperCase()} ${order.filled} @ ${avg} (edge ${plan.edge.edge}, fee ${fees}) → ${stored?.position.positionKey}`,
      );
    }

    // ── Price moves and exits.
    for (let tick = 1; tick <= ticks; tick += 1) {
      now = SESSION_START + tick * TICK_MS;
      if (exchange !== undefined) {
        for (const m of tradable) {
          const info = gameOf.get(m.ticker)!;
          const book = exchange.marketBody(m.ticker) as { yes_bid_dollars: string; yes_ask_dollars: string };
          const mid = new Decimal(book.yes_bid_dollars).plus(book.yes_ask_dollars).div(2);
          let by = priceMove({
            tick,
            ticks,
            mid,
            fair: info.yesProbability,
            pullback: info.pullback,
            random,
          });
          const bid = new Decimal(book.yes_bid_dollars);
          if (bid.plus(by).lt(0.02)) by = new Decimal(0.02).minus(bid);
          if (new Decimal(book.yes_ask_dollars).plus(by).gt(0.98))
            by = new Decimal(0.98).minus(book.yes_ask_dollars);
          if (!by.isZero()) exchange.movePrices(m.ticker, by);
        }
      } else if (options.live !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, options.live!.pollMs));
        now = Date.now();
      }
      await risk.apply({ type: 'tick', at: now });
      for (const stored of await positions.open()) {
        const snapshot = snapshotFromMarket(await client.markets.get(stored.position.ticker));
        const decision = evaluateExit(
          {
            position: stored.position,
            trailingStop: stored.trailingStop,
            partialStagesDone: stored.partialStagesDone,
          },
          snapshot,
          now,
          cfg.exits,
          { circuitBreakerOpen: closeAllRequired(risk.state) },
        );
        const mark = markPosition(stored.position, snapshot);
        if (decision.exit === null || decision.bid === null) {
          if (decision.trailingStopChange !== 'none') {
            await positions.save({ position: stored.position, trailingStop: decision.trailingStop, mark });
            log(
              `tick ${tick}: ${stored.position.ticker} trailing stop ${decision.trailingStopChange} → ${decision.trailingStop?.currentStopPrice} (bid ${decision.bid})`,
            );
          }
          continue;
        }
        const plan = planExitOrders({
          priority: decision.exit.priority,
          side: stored.position.side,
          quantity: decision.exit.quantity,
          bid: decision.bid,
          priceRanges: snapshot.priceRanges ?? null,
        });
        const result = await executor.execute({
          stored,
          trigger: decision.exit,
          plan,
          trailingStop: decision.trailingStop,
          unrealizedPnlAtExit: mark.unrealizedPnl,
        });
        report.exitAttempts += result.attempts.length;
        if (result.reconciliation.matches) report.reconciliationsOk += 1;
        else report.reconciliationsFailed += 1;
        if (result.filled.gt(0) && result.averagePrice !== null) {
          const fees = result.position.feesPaid.minus(stored.position.feesPaid);
          report.exits.push({
            ticker: stored.position.ticker,
            side: stored.position.side,
            action: 'sell',
            count: result.filled,
            price: result.averagePrice,
            fees,
            condition: decision.exit.condition,
            realizedPnl: result.realizedPnl,
            tick,
          });
          log(
            `tick ${tick}: exit ${stored.position.ticker} ${decision.exit.condition} ${result.filled} @ ${result.averagePrice} — ${decision.exit.reason}`,
          );
        }
        if (result.position.status === 'closed') {
          const trips = await risk.apply({
            type: 'trade_closed',
            at: now,
            realizedPnl: result.position.realizedPnl,
          });
          report.breakerTrips += trips.filter((t) => t.to === 'open').length;
        }
      }
    }

    // ── Summary: realized from every position, unrealized at the bid of what is still open.
    for (const stored of await positions.all()) {
      report.realizedPnl = report.realizedPnl.plus(stored.position.realizedPnl);
      report.feesPaid = report.feesPaid.plus(stored.position.feesPaid);
      if (stored.position.status === 'open') {
        const snapshot = snapshotFromMarket(await client.markets.get(stored.position.ticker));
        const mark = markPosition(stored.position, snapshot);
        await positions.save({ position: stored.position, mark });
        report.unrealizedPnl = report.unrealizedPnl.plus(mark.unrealizedPnl ?? ZERO);
        report.openAtEnd.push({
          ticker: stored.position.ticker,
          side: stored.position.side,
          quantity: stored.position.quantity,
          bid: mark.bid,
          unrealizedPnl: mark.unrealizedPnl,
        });
      }
    }
    report.cashEnd = (await client.portfolio.getBalance()).balance_dollars;
    report.cashChange = report.cashEnd.minus(report.cashStart);
    report.totalPnl = report.realizedPnl.plus(report.unrealizedPnl);
    // Cash moved by: realized P&L (net of all fees) minus the cost basis still held.
    const openCost = (await positions.open()).reduce((s, p) => s.plus(p.position.costBasis), ZERO);
    report.cashCheck = report.cashChange.eq(report.realizedPnl.minus(openCost));
    return report;
  } finally {
    await closeExchange();
    await store.close();
  }
}
