import { type FeeRole, type FeeSchedule, tradingFee } from '@precog/kalshi-client';
import type Decimal from 'decimal.js';
import { TradingConfigError } from '../errors';
import { dec, HALF, ONE, round4, ZERO } from '../internal/decimal';
import { executableAsk } from '../market';
import type { MarketSnapshot, Side } from '../types';

/** Options shared by {@link sideEdge} and {@link computeEdges}. */
export interface EdgeOptions {
  /**
   * Shrink the model probability toward 0.5 by this fraction before comparing it with a price:
   * `p' = 0.5 + (p − 0.5) × (1 − shrink)`. 0 (default) leaves p unchanged; the reference
   * design's models use 0.10. Must be in [0, 1].
   */
  shrink?: Decimal.Value;
  /**
   * How many contracts the fee per contract is estimated for. Kalshi rounds each order's fee up
   * to the cent, so a 1-lot pays the most per contract ($0.02 at $0.50 against $0.0175 for a
   * large order). Default 1: the conservative figure.
   */
  feeContracts?: Decimal.Value;
  /** The series' fee schedule (`feeScheduleForSeries` from `@precog/kalshi-client`). Default: Kalshi's general table. */
  feeSchedule?: FeeSchedule;
  /** Fee role the entry would pay. Default `'taker'` (buying at the ask takes liquidity). */
  feeRole?: FeeRole;
}

/** The edge of buying one side of a market, in that side's own price space. */
export interface SideEdge {
  /** The side that would be bought. */
  side: Side;
  /** Probability that this side pays out: p' for YES, 1 − p' for NO (p' = shrunk model probability). */
  probability: Decimal;
  /** The ask of this side (YES ask for YES, NO ask for NO), in dollars. */
  ask: Decimal;
  /** Estimated fee per contract at that ask, in dollars. */
  feePerContract: Decimal;
  /** `ask + feePerContract`: what one contract really costs (full precision; the Kelly input). */
  effectiveCost: Decimal;
  /** `probability − effectiveCost` in probability points, rounded half up to 4 dp (NUMERIC(10,4)). */
  edge: Decimal;
  /** Expected profit per dollar spent, `(probability − effectiveCost) / effectiveCost`, half up to 4 dp. */
  evPerDollar: Decimal;
}

/** Result of {@link computeEdges}. */
export interface EdgeResult {
  /** The model's YES probability after shrinking. */
  yesProbability: Decimal;
  /** Edge of buying YES at the YES ask; null when there is no YES ask. */
  yes: SideEdge | null;
  /** Edge of buying NO at the NO ask; null when there is no NO ask. */
  no: SideEdge | null;
  /** The side with the larger edge (YES on a tie); null when neither side can be bought. May be negative. */
  best: SideEdge | null;
}

function checkProbability(p: Decimal, option: string): void {
  if (p.lt(ZERO) || p.gt(ONE)) {
    throw new TradingConfigError(`${option} must be between 0 and 1, got ${p.toString()}`, option);
  }
}

/** `0.5 + (p − 0.5) × (1 − shrink)`: pulls an over-confident probability toward a coin flip. */
export function shrinkProbability(probability: Decimal.Value, shrink: Decimal.Value = 0): Decimal {
  const p = dec(probability);
  const k = dec(shrink);
  checkProbability(p, 'probability');
  checkProbability(k, 'shrink');
  if (k.isZero()) return p;
  return HALF.plus(p.minus(HALF).times(ONE.minus(k)));
}

/** Parameters of {@link sideEdge}. */
export interface SideEdgeParams extends EdgeOptions {
  /** The side to buy. */
  side: Side;
  /** The model's probability that the market resolves YES (before shrinking), 0–1. */
  yesProbability: Decimal.Value;
  /** The ask of `side` in its own price space (the NO ask for NO), dollars. */
  ask: Decimal.Value;
}

/**
 * The edge of buying `side` at its ask: `q − (ask + fee/contract)`, with `q = p'` for YES and
 * `q = 1 − p'` for NO. A NO contract is never compared with a YES price.
 */
export function sideEdge(params: SideEdgeParams): SideEdge {
  const pYes = shrinkProbability(params.yesProbability, params.shrink ?? 0);
  const ask = dec(params.ask);
  if (ask.lte(ZERO) || ask.gte(ONE)) {
    throw new TradingConfigError(`ask must be strictly between 0 and 1, got ${ask.toString()}`, 'ask');
  }
  const contracts = dec(params.feeContracts ?? 1);
  if (contracts.lte(ZERO)) {
    throw new TradingConfigError(
      `feeContracts must be positive, got ${contracts.toString()}`,
      'feeContracts',
    );
  }
  const fee = tradingFee({
    ...params.feeSchedule,
    price: ask,
    count: contracts,
    role: params.feeRole ?? 'taker',
  });
  const feePerContract = fee.div(contracts);
  const effectiveCost = ask.plus(feePerContract);
  const probability = params.side === 'yes' ? pYes : ONE.minus(pYes);
  const raw = probability.minus(effectiveCost);
  return {
    side: params.side,
    probability,
    ask,
    feePerContract,
    effectiveCost,
    edge: round4(raw),
    evPerDollar: round4(raw.div(effectiveCost)),
  };
}

/** Parameters of {@link computeEdges}. */
export interface ComputeEdgesParams extends EdgeOptions {
  /** The model's probability that the market resolves YES (before shrinking), 0–1. */
  yesProbability: Decimal.Value;
  /** The market's current book; the YES ask prices YES, the NO ask prices NO. */
  snapshot: MarketSnapshot;
}

/** Edges of buying YES and of buying NO on one market, each in its own price space. */
export function computeEdges(params: ComputeEdgesParams): EdgeResult {
  const { snapshot, yesProbability, ...options } = params;
  const yesProb = shrinkProbability(yesProbability, options.shrink ?? 0);
  const edgeFor = (side: Side): SideEdge | null => {
    const ask = executableAsk(snapshot, side);
    if (ask === null || ask.lte(ZERO) || ask.gte(ONE)) return null;
    return sideEdge({ ...options, side, yesProbability, ask });
  };
  const yes = edgeFor('yes');
  const no = edgeFor('no');
  let best: SideEdge | null = yes ?? no;
  if (yes && no?.edge.gt(yes.edge)) best = no;
  return { yesProbability: yesProb, yes, no, best };
}
