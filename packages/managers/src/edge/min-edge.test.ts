import { describe, expect, it } from 'vitest';
import { d } from '../__fixtures__/builders';
import { meetsMinEdge, resolveMinEdge } from './min-edge';

const config = {
  global: '0.05',
  strategy: '0.08',
  byLeague: { nfl: '0.06', NBA: '0.07' },
  bySeries: { KXNFLGAME: '0.09' },
  byMarket: { 'KXNFLGAME-26NOV26KCBUF-KC': '0.12' },
};

describe('resolveMinEdge', () => {
  it.each([
    [{ ticker: 'KXNFLGAME-26NOV26KCBUF-KC', seriesTicker: 'KXNFLGAME', league: 'nfl' }, '0.12', 'market'],
    [{ ticker: 'kxnflgame-26nov26kcbuf-kc' }, '0.12', 'market'],
    [{ ticker: 'KXNFLGAME-OTHER', seriesTicker: 'kxnflgame', league: 'nfl' }, '0.09', 'series'],
    [{ ticker: 'KXNFLSPREAD-X', seriesTicker: 'KXNFLSPREAD', league: 'NFL' }, '0.08', 'strategy'],
    [{ ticker: 'KXMLB-X', seriesTicker: 'KXMLB', league: 'mlb' }, '0.08', 'strategy'],
  ])(
    'picks the first threshold set (market > series > strategy > league > global) for %o',
    (context, value, source) => {
      const r = resolveMinEdge(config, context);
      expect([r.minEdge.toString(), r.source]).toEqual([value, source]);
    },
  );
  it('strategy minimum edge wins over the league default (0.08 is not loosened to 0.05)', () => {
    const r = resolveMinEdge(
      { global: '0.05', strategy: '0.08', byLeague: { nfl: '0.05' } },
      { ticker: 'KXNFLGAME-X', league: 'nfl' },
    );
    expect([r.minEdge.toString(), r.source]).toEqual(['0.08', 'strategy']);
    // Without a strategy minimum the league default applies.
    const league = resolveMinEdge(
      { global: '0.05', byLeague: { NBA: '0.07' } },
      { ticker: 'KXNBA-X', league: 'nba' },
    );
    expect([league.minEdge.toString(), league.source]).toEqual(['0.07', 'league']);
  });
  it('falls back to the global threshold, 0.05 by default', () => {
    expect(resolveMinEdge({ global: '0.03', strategy: null }, { ticker: 'X' })).toEqual({
      minEdge: d('0.03'),
      source: 'global',
    });
    const r = resolveMinEdge({}, { ticker: 'X' });
    expect([r.minEdge.toString(), r.source]).toEqual(['0.05', 'global']);
  });
});

describe('meetsMinEdge', () => {
  it('is inclusive', () => {
    expect(meetsMinEdge(d('0.05'), d('0.05'))).toBe(true);
    expect(meetsMinEdge(d('0.0499'), d('0.05'))).toBe(false);
  });
});
