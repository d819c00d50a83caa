/** The version of this package, as published. */
export const VERSION = '0.0.0';

// Backtesting over the store's market history
export type {
  BackfillClient,
  BackfillMarketsOptions,
  BackfillResult,
  BackfillStore,
} from './backtest/backfill';
export { backfillMarkets } from './backtest/backfill';
export type { EdgeStrategyOptions } from './backtest/edge-strategy';
export { edgeStrategy } from './backtest/edge-strategy';
export type { BacktestEngineStrategyOptions } from './backtest/engine-strategy';
export { backtestEngineStrategy } from './backtest/engine-strategy';
export type { EquityCurveSvgOptions } from './backtest/equity-svg';
export { equityCurveSvg } from './backtest/equity-svg';
export { BacktestInputError, ProbabilitiesFileError } from './backtest/errors';
export type { FillModelOptions, FillRejection, SimulatedFill, SimulatedOrder } from './backtest/fill';
export { simulateFill } from './backtest/fill';
export type { BacktestReportJson, BacktestTradeJson } from './backtest/json';
export { backtestReportToJson } from './backtest/json';
export { parseProbabilitiesCsv } from './backtest/probabilities';
export type { RecordBacktestParams } from './backtest/record';
export { backtestRunRow, recordBacktestRun } from './backtest/record';
export type { ReplayedMarket, ReplayOptions, ReplayStore } from './backtest/replay';
export { replayMarketHistory } from './backtest/replay';
export type {
  BacktestOpenPosition,
  BacktestPoint,
  BacktestReport,
  BacktestSettlement,
  BacktestTrade,
  BrierScores,
} from './backtest/report';
export { snapshotOfVersion } from './backtest/rule-exits';
export type { RunBacktestOptions } from './backtest/run-backtest';
export { runBacktest } from './backtest/run-backtest';
export type {
  BacktestContext,
  BacktestIntent,
  BacktestPendingOrder,
  BacktestStrategy,
} from './backtest/strategy';
// Configuration schemas (zod) for configs stored as JSON
export {
  circuitBreakerConfigSchema,
  decimalSchema,
  exitConfigSchema,
  minEdgeConfigSchema,
  sizingConfigSchema,
  trailingStopConfigSchema,
} from './config/schemas';
// Edge
export type {
  ComputeEdgesParams,
  EdgeOptions,
  EdgeResult,
  SideEdge,
  SideEdgeParams,
} from './edge/edge';
export { computeEdges, shrinkProbability, sideEdge } from './edge/edge';
export type { MinEdgeConfig, MinEdgeContext, MinEdgeSource, ResolvedMinEdge } from './edge/min-edge';
export { DEFAULT_MIN_EDGE, meetsMinEdge, resolveMinEdge } from './edge/min-edge';
// Elo rating service (game_states → teams and elo_rating_history)
export type { EloRatingServiceOptions, EloRunResult } from './elo-service/elo-rating-service';
export { EloRatingService, regressionGameId } from './elo-service/elo-rating-service';
export { clientOrderIdFor } from './engine/client-order-id';
// Engine: the strategy contract, entry gates, the edge/Kelly strategy
export type { EdgeKellyStrategyOptions } from './engine/edge-kelly-strategy';
export { EdgeKellyStrategy } from './engine/edge-kelly-strategy';
export type { EngineLockOptions } from './engine/engine-lock';
export { EngineLock } from './engine/engine-lock';
export type { EntryGateFailure } from './engine/entry-gates';
export { entryGateFailure, entryGatesFromExits } from './engine/entry-gates';
export { EngineLockedError, EngineLockLostError } from './engine/errors';
export type {
  AppliedFills,
  IntentRecord,
  OrderManagerClient,
  OrderManagerOptions,
} from './engine/order-manager';
export { OrderManager } from './engine/order-manager';
export type { DrainedUpdates, OrderStream, OrderUpdate } from './engine/order-update-feed';
export { OrderUpdateFeed } from './engine/order-update-feed';
export type {
  AdjustIntent,
  EnterIntent,
  EntryGates,
  ExitIntent,
  HeldPosition,
  IntentKind,
  RestingOrderView,
  Strategy,
  StrategyContext,
  StrategyIntent,
  StrategyRiskView,
} from './engine/strategy';
export type {
  CycleResult,
  DecisionResult,
  EngineClient,
  EngineStatus,
  ReconcileReport,
  TradingEngineOptions,
} from './engine/trading-engine';
export { TradingEngine } from './engine/trading-engine';
// Entry decision
export type { EntryPlan, EntrySkipReason, PlanEntryParams } from './entry/plan-entry';
export { planEntry } from './entry/plan-entry';
// Errors
export { ManagersError, PositionFillError, SettlementError, TradingConfigError } from './errors';
// Execution: orders, exits, risk on the store
export type {
  ExecuteExitParams,
  /** @deprecated Use {@link Logger}. */
  ExecutionLogger,
  ExitExecutionResult,
  ExitExecutorOptions,
  Reconciliation,
} from './execution/exit-executor';
export { ExitExecutor } from './execution/exit-executor';
export { snapshotFromMarket } from './execution/market-snapshot';
export type { SideOrderParams, SideOrderResult, TradingClient } from './execution/orders';
export { placeSideOrder, toPositionFill } from './execution/orders';
export type { RiskRecorderOptions } from './execution/risk-recorder';
export { BREAKER_EVENT_TYPES, DEFAULT_RISK_SCOPE, RiskRecorder } from './execution/risk-recorder';
// Exits
export type { ExitCondition, ExitPriority } from './exits/conditions';
export { EXIT_CONDITIONS, EXIT_PRIORITY, PRIORITY_LEVEL } from './exits/conditions';
export { evaluateExit } from './exits/evaluate';
export type { ExitExecutionParams, ExitOrderStep, ExitPlan, PlanExitParams } from './exits/execution-plan';
export { DEFAULT_SWEEP_FLOOR_PCT, EXIT_EXECUTION, planExitOrders } from './exits/execution-plan';
export type { ExitRules, ExitRulesFromConfigOptions } from './exits/from-config';
export { exitRulesFromConfig } from './exits/from-config';
export type {
  ExitConfig,
  ExitContext,
  ExitDecision,
  ExitEvaluationInput,
  ExitNotEvaluatedReason,
  ExitTrigger,
  PartialExitStage,
} from './exits/rules';
export { DEFAULT_EXIT_CONFIG, exitConfig } from './exits/rules';
export type {
  TrailDistance,
  TrailingStopConfig,
  TrailingStopState,
  TrailingStopTick,
  TrailingStopUpdate,
  TrailTightening,
} from './exits/trailing-stop';
export { initTrailingStop, updateTrailingStop, validateTrailingStopConfig } from './exits/trailing-stop';
// Lifecycle of strategy and model versions (database-backed)
export type {
  ConfigVersionManagerOptions,
  CreateVersionParams,
  ParsedVersion,
  StoredConfig,
  TransitionOptions,
} from './lifecycle/config-version-manager';
export { ConfigVersionManager } from './lifecycle/config-version-manager';
export {
  ImmutableConfigError,
  InvalidConfigError,
  InvalidTransitionError,
  VersionNotFoundError,
} from './lifecycle/errors';
export { ALLOWED_TRANSITIONS, isAllowedTransition, LIFECYCLE_STATUSES } from './lifecycle/transitions';
// Logging
export { type Logger, silentLogger } from './logger';
export type { YesBookParams } from './market';
export { executableAsk, executableBid, oppositeSide, snapshotFromYesBook } from './market';
// Kalshi NFL tickers
export { KALSHI_NFL_ALIASES, nflMarketTeam, nflTeamCode, parseGameTicker } from './markets/nfl-ticker';
export type { EloModelConfig, ModelConfig } from './models/model-config';
export { eloModelSchema, MODEL_CONFIG_SCHEMAS } from './models/model-config';
export { ModelManager } from './models/model-manager';
// Position monitor: the per-position cycle (evaluate → mark → plan → execute → record risk)
export type {
  MonitorClient,
  MonitorCycleResult,
  MonitoredExit,
  MonitoredSettlement,
  PositionMonitorOptions,
  TrailingStopMove,
} from './monitor/position-monitor';
export { PositionMonitor } from './monitor/position-monitor';
// Persistence shapes (JSON) for trailing-stop and breaker state
export type { RiskStateJson } from './persistence/risk-json';
export { riskStateFromJson, riskStateToJson } from './persistence/risk-json';
export type { TrailingStopStateJson } from './persistence/trailing-stop-json';
export { trailingStopStateFromJson, trailingStopStateToJson } from './persistence/trailing-stop-json';
// Positions and edges on the store
export type { ApplySettlementsParams, SettledPosition } from './position-manager/apply-settlements';
export { applySettlements } from './position-manager/apply-settlements';
export type { EdgeRecord } from './position-manager/edges';
export { recordEdges } from './position-manager/edges';
export type { PositionManagerOptions, SavePositionParams } from './position-manager/position-manager';
export { PositionManager } from './position-manager/position-manager';
export type {
  PositionAttribution,
  PositionExitSummary,
  StoredPosition,
} from './position-manager/stored-position';
export { netRealizedPnl, positionFromRow, positionToRow } from './position-manager/stored-position';
export type { PositionMark } from './positions/mark';
export { markPosition } from './positions/mark';
// Positions
export type { Fill, Position, PositionScope } from './positions/position';
export { applyFill, openPosition, positionKeyFor } from './positions/position';
export type { SettlementOutcome } from './positions/settle';
export { payoutPerContract, settlePosition } from './positions/settle';
export type { ThroughZeroResult } from './positions/through-zero';
export { applyFillThroughZero, positionsFromFills } from './positions/through-zero';
// Recorder (stream → store)
export type { LagSummary } from './recorder/lag';
export {
  createMarketRecorder,
  MarketRecorder,
  type MarketRecorderEvents,
} from './recorder/market-recorder';
export {
  MarketRecorderError,
  type MarketRecorderOptions,
  type MarketRecorderStore,
  type MarketRecorderSummary,
} from './recorder/options';
export { type ReconcileResult, reconcileAccount } from './recorder/reconcile';
export { restFillOf, type StreamFillsResult, storeStreamFills } from './recorder/stream-fills';
// Risk
export type {
  BreakerName,
  BreakerState,
  BreakerStatus,
  BreakerTransition,
  CircuitBreakerConfig,
  RiskEvent,
  RiskState,
  RiskUpdate,
} from './risk/circuit-breakers';
export {
  closeAllRequired,
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  entryAllowed,
  initialRiskState,
  reduceRisk,
} from './risk/circuit-breakers';
export type { TradingDayConfig } from './risk/trading-day';
export { DEFAULT_TRADING_DAY_TIME_ZONE, tradingDay } from './risk/trading-day';
// Sizing
export type { SizePositionParams, SizingConfig, SizingLimit, SizingResult } from './sizing/kelly';
export { kellyFraction, sizePosition } from './sizing/kelly';
export type { EdgeKellyStrategyConfig, StrategyConfig } from './strategies/strategy-config';
export { edgeKellyStrategySchema, STRATEGY_CONFIG_SCHEMAS } from './strategies/strategy-config';
export { StrategyManager } from './strategies/strategy-manager';
// Sync (exchange → store)
export { syncBalance } from './sync/balance';
export { SyncInterruptedError } from './sync/errors';
export { type SyncFillsOptions, syncFills } from './sync/fills';
export {
  type GameStatesClient,
  type GameStatesStore,
  gameStateFromLiveData,
  type SkippedGame,
  type SyncGameStatesOptions,
  type SyncGameStatesResult,
  syncGameStates,
} from './sync/game-states';
export { balanceRow, fillRow, marketRow, settlementRow } from './sync/mapping';
export { syncMarkets } from './sync/markets';
export { toMetadata } from './sync/metadata';
export { syncPositions } from './sync/positions';
export { syncSettlements } from './sync/settlements';
export { DEFAULT_OVERLAP_SECONDS } from './sync/since';
export { type SyncAllOptions, type SyncAllResult, syncAll } from './sync/sync-all';
export {
  SYNC_STAGES,
  type SyncClient,
  type SyncCounts,
  type SyncInvalidItem,
  /** @deprecated Use {@link Logger}. */
  type SyncLogger,
  type SyncMarketsOptions,
  type SyncOptions,
  type SyncProgress,
  type SyncResult,
  type SyncStage,
  type SyncStore,
} from './sync/types';
// Markets
export type { EpochMs, MarketSnapshot, Side } from './types';
export { isStale, isTrading, TRADING_STATUSES } from './types';
