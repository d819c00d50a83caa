// The trade lines of the summary: entries read back from the engine's order intents and their
// fills on the exchange, exits from the PositionMonitor's events.
import type { KalshiClient } from '@precog/kalshi-client';
import { type MonitoredExit, toPositionFill } from '@precog/managers';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import type { TradeLine } from './types';

const ZERO = new Decimal(0);

/** Every entry order of the strategy that filled: contracts, average price and fees, with its tick. */
export async function entryLines(
  store: Store,
  client: Pick<KalshiClient, 'portfolio'>,
  strategyKey: string,
  tickOf: (at: number) => number,
): Promise<TradeLine[]> {
  const intents = await store.query<{
    ticker: string;
    side: 'yes' | 'no';
    order_id: string;
    created_at: Date;
  }>(
    `SELECT ticker, side, order_id, created_at FROM order_intents
      WHERE strategy_key = $1 AND kind = 'enter' AND order_id IS NOT NULL ORDER BY created_at, ticker`,
    [strategyKey],
  );
  const lines: TradeLine[] = [];
  for (const intent of intents.rows) {
    let count = ZERO;
    let cost = ZERO;
    let fees = ZERO;
    for await (const f of client.portfolio.getFills({ order_id: intent.order_id, ticker: intent.ticker })) {
      const fill = toPositionFill(f, intent.side, 'buy');
      count = count.plus(fill.count);
      cost = cost.plus(fill.count.times(fill.price));
      fees = fees.plus(fill.fee);
    }
    if (count.isZero()) continue;
    lines.push({
      ticker: intent.ticker,
      side: intent.side,
      action: 'buy',
      count,
      price: cost.div(count),
      fees,
      tick: tickOf(new Date(intent.created_at).getTime()),
    });
  }
  return lines;
}

/** The line of an exit that filled, null when nothing filled. */
export function exitLine(event: MonitoredExit, tick: number): TradeLine | null {
  if (!event.filled.gt(0) || event.averagePrice === null) return null;
  return {
    ticker: event.stored.position.ticker,
    side: event.stored.position.side,
    action: 'sell',
    count: event.filled,
    price: event.averagePrice,
    fees: event.fees,
    condition: event.trigger.condition,
    realizedPnl: event.realizedPnl,
    tick,
  };
}
