import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore } from '../../test/support/backends';
import { PrecisionError, StoreError } from '../errors';

describe.each(backendNames)('teams and Elo history on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('updates a rating to two decimals and refuses a third', async () => {
    const kc = (await t.store.teams.get('nfl', 'KC'))!;
    const updated = await t.store.teams.updateRating(kc.teamId, '1672.35');
    expect(updated.currentEloRating!.toFixed(2)).toBe('1672.35');
    expect(updated.initialEloRating!.toFixed(2)).toBe('1660.00');
    await expect(t.store.teams.updateRating(kc.teamId, '1672.355')).rejects.toBeInstanceOf(PrecisionError);
    await expect(t.store.teams.updateRating(99999, '1500')).rejects.toBeInstanceOf(StoreError);
    expect(await t.store.teams.get('nfl', 'XXX')).toBeUndefined();
  });

  it('applies a game: two history rows and both current ratings, once even when replayed', async () => {
    const buf = (await t.store.teams.get('nfl', 'BUF'))!;
    const mia = (await t.store.teams.get('nfl', 'MIA'))!;
    const game = [
      {
        teamId: buf.teamId,
        opponentTeamId: mia.teamId,
        externalGameId: 'G-1',
        gameResult: 'win',
        ratingBefore: '1620.00',
        ratingAfter: '1631.20',
        kFactor: '20',
      },
      {
        teamId: mia.teamId,
        opponentTeamId: buf.teamId,
        externalGameId: 'G-1',
        gameResult: 'loss',
        ratingBefore: '1540.00',
        ratingAfter: '1528.80',
        kFactor: '20',
      },
    ];
    expect(await t.store.teams.applyRatingChanges(game)).toEqual({ inserted: 2, duplicates: 0 });
    expect(await t.store.teams.applyRatingChanges(game)).toEqual({ inserted: 0, duplicates: 2 });
    expect((await t.store.teams.get('nfl', 'BUF'))!.currentEloRating!.toFixed(2)).toBe('1631.20');
    expect((await t.store.teams.get('nfl', 'MIA'))!.currentEloRating!.toFixed(2)).toBe('1528.80');
    const history = await t.store.eloHistory.list({ externalGameId: 'G-1' });
    expect(
      history.map((h) => [h.teamId, h.gameResult, h.ratingBefore.toFixed(2), h.ratingAfter.toFixed(2)]),
    ).toEqual([
      [buf.teamId, 'win', '1620.00', '1631.20'],
      [mia.teamId, 'loss', '1540.00', '1528.80'],
    ]);
    expect(await t.store.teams.applyRatingChanges([])).toEqual({ inserted: 0, duplicates: 0 });
    await expect(t.store.teams.applyRatingChanges([game[0]!, game[0]!])).rejects.toThrow('twice');
  });

  it('lists every team of a sport and all teams without a filter', async () => {
    expect((await t.store.teams.list({ sport: 'nfl' })).length).toBe(32);
    expect((await t.store.teams.list()).length).toBe(32);
    expect(await t.store.teams.list({ sport: 'nba' })).toEqual([]);
  });
});
