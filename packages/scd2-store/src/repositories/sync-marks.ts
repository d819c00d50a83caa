import type { Db } from '../internal/db';

/** Where a high-water mark belongs. */
export interface SyncMarkScope {
  /** Default `kalshi`. */
  platformId?: string;
  /** Default 0 (the primary account). */
  subaccount?: number;
}

/**
 * Per stream of synced data (`fills`, `settlements`, ...), the newest exchange time stored
 * (`min_ts` of the next incremental read, less an overlap window). A mark only moves forward.
 */
export class SyncHighWaterMarks {
  constructor(private readonly db: Db) {}

  /** The stream's mark, or undefined when it was never synced. */
  async get(stream: string, scope: SyncMarkScope = {}): Promise<Date | undefined> {
    const result = await this.db.query<{ min_ts: Date | string }>(
      `SELECT min_ts FROM sync_high_water_marks WHERE platform_id = $1 AND subaccount = $2 AND stream = $3`,
      [scope.platformId ?? 'kalshi', scope.subaccount ?? 0, stream],
    );
    const value = result.rows[0]?.min_ts;
    return value === undefined ? undefined : new Date(value);
  }

  /** Moves the stream's mark to `to` unless it is already later; returns the mark now stored. */
  async advance(stream: string, to: Date, scope: SyncMarkScope = {}): Promise<Date> {
    const result = await this.db.query<{ min_ts: Date | string }>(
      `INSERT INTO sync_high_water_marks (platform_id, subaccount, stream, min_ts, updated_at)
VALUES ($1, $2::integer, $3, $4::timestamptz, now())
ON CONFLICT (platform_id, subaccount, stream) DO UPDATE
  SET min_ts = greatest(sync_high_water_marks.min_ts, excluded.min_ts), updated_at = now()
RETURNING min_ts`,
      [scope.platformId ?? 'kalshi', scope.subaccount ?? 0, stream, to.toISOString()],
    );
    return new Date(result.rows[0]?.min_ts ?? to);
  }
}
