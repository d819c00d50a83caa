import { InvalidGameError, InvalidParameterError, UnknownTeamError } from './errors';
import { type MarginMultiplierFunction, resolveMarginOfVictory } from './margin';
import { type EloParams, initialRatingOf } from './params';
import { nfl } from './presets';
import { probabilityFromDifference, ratingDifference } from './probability';
import { regressToMean } from './regression';
import { rateGame } from './update';

/** A game to predict: who plays where, in which season. */
export interface EloFixture {
  /** Season (the year the season started: a February Super Bowl belongs to the previous year). */
  season: number;
  /** Home (or designated first) team code. */
  home: string;
  /** Away (second) team code. */
  away: string;
  /** Neutral site: no home advantage. Default `false`. */
  neutral?: boolean;
  /** Playoff game (rated like any other; used by 538's game points, which double it). */
  playoff?: boolean;
}

/** A finished game to rate. */
export interface EloGame extends EloFixture {
  homeScore: number;
  awayScore: number;
}

/** What the book recorded for one game. `G` is the game object passed in, kept as-is. */
export interface GameRecord<G extends EloGame = EloGame> {
  /** The game as given to the book. */
  game: G;
  season: number;
  playoff: boolean;
  /** Home rating just before the game (after any season regression or override). */
  homeRatingBefore: number;
  /** Away rating just before the game. */
  awayRatingBefore: number;
  /** Pre-game home win probability. */
  probability: number;
  /** Home result: 1 win, 0 loss, 0.5 tie (named `outcome` for the evaluation functions). */
  outcome: 1 | 0 | 0.5;
  /** Points moved to the home team. */
  shift: number;
  /** Margin-of-victory multiplier used. */
  multiplier: number;
  homeRatingAfter: number;
  awayRatingAfter: number;
}

/** A team's rating and the last season it played in. */
interface TeamState {
  rating: number;
  season: number;
}

/**
 * Ratings of every team, updated game by game in the order given. Season regression (or a
 * team-season override) is applied lazily at a team's first game of a new season, so a team
 * that skips seasons is regressed once. Pure in-memory state; no I/O.
 *
 * @example
 * const book = new RatingBook({ ...elo538, initialRatings: { KC: 1600, BUF: 1580 } });
 * const record = book.apply({ season: 2024, home: 'KC', away: 'BUF', homeScore: 27, awayScore: 24 });
 */
export class RatingBook {
  /** The parameters in force: the `nfl` preset overlaid with the ones passed in. */
  readonly params: Readonly<EloParams>;
  readonly #teams = new Map<string, TeamState>();
  readonly #overrides = new Map<string, number>();
  readonly #margin: MarginMultiplierFunction;

  constructor(params: Partial<EloParams> = {}) {
    this.params = Object.freeze({ ...nfl, ...params });
    this.#margin = resolveMarginOfVictory(this.params.marginOfVictory);
    checkParams(this.params);
    for (const override of this.params.overrides) {
      this.#overrides.set(overrideKey(override.team, override.season), override.rating);
    }
  }

  /** The team's current rating (no pending season regression applied), or `undefined` if never seen. */
  rating(team: string): number | undefined {
    return this.#teams.get(team)?.rating;
  }

  /** A snapshot of every rated team's current rating. */
  ratings(): Map<string, number> {
    return new Map([...this.#teams].map(([team, state]) => [team, state.rating]));
  }

  /**
   * The rating `team` would take into its next game in `season` (regression or override applied
   * if it is a new season for the team), without changing the book.
   */
  ratingFor(team: string, season: number): number {
    return this.#entering(team, season).rating;
  }

  /** Pre-game home win probability for a fixture, without changing the book. */
  predict(fixture: EloFixture): number {
    const home = this.ratingFor(fixture.home, fixture.season);
    const away = this.ratingFor(fixture.away, fixture.season);
    const difference = ratingDifference(home, away, {
      homeAdvantage: this.params.homeAdvantage,
      neutral: fixture.neutral ?? false,
    });
    return probabilityFromDifference(difference, this.params.scale);
  }

  /** Rates one finished game and returns what happened to the two ratings. */
  apply<G extends EloGame>(game: G): GameRecord<G> {
    checkGame(game);
    const home = this.#entering(game.home, game.season);
    const away = this.#entering(game.away, game.season);
    const update = rateGame(
      {
        homeRating: home.rating,
        awayRating: away.rating,
        homeScore: game.homeScore,
        awayScore: game.awayScore,
        neutral: game.neutral ?? false,
      },
      this.params,
      this.#margin,
    );
    this.#store(game.home, update.homeRating, game.season);
    this.#store(game.away, update.awayRating, game.season);
    return {
      game,
      season: game.season,
      playoff: game.playoff ?? false,
      homeRatingBefore: home.rating,
      awayRatingBefore: away.rating,
      probability: update.probability,
      outcome: update.result,
      shift: update.shift,
      multiplier: update.multiplier,
      homeRatingAfter: update.homeRating,
      awayRatingAfter: update.awayRating,
    };
  }

  /** Rates the games in the order given; one record per game. */
  replay<G extends EloGame>(games: Iterable<G>): GameRecord<G>[] {
    const records: GameRecord<G>[] = [];
    for (const game of games) records.push(this.apply(game));
    return records;
  }

  #store(team: string, rating: number, season: number): void {
    const state = this.#teams.get(team);
    if (state === undefined) {
      this.#teams.set(team, { rating, season });
    } else {
      state.rating = rating;
      state.season = season;
    }
  }

  /** The state a team enters a game of `season` with (a fresh object: callers may not mutate it). */
  #entering(team: string, season: number): TeamState {
    const state = this.#teams.get(team);
    if (state === undefined) {
      return { rating: this.#initialRating(team, season), season };
    }
    if (season === state.season) return { rating: state.rating, season };
    if (season < state.season) {
      throw new InvalidGameError(
        `games out of order: team '${team}' already played in season ${state.season}, then a game of season ${season}`,
      );
    }
    const override = this.#overrides.get(overrideKey(team, season));
    if (override !== undefined) return { rating: override, season };
    const regression = this.params.seasonRegression;
    return { rating: regression === 'none' ? state.rating : regressToMean(state.rating, regression), season };
  }

  #initialRating(team: string, season: number): number {
    const initial = initialRatingOf(this.params.initialRatings, team);
    if (initial !== undefined) return initial;
    const policy = this.params.unseenTeam;
    if (policy === 'error') throw new UnknownTeamError(team, season);
    return policy.rating;
  }
}

/**
 * Replays `games` in order through a fresh {@link RatingBook} and returns one record per game.
 *
 * @example replayGames(games, { ...elo538, initialRatings })
 */
export function replayGames<G extends EloGame>(
  games: Iterable<G>,
  params: Partial<EloParams> = {},
): GameRecord<G>[] {
  return new RatingBook(params).replay(games);
}

function overrideKey(team: string, season: number): string {
  return `${team}\u0000${season}`;
}

function checkParams(params: Readonly<EloParams>): void {
  const fail = (message: string) => {
    throw new InvalidParameterError(message);
  };
  const { k, homeAdvantage, scale, seasonRegression, unseenTeam } = params;
  for (const [name, value] of Object.entries({ k, homeAdvantage, scale })) {
    if (!Number.isFinite(value)) fail(`parameter ${name} must be a finite number, got ${value}`);
  }
  if (scale <= 0) fail(`parameter scale must be positive, got ${scale}`);
  if (seasonRegression !== 'none') {
    const { fraction, mean } = seasonRegression;
    if (!(fraction >= 0 && fraction <= 1))
      fail(`seasonRegression.fraction must be within [0, 1], got ${fraction}`);
    if (!Number.isFinite(mean)) fail(`seasonRegression.mean must be a finite number, got ${mean}`);
  }
  if (unseenTeam !== 'error' && !Number.isFinite(unseenTeam.rating)) {
    fail(`unseenTeam.rating must be a finite number, got ${unseenTeam.rating}`);
  }
}

function checkGame(game: EloGame): void {
  const where = `game ${game.home} vs ${game.away} (season ${game.season})`;
  if (!Number.isFinite(game.homeScore) || !Number.isFinite(game.awayScore)) {
    throw new InvalidGameError(
      `${where}: scores must be finite numbers, got ${game.homeScore}-${game.awayScore}`,
    );
  }
  if (!Number.isInteger(game.season)) {
    throw new InvalidGameError(`${where}: season must be an integer`);
  }
  if (game.home === game.away) {
    throw new InvalidGameError(`${where}: a team cannot play itself`);
  }
}
