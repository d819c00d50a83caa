import { describe, expect, it } from 'vitest';
import { makeExchange, manualClock, send } from './__fixtures__/harness';

const START = new Date('2026-11-29T21:25:00Z');

function setup() {
  const clock = manualClock();
  const exchange = makeExchange(clock);
  exchange.addMilestone({
    id: 'g1',
    title: 'KC at DEN',
    startDate: START,
    relatedEventTickers: ['E1', 'E2'],
  });
  exchange.addMilestone({ id: 'g2', startDate: START, type: 'basketball_game', sourceId: 'espn-2' });
  exchange.setLiveData('g1', { status: 'live', home_points: 3 });
  return { clock, exchange };
}

describe('fake exchange milestones and live data', () => {
  it('lists milestones filtered by type and related event, without signing', async () => {
    const { clock, exchange } = setup();
    const football = await send(exchange, clock, 'GET', '/milestones?type=football_game', { key: 'none' });
    expect(football.json).toEqual({
      cursor: '',
      milestones: [
        {
          category: 'Sports',
          details: {},
          id: 'g1',
          notification_message: 'KC at DEN is starting',
          primary_event_tickers: ['E1'],
          related_event_tickers: ['E1', 'E2'],
          start_date: '2026-11-29T21:25:00Z',
          title: 'KC at DEN',
          type: 'football_game',
        },
      ],
    });
    const related = await send(exchange, clock, 'GET', '/milestones?related_event_ticker=E2');
    expect(related.json.milestones.map((m: { id: string }) => m.id)).toEqual(['g1']);
    expect((await send(exchange, clock, 'GET', '/milestones/g2')).json.milestone.source_id).toBe('espn-2');
    expect((await send(exchange, clock, 'GET', '/milestones/nope')).status).toBe(404);
  });

  it('serves live data by milestone, by type and in batches', async () => {
    const { clock, exchange } = setup();
    const live = { details: { status: 'live', home_points: 3 }, milestone_id: 'g1', type: 'football_game' };
    expect((await send(exchange, clock, 'GET', '/live_data/milestone/g1')).json).toEqual({ live_data: live });
    expect((await send(exchange, clock, 'GET', '/live_data/football_game/milestone/g1')).json).toEqual({
      live_data: live,
    });
    expect((await send(exchange, clock, 'GET', '/live_data/milestone/g2')).status).toBe(404);
    expect((await send(exchange, clock, 'GET', '/live_data/batch?milestone_ids=g1,g2')).json).toEqual({
      live_datas: [live],
    });
  });
});
