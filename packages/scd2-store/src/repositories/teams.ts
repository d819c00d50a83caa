import type Decimal from 'decimal.js';
import type { InsertResult } from '../append-only/append-only-table';
import { StoreError } from '../errors';
import type { Db } from '../internal/db';
import { encodeValue, quoteIdent, RowEncoder, rowsFromArrays } from '../internal/values';
import type { EloHistoryInput } from './elo-history';
import { eloHistoryDefinition } from './elo-history';
import type { DecimalInput, Json } from './types';

/** A team with its current Elo rating (NUMERIC(10,2)). */
export interface Team {
  teamId: number;
  teamCode: string;
  teamName: string;
  sport: string;
  conference: string | null;
  division: string | null;
  espnTeamId: string | null;
  kalshiTeamId: string | null;
  initialEloRating: Decimal | null;
  currentEloRating: Decimal | null;
  metadata: Json | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `SELECT team_id, team_code, team_name, sport, conference, division, espn_team_id, kalshi_team_id,
  initial_elo_rating, current_elo_rating, metadata, created_at, updated_at FROM teams`;

function decode(r: Record<string, unknown>): Team {
  return {
    teamId: r.team_id as number,
    teamCode: r.team_code as string,
    teamName: r.team_name as string,
    sport: r.sport as string,
    conference: (r.conference as string | null) ?? null,
    division: (r.division as string | null) ?? null,
    espnTeamId: (r.espn_team_id as string | null) ?? null,
    kalshiTeamId: (r.kalshi_team_id as string | null) ?? null,
    initialEloRating: (r.initial_elo_rating as Decimal | null) ?? null,
    currentEloRating: (r.current_elo_rating as Decimal | null) ?? null,
    metadata: (r.metadata as Json | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

const RATING_SPEC = { field: 'rating', column: 'current_elo_rating', type: 'numeric(10,2)' };

/** Teams (a mutable table: ratings are updated in place; their history is in elo_rating_history). */
export class TeamsRepository {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Teams, optionally of one sport, ordered by sport then team code. */
  async list(filter: { sport?: string } = {}): Promise<Team[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `${SELECT} WHERE ($1::text IS NULL OR sport = $1) ORDER BY sport, team_code`,
      [filter.sport ?? null],
    );
    return result.rows.map(decode);
  }

  /** One team by sport and code (`nfl`, `KC`), or undefined. */
  async get(sport: string, teamCode: string): Promise<Team | undefined> {
    const result = await this.db.query<Record<string, unknown>>(
      `${SELECT} WHERE sport = $1 AND team_code = $2`,
      [sport, teamCode],
    );
    return result.rows[0] === undefined ? undefined : decode(result.rows[0]);
  }

  /** Sets a team's current rating (2 decimals at most; more is a PrecisionError). */
  async updateRating(teamId: number, rating: DecimalInput): Promise<Team> {
    const value = encodeValue('teams', RATING_SPEC, rating);
    const result = await this.db.query<Record<string, unknown>>(
      `UPDATE teams SET current_elo_rating = $2::numeric, updated_at = now() WHERE team_id = $1 RETURNING *`,
      [teamId, value],
    );
    if (result.rows[0] === undefined) {
      throw new StoreError(`teams: no team with id ${teamId}`);
    }
    return decode(result.rows[0]);
  }

  /**
   * Records rating changes of one or more games: each entry is written to elo_rating_history and
   * sets its team's current rating to `ratingAfter`, in one statement. An entry already recorded
   * (same team and externalGameId) is a duplicate and changes nothing, so replaying a game is safe.
   * A team may appear once per call.
   */
  async applyRatingChanges(entries: readonly EloHistoryInput[]): Promise<InsertResult> {
    if (entries.length === 0) {
      return { inserted: 0, duplicates: 0 };
    }
    const seen = new Set<number>();
    for (const entry of entries) {
      if (seen.has(entry.teamId)) {
        throw new StoreError(
          `applyRatingChanges got team ${entry.teamId} twice; apply one game per call for it`,
        );
      }
      seen.add(entry.teamId);
    }
    const { table, columns } = eloHistoryDefinition;
    const encoder = new RowEncoder(table, columns);
    const records = entries.map((entry) => encoder.encode(entry));
    const names = columns.map((c) => quoteIdent(c.column)).join(', ');
    const result = await this.db.query<{ team_id: number }>(
      `WITH ins AS (
  INSERT INTO elo_rating_history (${names})
  SELECT ${names} FROM (${rowsFromArrays(columns, 1)}) AS inp
  ON CONFLICT DO NOTHING
  RETURNING team_id, rating_after
)
UPDATE teams t SET current_elo_rating = ins.rating_after, updated_at = now()
FROM ins WHERE t.team_id = ins.team_id
RETURNING t.team_id`,
      encoder.columns(records),
    );
    return { inserted: result.rowCount, duplicates: entries.length - result.rowCount };
  }
}
