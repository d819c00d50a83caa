import type { RowScope } from './mapping';
import type { SyncOptions } from './types';

/** Platform and subaccount of the rows a sync writes. */
export function scopeOf(options: SyncOptions): RowScope {
  return { platformId: options.platformId ?? 'kalshi', subaccount: options.subaccount ?? 0 };
}

/** The subaccount filter to send, only when the caller chose one (Kalshi's default differs per endpoint). */
export function subaccountParam(options: SyncOptions): { subaccount?: number } {
  return options.subaccount === undefined ? {} : { subaccount: options.subaccount };
}

/** The `limit` to send, only when the caller chose a page size. */
export function limitParam(options: SyncOptions): { limit?: number } {
  return options.pageSize === undefined ? {} : { limit: options.pageSize };
}
