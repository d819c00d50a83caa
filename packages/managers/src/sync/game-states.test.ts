import type { Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EloRatingService } from '../elo-service/elo-rating-service';
import { freshStore, startExchange, type TestExchange } from './__fixtures__/harness';
import { gameStateFromLiveData, syncGameStates } from './game-states';

const KCDEN = 'b2f1c0de-5a4e-4f7e-9f64-0c9a0f3e2a11';
const BUFMIA = 'c7d2e1f0-6b5a-4c3d-8e9f-1a2b3c4d5e6f';
const START = new Date('2026-11-29T21:25:00Z');

describe('syncGameStates', () => {
  let ex: TestExchange;
  let store: Store;

  beforeEach(async () => {
    ex = await startExchange();
    ex.exchange.addMilestone({
      id: KCDEN,
      title: 'Kansas City at Denver',
      startDate: START,
      relatedEventTickers: ['KXNFLGAME-26NOV29KCDEN'],
      sourceId: '401772935',
      details: { home_team: 'DEN', away_team: 'KC' },
    });
    ex.exchange.addMilestone({
      id: BUFMIA,
      title: 'Buffalo at Miami',
      startDate: START,
      details: { home_team: 'mia', away_team: 'buf' },
    });
    ex.exchange.addMilestone({ id: 'golf-1', type: 'golf_tournament', startDate: START });
    store = await freshStore();
  });
  afterEach(async () => {
    await store.close();
    await ex.close();
  });

  it('stores a live game with its score and clock, and a game without live data as scheduled', async () => {
    ex.exchange.setLiveData(KCDEN, {
      status: 'in_progress',
      home_points: 14,
      away_points: 10,
      period: 'Q3',
      clock: '08:12',
      possession: 'home',
    });
    const result = await syncGameStates(ex.client, store, { batchSize: 1 });
    expect(result).toEqual({ milestones: 2, inserted: 2, versioned: 0, unchanged: 0, skipped: [] });
    const rows = await store.gameStates.current();
    const live = rows.find((r) => r.externalGameId === KCDEN);
    expect(live).toMatchObject({
      sport: 'nfl',
      status: 'live',
      homeTeam: 'DEN',
      awayTeam: 'KC',
      homeScore: 14,
      awayScore: 10,
      period: 'Q3',
      timeRemaining: '08:12',
      possession: 'home',
      scheduledStart: START,
    });
    expect(live?.sportMetadata).toMatchObject({
      sourceId: '401772935',
      eventTickers: ['KXNFLGAME-26NOV29KCDEN'],
    });
    expect(rows.find((r) => r.externalGameId === BUFMIA)).toMatchObject({
      status: 'scheduled',
      homeTeam: 'MIA',
      awayTeam: 'BUF',
      homeScore: null,
    });
  });

  it('versions a game whose score changes and leaves an unchanged one alone', async () => {
    ex.exchange.setLiveData(KCDEN, { status: 'live', home_points: 0, away_points: 0, period: 'Q1' });
    await syncGameStates(ex.client, store);
    expect(await syncGameStates(ex.client, store)).toMatchObject({ inserted: 0, versioned: 0, unchanged: 2 });
    ex.exchange.setLiveData(KCDEN, { status: 'live', home_points: 7, away_points: 0, period: 'Q1' });
    expect(await syncGameStates(ex.client, store)).toMatchObject({ inserted: 0, versioned: 1, unchanged: 1 });
    const history = await store.gameStates.history({ externalGameId: KCDEN });
    expect(history.map((v) => v.homeScore)).toEqual([0, 7]);
  });

  it('names a game it cannot map and stores the others', async () => {
    ex.exchange.setLiveData(KCDEN, { status: 'suspended_by_aliens' });
    ex.exchange.setLiveData(BUFMIA, { status: 'live', home_points: -3 });
    const result = await syncGameStates(ex.client, store);
    expect(result.skipped).toEqual([
      { milestoneId: KCDEN, reason: 'unknown game status "suspended_by_aliens"' },
      { milestoneId: BUFMIA, reason: 'score -3 is not a count' },
    ]);
    expect(result.inserted).toBe(0);
  });

  it('gives the Elo service a finished game to apply', async () => {
    ex.exchange.setLiveData(KCDEN, { status: 'final', home_points: 24, away_points: 27, period: 'F' });
    await syncGameStates(ex.client, store);
    const run = await new EloRatingService(store).applyFinishedGames();
    expect(run).toMatchObject({ gamesApplied: 1, skipped: [] });
    const kc = await store.teams.get('nfl', 'KC');
    const den = await store.teams.get('nfl', 'DEN');
    const gain = (t: typeof kc) => t!.currentEloRating!.minus(t!.initialEloRating!);
    // The road winner gains exactly what the home loser gives up (to the stored cent).
    expect(gain(kc).gt(0)).toBe(true);
    expect(gain(kc).plus(gain(den)).abs().lte('0.01')).toBe(true);
  });

  it('maps the documented synonyms onto the table words', () => {
    const milestone = { id: 'm', details: {}, related_event_tickers: [], primary_event_tickers: [] };
    const status = (s: string) => {
      const row = gameStateFromLiveData(milestone, { milestone_id: 'm', details: { status: s } }, 'nfl');
      return typeof row === 'string' ? row : row.status;
    };
    expect(['finished', 'Canceled', 'pre_game', 'halftime', 'postponed'].map(status)).toEqual([
      'final',
      'cancelled',
      'pregame',
      'halftime',
      'postponed',
    ]);
  });
});
