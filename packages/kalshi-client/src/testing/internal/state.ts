import Decimal from 'decimal.js';
import { type FeeSchedule, feeScheduleForSeries, rawTradingFee } from '../../trading-rules/fees';
import { type PriceRange, parsePriceRanges } from '../../trading-rules/prices';
import type {
  FakeEventInput,
  FakeExchangeOptions,
  FakeMarketInput,
  FakeMarketStatus,
  FakeSeriesInput,
} from '../types';
import { dec } from './format';

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Resting liquidity offered by the fake's own market maker at one price. */
export interface Level {
  price: Decimal;
  size: Decimal;
}

export interface MarketState {
  seq: number;
  ticker: string;
  eventTicker: string;
  seriesTicker: string;
  title: string;
  yesSubTitle: string;
  noSubTitle: string;
  status: FakeMarketStatus;
  priceRanges: readonly PriceRange[];
  priceRangesWire: Array<{ start: string; end: string; step: string }>;
  priceLevelStructure: string;
  createdTime: number;
  openTime: number;
  closeTime: number;
  expirationTime: number;
  updatedTime: number;
  result: 'yes' | 'no' | '';
  rulesPrimary: string;
  settlementTs?: number;
  /** House YES bids, best (highest) first. */
  bids: Level[];
  /** House YES asks, best (lowest) first. */
  asks: Level[];
  lastPrice: Decimal;
  previousPrice: Decimal;
  volume: Decimal;
  openInterest: Decimal;
}

export interface SeriesState {
  seq: number;
  ticker: string;
  title: string;
  category: string;
  tags: string[];
  feeType: 'quadratic' | 'quadratic_with_maker_fees' | 'flat';
  feeMultiplier: number;
  frequency: string;
}

export interface EventState {
  seq: number;
  eventTicker: string;
  seriesTicker: string;
  title: string;
  subTitle: string;
  category: string;
  mutuallyExclusive: boolean;
  strikeDate?: number;
}

export type OrderStatus = 'resting' | 'canceled' | 'executed';
export type TimeInForce = 'good_till_canceled' | 'immediate_or_cancel' | 'fill_or_kill';

export interface OrderState {
  seq: number;
  orderId: string;
  clientOrderId: string;
  ticker: string;
  side: 'bid' | 'ask';
  /** Limit price on the YES leg. */
  price: Decimal;
  initialCount: Decimal;
  fillCount: Decimal;
  remainingCount: Decimal;
  status: OrderStatus;
  timeInForce: TimeInForce;
  postOnly: boolean;
  reduceOnly: boolean;
  selfTradePrevention: 'taker_at_cross' | 'maker';
  expirationTime?: number;
  createdTime: number;
  lastUpdateTime: number;
  takerFillCost: Decimal;
  makerFillCost: Decimal;
  takerFees: Decimal;
  makerFees: Decimal;
  /** Exact fees accrued by all fills of this order, before rounding. */
  feeAccrued: Decimal;
  /** Fees charged so far (the rounded accrual). */
  feeCharged: Decimal;
  /** Cash held back for the resting remainder. */
  reserved: Decimal;
  /** The order group the order was placed in (`order_group_id`), if any. */
  orderGroupId?: string;
}

export interface FillState {
  seq: number;
  fillId: string;
  orderId: string;
  ticker: string;
  side: 'bid' | 'ask';
  count: Decimal;
  /** YES price. */
  price: Decimal;
  isTaker: boolean;
  fee: Decimal;
  time: number;
}

export interface PositionState {
  seq: number;
  ticker: string;
  /** Signed: positive YES, negative NO. */
  position: Decimal;
  /** Cost basis of the contracts held. */
  exposure: Decimal;
  realizedPnl: Decimal;
  feesPaid: Decimal;
  totalTraded: Decimal;
  lastUpdated: number;
}

export interface SettlementState {
  seq: number;
  ticker: string;
  eventTicker: string;
  result: 'yes' | 'no';
  yesCount: Decimal;
  yesTotalCost: Decimal;
  noCount: Decimal;
  noTotalCost: Decimal;
  revenue: Decimal;
  feeCost: Decimal;
  settledTime: number;
}

/** Everything the fake exchange knows; mutated in place by the engine. */
export interface ExchangeState {
  markets: Map<string, MarketState>;
  series: Map<string, SeriesState>;
  events: Map<string, EventState>;
  orders: OrderState[];
  ordersById: Map<string, OrderState>;
  clientOrderIds: Set<string>;
  fills: FillState[];
  positions: Map<string, PositionState>;
  settlements: SettlementState[];
  balance: Decimal;
  exchangeActive: boolean;
  tradingActive: boolean;
  userId: string;
  nextSeq: number;
  ids: { order: number; fill: number };
}

export function toMs(value: number | Date | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return value instanceof Date ? value.getTime() : value;
}

export function seriesOf(eventTicker: string): string {
  const dash = eventTicker.indexOf('-');
  return dash === -1 ? eventTicker : eventTicker.slice(0, dash);
}

const DAY = 86_400_000;

/** House levels: the best price and `extra` more, one tick apart, away from the touch. */
export function buildLevels(
  best: Decimal.Value | null | undefined,
  size: Decimal.Value | undefined,
  extra: number,
  direction: 1 | -1,
  ranges: readonly PriceRange[],
): Level[] {
  if (best === undefined || best === null) return [];
  const levels: Level[] = [];
  let price = dec(best);
  const levelSize = dec(size ?? 100);
  for (let i = 0; i <= extra; i++) {
    if (price.lte(0) || price.gte(1)) break;
    levels.push({ price, size: levelSize });
    const range = ranges.find((r) => price.gte(r.start) && price.lte(r.end));
    price = price.plus(range ? range.step.times(direction) : new Decimal('0.01').times(direction));
  }
  return levels;
}

export function newMarket(input: FakeMarketInput, seq: number, now: number): MarketState {
  const priceRangesWire = (input.priceRanges ?? [{ start: '0.0000', end: '1.0000', step: '0.0100' }]).map(
    (r) => ({
      start: dec(r.start).toFixed(4),
      end: dec(r.end).toFixed(4),
      step: dec(r.step).toFixed(4),
    }),
  );
  const priceRanges = parsePriceRanges(priceRangesWire);
  const closeTime = toMs(input.closeTime, now + 7 * DAY);
  const bids = buildLevels(input.yesBid, input.yesBidSize, input.extraLevels ?? 0, -1, priceRanges);
  const asks = buildLevels(input.yesAsk, input.yesAskSize, input.extraLevels ?? 0, 1, priceRanges);
  const mid =
    input.yesBid != null && input.yesAsk != null ? dec(input.yesBid).plus(dec(input.yesAsk)).div(2) : ZERO;
  const sub = input.ticker.slice(input.ticker.lastIndexOf('-') + 1);
  return {
    seq,
    ticker: input.ticker,
    eventTicker: input.eventTicker,
    seriesTicker: input.seriesTicker ?? seriesOf(input.eventTicker),
    title: input.title ?? input.ticker,
    yesSubTitle: input.yesSubTitle ?? sub,
    noSubTitle: input.noSubTitle ?? input.yesSubTitle ?? sub,
    status: input.status ?? 'active',
    priceRanges,
    priceRangesWire,
    priceLevelStructure: input.priceLevelStructure ?? 'linear_cent',
    createdTime: now - DAY,
    openTime: toMs(input.openTime, now - DAY),
    closeTime,
    expirationTime: toMs(input.expirationTime, closeTime),
    updatedTime: now - DAY,
    result: input.result ?? '',
    rulesPrimary: input.rulesPrimary ?? `If ${input.yesSubTitle ?? sub} wins, the market resolves to Yes.`,
    bids,
    asks,
    lastPrice: input.lastPrice != null ? dec(input.lastPrice) : mid.toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    previousPrice: ZERO,
    volume: dec(input.volume ?? 0),
    openInterest: dec(input.openInterest ?? 0),
  };
}

export function newSeries(input: FakeSeriesInput, seq: number): SeriesState {
  return {
    seq,
    ticker: input.ticker,
    title: input.title ?? input.ticker,
    category: input.category ?? 'Sports',
    tags: input.tags ?? [],
    feeType: input.feeType ?? 'quadratic',
    feeMultiplier: input.feeMultiplier ?? 1,
    frequency: input.frequency ?? 'custom',
  };
}

export function newEvent(input: FakeEventInput, seq: number): EventState {
  const event: EventState = {
    seq,
    eventTicker: input.eventTicker,
    seriesTicker: input.seriesTicker ?? seriesOf(input.eventTicker),
    title: input.title ?? input.eventTicker,
    subTitle: input.subTitle ?? '',
    category: input.category ?? 'Sports',
    mutuallyExclusive: input.mutuallyExclusive ?? true,
  };
  if (input.strikeDate !== undefined) event.strikeDate = toMs(input.strikeDate, 0);
  return event;
}

/** The fee schedule of a market's series. */
export function feeScheduleOf(state: ExchangeState, market: MarketState): FeeSchedule {
  const series = state.series.get(market.seriesTicker);
  return feeScheduleForSeries({
    fee_type: series?.feeType ?? 'quadratic',
    fee_multiplier: series?.feeMultiplier ?? 1,
  });
}

/** A deterministic UUID-shaped id: `kind` picks the third group so order and fill ids never collide. */
export function makeId(kind: 'order' | 'fill', n: number): string {
  const group = kind === 'order' ? '4000' : '4f11';
  return `00000000-0000-${group}-8000-${n.toString(16).padStart(12, '0')}`;
}

export function createState(options: FakeExchangeOptions, now: number): ExchangeState {
  const state: ExchangeState = {
    markets: new Map(),
    series: new Map(),
    events: new Map(),
    orders: [],
    ordersById: new Map(),
    clientOrderIds: new Set(),
    fills: [],
    positions: new Map(),
    settlements: [],
    balance: dec(options.balance ?? 1000),
    exchangeActive: true,
    tradingActive: true,
    userId: options.userId ?? 'f0000000-0000-4000-8000-00000000fa6e',
    nextSeq: 1,
    ids: { order: 0, fill: 0 },
  };
  for (const s of options.series ?? []) state.series.set(s.ticker, newSeries(s, state.nextSeq++));
  for (const e of options.events ?? []) state.events.set(e.eventTicker, newEvent(e, state.nextSeq++));
  for (const m of options.markets ?? []) addMarket(state, m, now);
  return state;
}

export function addMarket(state: ExchangeState, input: FakeMarketInput, now: number): MarketState {
  const market = newMarket(input, state.nextSeq++, now);
  state.markets.set(market.ticker, market);
  if (!state.series.has(market.seriesTicker)) {
    state.series.set(market.seriesTicker, newSeries({ ticker: market.seriesTicker }, state.nextSeq++));
  }
  if (!state.events.has(market.eventTicker)) {
    state.events.set(
      market.eventTicker,
      newEvent({ eventTicker: market.eventTicker, seriesTicker: market.seriesTicker }, state.nextSeq++),
    );
  }
  return market;
}

/** The exact fee of one fill (before the per-order rounding). */
export function rawFee(
  state: ExchangeState,
  market: MarketState,
  price: Decimal,
  count: Decimal,
  role: 'taker' | 'maker',
): Decimal {
  return rawTradingFee({ ...feeScheduleOf(state, market), price, count, role });
}
