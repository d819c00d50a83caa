import { type EloParams, nfl, regressToMean, updateRatings } from '@precog/elo';
import type { EloHistoryInput, Store, Team } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { ManagersError } from '../errors';

/** Options of {@link EloRatingService}. */
export interface EloRatingServiceOptions {
  /** Sport of the games and teams. Default `nfl`. */
  sport?: string;
  /** Elo parameters (K, home advantage, scale, margin, season regression). Default the `nfl` preset of @precog/elo. */
  params?: EloParams;
  /** The model version the ratings belong to (`elo_rating_history.model_id`). Default null. */
  modelId?: number | null;
  /**
   * The season a game belongs to, from its kickoff. Default the NFL convention: the calendar year
   * of the kickoff, minus one for January and February games (playoffs of the previous season).
   */
  seasonOf?: (kickoff: Date) => number;
}

/** What one {@link EloRatingService.applyFinishedGames} run did. */
export interface EloRunResult {
  /** Games rated now. */
  gamesApplied: number;
  /** Finished games seen that were already rated (nothing written). */
  gamesAlreadyApplied: number;
  /** Season regressions recorded now (one per team entering a new season). */
  regressions: number;
  /** Finished games skipped because a team code is not in `teams` or a score is missing. */
  skipped: { externalGameId: string; reason: string }[];
}

const RATING_DP = 2;
/** The `external_game_id` of a team's season-regression row. */
export const regressionGameId = (sport: string, season: number) => `season-regression:${sport}:${season}`;

function nflSeason(kickoff: Date): number {
  const month = kickoff.getUTCMonth();
  return month <= 1 ? kickoff.getUTCFullYear() - 1 : kickoff.getUTCFullYear();
}

const toRating = (x: number) => new Decimal(x).toDecimalPlaces(RATING_DP, Decimal.ROUND_HALF_EVEN);

/**
 * Applies finished games (current `game_states` rows with status `final`) to `teams` and
 * `elo_rating_history`, oldest kickoff first, each game exactly once: a game already in the
 * history is skipped, and the history's unique (team, game) key makes a concurrent double
 * apply write nothing. Ratings are computed from the stored ratings (NUMERIC(10,2)) and stored
 * rounded half-even to 2 decimals, so a replay from the same data gives the same figures.
 *
 * Season regression is an explicit history row per team, written before its first game of a new
 * season, with `external_game_id = season-regression:<sport>:<season>`, no opponent and
 * `metadata.kind = 'season_regression'`. The table's `game_result` only admits win / loss / tie,
 * so these rows carry `tie` — read `metadata.kind` to tell them from games.
 */
export class EloRatingService {
  private readonly store: Store;
  private readonly sport: string;
  private readonly params: EloParams;
  private readonly modelId: number | null;
  private readonly seasonOf: (kickoff: Date) => number;

  constructor(store: Store, options: EloRatingServiceOptions = {}) {
    this.store = store;
    this.sport = options.sport ?? 'nfl';
    this.params = options.params ?? nfl;
    this.modelId = options.modelId ?? null;
    this.seasonOf = options.seasonOf ?? nflSeason;
  }

  async applyFinishedGames(): Promise<EloRunResult> {
    const result: EloRunResult = { gamesApplied: 0, gamesAlreadyApplied: 0, regressions: 0, skipped: [] };
    const games = (await this.store.gameStates.current({ sport: this.sport, status: 'final' })).sort(
      (a, b) =>
        (a.scheduledStart?.getTime() ?? 0) - (b.scheduledStart?.getTime() ?? 0) ||
        a.externalGameId.localeCompare(b.externalGameId),
    );
    if (games.length === 0) return result;
    const applied = await this.appliedGameIds();
    const teams = new Map((await this.store.teams.list({ sport: this.sport })).map((t) => [t.teamCode, t]));
    const lastSeason = await this.lastSeasons();
    for (const game of games) {
      if (applied.has(game.externalGameId)) {
        result.gamesAlreadyApplied += 1;
        continue;
      }
      const home = game.homeTeam === null ? undefined : teams.get(game.homeTeam);
      const away = game.awayTeam === null ? undefined : teams.get(game.awayTeam);
      if (home === undefined || away === undefined) {
        result.skipped.push({
          externalGameId: game.externalGameId,
          reason: `unknown team ${home === undefined ? game.homeTeam : game.awayTeam}`,
        });
        continue;
      }
      if (game.homeScore === null || game.awayScore === null) {
        result.skipped.push({ externalGameId: game.externalGameId, reason: 'final without both scores' });
        continue;
      }
      const kickoff = game.scheduledStart ?? new Date(0);
      const season = this.seasonOf(kickoff);
      for (const team of [home, away]) {
        const regressed = await this.regressIfNewSeason(team, season, lastSeason.get(team.teamId));
        if (regressed !== null) {
          teams.set(team.teamCode, regressed);
          result.regressions += 1;
        }
        lastSeason.set(team.teamId, season);
      }
      const h = teams.get(home.teamCode)!;
      const a = teams.get(away.teamCode)!;
      const before = { home: rating(h), away: rating(a) };
      const rated = updateRatings(
        {
          homeRating: before.home.toNumber(),
          awayRating: before.away.toNumber(),
          homeScore: game.homeScore,
          awayScore: game.awayScore,
        },
        this.params,
      );
      const after = { home: toRating(rated.homeRating), away: toRating(rated.awayRating) };
      const outcome = (r: number) => (r === 1 ? 'win' : r === 0 ? 'loss' : 'tie');
      const common = {
        externalGameId: game.externalGameId,
        eventId: game.eventId,
        modelId: this.modelId,
        kFactor: new Decimal(this.params.k),
        gameAt: kickoff,
      };
      const meta = {
        kind: 'game',
        season,
        homeWinProbability: rated.probability,
        marginMultiplier: rated.multiplier,
      };
      const entries: EloHistoryInput[] = [
        {
          ...common,
          teamId: h.teamId,
          opponentTeamId: a.teamId,
          gameResult: outcome(rated.result),
          ratingBefore: before.home,
          ratingAfter: after.home,
          metadata: { ...meta, home: true },
        },
        {
          ...common,
          teamId: a.teamId,
          opponentTeamId: h.teamId,
          gameResult: outcome(1 - rated.result),
          ratingBefore: before.away,
          ratingAfter: after.away,
          metadata: { ...meta, home: false },
        },
      ];
      const inserted = await this.store.teams.applyRatingChanges(entries);
      if (inserted.inserted === 0) {
        result.gamesAlreadyApplied += 1;
      } else {
        result.gamesApplied += 1;
      }
      teams.set(h.teamCode, { ...h, currentEloRating: after.home });
      teams.set(a.teamCode, { ...a, currentEloRating: after.away });
      applied.add(game.externalGameId);
    }
    return result;
  }

  /** The current rating of each team of the sport, by team code. */
  async ratings(): Promise<Map<string, Decimal>> {
    const teams = await this.store.teams.list({ sport: this.sport });
    return new Map(teams.map((t) => [t.teamCode, rating(t)]));
  }

  private async regressIfNewSeason(
    team: Team,
    season: number,
    last: number | undefined,
  ): Promise<Team | null> {
    if (this.params.seasonRegression === 'none' || last === undefined || season <= last) return null;
    const before = rating(team);
    const after = toRating(regressToMean(before.toNumber(), this.params.seasonRegression));
    const entry: EloHistoryInput = {
      teamId: team.teamId,
      externalGameId: regressionGameId(this.sport, season),
      modelId: this.modelId,
      gameResult: 'tie',
      ratingBefore: before,
      ratingAfter: after,
      kFactor: new Decimal(this.params.k),
      metadata: {
        kind: 'season_regression',
        season,
        fromSeason: last,
        fraction: this.params.seasonRegression.fraction,
        mean: this.params.seasonRegression.mean,
      },
    };
    const inserted = await this.store.teams.applyRatingChanges([entry]);
    if (inserted.inserted === 0) return null;
    return { ...team, currentEloRating: after };
  }

  private async appliedGameIds(): Promise<Set<string>> {
    const rows = await this.store.query<{ external_game_id: string }>(
      `SELECT DISTINCT h.external_game_id FROM elo_rating_history h JOIN teams t ON t.team_id = h.team_id
WHERE t.sport = $1 AND h.external_game_id IS NOT NULL`,
      [this.sport],
    );
    return new Set(rows.rows.map((r) => r.external_game_id));
  }

  /** The latest season each team has a history row for. */
  private async lastSeasons(): Promise<Map<number, number>> {
    const rows = await this.store.query<{ team_id: number; season: number }>(
      `SELECT h.team_id, max((h.metadata->>'season')::int) AS season FROM elo_rating_history h
JOIN teams t ON t.team_id = h.team_id WHERE t.sport = $1 AND h.metadata ? 'season' GROUP BY h.team_id`,
      [this.sport],
    );
    return new Map(rows.rows.map((r) => [Number(r.team_id), Number(r.season)]));
  }
}

function rating(team: Team): Decimal {
  const r = team.currentEloRating ?? team.initialEloRating;
  if (r === null) throw new ManagersError(`team ${team.teamCode} has no Elo rating`);
  return r;
}
