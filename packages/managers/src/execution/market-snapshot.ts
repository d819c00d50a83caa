import { type Market, parsePriceRanges } from '@precog/kalshi-client';
import type Decimal from 'decimal.js';
import type { EpochMs, MarketSnapshot } from '../types';

const bidOrNull = (d: Decimal | undefined) => (d === undefined || d.lte(0) ? null : d);
const askOrNull = (d: Decimal | undefined) => (d === undefined || d.lte(0) || d.gte(1) ? null : d);

/**
 * A {@link MarketSnapshot} from a market as the Kalshi API returns it. A bid of 0 (nobody bids)
 * and an ask of 0 or 1 (nobody offers) become null; the grid comes from `price_ranges`; the
 * status is the market's. `observedAt` is when the response was received (epoch ms): pass the
 * time you read the market at (default: now, for a market fetched just before the call).
 */
export function snapshotFromMarket(market: Market, observedAt: EpochMs = Date.now()): MarketSnapshot {
  return {
    ticker: market.ticker,
    yesBid: bidOrNull(market.yes_bid_dollars),
    yesAsk: askOrNull(market.yes_ask_dollars),
    noBid: bidOrNull(market.no_bid_dollars),
    noAsk: askOrNull(market.no_ask_dollars),
    volume: market.volume_fp ?? null,
    closeTime: market.close_time?.getTime() ?? null,
    priceRanges: parsePriceRanges(market.price_ranges),
    observedAt,
    status: market.status,
  };
}
