/** The `Symbol.for` marker of {@link EloError}: the same symbol in every copy of the package. */
const ELO_ERROR_MARKER = Symbol.for('precog.elo.EloError');

/** Base class of every error thrown by `@precog/elo`. */
export class EloError extends Error {
  /**
   * True when `value` is a `EloError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static isInstance(value: unknown): value is EloError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[ELO_ERROR_MARKER] === true
    );
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, ELO_ERROR_MARKER, { value: true, enumerable: false });
    this.name = 'EloError';
  }
}

/**
 * A game names a team that has no rating yet while the rating book's `unseenTeam` policy is
 * `'error'`.
 */
export class UnknownTeamError extends EloError {
  /** The team code that has no rating. */
  readonly team: string;
  /** The season of the game that named it. */
  readonly season: number;

  constructor(team: string, season: number, options?: { cause?: unknown }) {
    super(`unknown team '${team}' in season ${season}: no initial rating and unseenTeam is 'error'`, options);
    this.name = 'UnknownTeamError';
    this.team = team;
    this.season = season;
  }
}

/** A game the rating math cannot use (non-finite score, a season going backwards…). */
export class InvalidGameError extends EloError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidGameError';
  }
}

/** A model parameter out of range (non-finite K, a regression fraction outside [0, 1]…). */
export class InvalidParameterError extends EloError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidParameterError';
  }
}

/** A cell of a FiveThirtyEight games file that does not read as what its column holds. */
export class Invalid538RowError extends InvalidGameError {
  /** The 538 column name (`season`, `neutral`, `team1`, `score2`…). */
  readonly column: string;
  /** The cell as found (untrimmed). */
  readonly value: string;

  /** `message` reads like `season '19x0' is not a whole number`. */
  constructor(column: string, value: string, message: string) {
    super(message);
    this.name = 'Invalid538RowError';
    this.column = column;
    this.value = value;
  }
}
