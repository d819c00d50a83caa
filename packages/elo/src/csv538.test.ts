import { describe, expect, it } from 'vitest';
import { GAME_538_COLUMNS, gameFrom538Row } from './csv538';
import { Invalid538RowError, InvalidGameError } from './errors';
import { gameFrom538Row as exported } from './index';

const row = {
  date: '2024-09-05',
  season: '2024',
  neutral: '0',
  playoff: '0',
  team1: 'KC',
  team2: 'BAL',
  score1: '27',
  score2: '20',
};

describe('gameFrom538Row', () => {
  it('maps team1 to home, team2 to away, and the scores', () => {
    expect(gameFrom538Row(row)).toEqual({
      date: '2024-09-05',
      unplayed: false,
      game: {
        season: 2024,
        home: 'KC',
        away: 'BAL',
        neutral: false,
        playoff: false,
        homeScore: 27,
        awayScore: 20,
      },
    });
    expect(exported).toBe(gameFrom538Row);
  });

  it.each([
    ['0', false],
    ['', false],
    ['1', true],
    ['w', true],
    ['d', true],
    ['c', true],
    ['s', true],
  ])(
    "reads playoff '%s' as %s (0/1 in the archive, blank or the round letter in the latest files)",
    (cell, playoff) => {
      expect(gameFrom538Row({ ...row, playoff: cell }).game.playoff).toBe(playoff);
    },
  );

  it('reads neutral 0, blank and 1', () => {
    expect(gameFrom538Row({ ...row, neutral: '1' }).game.neutral).toBe(true);
    expect(gameFrom538Row({ ...row, neutral: '' }).game.neutral).toBe(false);
  });

  it('marks a game with both scores blank as unplayed, with NaN scores', () => {
    const { unplayed, game } = gameFrom538Row({ ...row, score1: '', score2: ' ' });
    expect(unplayed).toBe(true);
    expect(game.homeScore).toBeNaN();
    expect(game.awayScore).toBeNaN();
  });

  it.each([
    [{ team1: ' ' }, 'team1', 'team1 is blank'],
    [{ team2: '' }, 'team2', 'team2 is blank'],
    [{ season: '20x4' }, 'season', "season '20x4' is not a whole number"],
    [{ neutral: 'yes' }, 'neutral', "neutral 'yes' must be 0 or 1"],
    [{ score1: '' }, 'score1', "score1 '' is not a number"],
    [{ score2: 'ten' }, 'score2', "score2 'ten' is not a number"],
  ])('refuses %o naming the column', (patch, column, message) => {
    const error = (() => {
      try {
        gameFrom538Row({ ...row, ...patch });
      } catch (e) {
        return e;
      }
      return undefined;
    })() as Invalid538RowError;
    expect(error).toBeInstanceOf(Invalid538RowError);
    expect(error).toBeInstanceOf(InvalidGameError);
    expect(error.name).toBe('Invalid538RowError');
    expect(error.column).toBe(column);
    expect(error.message).toBe(message);
  });

  it('lists the columns it reads', () => {
    expect(GAME_538_COLUMNS).toEqual([
      'date',
      'season',
      'neutral',
      'playoff',
      'team1',
      'team2',
      'score1',
      'score2',
    ]);
  });
});
