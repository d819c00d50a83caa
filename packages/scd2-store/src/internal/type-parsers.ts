import Decimal from 'decimal.js';

/** PostgreSQL type OIDs the store parses itself. */
export const OID = {
  INT8: 20,
  NUMERIC: 1700,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  DATE: 1082,
} as const;

/** `timestamp without time zone` text is read as UTC (the store runs its sessions in UTC). */
function parseTimestampUtc(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * Text-format parsers applied per connection (pg `types` option) or per instance (PGlite
 * `parsers` option). NUMERIC → Decimal, int8 → number (ids and counts stay below 2^53),
 * DATE stays a `YYYY-MM-DD` string (no local-midnight Date). timestamptz keeps each driver's own
 * Date parser.
 */
export const textParsers: Record<number, (value: string) => unknown> = {
  [OID.NUMERIC]: (value) => new Decimal(value),
  [OID.INT8]: (value) => Number(value),
  [OID.TIMESTAMP]: parseTimestampUtc,
  [OID.DATE]: (value) => value,
};
