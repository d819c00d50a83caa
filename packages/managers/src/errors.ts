/** The `Symbol.for` marker of {@link ManagersError}: the same symbol in every copy of the package. */
const MANAGERS_ERROR_MARKER = Symbol.for('precog.managers.ManagersError');

/** Base class of every error raised by `@precog/managers`. */
export class ManagersError extends Error {
  /**
   * True when `value` is a `ManagersError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static isInstance(value: unknown): value is ManagersError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MANAGERS_ERROR_MARKER] === true
    );
  }

  override readonly name: string = 'ManagersError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, MANAGERS_ERROR_MARKER, { value: true, enumerable: false });
  }
}

/** A fill that cannot be applied to a position (other market, closed position, sells more than held). */
export class PositionFillError extends ManagersError {
  override readonly name: string = 'PositionFillError';
  /** The exchange fill id that was refused. */
  readonly fillId: string;

  constructor(message: string, fillId: string, options?: { cause?: unknown }) {
    super(message, options);
    this.fillId = fillId;
  }
}

/** A trading parameter outside its allowed range (negative Kelly fraction, zero trail distance, ...). */
export class TradingConfigError extends ManagersError {
  override readonly name: string = 'TradingConfigError';
  /** The option that was refused, as a dotted path (e.g. `trailingStop.distance.value`). */
  readonly option: string;

  constructor(message: string, option: string, options?: { cause?: unknown }) {
    super(message, options);
    this.option = option;
  }
}

/** A settlement that cannot be applied: another market, a position not open, or a result that cannot be valued. */
export class SettlementError extends ManagersError {
  override readonly name: string = 'SettlementError';
  /** The settled market's ticker. */
  readonly ticker: string;

  constructor(message: string, ticker: string, options?: { cause?: unknown }) {
    super(message, options);
    this.ticker = ticker;
  }
}
