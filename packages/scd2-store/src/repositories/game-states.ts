import type { VersionedTableDefinition } from '../scd2/definition';
import type { Json } from './types';

/** A live game snapshot, keyed by the data source's game id. */
export interface GameStateInput {
  /** The data source's game id (e.g. ESPN's). Business key. */
  externalGameId: string;
  /** `nfl`, `ncaaf`, `nba`, `ncaab`, `mlb`, `nhl`, `tennis`, `ufc`, `soccer`. */
  sport: string;
  /** `scheduled`, `pregame`, `live`, `halftime`, `final`, `cancelled`, `postponed`. */
  status: string;
  eventId?: string | null;
  /** teams.team_code of the home team. */
  homeTeam?: string | null;
  awayTeam?: string | null;
  homeScore?: number | null;
  awayScore?: number | null;
  period?: string | null;
  timeRemaining?: string | null;
  /** `home` or `away`. */
  possession?: string | null;
  scheduledStart?: Date | null;
  /** Sport-specific details (down, distance, ...). Tracked. */
  sportMetadata?: Json | null;
}

export interface GameState {
  externalGameId: string;
  sport: string;
  status: string;
  eventId: string | null;
  homeTeam: string | null;
  awayTeam: string | null;
  homeScore: number | null;
  awayScore: number | null;
  period: string | null;
  timeRemaining: string | null;
  possession: string | null;
  scheduledStart: Date | null;
  sportMetadata: Json | null;
}

export const gameStatesDefinition: VersionedTableDefinition = {
  table: 'game_states',
  key: [{ field: 'externalGameId', column: 'external_game_id', type: 'text' }],
  tracked: [
    { field: 'sport', column: 'sport', type: 'text' },
    { field: 'status', column: 'status', type: 'text' },
    { field: 'eventId', column: 'event_id', type: 'text' },
    { field: 'homeTeam', column: 'home_team', type: 'text' },
    { field: 'awayTeam', column: 'away_team', type: 'text' },
    { field: 'homeScore', column: 'home_score', type: 'integer' },
    { field: 'awayScore', column: 'away_score', type: 'integer' },
    { field: 'period', column: 'period', type: 'text' },
    { field: 'timeRemaining', column: 'time_remaining', type: 'text' },
    { field: 'possession', column: 'possession', type: 'text' },
    { field: 'scheduledStart', column: 'scheduled_start', type: 'timestamptz' },
    { field: 'sportMetadata', column: 'sport_metadata', type: 'jsonb' },
  ],
};
