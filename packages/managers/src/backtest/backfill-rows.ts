// Candles of either side of Kalshi's historical cutoff as market versions. Live candles
// (`GET /series/{s}/markets/{t}/candlesticks`) name their fields `close_dollars` / `volume_fp`;
// archived ones (`GET /historical/markets/{t}/candlesticks`) `close` / `volume`: both become one
// shape, then one version per candle at its period end.
import type { Candlestick, HistoricalCandlestick, Market } from '@precog/kalshi-client';
import type { MarketInput } from '@precog/scd2-store';
import Decimal from 'decimal.js';

/** One candle, whichever endpoint it came from. */
export interface CandleClose {
  end: Date;
  yesBid: Decimal | null;
  yesAsk: Decimal | null;
  lastPrice: Decimal | null;
  volume: Decimal | null;
  openInterest: Decimal | null;
}

/** A live candle's closes. */
export function liveCandle(c: Candlestick): CandleClose {
  return {
    end: c.end_period_ts,
    yesBid: c.yes_bid?.close_dollars ?? null,
    yesAsk: c.yes_ask?.close_dollars ?? null,
    lastPrice: c.price?.close_dollars ?? null,
    volume: c.volume_fp ?? null,
    openInterest: c.open_interest_fp ?? null,
  };
}

/** An archived candle's closes. */
export function historicalCandle(c: HistoricalCandlestick): CandleClose {
  return {
    end: c.end_period_ts,
    yesBid: c.yes_bid?.close ?? null,
    yesAsk: c.yes_ask?.close ?? null,
    lastPrice: c.price?.close ?? null,
    volume: c.volume ?? null,
    openInterest: c.open_interest ?? null,
  };
}

const ONE = new Decimal(1);
const mirror = (p: Decimal | null) => (p === null ? null : ONE.minus(p));

/**
 * One version per candle at its period end: the YES bid/ask closes (the NO book mirrored:
 * no bid = 1 − yes ask, no ask = 1 − yes bid), the last trade, volume and open interest, status
 * `active`, no result yet.
 */
export function candleRows(
  market: Market,
  candles: readonly CandleClose[],
  platformId: string,
): [number, MarketInput][] {
  return candles.map((c) => [
    c.end.getTime(),
    {
      platformId,
      ticker: market.ticker,
      eventTicker: market.event_ticker,
      title: market.title ?? null,
      status: 'active',
      yesBid: c.yesBid,
      yesAsk: c.yesAsk,
      noBid: mirror(c.yesAsk),
      noAsk: mirror(c.yesBid),
      lastPrice: c.lastPrice,
      volume: c.volume,
      openInterest: c.openInterest,
      result: '',
    },
  ]);
}
