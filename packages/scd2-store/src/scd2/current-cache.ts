import type { ColumnSpec } from '../internal/values';

const NUMERIC_TYPE = /^(numeric|smallint|integer|bigint)\b/i;

/** `-007.2500` → `-7.25`, `0.000` → `0`: equal numbers, equal text (the encoder made them plain). */
export function canonicalDecimal(text: string): string {
  let sign = '';
  let body = text;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? '-' : '';
    body = body.slice(1);
  }
  let [integer = '', fraction = ''] = body.split('.');
  integer = integer.replace(/^0+/, '');
  fraction = fraction.replace(/0+$/, '');
  const digits = fraction === '' ? integer || '0' : `${integer || '0'}.${fraction}`;
  return digits === '0' ? '0' : `${sign}${digits}`;
}

/**
 * What this process last knew to be each key's current version (a fingerprint of its tracked
 * values), valid only while nobody else has written the table: `maxId` is the table's highest
 * row id when the knowledge was recorded, re-read under the writer lock before it is trusted.
 * Row ids come from an identity sequence, so any other writer's version raises it. A row whose
 * fingerprint matches a valid entry is certainly unchanged and need not be sent to the server;
 * everything else goes through the full comparison in SQL. Equal fingerprints imply equal typed
 * values (the reverse need not hold: a mismatch only costs the comparison).
 */
export class CurrentCache {
  private entries = new Map<string, string>();
  private maxId: number | null | undefined;
  private readonly numeric: boolean[];
  private readonly from: number;
  private readonly to: number;
  private readonly limit: number;

  /**
   * @param specs all encoded columns (key first, then tracked, then payload)
   * @param keyCount how many key columns lead
   * @param trackedCount how many tracked columns follow them
   * @param limit most keys remembered; past it the cache starts over
   */
  constructor(specs: readonly ColumnSpec[], keyCount: number, trackedCount: number, limit = 200_000) {
    this.numeric = specs.map((spec) => NUMERIC_TYPE.test(spec.type.trim()));
    this.from = keyCount;
    this.to = keyCount + trackedCount;
    this.limit = limit;
  }

  fingerprint(values: readonly unknown[]): string {
    let out = '';
    for (let i = this.from; i < this.to; i += 1) {
      const value = values[i];
      out +=
        value === null || value === undefined
          ? '\u0002'
          : this.numeric[i]
            ? canonicalDecimal(String(value))
            : typeof value === 'string'
              ? `s${value}`
              : `j${JSON.stringify(value)}`;
      out += '\u0001';
    }
    return out;
  }

  /** True when the table's current max id is the one recorded: the entries still hold. */
  validFor(maxId: number | null): boolean {
    return this.maxId !== undefined && this.maxId === maxId;
  }

  get known(): boolean {
    return this.maxId !== undefined;
  }

  matches(key: string, fingerprint: string): boolean {
    return this.entries.get(key) === fingerprint;
  }

  /** Records a committed batch: these keys now have these tracked values; the table's max id is `maxId`. */
  record(updates: readonly [string, string][], maxId: number | null): void {
    if (this.entries.size + updates.length > this.limit) {
      this.entries = new Map();
    }
    for (const [key, fingerprint] of updates) {
      this.entries.set(key, fingerprint);
    }
    this.maxId = maxId;
  }

  clear(): void {
    this.entries = new Map();
    this.maxId = undefined;
  }
}
