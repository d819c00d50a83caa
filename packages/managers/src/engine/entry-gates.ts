// Entry gates: the exit rules' thresholds applied before buying, so the engine never enters a
// position that the PositionMonitor would sell on the next tick (a guaranteed losing round trip).
import type Decimal from 'decimal.js';
import type { ExitConfig } from '../exits/rules';
import { executableAsk, executableBid } from '../market';
import { type EpochMs, isStale, isTrading, type MarketSnapshot, type Side } from '../types';
import type { EntryGates } from './strategy';

/** Why an entry was refused by {@link entryGateFailure}. */
export type EntryGateFailure =
  | 'market_not_trading'
  | 'stale_snapshot'
  | 'no_ask'
  | 'no_bid'
  | 'spread_too_wide'
  | 'volume_too_low'
  | 'too_close_to_close'
  | 'at_stop_loss';

/**
 * The entry gates of an exit config: the same spread, volume and staleness limits, a time to
 * close at least the larger of the two close windows (`urgentBeforeCloseMs`,
 * `losingBeforeCloseMs`), and the stop loss.
 */
export function entryGatesFromExits(exits: ExitConfig): EntryGates {
  const windows = [exits.urgentBeforeCloseMs, exits.losingBeforeCloseMs].filter(
    (ms): ms is number => ms !== null,
  );
  return {
    maxSpread: exits.maxSpread,
    minVolume: exits.minVolume,
    minTimeToCloseMs: windows.length === 0 ? null : Math.max(...windows),
    maxSnapshotAgeMs: exits.maxSnapshotAgeMs,
    stopLossPct: exits.stopLossPct,
  };
}

/**
 * Whether buying `side` on `snapshot` at `now` passes every gate: null when it does, else the
 * first gate it fails. An entry needs a trading market, a snapshot with a time no older than
 * `maxSnapshotAgeMs`, an ask and a bid on the side bought (no bid is a `liquidity_dried_up`
 * exit), a spread within `maxSpread`, a known volume at least `minVolume` when the volume is
 * known, at least `minTimeToCloseMs` before close when the close is known, and a bid above the
 * stop-loss price of an entry at the ask.
 */
export function entryGateFailure(
  snapshot: MarketSnapshot,
  side: Side,
  gates: EntryGates,
  now: EpochMs,
): EntryGateFailure | null {
  if (!isTrading(snapshot)) return 'market_not_trading';
  if (isStale(snapshot, now, gates.maxSnapshotAgeMs, true)) return 'stale_snapshot';
  const ask = executableAsk(snapshot, side);
  if (ask === null) return 'no_ask';
  const bid = executableBid(snapshot, side);
  if (bid === null) return 'no_bid';
  if (gates.maxSpread !== null && ask.minus(bid).gt(gates.maxSpread)) return 'spread_too_wide';
  // Unknown volume (null/absent) skips the check, as the exit rule does.
  if (gates.minVolume !== null && snapshot.volume?.lt(gates.minVolume)) return 'volume_too_low';
  const closeTime = snapshot.closeTime ?? null;
  if (gates.minTimeToCloseMs !== null && closeTime !== null && closeTime - now <= gates.minTimeToCloseMs) {
    return 'too_close_to_close';
  }
  if (gates.stopLossPct !== null && stopLossHit(bid, ask, gates.stopLossPct)) return 'at_stop_loss';
  return null;
}

/** The stop loss fires when `pnlPct ≤ −stopLossPct`, i.e. `bid ≤ entry × (1 − stopLossPct)`. */
function stopLossHit(bid: Decimal, entry: Decimal, stopLossPct: Decimal): boolean {
  return bid.lte(entry.times(stopLossPct.neg().plus(1)));
}
