// Replaying a games file through the rating book (`precog elo replay`) and writing the result.
import { type EloParams, elo538, type GameRecord, nfl, RatingBook, UnknownTeamError } from '@precog/elo';
import { UsageError } from '../../cli/exit-codes';
import {
  type GameRow,
  type GamesFile,
  InputFileError,
  readGamesFile,
  readInitialRatingsFile,
} from './games-file';

/** The columns `replay` writes (replacing input columns of the same name). */
export const OUTPUT_COLUMNS = ['elo1_pre', 'elo2_pre', 'elo_prob1', 'elo1_post', 'elo2_post'] as const;

const PRESETS: Record<string, Readonly<EloParams>> = { '538': elo538, nfl };

/** Options shared by `replay` and `evaluate`. */
export interface EloRunOptions {
  games: string;
  initial?: string;
  preset?: string;
  /** Rating of a team with no initial rating; without it such a team is an error when `initial` is given. */
  defaultRating?: string;
}

/** One game row with what the rating book made of it (`record` absent for an unplayed game). */
export interface RatedRow {
  row: GameRow;
  homeRatingBefore: number;
  awayRatingBefore: number;
  probability: number;
  record?: GameRecord;
}

function paramsFor(options: EloRunOptions): Partial<EloParams> {
  const preset = PRESETS[options.preset ?? 'nfl'];
  if (preset === undefined)
    throw new UsageError(`--preset: unknown preset '${options.preset}' (use 538 or nfl)`);
  const params: Partial<EloParams> = { ...preset };
  if (options.initial !== undefined) {
    params.initialRatings = readInitialRatingsFile(options.initial);
    params.unseenTeam = 'error';
  }
  if (options.defaultRating !== undefined) {
    const rating = Number(options.defaultRating);
    if (options.defaultRating.trim() === '' || !Number.isFinite(rating)) {
      throw new UsageError(`--default-rating: '${options.defaultRating}' is not a number`);
    }
    params.unseenTeam = { rating };
  }
  return params;
}

/** Replays every row of a games file, in file order. */
export function rateGamesFile(options: EloRunOptions): { games: GamesFile; rated: RatedRow[] } {
  const params = paramsFor(options);
  const games = readGamesFile(options.games);
  const book = new RatingBook(params);
  const rated = games.rows.map((row): RatedRow => {
    try {
      if (row.unplayed) {
        return {
          row,
          homeRatingBefore: book.ratingFor(row.game.home, row.game.season),
          awayRatingBefore: book.ratingFor(row.game.away, row.game.season),
          probability: book.predict(row.game),
        };
      }
      const record = book.apply(row.game);
      return {
        row,
        homeRatingBefore: record.homeRatingBefore,
        awayRatingBefore: record.awayRatingBefore,
        probability: record.probability,
        record,
      };
    } catch (error) {
      const problem =
        error instanceof UnknownTeamError
          ? `unknown team '${error.team}': not in ${options.initial ?? 'the initial ratings'} and no --default-rating`
          : (error as Error).message;
      throw new InputFileError(options.games, row.line, problem, { cause: error });
    }
  });
  return { games, rated };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The output table of `replay`: input columns (ours replacing same-named ones) plus ours. */
export function replayCsv(games: GamesFile, rated: readonly RatedRow[]): string {
  const columns = [...games.columns];
  for (const name of OUTPUT_COLUMNS) if (!columns.includes(name)) columns.push(name);
  const lines = [columns.map(csvCell).join(',')];
  for (const { row, homeRatingBefore, awayRatingBefore, probability, record } of rated) {
    // String(number) is the shortest text that reads back as the same float: full precision.
    const ours: Record<string, string> = {
      elo1_pre: String(homeRatingBefore),
      elo2_pre: String(awayRatingBefore),
      elo_prob1: String(probability),
      elo1_post: record === undefined ? '' : String(record.homeRatingAfter),
      elo2_post: record === undefined ? '' : String(record.awayRatingAfter),
    };
    const cells = columns.map(
      (name, i) => ours[name] ?? (i < games.columns.length ? (row.cells[i] ?? '') : ''),
    );
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
