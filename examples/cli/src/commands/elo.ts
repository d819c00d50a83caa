// `precog elo replay` and `precog elo evaluate`: 538-format game files in, ratings and scores
// out. File reading and CSV live here; the rating math is @precog/elo (pure, no I/O).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  calibrationSvg,
  type EloGame,
  type EloParams,
  type EvaluationResult,
  elo538,
  evaluateForecasts,
  type Forecast,
  type GameRecord,
  nfl,
  RatingBook,
  UnknownTeamError,
} from '@precog/elo';
import { type Command, Option } from 'commander';
import { parse } from 'csv-parse/sync';
import { userCwd } from '../cli/context';
import { UsageError } from '../cli/exit-codes';
import { globalOptionsOf } from '../cli/global-options';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';

/**
 * An input file the command cannot use: names the file, the line (when known) and the problem.
 * A {@link UsageError}, so the CLI exits with code 2 (the shared plumbing has no separate
 * "bad input data" category; a bad file is a bad argument).
 */
export class InputFileError extends UsageError {
  override name = 'InputFileError';
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, options?: { cause?: unknown }) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`, options);
    this.file = file;
    this.line = line;
  }
}

/** The columns a games file must have (538's names). */
export const GAME_COLUMNS = [
  'date',
  'season',
  'neutral',
  'playoff',
  'team1',
  'team2',
  'score1',
  'score2',
] as const;

/** The columns `replay` writes (replacing input columns of the same name). */
export const OUTPUT_COLUMNS = ['elo1_pre', 'elo2_pre', 'elo_prob1', 'elo1_post', 'elo2_post'] as const;

/** One row of a games file: the game for the rating book plus the raw cells to carry through. */
export interface GameRow {
  /** 1-based line number in the file. */
  line: number;
  cells: string[];
  /** The fixture; `homeScore`/`awayScore` are NaN when the game has no score yet. */
  game: EloGame;
  /** Both scores are blank: a game not played yet (predicted, not rated). */
  unplayed: boolean;
}

/** A parsed games file. */
export interface GamesFile {
  /** The path as the user gave it (used in messages). */
  file: string;
  columns: string[];
  rows: GameRow[];
}

const PRESETS: Record<string, Readonly<EloParams>> = { '538': elo538, nfl };

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readCsv(file: string): CsvRecord[] {
  let text: string;
  try {
    text = readFileSync(resolve(userCwd(), file), 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot read the file';
    throw new InputFileError(file, undefined, reason, { cause: error });
  }
  try {
    return parse(text, { info: true, bom: true, skip_empty_lines: true }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputFileError(file, line, `not valid CSV: ${(error as Error).message}`, { cause: error });
  }
}

function columnIndex(file: string, columns: string[], names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const name of names) {
    const at = columns.indexOf(name);
    if (at === -1)
      throw new InputFileError(file, 1, `missing column '${name}' (the header has: ${columns.join(', ')})`);
    index.set(name, at);
  }
  return index;
}

function parseInteger(file: string, line: number, column: string, value: string): number {
  if (!/^-?\d+$/.test(value.trim())) {
    throw new InputFileError(file, line, `${column} '${value}' is not a whole number`);
  }
  return Number(value);
}

function parseFlag(file: string, line: number, column: string, value: string): boolean {
  const v = value.trim();
  if (v === '0' || v === '') return false;
  if (v === '1') return true;
  throw new InputFileError(file, line, `${column} '${value}' must be 0 or 1`);
}

/** Reads a games file in 538's column names. Blank scores on both sides mark an unplayed game. */
export function readGamesFile(file: string): GamesFile {
  const [header, ...records] = readCsv(file);
  if (header === undefined) throw new InputFileError(file, undefined, 'the file is empty (no header line)');
  const columns = header.record.map((c) => c.trim());
  const at = columnIndex(file, columns, GAME_COLUMNS);
  const rows = records.map(({ record, info }): GameRow => {
    const line = info.lines;
    const cell = (name: string) => record[at.get(name) ?? -1] ?? '';
    const home = cell('team1').trim();
    const away = cell('team2').trim();
    if (home === '') throw new InputFileError(file, line, 'team1 is blank');
    if (away === '') throw new InputFileError(file, line, 'team2 is blank');
    const score1 = cell('score1').trim();
    const score2 = cell('score2').trim();
    const unplayed = score1 === '' && score2 === '';
    const score = (column: string, value: string) => {
      if (unplayed) return Number.NaN;
      if (!/^-?\d+(\.\d+)?$/.test(value))
        throw new InputFileError(file, line, `${column} '${value}' is not a number`);
      return Number(value);
    };
    const playoff = cell('playoff').trim();
    return {
      line,
      cells: record,
      unplayed,
      game: {
        season: parseInteger(file, line, 'season', cell('season')),
        home,
        away,
        neutral: parseFlag(file, line, 'neutral', cell('neutral')),
        // 538's files use 0/1, their "latest" files blank or a round letter (w, d, c, s).
        playoff: playoff !== '' && playoff !== '0',
        homeScore: score('score1', score1),
        awayScore: score('score2', score2),
      },
    };
  });
  return { file, columns, rows };
}

/** Reads an initial ratings file with the columns `team, elo`. */
export function readInitialRatingsFile(file: string): Map<string, number> {
  const [header, ...records] = readCsv(file);
  if (header === undefined) throw new InputFileError(file, undefined, 'the file is empty (no header line)');
  const at = columnIndex(
    file,
    header.record.map((c) => c.trim()),
    ['team', 'elo'],
  );
  const ratings = new Map<string, number>();
  for (const { record, info } of records) {
    const team = (record[at.get('team') ?? -1] ?? '').trim();
    const elo = (record[at.get('elo') ?? -1] ?? '').trim();
    if (team === '') throw new InputFileError(file, info.lines, 'team is blank');
    if (!/^-?\d+(\.\d+)?$/.test(elo))
      throw new InputFileError(file, info.lines, `elo '${elo}' is not a number`);
    if (ratings.has(team)) throw new InputFileError(file, info.lines, `team '${team}' appears twice`);
    ratings.set(team, Number(elo));
  }
  return ratings;
}

/** Options shared by `replay` and `evaluate`. */
export interface EloRunOptions {
  games: string;
  initial?: string;
  preset?: string;
  /** Rating of a team with no initial rating; without it such a team is an error when `initial` is given. */
  defaultRating?: string;
}

/** One game row with what the rating book made of it (`record` absent for an unplayed game). */
interface RatedRow {
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

/** Options of `evaluate`. */
export interface EvaluateOptions extends EloRunOptions {
  plot?: string;
  caption?: string;
  from?: string;
  to?: string;
}

function seasonBound(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${flag}: '${value}' is not a season (a year)`);
  return Number(value);
}

const fixed = (n: number | null, digits: number) => (n === null ? '-' : n.toFixed(digits));

/** What `evaluate` found: the scores plus what was scored. */
export interface EloEvaluation extends EvaluationResult {
  file: string;
  preset: string;
  firstSeason: number;
  lastSeason: number;
}

/** Replays a games file and scores the played games of the selected seasons. */
export function evaluateGamesFile(options: EvaluateOptions): EloEvaluation {
  const from = seasonBound('--from', options.from);
  const to = seasonBound('--to', options.to);
  const { rated } = rateGamesFile(options);
  const forecasts: Forecast[] = rated
    .map((r) => r.record)
    .filter((r): r is GameRecord => r !== undefined)
    .filter((r) => (from === undefined || r.season >= from) && (to === undefined || r.season <= to));
  if (forecasts.length === 0) {
    throw new InputFileError(options.games, undefined, 'no played games in the selected seasons');
  }
  const seasons = forecasts.map((f) => f.season ?? 0);
  return {
    file: options.games,
    preset: options.preset ?? 'nfl',
    firstSeason: Math.min(...seasons),
    lastSeason: Math.max(...seasons),
    ...evaluateForecasts(forecasts),
  };
}

/** The text report of `evaluate`. */
export function renderEvaluation(e: EloEvaluation): string {
  const out: string[] = [
    `${e.file}: ${e.games} played games scored, seasons ${e.firstSeason}–${e.lastSeason}, preset ${e.preset}`,
    `Brier score  ${e.brier.toFixed(4)}`,
    `Log loss     ${e.logLoss.toFixed(4)}`,
  ];
  if (e.points !== null) {
    out.push(
      `538 game points per season  ${e.points.averagePerSeason.toFixed(2)} (over ${e.points.seasons.length} seasons)`,
      '',
      formatTable(
        ['SEASON', 'POINTS', 'GAMES'],
        e.points.seasons.map((s) => [String(s.season), s.points.toFixed(1), String(s.games)]),
      ),
    );
  }
  out.push(
    '',
    'calibration (home win probability)',
    formatTable(
      ['BIN', 'GAMES', 'FORECAST', 'OBSERVED'],
      e.calibration.map((b) => [
        `${b.lower.toFixed(1)}-${b.upper.toFixed(1)}`,
        String(b.count),
        fixed(b.meanProbability, 3),
        fixed(b.observedRate, 3),
      ]),
    ),
  );
  return out.join('\n');
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(resolve(userCwd(), file), text);
  } catch (error) {
    throw new InputFileError(
      file,
      undefined,
      `cannot write the file (${(error as NodeJS.ErrnoException).code})`,
      {
        cause: error,
      },
    );
  }
}

/** Registers `precog elo replay` and `precog elo evaluate` on the program. */
export function register(program: Command): void {
  const elo = program.command('elo').description('NFL Elo ratings: replay a games file, evaluate forecasts');
  const presetOption = () =>
    new Option('--preset <name>', "parameter preset: '538' (FiveThirtyEight exactly) or 'nfl' (our defaults)")
      .choices(['538', 'nfl'])
      .default('nfl');
  const common = (command: Command) =>
    command
      .requiredOption(
        '--games <file>',
        "games CSV with 538's columns: date, season, neutral, playoff, team1, team2, score1, score2",
      )
      .option('--initial <file>', 'initial ratings CSV with the columns team, elo')
      .addOption(presetOption())
      .option(
        '--default-rating <elo>',
        "rating of a team with no initial rating (default: the preset's; with --initial such a team is an error)",
      );

  common(
    elo.command('replay').description('rate every game in order and write the ratings and probabilities'),
  )
    .requiredOption(
      '--out <file>',
      'output CSV: every input row plus elo1_pre, elo2_pre, elo_prob1, elo1_post, elo2_post',
    )
    .action(
      runAction((options: EloRunOptions & { out: string }, command: Command) => {
        const { games, rated } = rateGamesFile(options);
        writeOutput(options.out, replayCsv(games, rated));
        const summary = {
          games: rated.length,
          rated: rated.filter((r) => r.record !== undefined).length,
          out: options.out,
        };
        printResult(
          globalOptionsOf(command),
          summary,
          (s) => `wrote ${s.games} games (${s.rated} played and rated) to ${s.out}`,
        );
      }),
    );

  common(
    elo.command('evaluate').description('print Brier score, log loss, 538 points per season and calibration'),
  )
    .option('--plot <file>', 'write the calibration plot (reliability diagram) as SVG')
    .option('--caption <text>', 'caption under the plot, e.g. the data attribution')
    .option('--from <season>', 'score games from this season on (all games are still replayed)')
    .option('--to <season>', 'score games up to this season')
    .action(
      runAction((options: EvaluateOptions, command: Command) => {
        const evaluation = evaluateGamesFile(options);
        if (options.plot !== undefined) {
          const svg = calibrationSvg(evaluation.calibration, {
            title: `Elo calibration: preset ${evaluation.preset}, ${evaluation.firstSeason}–${evaluation.lastSeason} (${evaluation.games} games)`,
            ...(options.caption !== undefined ? { caption: options.caption } : {}),
          });
          writeOutput(options.plot, svg);
        }
        printResult(globalOptionsOf(command), evaluation, (e) =>
          options.plot === undefined
            ? renderEvaluation(e)
            : `${renderEvaluation(e)}\n\nwrote the calibration plot to ${options.plot}`,
        );
      }),
    );
}
