import Decimal from 'decimal.js';
import { cancelOrder, positionOf, restingOrders } from './ledger';
import { type ExchangeState, type MarketState, ONE, type SettlementState, ZERO } from './state';

/** Settles a market: pays $1 per winning contract, closes positions, cancels resting orders. */
export function settleMarket(
  state: ExchangeState,
  market: MarketState,
  result: 'yes' | 'no',
  now: number,
): SettlementState {
  for (const order of restingOrders(state, market.ticker)) cancelOrder(state, order, now);
  const position = positionOf(state, market.ticker, now);
  const yesCount = Decimal.max(position.position, 0);
  const noCount = Decimal.max(position.position.neg(), 0);
  const revenue = result === 'yes' ? yesCount : noCount;
  const settlement: SettlementState = {
    seq: state.nextSeq++,
    ticker: market.ticker,
    eventTicker: market.eventTicker,
    result,
    yesCount,
    yesTotalCost: yesCount.gt(0) ? position.exposure : ZERO,
    noCount,
    noTotalCost: noCount.gt(0) ? position.exposure : ZERO,
    revenue,
    feeCost: ZERO,
    settledTime: now,
  };
  state.balance = state.balance.plus(revenue);
  position.realizedPnl = position.realizedPnl.plus(revenue).minus(position.exposure);
  position.position = ZERO;
  position.exposure = ZERO;
  position.lastUpdated = now;
  market.status = 'finalized';
  market.result = result;
  market.settlementTs = now;
  market.updatedTime = now;
  market.bids = [];
  market.asks = [];
  market.openInterest = ZERO;
  market.lastPrice = result === 'yes' ? ONE : ZERO;
  state.settlements.push(settlement);
  return settlement;
}
