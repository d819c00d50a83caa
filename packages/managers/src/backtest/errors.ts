import { ManagersError } from '../errors';

/** A backtest input that cannot be used: a bad window, option, probabilities file or strategy reference. */
export class BacktestInputError extends ManagersError {
  override readonly name: string = 'BacktestInputError';
  /** The option or input refused (e.g. `from`, `contracts`, `probabilities`). */
  readonly option: string;

  constructor(message: string, option: string, options?: { cause?: unknown }) {
    super(message, options);
    this.option = option;
  }
}

/** A line of a probabilities CSV that is not `ticker,probability` with a probability in [0, 1]. */
export class ProbabilitiesFileError extends BacktestInputError {
  override readonly name: string = 'ProbabilitiesFileError';
  /** 1-based line number of the bad line; 0 when the whole file is at fault. */
  readonly line: number;

  constructor(message: string, line: number, options?: { cause?: unknown }) {
    super(message, 'probabilities', options);
    this.line = line;
  }
}
