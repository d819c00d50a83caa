import type { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { edgeKellyStrategySchema } from '../../strategies/strategy-config';
import { EdgeKellyStrategy } from '../edge-kelly-strategy';
import type { TradingEngineOptions } from '../trading-engine';

/** The engine both the child and the restarted parent run: the same strategy, model and bankroll. */
export function crashTestEngineOptions(client: KalshiClient, store: Store): TradingEngineOptions {
  return {
    client,
    store,
    strategy: new EdgeKellyStrategy({
      name: 'crash_edge',
      version: '1.0',
      config: edgeKellyStrategySchema.parse({
        type: 'edge_kelly',
        exits: { stopLossPct: null, profitTargetPct: null, earlyExitEdge: null, edgeDisappearedBelow: null },
      }),
    }),
    probability: () => new Decimal('0.75'),
    bankroll: new Decimal(1000),
    sleep: async () => undefined,
  };
}
