// Readers for the 538 fixture files (plain comma-separated, no quoted fields). Test and bench
// helpers only: the package itself does no I/O.
import { readFileSync } from 'node:fs';
import type { EloGame } from '../src/book';
import { gameFrom538Row } from '../src/csv538';

/** A 538 game with their published pre-game numbers, when the file has them. */
export interface Fixture538Game extends EloGame {
  date: string;
  /** 538's pre-game ratings and home win probability. */
  elo1: number;
  elo2: number;
  eloProb1: number;
}

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

function rows(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(fixture(name), 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The 16,810 games of 1920–2020 with 538's published pre-game ratings and probabilities. */
export function load538Games(): Fixture538Game[] {
  return rows('538_nfl_games_1920_2020.csv').map((r) => {
    const { date, game } = gameFrom538Row(r);
    return {
      ...game,
      date,
      elo1: Number(r.elo1),
      elo2: Number(r.elo2),
      eloProb1: Number(r.elo_prob1),
    };
  });
}

/** 538's 1920 seed ratings by franchise code. */
export function load538InitialRatings(): Map<string, number> {
  return new Map(rows('538_initial_elos.csv').map((r) => [r.team ?? '', Number(r.elo)]));
}

/** The scored games of 2021 and 2022 from 538's `nfl_elo_latest` files (hold-out seasons). */
export function loadHoldoutGames(): EloGame[] {
  return ['538_nfl_elo_latest_2021.csv', '538_nfl_elo_latest_2022.csv'].flatMap((name) =>
    rows(name)
      .map(gameFrom538Row)
      .filter((g) => !g.unplayed)
      .map((g) => g.game),
  );
}
