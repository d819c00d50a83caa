// Reading the input files of `precog elo`: 538-format games and initial ratings. The row → game
// mapping is @precog/elo's (`gameFrom538Row`); this module adds files, CSV and line numbers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EloGame, GAME_538_COLUMNS, gameFrom538Row, Invalid538RowError } from '@precog/elo';
import { parse } from 'csv-parse/sync';
import { userCwd } from '../../cli/context';
import { UsageError } from '../../cli/exit-codes';

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

/** Reads a games file in 538's column names. Blank scores on both sides mark an unplayed game. */
export function readGamesFile(file: string): GamesFile {
  const [header, ...records] = readCsv(file);
  if (header === undefined) throw new InputFileError(file, undefined, 'the file is empty (no header line)');
  const columns = header.record.map((c) => c.trim());
  const at = columnIndex(file, columns, GAME_538_COLUMNS);
  const rows = records.map(({ record, info }): GameRow => {
    const line = info.lines;
    const row = Object.fromEntries(GAME_538_COLUMNS.map((name) => [name, record[at.get(name) ?? -1] ?? '']));
    try {
      const { game, unplayed } = gameFrom538Row(row);
      return { line, cells: record, unplayed, game };
    } catch (error) {
      if (error instanceof Invalid538RowError) {
        throw new InputFileError(file, line, error.message, { cause: error });
      }
      throw error;
    }
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
