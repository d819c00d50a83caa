import type Decimal from 'decimal.js';
import { ONE } from './internal/decimal';
import type { MarketSnapshot, Side } from './types';

/**
 * The executable bid of the side held: what one contract of `side` can be sold for right now
 * (YES bid for YES, NO bid for NO). Every mark, stop and exit in this package uses this price,
 * never the other leg and never a mid.
 */
export function executableBid(snapshot: MarketSnapshot, side: Side): Decimal | null {
  return side === 'yes' ? snapshot.yesBid : snapshot.noBid;
}

/** The executable ask of `side`: what buying one contract of it costs right now (YES ask for YES, NO ask for NO). */
export function executableAsk(snapshot: MarketSnapshot, side: Side): Decimal | null {
  return side === 'yes' ? snapshot.yesAsk : snapshot.noAsk;
}

/** The other side of a binary contract. */
export function oppositeSide(side: Side): Side {
  return side === 'yes' ? 'no' : 'yes';
}

/** Parameters of {@link snapshotFromYesBook}. */
export interface YesBookParams extends Omit<MarketSnapshot, 'noBid' | 'noAsk'> {}

/**
 * Builds a {@link MarketSnapshot} from the YES book alone. On a binary market a NO bid at p is
 * the same resting interest as a YES ask at 1 − p, so `noBid = 1 − yesAsk` and
 * `noAsk = 1 − yesBid` (null where the YES level is null).
 */
export function snapshotFromYesBook(params: YesBookParams): MarketSnapshot {
  return {
    ...params,
    noBid: params.yesAsk === null ? null : ONE.minus(params.yesAsk),
    noAsk: params.yesBid === null ? null : ONE.minus(params.yesBid),
  };
}
