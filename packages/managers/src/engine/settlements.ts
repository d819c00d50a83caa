// Settlements reach the engine's positions through the one path every position takes: the
// exchange's settlements are synced into the store's `settlements` table (`syncSettlements`, from
// its high-water mark, idempotent), and `applySettlements` settles each open position from those
// rows (status `settled`, the exact net P&L: payout − cost − every fee) and records the closed
// trade with the circuit breakers. The PositionMonitor settles from the same rows.
import type { Store } from '@precog/scd2-store';
import type { RiskRecorder } from '../execution/risk-recorder';
import { applySettlements, type SettledPosition } from '../position-manager/apply-settlements';
import type { PositionManager } from '../position-manager/position-manager';
import { syncSettlements } from '../sync/settlements';
import type { SyncClient } from '../sync/types';
import type { EpochMs } from '../types';

/** Syncs the account's settlements, then settles the open positions they name; returns those settled. */
export async function settleFromExchange(params: {
  client: SyncClient;
  store: Store;
  positions: PositionManager;
  risk: RiskRecorder;
  now: EpochMs;
}): Promise<SettledPosition[]> {
  const { client, store, positions, risk, now } = params;
  if ((await positions.open()).length === 0) return [];
  await syncSettlements(client, store);
  return applySettlements({ store, positions, risk, now });
}
