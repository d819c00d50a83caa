// FiveThirtyEight's NFL games files (`nfl_elo.csv`, `nfl_elo_latest.csv`, their 1920–2020
// archive): the one mapping from a row of their columns to an EloGame. The package does no I/O:
// read and split the file yourself (a CSV parser), then give each row here as column → cell.
import type { EloGame } from './book';
import { Invalid538RowError } from './errors';

/** The columns a 538 games file must have for {@link gameFrom538Row}. */
export const GAME_538_COLUMNS = [
  'date',
  'season',
  'neutral',
  'playoff',
  'team1',
  'team2',
  'score1',
  'score2',
] as const;

/** One row of a 538 games file: column name → cell text (a missing column reads as blank). */
export type Row538 = Readonly<Record<string, string | undefined>>;

/** A game read from a 538 row. */
export interface Game538 {
  /** The `date` cell as written (`YYYY-MM-DD`). */
  date: string;
  /** The fixture. `homeScore`/`awayScore` are NaN when {@link unplayed}. */
  game: EloGame;
  /** Both scores are blank: a game not played yet (to predict, not to rate). */
  unplayed: boolean;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function flag(column: string, value: string): boolean {
  const v = value.trim();
  if (v === '' || v === '0') return false;
  if (v === '1') return true;
  throw new Invalid538RowError(column, value, `${column} '${value}' must be 0 or 1`);
}

/**
 * Maps one row of a 538 games file to a game: `team1` is home, `team2` away; `neutral` is 0/1
 * (blank reads as 0); `playoff` is 0/1 in the archive and blank or the round's letter (w, d, c, s)
 * in the "latest" files, so anything but blank or 0 is a playoff game; both scores blank mark an
 * unplayed game. Throws {@link Invalid538RowError} naming the column of a bad cell.
 */
export function gameFrom538Row(row: Row538): Game538 {
  const cell = (column: string) => row[column] ?? '';
  const home = cell('team1').trim();
  const away = cell('team2').trim();
  if (home === '') throw new Invalid538RowError('team1', cell('team1'), 'team1 is blank');
  if (away === '') throw new Invalid538RowError('team2', cell('team2'), 'team2 is blank');
  const season = cell('season').trim();
  if (!INTEGER.test(season)) {
    throw new Invalid538RowError(
      'season',
      cell('season'),
      `season '${cell('season')}' is not a whole number`,
    );
  }
  const score1 = cell('score1').trim();
  const score2 = cell('score2').trim();
  const unplayed = score1 === '' && score2 === '';
  const score = (column: string, value: string) => {
    if (unplayed) return Number.NaN;
    if (!NUMBER.test(value))
      throw new Invalid538RowError(column, value, `${column} '${value}' is not a number`);
    return Number(value);
  };
  const playoff = cell('playoff').trim();
  return {
    date: cell('date').trim(),
    unplayed,
    game: {
      season: Number(season),
      home,
      away,
      neutral: flag('neutral', cell('neutral')),
      playoff: playoff !== '' && playoff !== '0',
      homeScore: score('score1', score1),
      awayScore: score('score2', score2),
    },
  };
}
