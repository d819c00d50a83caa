import { syncFills } from '../sync/fills';
import type { RowScope } from '../sync/mapping';
import { syncPositions } from '../sync/positions';
import { DEFAULT_OVERLAP_SECONDS } from '../sync/since';
import type { SyncResult } from '../sync/types';
import { MarketRecorderError, type MarketRecorderOptions } from './options';

/** What a reconcile after a reconnect did. */
export interface ReconcileResult {
  /** Fills were re-read from this time on. */
  since: Date;
  /** `syncFills`: fills the stream missed are `inserted`, the ones it stored are `duplicates`. */
  fills: SyncResult;
  /** `syncPositions`: the account's positions written as versions. */
  positions: SyncResult;
}

/**
 * Re-reads over REST what the unsequenced `fill` channel may have lost while the socket was down:
 * the fills since the earlier of the stored high-water mark (`fills`) and the disconnection, less
 * the usual overlap (an hour), through `syncFills` — so a fill already stored by the stream is a
 * duplicate, never a second row — then the positions through `syncPositions`.
 */
export async function reconcileAccount(
  options: Pick<MarketRecorderOptions, 'client' | 'store' | 'logger' | 'subaccount'>,
  scope: RowScope,
  disconnectedAt: Date,
): Promise<ReconcileResult> {
  const { client, store } = options;
  if (!client) throw new MarketRecorderError('market recorder: a reconcile needs a REST client', 'client');
  const mark = await store.syncMarks.get('fills', scope);
  const from = mark !== undefined && mark < disconnectedAt ? mark : disconnectedAt;
  const since = new Date(from.getTime() - DEFAULT_OVERLAP_SECONDS * 1000);
  // The subaccount filter is sent only when the caller chose one (Kalshi's default differs per endpoint).
  const common = { platformId: scope.platformId, subaccount: options.subaccount, logger: options.logger };
  const fills = await syncFills(client, store, { ...common, since });
  const positions = await syncPositions(client, store, common);
  return { since, fills, positions };
}
