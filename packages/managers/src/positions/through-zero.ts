// Fills that cross zero, and a market's whole fill history as positions.
import Decimal from 'decimal.js';
import {
  applyFill,
  asHeldSide,
  checkFill,
  type Fill,
  openPosition,
  type Position,
  type PositionScope,
} from './position';

/**
 * Builds positions from a market's fills in exchange order: a new position each time one opens
 * from zero, and two when a fill crosses zero (the held side closes, the rest opens the other).
 */
export function positionsFromFills(fills: readonly Fill[], scope: PositionScope = {}): Position[] {
  const positions: Position[] = [];
  let current: Position | null = null;
  const put = (p: Position) => {
    if (positions.at(-1)?.positionKey === p.positionKey) positions[positions.length - 1] = p;
    else positions.push(p);
  };
  for (const fill of fills) {
    if (current === null || current.status !== 'open') {
      current = openPosition(fill, scope);
    } else {
      const step = applyFillThroughZero(current, fill, scope);
      if (step.opened !== null) put(step.position);
      current = step.opened ?? step.position;
    }
    put(current);
  }
  return positions;
}

/** What {@link applyFillThroughZero} did. */
export interface ThroughZeroResult {
  /** The position after the fill (closed when the fill took it to or through zero). */
  position: Position;
  /** The position of the other side opened by the rest of a fill that crossed zero, else null. */
  opened: Position | null;
}

/**
 * Applies a fill that may take the position through zero. Holding 5 YES and buying 8 NO (or
 * selling 8 YES) is, on the exchange's netted book, selling the 5 YES and holding 3 NO: the
 * first 5 contracts close this position, the other 3 open a NO position at the same price (its
 * key is derived from the same fill). The fill's fee is shared by count, the closing part's
 * share rounded half-even to $0.0001 and the opening part taking the rest, so the two fees add
 * up to the fee charged. A fill that does not cross zero is {@link applyFill}.
 */
export function applyFillThroughZero(
  position: Position,
  fill: Fill,
  scope: PositionScope = { platform: position.platform, subaccount: position.subaccount },
): ThroughZeroResult {
  checkFill(fill);
  const { action } = asHeldSide(fill, position.side);
  if (position.status !== 'open' || action === 'buy' || !fill.count.gt(position.quantity)) {
    return { position: applyFill(position, fill), opened: null };
  }
  const closingCount = position.quantity;
  const closingFee = fill.fee.times(closingCount).div(fill.count).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
  const closed = applyFill(position, { ...fill, count: closingCount, fee: closingFee });
  const opened = openPosition(
    { ...fill, count: fill.count.minus(closingCount), fee: fill.fee.minus(closingFee) },
    scope,
  );
  return { position: closed, opened };
}
