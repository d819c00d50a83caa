// The exit evaluator: one position, one tick, every rule — the trailing stop stepped once, then
// each priority tier's evaluator in order (CRITICAL → LOW).
import { ManagersError } from '../errors';
import { priceUnits } from '../internal/decimal';
import { executableBid } from '../market';
import { type EpochMs, isStale, isTrading, type MarketSnapshot } from '../types';
import { priceLevels } from './price-levels';
import {
  DEFAULT_EXIT_CONFIG,
  type ExitConfig,
  type ExitContext,
  type ExitDecision,
  type ExitEvaluationInput,
  type ExitNotEvaluatedReason,
  type ExitTrigger,
} from './rules';
import { evaluateCritical } from './tiers/critical';
import { evaluateHigh } from './tiers/high';
import { evaluateLow } from './tiers/low';
import { evaluateMedium } from './tiers/medium';
import { NO_TRIGGERS, scratchTick } from './tiers/tick';
import { stepTrailingStop } from './trailing-stop';

/** The default {@link ExitContext}: no circuit breaker, no edge, no better opportunity (shared, never mutated). */
const NO_CONTEXT: ExitContext = Object.freeze({});

const TICK = scratchTick();

/**
 * Evaluates every exit rule for one position against one market tick. Pure: the position is
 * valued at the executable bid of the side held (NO bid for NO), the trailing stop is fed that
 * same bid, and time comes from `now`. Every rule that fires is collected; the highest-priority
 * one is returned as `exit`, the rest as `conflictingTriggers`. A snapshot of another market
 * is refused with a {@link ManagersError}. Nothing is evaluated (the decision holds, with
 * `notEvaluated` saying why) on a snapshot older than `config.maxSnapshotAgeMs` or of a market
 * that does not trade (closed, determined, settled: it ends at settlement, not by an exit).
 *
 * Percent rules are compared as prices (`pnlPct ≤ −0.15` ⇔ `bid ≤ entry × 0.85`), with the
 * threshold prices computed once per position version and config (see `price-levels.ts`): a
 * tick then costs comparisons, not divisions, which keeps 10,000 positions per tick cheap.
 */
export function evaluateExit(
  input: ExitEvaluationInput,
  snapshot: MarketSnapshot,
  now: EpochMs,
  config: ExitConfig = DEFAULT_EXIT_CONFIG,
  context: ExitContext = NO_CONTEXT,
): ExitDecision {
  const { position } = input;
  if (snapshot.ticker !== position.ticker) {
    throw new ManagersError(
      `snapshot is for ${snapshot.ticker}, not for position ${position.positionKey} on ${position.ticker}`,
    );
  }
  const side = position.side;
  const bid = executableBid(snapshot, side);
  let trailingStop = input.trailingStop ?? null;
  // An open position always holds contracts: applyFill closes it when it reaches zero.
  let notEvaluated: ExitNotEvaluatedReason | null = null;
  if (snapshot.status != null && !isTrading(snapshot)) notEvaluated = 'market_not_trading';
  else if (isStale(snapshot, now, config.maxSnapshotAgeMs)) notEvaluated = 'stale_snapshot';
  if (position.status !== 'open' || notEvaluated !== null) {
    return {
      action: 'hold',
      exit: null,
      conflictingTriggers: NO_TRIGGERS,
      trailingStop,
      trailingStopChange: 'none',
      bid,
      notEvaluated,
    };
  }
  const entry = position.avgEntryPrice;
  const levels = priceLevels(
    position,
    config,
    trailingStop,
    input.stopLossPrice ?? null,
    input.targetPrice ?? null,
  );
  // The bid as an exact count of 1e-7 units (−1 when it has more places): the rules compare it
  // with the cached levels as integers, falling back to Decimals.
  const bidUnits = priceUnits(bid);

  let trailingStopChange: ExitDecision['trailingStopChange'] = 'none';
  let trailingTriggered = false;
  if (trailingStop !== null) {
    const update = stepTrailingStop(
      trailingStop,
      side,
      bid,
      bidUnits,
      entry,
      now,
      snapshot.priceRanges,
      levels,
    );
    trailingStop = update.state;
    trailingStopChange = update.change;
    trailingTriggered = update.triggered;
  }

  // One tick object for every evaluation (evaluateExit is synchronous and never re-entered):
  // 10,000 positions per tick allocate no per-position record.
  const tick = TICK;
  tick.input = input;
  tick.position = position;
  tick.side = side;
  tick.quantity = position.quantity;
  tick.entry = entry;
  tick.bid = bid;
  tick.bidUnits = bidUnits;
  tick.snapshot = snapshot;
  tick.now = now;
  tick.config = config;
  tick.context = context;
  tick.levels = levels;
  tick.trailingStop = trailingStop;
  tick.trailingTriggered = trailingTriggered;
  // Table order is priority order: the first trigger wins.
  let triggers: ExitTrigger[] | null = evaluateCritical(tick, null);
  triggers = evaluateHigh(tick, triggers);
  triggers = evaluateMedium(tick, triggers);
  triggers = evaluateLow(tick, triggers);

  if (triggers === null) {
    return {
      action: 'hold',
      exit: null,
      conflictingTriggers: NO_TRIGGERS,
      trailingStop,
      trailingStopChange,
      bid,
      notEvaluated: null,
    };
  }
  const exit = triggers[0] as ExitTrigger;
  const conflictingTriggers = triggers.length === 1 ? NO_TRIGGERS : triggers.slice(1);
  return {
    action: 'exit',
    exit,
    conflictingTriggers,
    trailingStop,
    trailingStopChange,
    bid,
    notEvaluated: null,
  };
}
