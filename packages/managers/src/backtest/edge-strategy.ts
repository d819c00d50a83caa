// The built-in strategy of `precog backtest --probabilities FILE.csv`: buy the side with the larger
// edge when it reaches the minimum, then hold to settlement (`exits: null`, the documented
// `--exits none` rule) or leave through the package's exit rules (`exits: ExitConfig`).
import { type FeeSchedule, takerFee } from '@precog/kalshi-client';
import Decimal from 'decimal.js';
import { DEFAULT_MIN_EDGE } from '../edge/min-edge';
import type { ExitConfig } from '../exits/rules';
import type { TrailingStopConfig } from '../exits/trailing-stop';
import { ONE, ZERO } from '../internal/decimal';
import { type SizingConfig, sizePosition } from '../sizing/kelly';
import type { Side } from '../types';
import { BacktestInputError } from './errors';
import type { ReplayedMarket } from './replay';
import { ruleExits, snapshotOfVersion } from './rule-exits';
import type { BacktestContext, BacktestIntent, BacktestStrategy } from './strategy';

/** Options of {@link edgeStrategy}. */
export interface EdgeStrategyOptions {
  /** For the report: `name@version` or a description. Default `edge`. */
  label?: string | undefined;
  /** The model: the probability that YES wins on `ticker`, or null for a market it has no view on. */
  probability(ticker: string): Decimal | null;
  /** Smallest edge (probability points, fee included) worth entering. Default 0.05 (`DEFAULT_MIN_EDGE`). */
  minEdge?: Decimal.Value | undefined;
  /** Fixed entry size N in contracts. Absent: fractional Kelly on `bankroll` (see `sizing`). */
  contracts?: Decimal.Value | undefined;
  /** Kelly only: the bankroll sized against, dollars. Default: the backtest's cash at the time. */
  bankroll?: Decimal.Value | undefined;
  /** Kelly only: the sizing limits (`sizePosition`). */
  sizing?: SizingConfig | undefined;
  /** Exit rules evaluated on every version of a held market; null (default) holds to settlement. */
  exits?: ExitConfig | null | undefined;
  /** Trailing stop armed on each new position when `exits` is set; null (default) for none. */
  trailingStop?: TrailingStopConfig | null | undefined;
  /** The series' fee schedule. Default: Kalshi's general table. */
  feeSchedule?: FeeSchedule | undefined;
}

/** No intent: one frozen array, not one per version. */
const NOTHING: readonly BacktestIntent[] = Object.freeze([]);

interface Candidate {
  side: Side;
  ask: Decimal;
  probability: Decimal;
}

function positiveDecimal(value: Decimal.Value, option: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch (cause) {
    throw new BacktestInputError(`${option} must be a decimal number, got ${String(value)}`, option, {
      cause,
    });
  }
  if (!d.isFinite() || d.lte(ZERO))
    throw new BacktestInputError(`${option} must be positive, got ${d}`, option);
  return d;
}

/**
 * The edge rule as a {@link BacktestStrategy}. While a market is `active`, holds no position and
 * has no order waiting, it buys N contracts of the side whose edge — probability of that side −
 * its ask − the taker fee for N contracts at that ask ÷ N — is the larger (YES on a tie), when
 * that edge is at least `minEdge`, with the ask as limit. Compared exactly (no rounding): the
 * test is `(probability − ask − minEdge) × N ≥ fee`.
 */
export function edgeStrategy(options: EdgeStrategyOptions): BacktestStrategy {
  const minEdge = new Decimal(options.minEdge ?? DEFAULT_MIN_EDGE);
  if (!minEdge.isFinite()) throw new BacktestInputError(`minEdge must be a decimal number`, 'minEdge');
  const fixed = options.contracts === undefined ? null : positiveDecimal(options.contracts, 'contracts');
  const bankroll = options.bankroll === undefined ? null : positiveDecimal(options.bankroll, 'bankroll');
  const exits = options.exits == null ? null : ruleExits(options.exits, options.trailingStop ?? null);
  // Prices come from the replay's table of Decimals (one object per price), so the fee of the
  // fixed size N at an ask, and ask + minEdge, are computed once per distinct ask.
  const complements = new Map<Decimal, Decimal>();
  const complementOf = (p: Decimal) => {
    let q = complements.get(p);
    if (q === undefined) {
      if (complements.size >= 100_000) complements.clear();
      q = ONE.minus(p);
      complements.set(p, q);
    }
    return q;
  };
  const perAsk = new Map<Decimal, { fee: Decimal; askPlusMinEdge: Decimal }>();
  const atAsk = (ask: Decimal) => {
    let entry = perAsk.get(ask);
    if (entry === undefined) {
      if (perAsk.size >= 100_000) perAsk.clear();
      entry = { fee: takerFee(ask, fixed ?? 1, options.feeSchedule), askPlusMinEdge: ask.plus(minEdge) };
      perAsk.set(ask, entry);
    }
    return entry;
  };

  const sizeFor = (c: Candidate, context: BacktestContext): Decimal => {
    if (fixed !== null) return fixed;
    const oneLotCost = c.ask.plus(takerFee(c.ask, 1, options.feeSchedule));
    if (oneLotCost.gte(ONE)) return ZERO;
    const sized = sizePosition({
      probability: c.probability,
      cost: oneLotCost,
      bankroll: bankroll ?? context.cash,
      config: options.sizing,
    });
    return sized.contracts;
  };

  /** `(probability − ask) × N − fee(N)`: the edge × N, exactly; null when it misses `minEdge`. */
  const edgeTimesN = (c: Candidate, count: Decimal): Decimal | null => {
    if (fixed !== null) {
      // (p − ask − minEdge) × N ≥ fee(N), with both per-ask terms cached.
      const { fee, askPlusMinEdge } = atAsk(c.ask);
      if (c.probability.minus(askPlusMinEdge).times(count).lt(fee)) return null;
      return c.probability.minus(c.ask).times(count).minus(fee);
    }
    const fee = takerFee(c.ask, count, options.feeSchedule);
    const scaled = c.probability.minus(c.ask).times(count).minus(fee);
    return scaled.gte(minEdge.times(count)) ? scaled : null;
  };

  const enter = (market: ReplayedMarket, context: BacktestContext): readonly BacktestIntent[] => {
    const p = options.probability(market.ticker);
    if (p === null) return NOTHING;
    const candidates: Candidate[] = [];
    if (market.yesAsk?.gt(ZERO) && market.yesAsk.lt(ONE))
      candidates.push({ side: 'yes', ask: market.yesAsk, probability: p });
    if (market.noAsk?.gt(ZERO) && market.noAsk.lt(ONE))
      candidates.push({ side: 'no', ask: market.noAsk, probability: complementOf(p) });
    let best: { c: Candidate; count: Decimal; scaled: Decimal } | null = null;
    for (const c of candidates) {
      const count = sizeFor(c, context);
      if (count.lte(ZERO)) continue;
      const scaled = edgeTimesN(c, count);
      if (scaled === null) continue;
      // Same N on both sides with a fixed size: comparing edge × N compares the edges.
      const better =
        best === null ||
        (fixed !== null ? scaled.gt(best.scaled) : scaled.div(count).gt(best.scaled.div(best.count)));
      if (better) best = { c, count, scaled };
    }
    if (best === null) return NOTHING;
    return [
      {
        action: 'enter',
        ticker: market.ticker,
        side: best.c.side,
        count: best.count,
        limitPrice: best.c.ask,
        reason: `edge ${best.scaled.div(best.count).toSignificantDigits(6).toFixed()} ≥ ${minEdge.toFixed()}`,
        yesProbability: p,
      },
    ];
  };

  return {
    label: options.label ?? 'edge',
    decide(market, context) {
      if (market.status !== 'active' || context.hasPendingOrder(market.ticker)) return NOTHING;
      if (context.position(market.ticker) !== null) {
        return exits === null ? NOTHING : exits(market, snapshotOfVersion(market), context);
      }
      return enter(market, context);
    },
  };
}
