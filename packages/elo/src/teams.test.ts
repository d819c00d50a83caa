import { describe, expect, it } from 'vitest';
import { NFL_TEAMS } from './teams';

describe('NFL_TEAMS', () => {
  it('holds the 32 seed teams with the seed checks (min CAR 1370, max KC 1660, sum 48,100)', () => {
    expect(NFL_TEAMS).toHaveLength(32);
    expect(new Set(NFL_TEAMS.map((t) => t.code)).size).toBe(32);
    const ratings = NFL_TEAMS.map((t) => t.initialRating);
    expect(ratings.reduce((a, b) => a + b, 0)).toBe(48_100);
    expect(Math.min(...ratings)).toBe(1370);
    expect(Math.max(...ratings)).toBe(1660);
    expect(NFL_TEAMS.find((t) => t.initialRating === 1370)?.code).toBe('CAR');
    expect(NFL_TEAMS.find((t) => t.initialRating === 1660)?.code).toBe('KC');
  });

  it('puts four teams in each of the eight conference divisions', () => {
    const counts = new Map<string, number>();
    for (const t of NFL_TEAMS) {
      const key = `${t.conference} ${t.division}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('gives the exact seed row for Kansas City', () => {
    expect(NFL_TEAMS.find((t) => t.code === 'KC')).toEqual({
      code: 'KC',
      name: 'Kansas City Chiefs',
      conference: 'AFC',
      division: 'West',
      initialRating: 1660,
    });
  });

  it('is frozen so no consumer can edit the shared seed', () => {
    expect(Object.isFrozen(NFL_TEAMS)).toBe(true);
    expect(NFL_TEAMS.every((t) => Object.isFrozen(t))).toBe(true);
  });
});
