/** The ten exit conditions of the reference design (the values of `position_exits.exit_condition`). */
export type ExitCondition =
  | 'stop_loss'
  | 'circuit_breaker'
  | 'trailing_stop'
  | 'time_based_urgent'
  | 'liquidity_dried_up'
  | 'profit_target'
  | 'partial_exit_target'
  | 'early_exit'
  | 'edge_disappeared'
  | 'rebalance';

/** Execution urgency of an exit. */
export type ExitPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

/** Every condition in evaluation order: by priority, and within a priority in the reference table's order. */
export const EXIT_CONDITIONS: readonly ExitCondition[] = Object.freeze([
  'stop_loss',
  'circuit_breaker',
  'trailing_stop',
  'time_based_urgent',
  'liquidity_dried_up',
  'profit_target',
  'partial_exit_target',
  'early_exit',
  'edge_disappeared',
  'rebalance',
]);

/** The priority of each condition. */
export const EXIT_PRIORITY: Readonly<Record<ExitCondition, ExitPriority>> = Object.freeze({
  stop_loss: 'CRITICAL',
  circuit_breaker: 'CRITICAL',
  trailing_stop: 'HIGH',
  time_based_urgent: 'HIGH',
  liquidity_dried_up: 'HIGH',
  profit_target: 'MEDIUM',
  partial_exit_target: 'MEDIUM',
  early_exit: 'LOW',
  edge_disappeared: 'LOW',
  rebalance: 'LOW',
});

/** Numeric rank of a priority (`priority_level`): CRITICAL = 1 … LOW = 4. */
export const PRIORITY_LEVEL: Readonly<Record<ExitPriority, number>> = Object.freeze({
  CRITICAL: 1,
  HIGH: 2,
  MEDIUM: 3,
  LOW: 4,
});
