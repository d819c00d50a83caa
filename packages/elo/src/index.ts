/** The version of this package, as published. */
export const VERSION = '0.0.0';

export type { NflConference, NflDivision, NflTeam } from './teams';
export { NFL_TEAMS } from './teams';
