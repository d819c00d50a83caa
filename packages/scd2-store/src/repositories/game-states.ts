import type { VersionedTableDefinition } from '../scd2/definition';
import type { InputOf, RowOf, VersionedSpecs } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `externalGameId`: The data source's game id (e.g. ESPN's). Business key.
 * - `sport`: `nfl`, `ncaaf`, `nba`, `ncaab`, `mlb`, `nhl`, `tennis`, `ufc`, `soccer`.
 * - `status`: `scheduled`, `pregame`, `live`, `halftime`, `final`, `cancelled`, `postponed`.
 * - `homeTeam`: teams.team_code of the home team.
 * - `possession`: `home` or `away`.
 * - `sportMetadata`: Sport-specific details (down, distance, ...). Tracked.
 */
export const gameStatesDefinition = {
  table: 'game_states',
  key: [{ field: 'externalGameId', column: 'external_game_id', type: 'text' }],
  tracked: [
    { field: 'sport', column: 'sport', type: 'text' },
    { field: 'status', column: 'status', type: 'text' },
    { field: 'eventId', column: 'event_id', type: 'text', nullable: true },
    { field: 'homeTeam', column: 'home_team', type: 'text', nullable: true },
    { field: 'awayTeam', column: 'away_team', type: 'text', nullable: true },
    { field: 'homeScore', column: 'home_score', type: 'integer', nullable: true },
    { field: 'awayScore', column: 'away_score', type: 'integer', nullable: true },
    { field: 'period', column: 'period', type: 'text', nullable: true },
    { field: 'timeRemaining', column: 'time_remaining', type: 'text', nullable: true },
    { field: 'possession', column: 'possession', type: 'text', nullable: true },
    { field: 'scheduledStart', column: 'scheduled_start', type: 'timestamptz', nullable: true },
    { field: 'sportMetadata', column: 'sport_metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies VersionedTableDefinition;

/** A live game snapshot, keyed by the data source's game id. */
export type GameStateInput = InputOf<VersionedSpecs<typeof gameStatesDefinition>>;

/** A stored row of {@link gameStatesDefinition}. */
export type GameState = RowOf<VersionedSpecs<typeof gameStatesDefinition>>;
