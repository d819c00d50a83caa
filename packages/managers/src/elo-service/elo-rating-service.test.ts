import { nfl, updateRatings } from '@precog/elo';
import type { GameStateInput, Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteStore } from '../__fixtures__/stores';
import { EloRatingService, regressionGameId } from './elo-rating-service';

const game = (
  id: string,
  away: string,
  home: string,
  awayScore: number | null,
  homeScore: number | null,
  at: string,
): GameStateInput => ({
  externalGameId: id,
  sport: 'nfl',
  status: 'final',
  awayTeam: away,
  homeTeam: home,
  awayScore,
  homeScore,
  scheduledStart: new Date(at),
});

async function ratingsOf(store: Store, ...codes: string[]) {
  const teams = await store.teams.list({ sport: 'nfl' });
  return codes.map((c) => teams.find((t) => t.teamCode === c)?.currentEloRating?.toString());
}

describe('EloRatingService (PGlite)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(() => store.close());

  it('applies each finished game once, with exact stored ratings; a re-run changes nothing', async () => {
    await store.gameStates.upsertVersions([
      game('g1', 'KC', 'DEN', 27, 20, '2026-11-22T18:00:00Z'),
      game('g2', 'NYJ', 'BUF', 17, 23, '2026-11-23T18:00:00Z'),
      { ...game('g3', 'MIA', 'NE', null, null, '2026-11-29T18:00:00Z'), status: 'live' },
    ]);
    const service = new EloRatingService(store);
    expect(await service.applyFinishedGames()).toEqual({
      gamesApplied: 2,
      gamesAlreadyApplied: 0,
      regressions: 0,
      skipped: [],
    });
    // DEN 1450 hosts KC 1660: dr = −162, p(home) = 0.2824; KC wins by 7, multiplier ln 8 × 2.2 / 2.362
    expect(await ratingsOf(store, 'DEN', 'KC', 'BUF', 'NYJ')).toEqual([
      '1439.06',
      '1670.94',
      '1628.25',
      '1451.75',
    ]);
    const history = await store.eloHistory.list({ externalGameId: 'g1' });
    expect(
      history.map((h) => [
        h.gameResult,
        h.ratingBefore.toString(),
        h.ratingAfter.toString(),
        h.kFactor.toString(),
      ]),
    ).toEqual([
      ['loss', '1450', '1439.06', '20'],
      ['win', '1660', '1670.94', '20'],
    ]);
    // The figures are the @precog/elo update rounded half-even to cents.
    const expected = updateRatings({ homeRating: 1450, awayRating: 1660, homeScore: 20, awayScore: 27 }, nfl);
    expect(new Decimal(expected.homeRating).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toString()).toBe(
      '1439.06',
    );

    const before = await store.eloHistory.list();
    expect(await service.applyFinishedGames()).toEqual({
      gamesApplied: 0,
      gamesAlreadyApplied: 2,
      regressions: 0,
      skipped: [],
    });
    expect(await store.eloHistory.list()).toEqual(before);
    expect(await ratingsOf(store, 'DEN', 'KC', 'BUF', 'NYJ')).toEqual([
      '1439.06',
      '1670.94',
      '1628.25',
      '1451.75',
    ]);
  });

  it('regresses a team toward the mean at its first game of a new season, as an audited history row', async () => {
    await store.gameStates.upsertVersions([game('g1', 'KC', 'DEN', 27, 20, '2026-11-22T18:00:00Z')]);
    const service = new EloRatingService(store, { modelId: null });
    await service.applyFinishedGames();
    // January 2027 is still the 2026 season: no regression.
    await store.gameStates.upsertVersions([game('p1', 'DEN', 'KC', 10, 10, '2027-01-10T18:00:00Z')]);
    expect((await service.applyFinishedGames()).regressions).toBe(0);
    const [kcAfterTie] = await ratingsOf(store, 'KC');
    await store.gameStates.upsertVersions([game('s1', 'BUF', 'KC', 20, 24, '2027-09-12T17:00:00Z')]);
    const result = await service.applyFinishedGames();
    // KC (rated in 2026) regresses; BUF has no rated game yet, so its seeded rating is this season's start.
    expect(result).toEqual({ gamesApplied: 1, gamesAlreadyApplied: 2, regressions: 1, skipped: [] });
    const regression = await store.eloHistory.list({ externalGameId: regressionGameId('nfl', 2027) });
    const kc = (await store.teams.get('nfl', 'KC'))!;
    expect(regression.map((r) => r.teamId)).toEqual([kc.teamId]);
    const kcRow = regression[0]!;
    const regressed = new Decimal(kcAfterTie!)
      .times(0.6)
      .plus(new Decimal(1505).times(0.4))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect([kcRow.ratingBefore.toString(), kcRow.ratingAfter.toString(), kcRow.opponentTeamId]).toEqual([
      kcAfterTie,
      regressed.toString(),
      null,
    ]);
    expect(kcRow.metadata).toEqual({
      kind: 'season_regression',
      season: 2027,
      fromSeason: 2026,
      fraction: 0.4,
      mean: 1505,
    });
    const gameRow = (await store.eloHistory.list({ externalGameId: 's1', teamId: kc.teamId }))[0]!;
    expect(gameRow.ratingBefore.toString()).toBe(regressed.toString());
    expect(await service.applyFinishedGames()).toEqual({
      gamesApplied: 0,
      gamesAlreadyApplied: 3,
      regressions: 0,
      skipped: [],
    });
  });

  it('skips games with an unknown team or without both scores, and records ties', async () => {
    await store.gameStates.upsertVersions([
      game('x1', 'XYZ', 'KC', 3, 7, '2026-11-22T18:00:00Z'),
      game('x2', 'BUF', 'MIA', null, 7, '2026-11-22T18:00:00Z'),
      game('x3', 'BUF', 'MIA', 13, 13, '2026-11-23T18:00:00Z'),
    ]);
    const result = await new EloRatingService(store, { seasonOf: () => 2026 }).applyFinishedGames();
    expect(result.skipped).toEqual([
      { externalGameId: 'x1', reason: 'unknown team XYZ' },
      { externalGameId: 'x2', reason: 'final without both scores' },
    ]);
    expect((await store.eloHistory.list({ externalGameId: 'x3' })).map((h) => h.gameResult)).toEqual([
      'tie',
      'tie',
    ]);
    expect(await new EloRatingService(store).applyFinishedGames()).toMatchObject({
      gamesApplied: 0,
      gamesAlreadyApplied: 1,
    });
    expect(await new EloRatingService(store, { sport: 'nba' }).applyFinishedGames()).toEqual({
      gamesApplied: 0,
      gamesAlreadyApplied: 0,
      regressions: 0,
      skipped: [],
    });
  });
});
