import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { AppendOnlySpecs, InputOf, RowOf } from '../schema/row-types';

/**
 * The table, declared once: the row types below derive from it. Fields:
 * - `gameResult`: `win`, `loss`, `tie` from this team's side.
 * - `externalGameId`: The game (game_states.external_game_id); makes the insert idempotent.
 */
export const eloHistoryDefinition = {
  table: 'elo_rating_history',
  orderBy: 'recorded_at',
  generated: [
    { field: 'historyId', column: 'history_id', type: 'bigint' },
    { field: 'recordedAt', column: 'recorded_at', type: 'timestamptz' },
  ],
  columns: [
    { field: 'teamId', column: 'team_id', type: 'bigint' },
    { field: 'opponentTeamId', column: 'opponent_team_id', type: 'bigint', nullable: true },
    { field: 'externalGameId', column: 'external_game_id', type: 'text', nullable: true },
    { field: 'eventId', column: 'event_id', type: 'text', nullable: true },
    { field: 'modelId', column: 'model_id', type: 'bigint', nullable: true },
    { field: 'gameResult', column: 'game_result', type: 'text' },
    { field: 'ratingBefore', column: 'rating_before', type: 'numeric(10,2)' },
    { field: 'ratingAfter', column: 'rating_after', type: 'numeric(10,2)' },
    { field: 'kFactor', column: 'k_factor', type: 'numeric(10,2)' },
    { field: 'gameAt', column: 'game_at', type: 'timestamptz', nullable: true },
    { field: 'metadata', column: 'metadata', type: 'jsonb', nullable: true },
  ],
} as const satisfies AppendOnlyTableDefinition;

/** One team's rating change after one game. Unique on (teamId, externalGameId). Ratings NUMERIC(10,2). */
export type EloHistoryInput = InputOf<(typeof eloHistoryDefinition)['columns']>;

/** A stored row of {@link eloHistoryDefinition}. */
export type EloHistoryEntry = RowOf<AppendOnlySpecs<typeof eloHistoryDefinition>>;
