/**
 * What this process last knew to be each key's current version (its encoded tracked values),
 * valid only while nobody else has written the table: `maxId` is the table's highest row id when
 * the knowledge was recorded, re-read under the writer lock before it is trusted. Row ids come
 * from an identity sequence, so any other writer's version raises it. A row whose encoded values
 * are identical to a valid entry is certainly unchanged and need not be sent to the server;
 * everything else goes through the full comparison in SQL. Identical encoded text implies equal
 * typed values; the reverse need not hold (`'0.5'` vs `'0.50'`): a mismatch only costs the
 * comparison in SQL.
 */
export class CurrentCache {
  private entries = new Map<string, readonly unknown[]>();
  private maxId: number | null | undefined;
  private readonly from: number;
  private readonly to: number;
  private readonly limit: number;

  /**
   * @param keyCount how many key columns lead the encoded values
   * @param trackedCount how many tracked columns follow them
   * @param limit most keys remembered; past it the cache starts over
   */
  constructor(keyCount: number, trackedCount: number, limit = 200_000) {
    this.from = keyCount;
    this.to = keyCount + trackedCount;
    this.limit = limit;
  }

  /** True when the table's current max id is the one recorded: the entries still hold. */
  validFor(maxId: number | null): boolean {
    return this.maxId !== undefined && this.maxId === maxId;
  }

  get known(): boolean {
    return this.maxId !== undefined;
  }

  /** True when `values` (a full encoded row) has exactly the tracked values remembered for `key`. */
  matches(key: string, values: readonly unknown[]): boolean {
    const known = this.entries.get(key);
    if (known === undefined) {
      return false;
    }
    for (let i = this.from; i < this.to; i += 1) {
      const a = values[i];
      const b = known[i];
      if (a === b) {
        continue;
      }
      // JSON columns hold objects: equal when their JSON text is identical.
      if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
        return false;
      }
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        return false;
      }
    }
    return true;
  }

  /** Records a committed batch: these keys now have these values; the table's max id is `maxId`. */
  record(updates: readonly (readonly [string, readonly unknown[]])[], maxId: number | null): void {
    if (this.entries.size + updates.length > this.limit) {
      this.entries = new Map();
    }
    for (const [key, values] of updates) {
      this.entries.set(key, values);
    }
    this.maxId = maxId;
  }

  clear(): void {
    this.entries = new Map();
    this.maxId = undefined;
  }
}
