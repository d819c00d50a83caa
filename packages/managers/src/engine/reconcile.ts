// Start-time reconciliation: the store's open positions against the exchange's, per ticker.
import Decimal from 'decimal.js';
import type { PositionManager } from '../position-manager/position-manager';
import type { EngineClient, ReconcileReport } from './engine-options';

const ZERO = new Decimal(0);

/** Store open positions against the exchange's (`GET /portfolio/positions`), per ticker. */
export async function compareWithExchange(
  client: EngineClient,
  positions: PositionManager,
): Promise<ReconcileReport['mismatches']> {
  const ours = new Map<string, Decimal>();
  for (const { position: p } of await positions.open()) {
    ours.set(p.ticker, p.side === 'yes' ? p.quantity : p.quantity.neg());
  }
  const theirs = new Map<string, Decimal>();
  for await (const mp of client.portfolio.getPositions()) theirs.set(mp.ticker, mp.position_fp);
  const mismatches: ReconcileReport['mismatches'] = [];
  for (const ticker of new Set([...ours.keys()])) {
    const a = ours.get(ticker) ?? ZERO;
    const b = theirs.get(ticker) ?? ZERO;
    if (!a.eq(b)) mismatches.push({ ticker, store: a.toString(), exchange: b.toString() });
  }
  return mismatches;
}
