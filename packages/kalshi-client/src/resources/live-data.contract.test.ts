import { describe, expect } from 'vitest';
import { contract, contractServer } from '../__fixtures__/contract';
import { fixture } from '../__fixtures__/helpers';
import { KalshiInvalidParamsError } from '../core/errors';

const { route, client } = contractServer();
const GAME = 'b2f1c0de-5a4e-4f7e-9f64-0c9a0f3e2a11';

describe('milestones and live data', () => {
  contract('getMilestones', 'lists a page with Date start times and the next cursor', async () => {
    const seen = route('get', '/milestones', fixture('milestones_page'));
    const page = await client().milestones.list({
      type: 'football_game',
      competition: 'NFL',
      minimum_start_date: new Date('2026-11-29T00:00:00Z'),
      limit: 50,
    });
    expect(seen[0]?.query.toString()).toBe(
      'type=football_game&competition=NFL&limit=50&minimum_start_date=2026-11-29T00%3A00%3A00.000Z',
    );
    expect(page.cursor).toBe('bWlsZXN0b25lczox');
    expect(page.items).toEqual([
      {
        id: GAME,
        category: 'Sports',
        type: 'football_game',
        start_date: new Date('2026-11-29T21:25:00Z'),
        end_date: undefined,
        title: 'Kansas City at Denver',
        notification_message: 'KC @ DEN is starting',
        related_event_tickers: ['KXNFLGAME-26NOV29KCDEN', 'KXNFLSPREAD-26NOV29KCDEN'],
        primary_event_tickers: ['KXNFLGAME-26NOV29KCDEN'],
        source_id: '401772935',
        source_ids: undefined,
        details: { home_team: 'DEN', away_team: 'KC', competition: 'NFL' },
        last_updated_ts: new Date('2026-11-29T21:00:00Z'),
      },
    ]);
  });

  contract('getMilestone', 'reads one milestone', async () => {
    const body = fixture<{ milestones: unknown[] }>('milestones_page');
    route('get', `/milestones/${GAME}`, { milestone: body.milestones[0] });
    expect((await client().milestones.get(GAME)).title).toBe('Kansas City at Denver');
  });

  contract('getLiveDataByMilestone', 'reads the live state of one game', async () => {
    const seen = route('get', `/live_data/milestone/${GAME}`, fixture('live_data'));
    const live = await client().liveData.getByMilestone(GAME, { include_player_stats: false });
    expect(seen[0]?.query.toString()).toBe('include_player_stats=false');
    expect(live).toEqual({
      type: 'football_game',
      milestone_id: GAME,
      details: {
        status: 'live',
        home_points: 14,
        away_points: 10,
        period: 'Q3',
        clock: '08:12',
        possession: 'home',
      },
    });
  });

  contract('getLiveData', 'reads the live state through the typed path', async () => {
    route('get', `/live_data/football_game/milestone/${GAME}`, fixture('live_data'));
    expect((await client().liveData.get('football_game', GAME)).details.period).toBe('Q3');
  });

  contract('getLiveDatas', 'reads several games in one call, a null details as {}', async () => {
    const seen = route('get', '/live_data/batch', fixture('live_datas'));
    const lives = await client().liveData.getBatch([GAME, 'c7d2e1f0-6b5a-4c3d-8e9f-1a2b3c4d5e6f']);
    expect(seen[0]?.query.get('milestone_ids')).toBe(`${GAME},c7d2e1f0-6b5a-4c3d-8e9f-1a2b3c4d5e6f`);
    expect(lives.map((l) => l.details)).toEqual([
      { status: 'final', home_points: 24, away_points: 27, period: 'F' },
      {},
    ]);
  });

  contract('getLiveDatas', 'refuses an empty list before sending', async () => {
    await expect(client().liveData.getBatch([])).rejects.toBeInstanceOf(KalshiInvalidParamsError);
  });
});
