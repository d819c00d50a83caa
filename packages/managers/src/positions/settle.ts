// Settlement: a market resolves and every contract still held is paid out (or expires worthless).
import type Decimal from 'decimal.js';
import { SettlementError } from '../errors';
import { ONE, ZERO } from '../internal/decimal';
import type { EpochMs, Side } from '../types';
import { makePosition, type Position } from './position';

/**
 * How a market settled, from Kalshi's settlement record (GET /portfolio/settlements, or the
 * store's `settlements` row): `market_result`, `value` (cents per YES contract) and `fee_cost`.
 */
export interface SettlementOutcome {
  /** Market ticker. */
  ticker: string;
  /** `yes`, `no` or `scalar` (Kalshi's `market_result`). */
  marketResult: string;
  /**
   * What one YES contract paid, dollars 0–1 (Kalshi `value` / 100; the store's
   * `settlementValue`). Required for `scalar`; for `yes`/`no` it defaults to 1/0 and, when
   * given, must agree.
   */
  yesValue?: Decimal | null;
  /** Fee charged at settlement, dollars (Kalshi `fee_cost`). Default 0. */
  fee?: Decimal | null;
  /** When the market settled, epoch ms. */
  settledAt: EpochMs;
}

/** What one contract of `side` pays at this settlement, dollars (a NO contract pays 1 − the YES value). */
export function payoutPerContract(outcome: SettlementOutcome, side: Side): Decimal {
  const result = outcome.marketResult.toLowerCase();
  const given = outcome.yesValue ?? null;
  let yes: Decimal;
  if (result === 'yes' || result === 'no') {
    yes = result === 'yes' ? ONE : ZERO;
    if (given !== null && !given.eq(yes)) {
      throw new SettlementError(
        `settlement of ${outcome.ticker}: result ${result} but a YES contract paid ${given.toString()}`,
        outcome.ticker,
      );
    }
  } else if (result === 'scalar' && given !== null) {
    yes = given;
  } else {
    throw new SettlementError(
      `settlement of ${outcome.ticker}: cannot value result ${JSON.stringify(outcome.marketResult)}${
        given === null ? ' without the value of a YES contract' : ''
      }`,
      outcome.ticker,
    );
  }
  if (yes.lt(ZERO) || yes.gt(ONE)) {
    throw new SettlementError(
      `settlement of ${outcome.ticker}: a YES contract cannot pay ${yes.toString()} (outside [0, 1])`,
      outcome.ticker,
    );
  }
  return side === 'yes' ? yes : ONE.minus(yes);
}

/**
 * Settles an open position: every contract still held is paid `payoutPerContract` (1 for the
 * winning side, 0 for the losing one), which realizes `payout − costBasis`; the settlement fee is
 * added to the fees. The result is `settled`, quantity 0, `realizedPnl` net of every fee paid
 * over the position's life — 10 YES bought at 0.60 (fee 0.17), 4 sold at 0.58 (fee 0.07), settled
 * YES: 2.32 − 0.24 = +2.08. Throws {@link SettlementError} for another market, a position that is
 * not open, or a result it cannot value.
 */
export function settlePosition(position: Position, outcome: SettlementOutcome): Position {
  if (outcome.ticker !== position.ticker) {
    throw new SettlementError(
      `settlement of ${outcome.ticker} cannot settle position ${position.positionKey} on ${position.ticker}`,
      outcome.ticker,
    );
  }
  if (position.status !== 'open') {
    throw new SettlementError(
      `settlement of ${outcome.ticker} cannot settle position ${position.positionKey}: it is ${position.status}`,
      outcome.ticker,
    );
  }
  const fee = outcome.fee ?? ZERO;
  if (fee.isNegative()) {
    throw new SettlementError(
      `settlement of ${outcome.ticker} has a negative fee ${fee.toString()}`,
      outcome.ticker,
    );
  }
  const payout = payoutPerContract(outcome, position.side).times(position.quantity);
  const realizedTradingPnl = position.realizedTradingPnl.plus(payout).minus(position.costBasis);
  const feesPaid = position.feesPaid.plus(fee);
  return makePosition(position, {
    status: 'settled',
    quantity: ZERO,
    costBasis: ZERO,
    realizedTradingPnl,
    feesPaid,
    realizedPnl: realizedTradingPnl.minus(feesPaid),
    updatedAt: outcome.settledAt,
    closedAt: outcome.settledAt,
  });
}
