// Settlement closes positions: a market that settled pays $1 per winning contract and nothing
// per losing one, so each open position on it is closed by one settlement fill at 1 or 0 (no
// fee), which makes its realized P&L the exact net (payout − cost − every fee paid), and the
// closed trade reaches the circuit breakers.
import type { KalshiClient } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import type { PositionManager } from '../position-manager/position-manager';
import type { StoredPosition } from '../position-manager/stored-position';
import type { Fill } from '../positions/position';

/** What settlement needs of a Kalshi client. */
export type SettlementClient = Pick<KalshiClient, 'portfolio'>;

/**
 * Closes every open position whose market has settled (`GET /portfolio/settlements`, results
 * `yes`/`no`) at its payout; returns the closed positions. Idempotent: a closed position is not
 * open any more, and the settlement fill id is per position.
 */
export async function closeSettledPositions(
  client: SettlementClient,
  positions: PositionManager,
  options: { sinceMs?: number } = {},
): Promise<StoredPosition[]> {
  const open = await positions.open();
  if (open.length === 0) return [];
  const byTicker = new Map(open.map((s) => [s.position.ticker, s]));
  const closed: StoredPosition[] = [];
  const params = options.sinceMs === undefined ? {} : { min_ts: Math.floor(options.sinceMs / 1000) };
  for await (const settlement of client.portfolio.getSettlements(params)) {
    const stored = byTicker.get(settlement.ticker);
    const result = settlement.market_result.toLowerCase();
    if (stored === undefined || (result !== 'yes' && result !== 'no')) continue;
    byTicker.delete(settlement.ticker);
    const { position } = stored;
    const fill: Fill = {
      fillId: `settlement:${position.positionKey}`,
      ticker: position.ticker,
      side: position.side,
      action: 'sell',
      count: position.quantity,
      price: new Decimal(position.side === result ? 1 : 0),
      fee: new Decimal(0),
      createdAt: settlement.settled_time.getTime(),
    };
    const after = await positions.applyFills([fill]);
    if (after !== undefined) closed.push(after);
  }
  return closed;
}
