// Settlements → positions → circuit breakers: the step that turns the `settlements` rows the sync
// stores into `settled` positions, and their losses into breaker events.
import type { Settlement, Store } from '@precog/scd2-store';
import type { RiskRecorder } from '../execution/risk-recorder';
import type { BreakerTransition } from '../risk/circuit-breakers';
import type { EpochMs } from '../types';
import type { PositionManager } from './position-manager';
import type { StoredPosition } from './stored-position';

/** Parameters of {@link applySettlements}. */
export interface ApplySettlementsParams {
  /** Where the `settlements` rows are (written by `syncSettlements`). */
  store: Store;
  /** The positions to settle. */
  positions: PositionManager;
  /** The circuit breakers: each settled position is a `trade_closed` event. Absent: none recorded. */
  risk?: RiskRecorder | null;
  /** Only these open positions (e.g. the ones whose market stopped trading). Default: every open position. */
  open?: readonly StoredPosition[];
  /**
   * Time of the breaker events, epoch ms: when the settlement is learned (it counts on that
   * trading day; a settlement time from an earlier day would restart today's P&L). Default now.
   */
  now?: EpochMs;
}

/** One position settled by {@link applySettlements}. */
export interface SettledPosition {
  /** The `settled` version. */
  stored: StoredPosition;
  /** The settlement row applied. */
  settlement: Settlement;
  /** Breakers that changed status when the result was recorded. */
  transitions: BreakerTransition[];
}

/**
 * Settles every open position whose market has a settlement row (of its platform and
 * subaccount, at or after the position opened): the position becomes `settled` with its exact
 * net P&L (payout − cost − every fee), and that P&L reaches the daily-loss and losing-streak
 * breakers as a closed trade. Idempotent: a settled position is no longer open, so a second run
 * changes nothing.
 */
export async function applySettlements(params: ApplySettlementsParams): Promise<SettledPosition[]> {
  const { store, positions, risk } = params;
  const open = params.open ?? (await positions.open());
  const settled: SettledPosition[] = [];
  for (const current of open) {
    const p = current.position;
    const rows = await store.settlements.list({
      platformId: p.platform,
      subaccount: p.subaccount,
      ticker: p.ticker,
    });
    const settlement = rows.find((row) => row.settledAt.getTime() >= p.openedAt);
    if (settlement === undefined) continue;
    const stored = await positions.settle({
      ticker: p.ticker,
      subaccount: p.subaccount,
      marketResult: settlement.marketResult,
      yesValue: settlement.settlementValue,
      fee: settlement.fees,
      settledAt: settlement.settledAt.getTime(),
    });
    if (stored === undefined) continue;
    const transitions =
      risk == null
        ? []
        : await risk.apply({
            type: 'trade_closed',
            at: params.now ?? Date.now(),
            realizedPnl: stored.position.realizedPnl,
          });
    settled.push({ stored, settlement, transitions });
  }
  return settled;
}
