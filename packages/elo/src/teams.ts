/** An NFL conference. */
export type NflConference = 'AFC' | 'NFC';

/** An NFL division within a conference. */
export type NflDivision = 'East' | 'North' | 'South' | 'West';

/** One NFL team of the reference seed (`database/seeds/001`). */
export interface NflTeam {
  /** Team code as used by game states and the `teams.team_code` column, e.g. `'KC'`. */
  readonly code: string;
  /** Full team name, e.g. `'Kansas City Chiefs'`. */
  readonly name: string;
  readonly conference: NflConference;
  readonly division: NflDivision;
  /** Initial Elo rating of the reference seed (a whole number between 1370 and 1660). */
  readonly initialRating: number;
}

function team(
  code: string,
  name: string,
  conference: NflConference,
  division: NflDivision,
  initialRating: number,
): NflTeam {
  return Object.freeze({ code, name, conference, division, initialRating });
}

/**
 * The 32 NFL teams with the initial Elo ratings of the reference seed, in seed order
 * (AFC East, North, South, West, then NFC). This is the single source of truth for the store's
 * `teams` seed: 32 rows, min 1370 (CAR), max 1660 (KC), sum 48,100.
 */
export const NFL_TEAMS: readonly NflTeam[] = Object.freeze([
  team('BUF', 'Buffalo Bills', 'AFC', 'East', 1620),
  team('MIA', 'Miami Dolphins', 'AFC', 'East', 1540),
  team('NYJ', 'New York Jets', 'AFC', 'East', 1460),
  team('NE', 'New England Patriots', 'AFC', 'East', 1380),
  team('BAL', 'Baltimore Ravens', 'AFC', 'North', 1610),
  team('CIN', 'Cincinnati Bengals', 'AFC', 'North', 1550),
  team('PIT', 'Pittsburgh Steelers', 'AFC', 'North', 1520),
  team('CLE', 'Cleveland Browns', 'AFC', 'North', 1440),
  team('HOU', 'Houston Texans', 'AFC', 'South', 1540),
  team('IND', 'Indianapolis Colts', 'AFC', 'South', 1480),
  team('JAX', 'Jacksonville Jaguars', 'AFC', 'South', 1420),
  team('TEN', 'Tennessee Titans', 'AFC', 'South', 1400),
  team('KC', 'Kansas City Chiefs', 'AFC', 'West', 1660),
  team('LAC', 'Los Angeles Chargers', 'AFC', 'West', 1520),
  team('LV', 'Las Vegas Raiders', 'AFC', 'West', 1430),
  team('DEN', 'Denver Broncos', 'AFC', 'West', 1450),
  team('PHI', 'Philadelphia Eagles', 'NFC', 'East', 1580),
  team('DAL', 'Dallas Cowboys', 'NFC', 'East', 1550),
  team('WAS', 'Washington Commanders', 'NFC', 'East', 1490),
  team('NYG', 'New York Giants', 'NFC', 'East', 1400),
  team('DET', 'Detroit Lions', 'NFC', 'North', 1600),
  team('GB', 'Green Bay Packers', 'NFC', 'North', 1560),
  team('MIN', 'Minnesota Vikings', 'NFC', 'North', 1530),
  team('CHI', 'Chicago Bears', 'NFC', 'North', 1440),
  team('TB', 'Tampa Bay Buccaneers', 'NFC', 'South', 1520),
  team('ATL', 'Atlanta Falcons', 'NFC', 'South', 1480),
  team('NO', 'New Orleans Saints', 'NFC', 'South', 1460),
  team('CAR', 'Carolina Panthers', 'NFC', 'South', 1370),
  team('SF', 'San Francisco 49ers', 'NFC', 'West', 1630),
  team('LAR', 'Los Angeles Rams', 'NFC', 'West', 1540),
  team('SEA', 'Seattle Seahawks', 'NFC', 'West', 1500),
  team('ARI', 'Arizona Cardinals', 'NFC', 'West', 1430),
]);
