// Scoring a replayed games file (`precog elo evaluate`): Brier, log loss, 538 points, calibration.
import { type EvaluationResult, evaluateForecasts, type Forecast, type GameRecord } from '@precog/elo';
import { UsageError } from '../../cli/exit-codes';
import { formatTable } from '../../cli/output';
import { InputFileError } from './games-file';
import { type EloRunOptions, rateGamesFile } from './replay';

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
