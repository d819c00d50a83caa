// The bot's stored versions (strategy and model, immutable once created) and its Elo ratings:
// last week's finals rated on the store, and the home-win probability of a game.
import { winProbability } from '@precog/elo';
import {
  type EdgeKellyStrategyConfig,
  type EloModelConfig,
  EloRatingService,
  ModelManager,
  type ParsedVersion,
  type StoredConfig,
  StrategyManager,
} from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { KICKOFF, LAST_WEEK } from './scenario';

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

const ACTOR = 'paper-bot';

/** Creates (once) and activates the bot's strategy and model versions. */
export async function activeVersions(store: Store) {
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
export async function applyLastWeek(store: Store, model: ParsedVersion<EloModelConfig>) {
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

/** The Elo home-win probability of a game, at the store's scale (4 dp). */
export function homeProbability(
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
