// The engine's options and what it reports (start, cycles, status).
import type { KalshiClient } from '@precog/kalshi-client';
import type { Store } from '@precog/scd2-store';
import type Decimal from 'decimal.js';
import type { Logger } from '../logger';
import type { MonitorCycleResult } from '../monitor/position-monitor';
import type { CircuitBreakerConfig } from '../risk/circuit-breakers';
import type { EpochMs } from '../types';
import type { EngineLockOptions } from './engine-lock';
import type { OrderStream } from './order-update-feed';
import type { Strategy, StrategyIntent } from './strategy';

/** What the engine needs of a Kalshi client (a `KalshiClient`, real or on the fake exchange). */
export type EngineClient = Pick<
  KalshiClient,
  'orders' | 'portfolio' | 'orderGroups' | 'markets' | 'historical'
>;

/** Options of {@link TradingEngine.start}. */
export interface TradingEngineOptions {
  client: EngineClient;
  store: Store;
  strategy: Strategy;
  /** The model's YES probability of a ticker, null when it has none. */
  probability: (ticker: string) => Decimal | null;
  /** Circuit-breaker thresholds (persisted per strategy). Default `DEFAULT_CIRCUIT_BREAKER_CONFIG`. */
  circuitBreakers?: CircuitBreakerConfig;
  /** Bankroll for sizing, dollars. Default: the account's balance, read on start. */
  bankroll?: Decimal;
  /** Strategy/model version ids stored on the positions the engine opens. */
  strategyId?: number | null;
  modelId?: number | null;
  /** Contracts the run's order group may fill per rolling 15 s; null: no group. Default 10000. */
  orderGroupLimit?: Decimal | null;
  /** The database lock's lease and identity. */
  lock?: EngineLockOptions;
  clock?: { now(): EpochMs };
  /** Waits between exit attempts. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A stream (`client.stream()`) to track resting orders from its `user_orders` channel instead
   * of polling them each cycle; a reconnect makes the next cycle re-read them over REST. The
   * stream stays the caller's to close. Default: none (polling).
   */
  stream?: OrderStream;
  logger?: Logger;
}

/** What the engine found and fixed on start, before trading. */
export interface ReconcileReport {
  /** Intents found resting or pending from an earlier run (after their lookup). */
  restingOrders: number;
  /** Positions closed by a settlement found on start. */
  settled: number;
  /** Tickers where the store's open quantity differs from the exchange's (logged, not traded on). */
  mismatches: { ticker: string; store: string; exchange: string }[];
}

/** What one {@link TradingEngine.onMarkets} call decided. */
export interface DecisionResult {
  /** Intents sent as orders. */
  sent: StrategyIntent[];
  /** Intents dropped by the engine's gates, with why. */
  dropped: { intent: StrategyIntent; reason: string }[];
}

/** What one {@link TradingEngine.cycle} did: the exit rules' events, then the decisions. */
export interface CycleResult extends DecisionResult {
  /** What the `PositionMonitor` did this cycle (exits worked, trailing stops moved, settlements), in order. */
  exits: MonitorCycleResult['events'];
}

/** One line of state, for a status line. */
export interface EngineStatus {
  positions: number;
  contracts: Decimal;
  realizedPnlToday: Decimal;
  restingOrders: number;
  /** `ok`, or the open breakers. */
  breaker: string;
}
