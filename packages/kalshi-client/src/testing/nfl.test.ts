import { describe, expect, it } from 'vitest';
import { createFakeExchange, kalshiDateCode, NFL_TEAM_NAMES, nflEventTicker, nflMarkets } from './index';

const kickoff = Date.UTC(2026, 10, 29, 18, 25);

describe('nflMarkets', () => {
  it('builds the KXNFLGAME series, one event per game and one market per team', () => {
    const nfl = nflMarkets({ games: [{ away: 'KC', home: 'LV', kickoff, homeWinProbability: '0.35' }] });
    expect(nfl.series.map((s) => s.ticker)).toEqual(['KXNFLGAME']);
    expect(nfl.events).toEqual([
      {
        eventTicker: 'KXNFLGAME-26NOV29KCLV',
        seriesTicker: 'KXNFLGAME',
        title: 'Kansas City at Las Vegas Winner?',
        subTitle: 'KC at LV (26NOV29)',
        category: 'Sports',
        mutuallyExclusive: true,
        strikeDate: kickoff,
      },
    ]);
    expect(nfl.markets.map((m) => [m.ticker, m.yesSubTitle, String(m.yesBid), String(m.yesAsk)])).toEqual([
      ['KXNFLGAME-26NOV29KCLV-KC', 'Kansas City', '0.64', '0.66'],
      ['KXNFLGAME-26NOV29KCLV-LV', 'Las Vegas', '0.34', '0.36'],
    ]);
    expect(nfl.markets[0]?.closeTime).toBe(kickoff + 4 * 3_600_000);
    expect(nfl.fills).toEqual([]);
    expect(nfl.positions).toEqual([]);
  });

  it('generates the same fills for the same seed, and positions that add them up', () => {
    const games = [
      { away: 'NYJ', home: 'NE', kickoff },
      { away: 'SF', home: 'SEA', kickoff: kickoff + 86_400_000, homeWinProbability: '0.99' },
    ];
    const a = nflMarkets({ games, fillsPerGame: 6, seed: 7 });
    const b = nflMarkets({ games, fillsPerGame: 6, seed: 7 });
    expect(a.fills).toEqual(b.fills);
    expect(a.fills).toHaveLength(12);
    for (const position of a.positions) {
      const fills = a.fills.filter((f) => f.ticker === position.ticker);
      const count = fills.reduce((s, f) => s + Number(f.count), 0);
      expect(String(position.position)).toBe(String(count));
    }
    // A lopsided game still quotes inside the grid.
    const sea = a.markets.find((m) => m.ticker.endsWith('-SEA'));
    expect([String(sea?.yesBid), String(sea?.yesAsk)]).toEqual(['0.97', '0.99']);
    expect(nflMarkets({ games, fillsPerGame: 6, seed: 8 }).fills).not.toEqual(a.fills);
  });

  it('feeds createFakeExchange directly', () => {
    const nfl = nflMarkets({ games: [{ away: 'BUF', home: 'MIA', kickoff }], fillsPerGame: 4 });
    const exchange = createFakeExchange({ ...nfl, rateLimit: false });
    const snapshot = exchange.snapshot();
    expect(snapshot.markets).toHaveLength(2);
    expect(snapshot.fills).toHaveLength(4);
    expect(snapshot.positions.length).toBeGreaterThan(0);
  });

  it('names dates and tickers as Kalshi does and refuses unknown teams', () => {
    expect(kalshiDateCode(Date.UTC(2027, 0, 3))).toBe('27JAN03');
    expect(nflEventTicker({ away: 'GB', home: 'CHI', kickoff: new Date(Date.UTC(2026, 8, 13)) })).toBe(
      'KXNFLGAME-26SEP13GBCHI',
    );
    expect(Object.keys(NFL_TEAM_NAMES)).toHaveLength(32);
    expect(() => nflMarkets({ games: [{ away: 'XXX', home: 'KC', kickoff }] })).toThrow(
      'unknown NFL team abbreviation XXX',
    );
    const dated = nflMarkets({
      games: [{ away: 'DAL', home: 'PHI', kickoff: new Date(kickoff), status: 'closed' }],
    });
    expect(dated.markets.map((m) => m.status)).toEqual(['closed', 'closed']);
  });
});
