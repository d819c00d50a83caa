/** The version of this package, as published. */
export const VERSION = '0.0.0';

export type { EloFixture, EloGame, GameRecord } from './book';
export { RatingBook, replayGames } from './book';
export type { Game538, Row538 } from './csv538';
export { GAME_538_COLUMNS, gameFrom538Row } from './csv538';
export {
  EloError,
  Invalid538RowError,
  InvalidGameError,
  InvalidParameterError,
  UnknownTeamError,
} from './errors';
export type { CalibrationBin, CalibrationOptions } from './evaluation/calibration';
export { calibrationTable } from './evaluation/calibration';
export type { CalibrationSvgOptions } from './evaluation/calibration-svg';
export { calibrationSvg } from './evaluation/calibration-svg';
export type { EvaluationResult } from './evaluation/evaluate';
export { evaluateForecasts } from './evaluation/evaluate';
export type { Forecast } from './evaluation/forecast';
export type { GamePointsResult, SeasonPoints } from './evaluation/points538';
export { gamePoints, gamePoints538 } from './evaluation/points538';
export type { LogLossOptions } from './evaluation/scores';
export { brierScore, logLoss } from './evaluation/scores';
export type { MarginMultiplierFunction, MarginOfVictory } from './margin';
export { marginMultiplier } from './margin';
export type { EloParams, InitialRatings, TeamSeasonOverride, UnseenTeamPolicy } from './params';
export { ELO538_OVERRIDES, elo538, nfl } from './presets';
export type { WinProbabilityOptions } from './probability';
export { ratingDifference, winProbability } from './probability';
export type { SeasonRegression } from './regression';
export { regressToMean } from './regression';
export type { NflConference, NflDivision, NflTeam } from './teams';
export { NFL_TEAMS } from './teams';
export type { UpdateParams, UpdateRatingsInput, UpdateRatingsResult } from './update';
export { gameResult, updateRatings } from './update';
