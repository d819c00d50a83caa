// `precog run --strategy name@version --model name@version [--paper | --live]`: the trading engine
// of @precog/managers on one strategy version, with a live status line; Ctrl-C / SIGTERM stop it
// gracefully (resting entries cancelled, lock released).
import { generateKeyPairSync } from 'node:crypto';
import { kalshiClientSettings, requireKalshiCredentials } from '@precog/config';
import { winProbability } from '@precog/elo';
import { KalshiClient, type Market } from '@precog/kalshi-client';
import { createFakeExchange } from '@precog/kalshi-client/testing';
import {
  EdgeKellyStrategy,
  type EdgeKellyStrategyConfig,
  type EloModelConfig,
  EloRatingService,
  ModelManager,
  nflMarketTeam,
  parseGameTicker,
  StrategyManager,
  snapshotFromMarket,
  TradingEngine,
} from '@precog/managers';
import type { Command } from 'commander';
import Decimal from 'decimal.js';
import { loadCliContext } from '../cli/context';
import { runAction } from '../cli/run-action';
import { openCliStore } from '../cli/store';
import { guardProdBaseUrl } from '../sync/prod-guard';
import { INTERRUPTED } from './fetch';
import { parseNameVersion, runTarget, statusLine } from './run-target';
import { wsUrlOption } from './watch';

interface RunOptions {
  strategy: string;
  model: string;
  paper?: boolean;
  live?: boolean;
  confirmProd?: boolean;
  series: string;
  interval: string;
  balance: string;
  /** False with `--no-stream`: resting orders polled instead of streamed. */
  stream: boolean;
}

/** Registers `precog run`. */
export function register(program: Command): void {
  program
    .command('run')
    .description('run the trading engine on a strategy version (paper by default)')
    .requiredOption('--strategy <name@version>', 'strategy version to trade (precog strategies list)')
    .requiredOption('--model <name@version>', 'model version giving the probabilities (precog models list)')
    .option('--paper', 'trade on the in-process fake exchange, at the configured exchange’s prices (default)')
    .option(
      '--live',
      'trade on the configured exchange: demo, or prod with PRECOG_ENV=prod and --confirm-prod',
    )
    .option('--confirm-prod', 'confirm live trading with real money on prod')
    .option('--series <ticker>', 'series whose open markets are traded', 'KXNFLGAME')
    .option('--interval <seconds>', 'seconds between cycles', '15')
    .option('--balance <dollars>', 'paper balance, dollars', '1000')
    .option('--no-stream', 'track resting orders by polling REST instead of the user_orders stream')
    .action(
      runAction(async (options: RunOptions, command: Command) => {
        process.exitCode = await runCommand(options, command);
      }),
    );
}

async function runCommand(options: RunOptions, command: Command): Promise<number> {
  const context = loadCliContext(command);
  const { config, logger } = context;
  const target = runTarget({
    paper: Boolean(options.paper),
    live: Boolean(options.live),
    environment: config.kalshi.environment,
    precogEnv: process.env.PRECOG_ENV,
    confirmProd: Boolean(options.confirmProd),
  });
  const strategyRef = parseNameVersion(options.strategy, '--strategy');
  const modelRef = parseNameVersion(options.model, '--model');
  const intervalMs = Math.round(Number(options.interval) * 1000);
  guardProdBaseUrl(config, Boolean(context.options.force), logger);
  const { store, close } = await openCliStore(context, { migrate: true });
  const cleanups: (() => Promise<void>)[] = [close];
  try {
    const strategyVersion = await new StrategyManager(store.strategies).find(
      strategyRef.name,
      strategyRef.version,
    );
    const modelVersion = await new ModelManager(store.models).find(modelRef.name, modelRef.version);
    const model = modelVersion.parsed as EloModelConfig;
    const ratings = await new EloRatingService(store, {
      params: model.params,
      modelId: modelVersion.id,
    }).ratings();
    const wsUrl = wsUrlOption(command);
    const real = new KalshiClient({
      ...kalshiClientSettings(config),
      baseUrl: config.kalshi.baseUrl,
      environment: config.kalshi.environment,
      ...(target === 'paper' ? {} : requireKalshiCredentials(config)),
      ...(wsUrl === undefined ? {} : { wsUrl }),
      logger,
    });
    const listMarkets = async (client: KalshiClient): Promise<Market[]> => {
      const markets: Market[] = [];
      for await (const m of client.markets.list({
        series_ticker: options.series,
        status: 'open',
        limit: 200,
      }))
        markets.push(m);
      return markets;
    };
    const client =
      target === 'paper' ? await paperClient(await listMarkets(real), options.balance, cleanups) : real;
    // Resting orders tracked from the user_orders channel (a reconnect → a REST re-read).
    const stream = options.stream ? client.stream() : undefined;
    if (stream !== undefined) cleanups.push(() => stream.close());
    const probabilities = new Map<string, Decimal>();
    const probability = (ticker: string) => probabilities.get(ticker) ?? null;
    const strategyConfig = strategyVersion.parsed as EdgeKellyStrategyConfig;
    const engine = await TradingEngine.start({
      client,
      store,
      strategy: new EdgeKellyStrategy({
        name: strategyRef.name,
        version: strategyRef.version,
        config: strategyConfig,
      }),
      circuitBreakers: strategyConfig.circuitBreakers,
      ...(stream === undefined ? {} : { stream }),
      probability,
      strategyId: strategyVersion.id,
      modelId: modelVersion.id,
      logger,
    });
    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const { cycles, cancelled } = await engine.run({
        intervalMs,
        signal: abort.signal,
        markets: async () => {
          const markets = await listMarkets(client);
          for (const m of markets) {
            const p = marketProbability(m, ratings, model);
            if (p !== null) probabilities.set(m.ticker, p);
          }
          const now = Date.now();
          return markets.map((m) => snapshotFromMarket(m, now));
        },
        onCycle: (_result, status) => writeStatus(statusLine(status, target)),
      });
      process.stderr.write('\n');
      process.stdout.write(`stopped after ${cycles} cycles; ${cancelled} resting entries cancelled\n`);
      return abort.signal.aborted ? INTERRUPTED : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}

/** The status line: rewritten in place on a terminal, one line per cycle otherwise. */
function writeStatus(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
}

/** A fake exchange quoting the given markets at their current prices and sizes, and a client signed for it. */
async function paperClient(
  markets: readonly Market[],
  balance: string,
  cleanups: (() => Promise<void>)[],
): Promise<KalshiClient> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const exchange = createFakeExchange({ balance, keys: [{ id: 'paper', publicKey }] });
  for (const m of markets) {
    exchange.addMarket({
      ticker: m.ticker,
      eventTicker: m.event_ticker,
      ...(m.yes_bid_dollars === undefined ? {} : { yesBid: m.yes_bid_dollars }),
      ...(m.yes_ask_dollars === undefined ? {} : { yesAsk: m.yes_ask_dollars }),
      ...(m.yes_bid_size_fp === undefined ? {} : { yesBidSize: m.yes_bid_size_fp }),
      ...(m.yes_ask_size_fp === undefined ? {} : { yesAskSize: m.yes_ask_size_fp }),
      ...(m.volume_fp === undefined ? {} : { volume: m.volume_fp }),
      ...(m.close_time === undefined ? {} : { closeTime: m.close_time }),
    });
  }
  const server = await exchange.listen();
  cleanups.push(() => server.close());
  return new KalshiClient({ baseUrl: server.url, apiKeyId: 'paper', privateKey });
}

/** The Elo probability that `market` (one team's market of a game) resolves YES; null when a team is not rated. */
function marketProbability(
  market: Market,
  ratings: Map<string, Decimal>,
  model: EloModelConfig,
): Decimal | null {
  const parsed = parseGameTicker(market.event_ticker, new Set(ratings.keys()));
  if (parsed === null) return null;
  const team = nflMarketTeam(market.ticker);
  const home = ratings.get(parsed.home);
  const away = ratings.get(parsed.away);
  if (home === undefined || away === undefined || (team !== parsed.home && team !== parsed.away)) return null;
  const pHome = new Decimal(
    winProbability(home.toNumber(), away.toNumber(), {
      homeAdvantage: model.params.homeAdvantage,
      scale: model.params.scale,
    }),
  ).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
  return team === parsed.home ? pHome : new Decimal(1).minus(pHome);
}
