import { type FeeRounding, tradingFee } from '../../trading-rules/fees';
import type { FakeFillInput, FakePositionInput, FakeSettlementInput } from '../types';
import { dec } from './format';
import { positionOf, sidePrice } from './ledger';
import { type ExchangeState, feeScheduleOf, makeId, toMs, ZERO } from './state';

/** Seeds a starting position. */
export function seedPosition(state: ExchangeState, input: FakePositionInput, now: number): void {
  const position = positionOf(state, input.ticker, now);
  position.position = dec(input.position);
  const market = state.markets.get(input.ticker);
  let exposure = ZERO;
  if (input.marketExposure !== undefined) exposure = dec(input.marketExposure);
  else if (market) {
    const side = position.position.gte(0) ? 'bid' : 'ask';
    const touch = side === 'bid' ? market.asks[0]?.price : market.bids[0]?.price;
    exposure = touch ? position.position.abs().times(sidePrice(side, touch)) : ZERO;
  }
  position.exposure = exposure;
  position.realizedPnl = dec(input.realizedPnl ?? 0);
  position.feesPaid = dec(input.feesPaid ?? 0);
  position.totalTraded = dec(input.totalTraded ?? exposure);
}

/** Seeds a historical fill (history only: positions and balance are left alone). */
export function seedFill(
  state: ExchangeState,
  input: FakeFillInput,
  rounding: FeeRounding,
  now: number,
): void {
  const price = dec(input.price);
  const count = dec(input.count);
  const isTaker = input.isTaker ?? true;
  const market = state.markets.get(input.ticker);
  const schedule = market ? feeScheduleOf(state, market) : {};
  state.fills.push({
    seq: state.nextSeq++,
    fillId: input.fillId ?? makeId('fill', ++state.ids.fill),
    orderId: input.orderId ?? makeId('order', ++state.ids.order),
    ticker: input.ticker,
    side: input.side,
    count,
    price,
    isTaker,
    fee:
      input.fee !== undefined
        ? dec(input.fee)
        : tradingFee({ ...schedule, price, count, role: isTaker ? 'taker' : 'maker', rounding }),
    time: toMs(input.time, now),
  });
}

/** Seeds a historical settlement. */
export function seedSettlement(state: ExchangeState, input: FakeSettlementInput, now: number): void {
  const yesCount = dec(input.yesCount ?? 0);
  const noCount = dec(input.noCount ?? 0);
  const market = state.markets.get(input.ticker);
  state.settlements.push({
    seq: state.nextSeq++,
    ticker: input.ticker,
    eventTicker:
      input.eventTicker ?? market?.eventTicker ?? input.ticker.slice(0, input.ticker.lastIndexOf('-')),
    result: input.result,
    yesCount,
    yesTotalCost: dec(input.yesTotalCost ?? 0),
    noCount,
    noTotalCost: dec(input.noTotalCost ?? 0),
    revenue: input.result === 'yes' ? yesCount : noCount,
    feeCost: dec(input.feeCost ?? 0),
    settledTime: toMs(input.settledTime, now),
  });
}
