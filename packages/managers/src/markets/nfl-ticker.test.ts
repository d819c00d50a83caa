import { describe, expect, it } from 'vitest';
import { nflMarketTeam, parseGameTicker } from './nfl-ticker';

const known = new Set(['KC', 'LV', 'NYJ', 'NE', 'JAX', 'LAR', 'GB', 'DET', 'NO', 'CLE']);

describe('parseGameTicker', () => {
  it('reads away then home after the 7-character date, with codes of any length', () => {
    expect(parseGameTicker('KXNFLGAME-26NOV29KCLV', known)).toEqual({ away: 'KC', home: 'LV' });
    expect(parseGameTicker('KXNFLGAME-26NOV29NYJNE', known)).toEqual({ away: 'NYJ', home: 'NE' });
    expect(parseGameTicker('KXNFLGAME-25SEP07DETGB', known)).toEqual({ away: 'DET', home: 'GB' });
  });

  it("maps Kalshi's JAC and LA to the store's JAX and LAR", () => {
    expect(parseGameTicker('KXNFLGAME-26DEC06JACLA', known)).toEqual({ away: 'JAX', home: 'LAR' });
  });

  it('returns null when the teams are not both known', () => {
    expect(parseGameTicker('KXNFLGAME-26NOV29KCXYZ', known)).toBeNull();
    expect(parseGameTicker('KXNFLGAME-26NOV29', known)).toBeNull();
  });
});

describe('nflMarketTeam', () => {
  it("reads the team after the last dash, as the store's code", () => {
    expect(nflMarketTeam('KXNFLGAME-26NOV29KCLV-KC')).toBe('KC');
    expect(nflMarketTeam('KXNFLGAME-26DEC06JACLA-JAC')).toBe('JAX');
    expect(nflMarketTeam('KXNFLGAME-26DEC06JACLA-LA')).toBe('LAR');
  });
});
