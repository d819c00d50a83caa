// The paper-trading loop: Elo probabilities → edges → Kelly-sized entries → price moves →
// exits (the PositionMonitor of @precog/managers: trailing stops first among them), every step
// on the store, then a P&L summary. This file wires the pieces; each lives in its own module.
import type { FakeExchange } from '@precog/kalshi-client/testing';
import {
  markPosition,
  PositionManager,
  PositionMonitor,
  RiskRecorder,
  snapshotFromMarket,
} from '@precog/managers';
import { openStore } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { enterPositions } from './entries';
import { type BotClient, discoverGames, moveBooks, startFakeExchange } from './markets';
import { SESSION_START, SLATE, seededRandom, TICK_MS } from './scenario';
import { activeVersions, applyLastWeek, homeProbability } from './setup';
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
    let client: BotClient;
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

    const positions = new PositionManager(store, { clock });
    if (options.live === undefined && (await positions.all()).length > 0) {
      // The fake exchange numbers its fills from 1 on every run, so position keys would collide.
      throw new Error(
        'the database already holds positions (an earlier run?): give the offline bot a fresh database',
      );
    }
    const risk = await RiskRecorder.open(store, cfg.circuitBreakers);
    const monitor = new PositionMonitor({
      client,
      store,
      positions,
      risk,
      exits: cfg.exits,
      clock,
      sleep: async () => undefined,
    });
    const cashStart = (await client.portfolio.getBalance()).balance_dollars;
    const { entries, edgesStored } = await enterPositions({
      now,
      store,
      client,
      positions,
      risk,
      strategyId: strategy.id,
      modelId: model.id,
      cfg,
      tradable,
      gameOf,
      bankroll: cashStart,
      log,
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
      edgesStored,
      entries,
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

    // ── Price moves and exits: one monitor cycle per tick.
    for (let tick = 1; tick <= ticks; tick += 1) {
      now = SESSION_START + tick * TICK_MS;
      if (exchange !== undefined) {
        moveBooks(exchange, tradable, gameOf, tick, ticks, random);
      } else if (options.live !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, options.live!.pollMs));
        now = Date.now();
      }
      for (const event of (await monitor.cycle(now)).events) {
        if (event.kind === 'trailing_stop') {
          log(
            `tick ${tick}: ${event.ticker} trailing stop ${event.change} → ${event.trailingStop?.currentStopPrice} (bid ${event.bid})`,
          );
          continue;
        }
        if (event.kind === 'settlement') {
          log(
            `tick ${tick}: ${event.stored.position.ticker} settled ${event.marketResult}, net ${event.realizedPnl}`,
          );
          report.breakerTrips += event.breakerTrips;
          continue;
        }
        const { position } = event.stored;
        report.exitAttempts += event.attempts;
        if (event.reconciled) report.reconciliationsOk += 1;
        else report.reconciliationsFailed += 1;
        if (event.filled.gt(0) && event.averagePrice !== null) {
          report.exits.push({
            ticker: position.ticker,
            side: position.side,
            action: 'sell',
            count: event.filled,
            price: event.averagePrice,
            fees: event.fees,
            condition: event.trigger.condition,
            realizedPnl: event.realizedPnl,
            tick,
          });
          log(
            `tick ${tick}: exit ${position.ticker} ${event.trigger.condition} ${event.filled} @ ${event.averagePrice} — ${event.trigger.reason}`,
          );
        }
        report.breakerTrips += event.breakerTrips;
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
