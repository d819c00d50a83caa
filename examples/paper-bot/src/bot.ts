// The paper bot: the trading engine of @precog/managers running the stored strategy version (an
// EdgeKellyStrategy) on Elo probabilities, against the fake exchange offline (the scenario moves
// its books each tick) or the Kalshi demo exchange with --live; then a P&L summary. The engine
// does the trading loop (entries, exits by the PositionMonitor, breakers, reconciliation); this
// file only wires it and reports.
import type { KalshiClient } from '@precog/kalshi-client';
import type { FakeExchange } from '@precog/kalshi-client/testing';
import {
  EdgeKellyStrategy,
  type MarketSnapshot,
  markPosition,
  PositionManager,
  snapshotFromMarket,
  TradingEngine,
} from '@precog/managers';
import { openStore } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { bestMarketPerGame, recordFirstEdges } from './edges';
import { discoverGames, moveBooks, startFakeExchange } from './markets';
import { SESSION_START, SLATE, seededRandom, TICK_MS } from './scenario';
import { activeVersions, applyLastWeek, homeProbability } from './setup';
import { entryLines, exitLine } from './trades';
import type { PaperBotOptions, PaperBotReport } from './types';

export { MODEL_CONFIG, STRATEGY_CONFIG } from './setup';
export type { PaperBotOptions, PaperBotReport, TradeLine } from './types';

const ZERO = new Decimal(0);

/** Runs the bot and returns its report. Closes everything it opened. */
export async function runPaperBot(options: PaperBotOptions = {}): Promise<PaperBotReport> {
  const ticks = options.ticks ?? 12;
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 7);
  let now = SESSION_START;
  const clock = { now: () => now };

  const store = await openStore({ ...options.storeOptions, databaseUrl: options.databaseUrl });
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
    let client: KalshiClient;
    let exchange: FakeExchange | undefined;
    if (options.live === undefined) {
      const fairHome = new Map(
        SLATE.map((g) => [`${g.away}@${g.home}`, homeProbability(ratings, g.home, g.away, model.parsed)]),
      );
      const fake = await startFakeExchange(fairHome, options.balance ?? '1000');
      ({ exchange, client } = fake);
      closeExchange = fake.close;
    } else {
      client = options.live.client;
    }
    const { tradable, gameOf } = await discoverGames(client, ratings, model.parsed);
    log(`markets: ${tradable.length} NFL markets quoted`);

    if (options.live === undefined && (await new PositionManager(store).all()).length > 0) {
      // The fake exchange numbers its fills from 1 on every run, so position keys would collide.
      throw new Error(
        'the database already holds positions (an earlier run?): give the offline bot a fresh database',
      );
    }
    const cashStart = (await client.portfolio.getBalance()).balance_dollars;
    const modelProbability = (ticker: string) => gameOf.get(ticker)?.yesProbability ?? null;
    let offered = new Set<string>();
    const engine = await TradingEngine.start({
      client,
      store,
      strategy: new EdgeKellyStrategy({ name: strategy.name, version: strategy.version, config: cfg }),
      // The entry window: the first cycle, on one market per game; afterwards the engine only
      // manages what it holds (exits, resting orders).
      probability: (ticker) => (offered.has(ticker) ? modelProbability(ticker) : null),
      bankroll: cashStart,
      circuitBreakers: cfg.circuitBreakers,
      strategyId: strategy.id,
      modelId: model.id,
      clock,
      sleep: async () => undefined,
    });
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

    // The markets of each cycle, read at the bot's clock.
    const markets = async (): Promise<MarketSnapshot[]> => {
      const snapshots: MarketSnapshot[] = [];
      for await (const m of client.markets.list({ series_ticker: 'KXNFLGAME', status: 'open', limit: 200 }))
        if (gameOf.has(m.ticker)) snapshots.push(snapshotFromMarket(m, now));
      return snapshots;
    };

    // ── Tick 0 enters on the edges; every tick moves the books and runs one engine cycle.
    try {
      for (let tick = 0; tick <= ticks; tick += 1) {
        if (tick > 0) {
          now = SESSION_START + tick * TICK_MS;
          if (exchange !== undefined) {
            moveBooks(exchange, tradable, gameOf, tick, ticks, random);
          } else if (options.live !== undefined) {
            await new Promise((resolve) => setTimeout(resolve, options.live!.pollMs));
            now = Date.now();
          }
        }
        const snapshots = await markets();
        offered =
          tick === 0
            ? bestMarketPerGame(snapshots, modelProbability, (t) => gameOf.get(t)?.key ?? t, cfg.shrink)
            : new Set();
        const result = await engine.cycle(snapshots, now);
        if (tick === 0) {
          report.edgesStored = await recordFirstEdges(store, {
            strategyId: strategy.id,
            modelId: model.id,
            shrink: cfg.shrink,
            snapshots,
            probability: modelProbability,
            entered: new Set(result.sent.map((i) => i.ticker)),
          });
        }
        for (const intent of result.sent) {
          log(
            `tick ${tick}: ${intent.kind} ${intent.ticker} ${intent.side.toUpperCase()} ${intent.count} @ ${intent.limitPrice} (${intent.reason})`,
          );
        }
        for (const event of result.exits) {
          if (event.kind === 'trailing_stop') {
            log(
              `tick ${tick}: ${event.ticker} trailing stop ${event.change} → ${event.trailingStop?.currentStopPrice} (bid ${event.bid})`,
            );
            continue;
          }
          report.breakerTrips += event.breakerTrips;
          if (event.kind === 'settlement') {
            log(
              `tick ${tick}: ${event.stored.position.ticker} settled ${event.marketResult}, net ${event.realizedPnl}`,
            );
            continue;
          }
          report.exitAttempts += event.attempts;
          if (event.reconciled) report.reconciliationsOk += 1;
          else report.reconciliationsFailed += 1;
          const line = exitLine(event, tick);
          if (line !== null) {
            report.exits.push(line);
            log(
              `tick ${tick}: exit ${line.ticker} ${line.condition} ${line.count} @ ${line.price} — ${event.trigger.reason}`,
            );
          }
        }
      }
    } finally {
      // Resting entries are cancelled (their cash released) before the summary reads the account.
      const cancelled = await engine.stop();
      if (cancelled > 0) log(`stop: ${cancelled} resting entries cancelled`);
    }
    report.entries = await entryLines(store, client, engine.strategyKey, (at) =>
      Math.round((at - SESSION_START) / TICK_MS),
    );

    // ── Summary: realized from every position, unrealized at the bid of what is still open.
    const positions = engine.positions;
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
