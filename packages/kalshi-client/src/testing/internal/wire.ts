import Decimal from 'decimal.js';
import { cents, fp, isoMicros, isoSeconds, money6, price4 } from './format';
import {
  type EventState,
  type ExchangeState,
  type FillState,
  type MarketState,
  ONE,
  type OrderState,
  type PositionState,
  type SeriesState,
  type SettlementState,
  ZERO,
} from './state';

/** Aggregated book of one market on the YES leg: bids best first, asks best first. */
export function bookOf(
  state: ExchangeState,
  market: MarketState,
): { bids: Map<string, Decimal>; asks: Map<string, Decimal> } {
  const bids = new Map<string, Decimal>();
  const asks = new Map<string, Decimal>();
  const add = (map: Map<string, Decimal>, price: Decimal, size: Decimal) => {
    const key = price4(price);
    map.set(key, (map.get(key) ?? ZERO).plus(size));
  };
  for (const l of market.bids) add(bids, l.price, l.size);
  for (const l of market.asks) add(asks, l.price, l.size);
  for (const o of state.orders) {
    if (o.ticker !== market.ticker || o.status !== 'resting') continue;
    add(o.side === 'bid' ? bids : asks, o.price, o.remainingCount);
  }
  const sorted = (map: Map<string, Decimal>, desc: boolean) =>
    new Map([...map.entries()].sort((a, b) => (desc ? -1 : 1) * new Decimal(a[0]).cmp(new Decimal(b[0]))));
  return { bids: sorted(bids, true), asks: sorted(asks, false) };
}

function best(map: Map<string, Decimal>): [string, Decimal] | undefined {
  return map.entries().next().value;
}

/** A market body, field for field as GET /markets returns it. */
export function marketBody(state: ExchangeState, market: MarketState): Record<string, unknown> {
  const { bids, asks } = bookOf(state, market);
  const bestBid = best(bids);
  const bestAsk = best(asks);
  const yesBid = bestBid ? new Decimal(bestBid[0]) : ZERO;
  const yesAsk = bestAsk ? new Decimal(bestAsk[0]) : ONE;
  const body: Record<string, unknown> = {
    can_close_early: true,
    close_time: isoSeconds(market.closeTime),
    created_time: isoMicros(market.createdTime),
    early_close_condition: 'This market will close and expire after a winner is declared.',
    event_ticker: market.eventTicker,
    expected_expiration_time: isoSeconds(market.expirationTime),
    expiration_time: isoSeconds(market.expirationTime),
    expiration_value: market.result === '' ? '' : market.result,
    fractional_trading_enabled: true,
    last_price_dollars: price4(market.lastPrice),
    latest_expiration_time: isoSeconds(market.expirationTime),
    liquidity_dollars: '0.0000',
    market_type: 'binary',
    no_ask_dollars: price4(ONE.minus(yesBid)),
    no_bid_dollars: price4(ONE.minus(yesAsk)),
    no_sub_title: market.noSubTitle,
    notional_value_dollars: '1.0000',
    occurrence_datetime: isoSeconds(market.expirationTime),
    open_interest_fp: fp(market.openInterest),
    open_time: isoSeconds(market.openTime),
    previous_price_dollars: price4(market.previousPrice),
    previous_yes_ask_dollars: '0.0000',
    previous_yes_bid_dollars: '0.0000',
    price_level_structure: market.priceLevelStructure,
    price_ranges: market.priceRangesWire,
    response_price_units: 'usd_cent',
    result: market.result,
    rules_primary: market.rulesPrimary,
    rules_secondary: '',
    settlement_timer_seconds: 60,
    status: market.status,
    strike_type: 'structured',
    ticker: market.ticker,
    title: market.title,
    updated_time: isoMicros(market.updatedTime),
    volume_24h_fp: fp(market.volume),
    volume_fp: fp(market.volume),
    yes_ask_dollars: price4(yesAsk),
    yes_ask_size_fp: fp(bestAsk?.[1] ?? ZERO),
    yes_bid_dollars: price4(yesBid),
    yes_bid_size_fp: fp(bestBid?.[1] ?? ZERO),
    yes_sub_title: market.yesSubTitle,
  };
  if (market.settlementTs !== undefined) {
    body.settlement_ts = isoMicros(market.settlementTs);
    body.settlement_value_dollars = market.result === 'yes' ? '1.0000' : '0.0000';
  }
  return body;
}

/** The orderbook body: YES bids under `yes_dollars`, NO bids (YES asks seen from the NO leg) under `no_dollars`, best last. */
export function orderbookBody(
  state: ExchangeState,
  market: MarketState,
  depth: number,
): Record<string, unknown> {
  const { bids, asks } = bookOf(state, market);
  const take = <T>(rows: T[]) => (depth > 0 ? rows.slice(0, depth) : rows);
  const yes = take([...bids.entries()]).map(([p, s]) => [p, fp(s)]);
  const no = take([...asks.entries()]).map(([p, s]) => [price4(ONE.minus(p)), fp(s)]);
  return { orderbook_fp: { no_dollars: no.reverse(), yes_dollars: yes.reverse() } };
}

export function seriesBody(series: SeriesState): Record<string, unknown> {
  return {
    additional_prohibitions: [],
    categories: [series.category],
    category: series.category,
    contract_terms_url: `https://kalshi.com/docs/${series.ticker.toLowerCase()}-terms.pdf`,
    contract_url: `https://kalshi.com/docs/${series.ticker.toLowerCase()}.pdf`,
    fee_multiplier: series.feeMultiplier,
    fee_type: series.feeType,
    frequency: series.frequency,
    settlement_sources: [],
    tags: series.tags,
    ticker: series.ticker,
    title: series.title,
  };
}

export function eventBody(event: EventState, markets?: Record<string, unknown>[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    category: event.category,
    collateral_return_type: 'binary',
    event_ticker: event.eventTicker,
    mutually_exclusive: event.mutuallyExclusive,
    series_ticker: event.seriesTicker,
    settlement_sources: [],
    sub_title: event.subTitle,
    title: event.title,
  };
  if (event.strikeDate !== undefined) body.strike_date = isoSeconds(event.strikeDate);
  if (markets) body.markets = markets;
  return body;
}

/** An order body as GET /portfolio/orders returns it (prices on the YES leg, 4 decimals; money 6). */
export function orderBody(state: ExchangeState, order: OrderState): Record<string, unknown> {
  const yes = order.side === 'bid';
  const body: Record<string, unknown> = {
    action: yes ? 'buy' : 'sell',
    book_side: order.side,
    client_order_id: order.clientOrderId,
    created_time: isoMicros(order.createdTime),
    fill_count_fp: fp(order.fillCount),
    initial_count_fp: fp(order.initialCount),
    last_update_time: isoMicros(order.lastUpdateTime),
    maker_fees_dollars: money6(order.makerFees),
    maker_fill_cost_dollars: money6(order.makerFillCost),
    no_price_dollars: price4(ONE.minus(order.price)),
    order_id: order.orderId,
    outcome_side: yes ? 'yes' : 'no',
    remaining_count_fp: fp(order.remainingCount),
    self_trade_prevention_type: order.selfTradePrevention,
    side: 'yes',
    status: order.status,
    subaccount_number: 0,
    taker_fees_dollars: money6(order.takerFees),
    taker_fill_cost_dollars: money6(order.takerFillCost),
    ticker: order.ticker,
    type: 'limit',
    user_id: state.userId,
    yes_price_dollars: price4(order.price),
  };
  if (order.expirationTime !== undefined) body.expiration_time = isoSeconds(order.expirationTime * 1000);
  if (order.orderGroupId !== undefined) body.order_group_id = order.orderGroupId;
  return body;
}

export function fillBody(fill: FillState): Record<string, unknown> {
  const yes = fill.side === 'bid';
  return {
    action: yes ? 'buy' : 'sell',
    book_side: fill.side,
    count_fp: fp(fill.count),
    created_time: isoMicros(fill.time),
    exchange_index: 0,
    fee_cost: money6(fill.fee),
    fill_id: fill.fillId,
    is_taker: fill.isTaker,
    market_ticker: fill.ticker,
    no_price_dollars: price4(ONE.minus(fill.price)),
    order_id: fill.orderId,
    outcome_side: yes ? 'yes' : 'no',
    side: 'yes',
    subaccount_number: 0,
    ticker: fill.ticker,
    trade_id: fill.fillId,
    ts: Math.floor(fill.time / 1000),
    yes_price_dollars: price4(fill.price),
  };
}

export function marketPositionBody(state: ExchangeState, position: PositionState): Record<string, unknown> {
  const resting = state.orders.filter((o) => o.ticker === position.ticker && o.status === 'resting').length;
  return {
    exchange_index: 0,
    fees_paid_dollars: money6(position.feesPaid),
    last_updated_ts: isoMicros(position.lastUpdated),
    market_exposure_dollars: money6(position.exposure),
    position_fp: fp(position.position),
    realized_pnl_dollars: money6(position.realizedPnl),
    resting_orders_count: resting,
    ticker: position.ticker,
    total_traded_dollars: money6(position.totalTraded),
  };
}

export function eventPositionBodies(
  state: ExchangeState,
  positions: PositionState[],
): Record<string, unknown>[] {
  const byEvent = new Map<string, { cost: Decimal; shares: Decimal; pnl: Decimal; fees: Decimal }>();
  for (const p of positions) {
    const event =
      state.markets.get(p.ticker)?.eventTicker ?? p.ticker.slice(0, Math.max(0, p.ticker.lastIndexOf('-')));
    const agg = byEvent.get(event) ?? { cost: ZERO, shares: ZERO, pnl: ZERO, fees: ZERO };
    agg.cost = agg.cost.plus(p.exposure);
    agg.shares = agg.shares.plus(p.position.abs());
    agg.pnl = agg.pnl.plus(p.realizedPnl);
    agg.fees = agg.fees.plus(p.feesPaid);
    byEvent.set(event, agg);
  }
  return [...byEvent.entries()].map(([event, agg]) => ({
    event_exposure_dollars: money6(agg.cost),
    event_ticker: event,
    fees_paid_dollars: money6(agg.fees),
    realized_pnl_dollars: money6(agg.pnl),
    total_cost_dollars: money6(agg.cost),
    total_cost_shares_fp: fp(agg.shares),
  }));
}

export function settlementBody(s: SettlementState): Record<string, unknown> {
  return {
    event_ticker: s.eventTicker,
    exchange_index: 0,
    fee_cost: money6(s.feeCost),
    market_result: s.result,
    no_count_fp: fp(s.noCount),
    no_total_cost_dollars: money6(s.noTotalCost),
    revenue: cents(s.revenue),
    settled_time: isoMicros(s.settledTime),
    ticker: s.ticker,
    value: s.result === 'yes' ? 100 : 0,
    yes_count_fp: fp(s.yesCount),
    yes_total_cost_dollars: money6(s.yesTotalCost),
  };
}

/** Market value of the open positions: each held contract at its side's best bid. */
export function portfolioValue(state: ExchangeState): Decimal {
  let value = ZERO;
  for (const p of state.positions.values()) {
    const market = state.markets.get(p.ticker);
    if (!market || p.position.isZero()) continue;
    const { bids, asks } = bookOf(state, market);
    const bid = p.position.gt(0)
      ? new Decimal(best(bids)?.[0] ?? 0)
      : ONE.minus(new Decimal(best(asks)?.[0] ?? 1));
    value = value.plus(p.position.abs().times(bid));
  }
  return value;
}

export function balanceBody(state: ExchangeState, now: number): Record<string, unknown> {
  const balance = state.balance.toDecimalPlaces(4, Decimal.ROUND_DOWN);
  return {
    balance: cents(balance),
    balance_breakdown: [{ balance: balance.toFixed(4), exchange_index: 0 }],
    balance_dollars: balance.toFixed(4),
    portfolio_value: cents(portfolioValue(state)),
    updated_ts: Math.floor(now / 1000),
  };
}
