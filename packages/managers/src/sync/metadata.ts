import type { Json } from '@precog/scd2-store';
import Decimal from 'decimal.js';

/**
 * The API object as JSON for a row's `metadata`: decimals as their exact strings, dates as ISO
 * text, undefined fields left out. Kept for audit; never compared.
 */
export function toMetadata(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toMetadata(v));
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'object': {
      const out: { [key: string]: Json } = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (v !== undefined) out[key] = toMetadata(v);
      }
      return out;
    }
    default:
      return String(value);
  }
}
