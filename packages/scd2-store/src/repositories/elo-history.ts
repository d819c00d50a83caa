import type Decimal from 'decimal.js';
import type { AppendOnlyTableDefinition } from '../append-only/append-only-table';
import type { DecimalInput, Json } from './types';

/** One team's rating change after one game. Unique on (teamId, externalGameId). Ratings NUMERIC(10,2). */
export interface EloHistoryInput {
  teamId: number;
  /** `win`, `loss`, `tie` from this team's side. */
  gameResult: string;
  ratingBefore: DecimalInput;
  ratingAfter: DecimalInput;
  kFactor: DecimalInput;
  opponentTeamId?: number | null;
  /** The game (game_states.external_game_id); makes the insert idempotent. */
  externalGameId?: string | null;
  eventId?: string | null;
  modelId?: number | null;
  gameAt?: Date | null;
  metadata?: Json | null;
}

export interface EloHistoryEntry {
  historyId: number;
  recordedAt: Date;
  teamId: number;
  opponentTeamId: number | null;
  externalGameId: string | null;
  eventId: string | null;
  modelId: number | null;
  gameResult: string;
  ratingBefore: Decimal;
  ratingAfter: Decimal;
  kFactor: Decimal;
  gameAt: Date | null;
  metadata: Json | null;
}

export const eloHistoryDefinition: AppendOnlyTableDefinition = {
  table: 'elo_rating_history',
  orderBy: 'recorded_at',
  generated: [
    { field: 'historyId', column: 'history_id', type: 'bigint' },
    { field: 'recordedAt', column: 'recorded_at', type: 'timestamptz' },
  ],
  columns: [
    { field: 'teamId', column: 'team_id', type: 'bigint' },
    { field: 'opponentTeamId', column: 'opponent_team_id', type: 'bigint' },
    { field: 'externalGameId', column: 'external_game_id', type: 'text' },
    { field: 'eventId', column: 'event_id', type: 'text' },
    { field: 'modelId', column: 'model_id', type: 'bigint' },
    { field: 'gameResult', column: 'game_result', type: 'text' },
    { field: 'ratingBefore', column: 'rating_before', type: 'numeric(10,2)' },
    { field: 'ratingAfter', column: 'rating_after', type: 'numeric(10,2)' },
    { field: 'kFactor', column: 'k_factor', type: 'numeric(10,2)' },
    { field: 'gameAt', column: 'game_at', type: 'timestamptz' },
    { field: 'metadata', column: 'metadata', type: 'jsonb' },
  ],
};
