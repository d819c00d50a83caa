import type { KalshiClient, LiveData, Milestone } from '@precog/kalshi-client';
import type { GameStateInput, Json, Store } from '@precog/scd2-store';
import type { Logger } from '../logger';

/** What {@link syncGameStates} needs of a Kalshi client (a `KalshiClient` fits). */
export type GameStatesClient = Pick<KalshiClient, 'milestones' | 'liveData'>;

/** What {@link syncGameStates} needs of a store. */
export type GameStatesStore = Pick<Store, 'gameStates'>;

/** The statuses `game_states.status` accepts. */
type GameStatus = 'scheduled' | 'pregame' | 'live' | 'halftime' | 'final' | 'cancelled' | 'postponed';

/** Options of {@link syncGameStates}. */
export interface SyncGameStatesOptions {
  /** `game_states.sport` of every row. Default `nfl`. */
  sport?: 'nfl' | 'ncaaf' | 'nba' | 'ncaab' | 'mlb' | 'nhl' | 'tennis' | 'ufc' | 'soccer';
  /** Milestone type read (`GET /milestones?type=`). Default `football_game`. */
  milestoneType?: string;
  /** Milestone competition filter, for example `NFL`. Default: none. */
  competition?: string;
  /** Only milestones starting at or after this time. Default: none. */
  since?: Date;
  /** Milestones per live-data batch request. Default 50. */
  batchSize?: number;
  /**
   * Turns a milestone and its live data (undefined before the game has any) into a row, or a
   * string saying why it cannot be stored. Default {@link gameStateFromLiveData}.
   */
  toGameState?: (milestone: Milestone, live: LiveData | undefined, sport: string) => GameStateInput | string;
  /** Structural logger. Default: silent. */
  logger?: Logger;
}

/** A milestone that could not be stored, and why. */
export interface SkippedGame {
  milestoneId: string;
  reason: string;
}

/** Counts of one {@link syncGameStates} run. */
export interface SyncGameStatesResult {
  /** Milestones read. */
  milestones: number;
  /** Keys stored for the first time. */
  inserted: number;
  /** Games whose state changed (new SCD2 version). */
  versioned: number;
  /** Games whose state did not change. */
  unchanged: number;
  /** Milestones not stored (named, with the reason). */
  skipped: SkippedGame[];
}

const STATUS_WORDS: Record<string, GameStatus> = {
  scheduled: 'scheduled',
  not_started: 'scheduled',
  pregame: 'pregame',
  pre_game: 'pregame',
  live: 'live',
  in_progress: 'live',
  inprogress: 'live',
  halftime: 'halftime',
  final: 'final',
  finished: 'final',
  complete: 'final',
  completed: 'final',
  closed: 'final',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  postponed: 'postponed',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

function score(value: unknown): number | null | string {
  if (value === undefined || value === null) return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0
    ? n
    : `score ${JSON.stringify(value)} is not a count`;
}

/**
 * The default mapping of a milestone and its live data to a `game_states` row. Key: the
 * milestone id (stable; the data source's `source_id` goes to `sport_metadata`). Teams:
 * `home_team` / `away_team` of the live details, else of the milestone details, upper-cased
 * (team codes such as `KC`). Scores: `home_points` / `away_points` (or `home_score` /
 * `away_score`). Status: the details' `status`, mapped onto the table's words (`in_progress` →
 * `live`, `finished` → `final`, ...); no live data yet means `scheduled`; an unknown word is
 * refused (a string reason). `period` (or `quarter`), `clock` (or `time_remaining`),
 * `possession` (`home`/`away`).
 */
export function gameStateFromLiveData(
  milestone: Milestone,
  live: LiveData | undefined,
  sport: string,
): GameStateInput | string {
  const d = live?.details ?? {};
  const rawStatus = text(d.status);
  const status =
    live === undefined || rawStatus === null ? 'scheduled' : STATUS_WORDS[rawStatus.toLowerCase()];
  if (status === undefined) return `unknown game status ${JSON.stringify(rawStatus)}`;
  const homeScore = score(d.home_points ?? d.home_score);
  if (typeof homeScore === 'string') return homeScore;
  const awayScore = score(d.away_points ?? d.away_score);
  if (typeof awayScore === 'string') return awayScore;
  const team = (key: 'home_team' | 'away_team') =>
    text(d[key] ?? milestone.details[key])?.toUpperCase() ?? null;
  const possession = d.possession === 'home' || d.possession === 'away' ? d.possession : null;
  return {
    externalGameId: milestone.id,
    sport,
    status,
    eventId: null,
    homeTeam: team('home_team'),
    awayTeam: team('away_team'),
    homeScore,
    awayScore,
    period: text(d.period ?? d.quarter),
    timeRemaining: text(d.clock ?? d.time_remaining),
    possession,
    scheduledStart: milestone.start_date ?? null,
    sportMetadata: {
      source: 'kalshi-live-data',
      milestoneId: milestone.id,
      sourceId: milestone.source_id ?? null,
      title: milestone.title ?? null,
      eventTickers: milestone.related_event_tickers,
      details: d as Json,
    },
  };
}

/**
 * Fills `game_states` from Kalshi's milestones and live data: reads every milestone of the type
 * (`football_game` by default), their live data in batches, and writes each game as an SCD2
 * version (a changed score, clock or status closes the current version). The Elo service then
 * applies the games whose status is `final`. A milestone that cannot be mapped is named in
 * `skipped` and the run goes on.
 */
export async function syncGameStates(
  client: GameStatesClient,
  store: GameStatesStore,
  options: SyncGameStatesOptions = {},
): Promise<SyncGameStatesResult> {
  const sport = options.sport ?? 'nfl';
  const toRow = options.toGameState ?? gameStateFromLiveData;
  const batchSize = options.batchSize ?? 50;
  const milestones: Milestone[] = [];
  for await (const milestone of client.milestones.list({
    type: options.milestoneType ?? 'football_game',
    ...(options.competition === undefined ? {} : { competition: options.competition }),
    ...(options.since === undefined ? {} : { minimum_start_date: options.since }),
  })) {
    milestones.push(milestone);
  }
  const result: SyncGameStatesResult = {
    milestones: milestones.length,
    inserted: 0,
    versioned: 0,
    unchanged: 0,
    skipped: [],
  };
  for (let i = 0; i < milestones.length; i += batchSize) {
    const batch = milestones.slice(i, i + batchSize);
    const lives = await client.liveData.getBatch(batch.map((m) => m.id));
    const byId = new Map(lives.map((l) => [l.milestone_id, l]));
    const rows: GameStateInput[] = [];
    for (const milestone of batch) {
      const row = toRow(milestone, byId.get(milestone.id), sport);
      if (typeof row === 'string') {
        result.skipped.push({ milestoneId: milestone.id, reason: row });
        options.logger?.warn({ milestoneId: milestone.id, reason: row }, 'sync: game state skipped');
      } else rows.push(row);
    }
    if (rows.length === 0) continue;
    const written = await store.gameStates.upsertVersions(rows);
    result.inserted += written.inserted;
    result.versioned += written.versioned;
    result.unchanged += written.unchanged;
  }
  options.logger?.info({ ...result, skipped: result.skipped.length }, 'sync: game states done');
  return result;
}
