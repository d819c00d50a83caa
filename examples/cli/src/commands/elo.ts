// `precog elo replay` and `precog elo evaluate`: 538-format game files in, ratings and scores
// out. The files are read in elo/games-file.ts, replayed in elo/replay.ts, scored in
// elo/evaluate.ts; the rating math is @precog/elo (pure, no I/O).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { calibrationSvg, GAME_538_COLUMNS } from '@precog/elo';
import { type Command, Option } from 'commander';
import { userCwd } from '../cli/context';
import { globalOptionsOf } from '../cli/global-options';
import { printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { type EvaluateOptions, evaluateGamesFile, renderEvaluation } from './elo/evaluate';
import { InputFileError } from './elo/games-file';
import { type EloRunOptions, rateGamesFile, replayCsv } from './elo/replay';

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
      .requiredOption('--games <file>', `games CSV with 538's columns: ${GAME_538_COLUMNS.join(', ')}`)
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
