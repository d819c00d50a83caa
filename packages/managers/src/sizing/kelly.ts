import Decimal from 'decimal.js';
import { TradingConfigError } from '../errors';
import { dec, floorTo, ONE, ZERO } from '../internal/decimal';

/**
 * Full Kelly fraction for a binary contract bought at effective cost `c` (dollars, 0 < c < 1)
 * that pays $1 with probability `q`: `f* = (q − c) / (1 − c)`, or 0 when `q ≤ c`.
 *
 * The stake loses c per contract or wins 1 − c: net odds b = (1 − c)/c, and Kelly's
 * (b·q − (1 − q))/b reduces to the formula above. It is NOT `q − (1 − q)`, the even-money
 * answer that over-bets every contract priced above $0.50 and under-bets the cheap ones.
 */
export function kellyFraction(probability: Decimal.Value, cost: Decimal.Value): Decimal {
  const q = dec(probability);
  const c = dec(cost);
  if (q.lt(ZERO) || q.gt(ONE)) {
    throw new TradingConfigError(`probability must be between 0 and 1, got ${q.toString()}`, 'probability');
  }
  if (c.lte(ZERO) || c.gte(ONE)) {
    throw new TradingConfigError(`cost must be strictly between 0 and 1, got ${c.toString()}`, 'cost');
  }
  if (q.lte(c)) return ZERO;
  return q.minus(c).div(ONE.minus(c));
}

/** Sizing limits. Every amount is in dollars, every count in contracts. */
export interface SizingConfig {
  /** Fraction of full Kelly to bet. Default 0.25 (quarter Kelly). Must be in (0, 1]. */
  kellyFraction?: Decimal.Value;
  /** Largest stake as a fraction of bankroll. Default 0.05. */
  maxPositionPct?: Decimal.Value;
  /** Largest stake in dollars. Default 500. */
  maxPositionDollars?: Decimal.Value;
  /** Smallest stake worth placing, dollars: a smaller one is dropped. Default 10. */
  minPositionDollars?: Decimal.Value;
  /** Largest order in contracts; null (default) for no cap. */
  maxContracts?: Decimal.Value | null;
  /** Smallest order in contracts: a smaller one is dropped. Default 1. */
  minContracts?: Decimal.Value;
  /** Cap on the total cost of all open positions, dollars. Default 10000. */
  maxTotalExposure?: Decimal.Value;
  /**
   * Contract increment sizes are rounded DOWN to: 1 (default, whole contracts) or 0.01
   * (Kalshi's fixed-point counts, for markets that allow fractional contracts).
   */
  contractIncrement?: Decimal.Value;
}

/** Parameters of {@link sizePosition}. */
export interface SizePositionParams {
  /** Probability the side bought pays out (already shrunk; `SideEdge.probability`). */
  probability: Decimal.Value;
  /** Effective cost per contract: ask + fee per contract (`SideEdge.effectiveCost`). */
  cost: Decimal.Value;
  /** Account bankroll in dollars. */
  bankroll: Decimal.Value;
  /** Total cost of the positions already open, dollars. Default 0. */
  currentExposure?: Decimal.Value;
  /**
   * What is already held on this market on the side bought: its cost (dollars) and contracts.
   * The per-position caps (`maxPositionPct`, `maxPositionDollars`, `maxContracts`) bound the
   * position, not one order: an add is sized into the room they leave. Default nothing held.
   */
  held?: { cost: Decimal.Value; contracts: Decimal.Value } | null;
  config?: SizingConfig;
}

/** Why a stake was cut or a trade dropped. */
export type SizingLimit =
  | 'max_position_pct'
  | 'max_position_dollars'
  | 'total_exposure'
  | 'max_contracts'
  | 'no_edge'
  | 'below_min_dollars'
  | 'below_min_contracts'
  /** The position already held on the market fills the per-position caps. */
  | 'held_position';

/** Result of {@link sizePosition}. */
export interface SizingResult {
  /** Contracts to buy, rounded down to the increment; 0 when the trade is dropped. */
  contracts: Decimal;
  /** `contracts × cost`: dollars the order will spend, fees included. */
  cost: Decimal;
  /** Full Kelly fraction f*. */
  fullKelly: Decimal;
  /** Stake in dollars after the fractional-Kelly multiplier and every cap, before rounding to contracts. */
  stake: Decimal;
  /** Caps that bound the stake, in the order applied. */
  limitedBy: SizingLimit[];
  /** Why the trade was dropped, or null when `contracts > 0`. */
  rejected: Extract<
    SizingLimit,
    'no_edge' | 'below_min_dollars' | 'below_min_contracts' | 'total_exposure' | 'held_position'
  > | null;
}

function positive(value: Decimal.Value, option: string, allowZero = false): Decimal {
  const d = dec(value);
  if (d.isNaN() || (allowZero ? d.isNegative() : d.lte(ZERO))) {
    throw new TradingConfigError(
      `${option} must be ${allowZero ? 'zero or more' : 'positive'}, got ${d.toString()}`,
      `sizing.${option}`,
    );
  }
  return d;
}

/**
 * Fractional-Kelly position size for a binary contract. Steps: `stake = bankroll ×
 * kellyFraction × f*`; cap at `maxPositionPct × bankroll` and `maxPositionDollars` less the
 * cost already `held` on the market, and at the room left under `maxTotalExposure`;
 * `contracts = floor(stake / cost)` to the increment; cap at `maxContracts` less the contracts
 * held; drop the trade when it costs less than `minPositionDollars` or is fewer than
 * `minContracts` (`held_position` when what is held leaves no room).
 */
export function sizePosition(params: SizePositionParams): SizingResult {
  const cfg = params.config ?? {};
  const fraction = positive(cfg.kellyFraction ?? '0.25', 'kellyFraction');
  if (fraction.gt(ONE)) {
    throw new TradingConfigError(
      `kellyFraction must be at most 1, got ${fraction.toString()}`,
      'sizing.kellyFraction',
    );
  }
  const maxPct = positive(cfg.maxPositionPct ?? '0.05', 'maxPositionPct');
  const maxDollars = positive(cfg.maxPositionDollars ?? 500, 'maxPositionDollars');
  const minDollars = positive(cfg.minPositionDollars ?? 10, 'minPositionDollars', true);
  const minContracts = positive(cfg.minContracts ?? 1, 'minContracts', true);
  const maxContracts = cfg.maxContracts == null ? null : positive(cfg.maxContracts, 'maxContracts');
  const maxExposure = positive(cfg.maxTotalExposure ?? 10000, 'maxTotalExposure', true);
  const increment = positive(cfg.contractIncrement ?? 1, 'contractIncrement');
  const bankroll = positive(params.bankroll, 'bankroll', true);
  const exposure = positive(params.currentExposure ?? 0, 'currentExposure', true);
  const heldCost = positive(params.held?.cost ?? 0, 'held.cost', true);
  const heldContracts = positive(params.held?.contracts ?? 0, 'held.contracts', true);
  const cost = dec(params.cost);
  const fullKelly = kellyFraction(params.probability, cost);

  const dropped = (
    stake: Decimal,
    limitedBy: SizingLimit[],
    rejected: SizingResult['rejected'],
  ): SizingResult => ({
    contracts: ZERO,
    cost: ZERO,
    fullKelly,
    stake,
    limitedBy: rejected === null || limitedBy.includes(rejected) ? limitedBy : [...limitedBy, rejected],
    rejected,
  });
  if (fullKelly.isZero()) return dropped(ZERO, [], 'no_edge');

  const limitedBy: SizingLimit[] = [];
  let stake = bankroll.times(fraction).times(fullKelly);
  const cap = (limit: Decimal, why: SizingLimit): void => {
    if (stake.gt(limit)) {
      stake = limit;
      limitedBy.push(why);
    }
  };
  // The per-position caps bound what is held on the market after this order, not the order.
  cap(Decimal.max(ZERO, bankroll.times(maxPct).minus(heldCost)), 'max_position_pct');
  cap(Decimal.max(ZERO, maxDollars.minus(heldCost)), 'max_position_dollars');
  if (stake.isZero() && heldCost.gt(ZERO)) return dropped(stake, limitedBy, 'held_position');
  const room = Decimal.max(ZERO, maxExposure.minus(exposure));
  cap(room, 'total_exposure');
  if (stake.isZero()) return dropped(stake, limitedBy, 'total_exposure');

  let contracts = floorTo(stake.div(cost), increment);
  const contractRoom = maxContracts === null ? null : Decimal.max(ZERO, maxContracts.minus(heldContracts));
  if (contractRoom !== null && contracts.gt(contractRoom)) {
    contracts = floorTo(contractRoom, increment);
    limitedBy.push('max_contracts');
    if (contracts.isZero() && heldContracts.gt(ZERO)) return dropped(stake, limitedBy, 'held_position');
  }
  const total = contracts.times(cost);
  if (contracts.isZero() || contracts.lt(minContracts))
    return dropped(stake, limitedBy, 'below_min_contracts');
  if (total.lt(minDollars)) return dropped(stake, limitedBy, 'below_min_dollars');
  return { contracts, cost: total, fullKelly, stake, limitedBy, rejected: null };
}
