import { NFL_TEAMS } from '@precog/elo';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore } from '../../test/support/backends';

describe.each(backendNames)('seed migrations on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend, { empty: true });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('applies every package migration on an empty database, then nothing on a re-run', async () => {
    const applied = await t.store.migrate();
    expect(applied.map((m) => m.version)).toEqual(applied.map((_, i) => i + 1));
    expect(applied.length).toBeGreaterThanOrEqual(7);
    expect(await t.store.migrate()).toEqual([]);
  });

  it('seeds the 32 NFL teams exactly as @precog/elo lists them', async () => {
    const teams = await t.store.teams.list({ sport: 'nfl' });
    const fromDb = teams
      .map((team) => ({
        code: team.teamCode,
        name: team.teamName,
        conference: team.conference,
        division: team.division,
        initialRating: team.initialEloRating!.toNumber(),
        current: team.currentEloRating!.toFixed(2),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const expected = NFL_TEAMS.map((team) => ({
      code: team.code,
      name: team.name,
      conference: team.conference,
      division: team.division,
      initialRating: team.initialRating,
      current: new Decimal(team.initialRating).toFixed(2),
    })).sort((a, b) => a.code.localeCompare(b.code));
    expect(fromDb).toEqual(expected);
  });

  it('seeds the Kalshi platform row', async () => {
    const result = await t.store.query<{ platform_id: string; platform_type: string }>(
      'SELECT platform_id, platform_type FROM platforms',
    );
    expect(result.rows).toEqual([{ platform_id: 'kalshi', platform_type: 'trading' }]);
  });
});
