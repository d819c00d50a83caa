/** Base class of every error thrown by `@precog/elo`. */
export class EloError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
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
