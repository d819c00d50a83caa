import { describe, expect, it } from 'vitest';
import { d } from '../__fixtures__/builders';
import {
  closeAllRequired,
  DEFAULT_CIRCUIT_BREAKER_CONFIG,
  entryAllowed,
  initialRiskState,
  type RiskEvent,
  type RiskState,
  reduceRisk,
} from './circuit-breakers';

const DAY = Date.UTC(2026, 10, 25, 12);
function run(events: RiskEvent[], state: RiskState = initialRiskState()) {
  const transitions = [];
  let s = state;
  for (const e of events) {
    const r = reduceRisk(s, e);
    transitions.push(...r.transitions);
    s = r.state;
  }
  return { state: s, transitions };
}
const closed = (at: number, pnl: string): RiskEvent => ({ type: 'trade_closed', at, realizedPnl: d(pnl) });
const apiError = (at: number): RiskEvent => ({ type: 'api_error', at, detail: '503' });

describe('daily loss breaker', () => {
  it('trips when today’s net loss reaches the limit, blocks entries and requires closing everything', () => {
    const { state, transitions } = run([
      closed(DAY, '-300'),
      closed(DAY + 1, '50'),
      closed(DAY + 2, '-249.99'),
    ]);
    expect(state.breakers.daily_loss.status).toBe('closed');
    const r = run([closed(DAY + 3, '-0.01')], state);
    expect(transitions).toEqual([]);
    expect(r.transitions).toEqual([
      {
        breaker: 'daily_loss',
        from: 'closed',
        to: 'open',
        at: DAY + 3,
        reason: 'daily realized P&L -500 reached the loss limit of 500',
      },
    ]);
    expect(entryAllowed(r.state)).toEqual({ allowed: false, blockedBy: ['daily_loss'] });
    expect(closeAllRequired(r.state)).toBe(true);
  });
  it('starts a new day from zero but stays open until a person resets it', () => {
    const tripped = run([closed(DAY, '-600')]).state;
    const nextDay = run([closed(DAY + 86_400_000, '10')], tripped).state;
    expect([nextDay.day, nextDay.dailyRealizedPnl.toString(), nextDay.breakers.daily_loss.status]).toEqual([
      '2026-11-26',
      '10',
      'open',
    ]);
    const reset = run(
      [{ type: 'reset', at: DAY + 86_400_001, breaker: 'daily_loss', actor: 'ops', reason: 'reviewed' }],
      nextDay,
    );
    expect(reset.transitions).toEqual([
      {
        breaker: 'daily_loss',
        from: 'open',
        to: 'closed',
        at: DAY + 86_400_001,
        reason: 'reviewed',
        actor: 'ops',
      },
    ]);
    expect(entryAllowed(reset.state).allowed).toBe(true);
  });
});

describe('consecutive losses breaker', () => {
  it('trips on the fifth loss in a row; a win resets the count, a flat trade does not', () => {
    const four = run([
      closed(DAY, '-1'),
      closed(DAY, '-1'),
      closed(DAY, '0'),
      closed(DAY, '-1'),
      closed(DAY, '-1'),
    ]);
    expect([four.state.consecutiveLosses, four.state.breakers.consecutive_losses.status]).toEqual([
      4,
      'closed',
    ]);
    const won = run([closed(DAY, '2')], four.state);
    expect(won.state.consecutiveLosses).toBe(0);
    const five = run([closed(DAY, '-1')], four.state);
    expect(five.transitions.map((t) => [t.breaker, t.to, t.reason])).toEqual([
      ['consecutive_losses', 'open', '5 losing trades in a row (limit 5)'],
    ]);
    expect(closeAllRequired(five.state)).toBe(true);
    const reset = run(
      [{ type: 'reset', at: DAY, breaker: 'consecutive_losses', actor: 'ops', reason: 'ok' }],
      five.state,
    );
    expect([reset.state.consecutiveLosses, closeAllRequired(reset.state)]).toEqual([0, false]);
  });
});

describe('API error breaker', () => {
  const five = [0, 1, 2, 3, 4].map((i) => apiError(DAY + i * 60_000));

  it('opens after 5 errors inside 5 minutes and only blocks entries', () => {
    const { state, transitions } = run(five);
    expect(transitions.map((t) => [t.breaker, t.from, t.to, t.reason])).toEqual([
      ['api_errors', 'closed', 'open', '5 API errors within 300000 ms (limit 5)'],
    ]);
    expect(state.breakers.api_errors.resumeAt).toBe(DAY + 4 * 60_000 + 300_000);
    expect(entryAllowed(state)).toEqual({ allowed: false, blockedBy: ['api_errors'] });
    expect(closeAllRequired(state)).toBe(false);
  });
  it('forgets errors older than the window', () => {
    const spaced = [0, 1, 2, 3, 4].map((i) => apiError(DAY + i * 75_000));
    expect(run(spaced).state.breakers.api_errors.status).toBe('closed');
  });
  it('probes after the cool-down: a success closes it, an error re-opens it', () => {
    const open = run(five).state;
    const resumeAt = open.breakers.api_errors.resumeAt as number;
    expect(run([{ type: 'tick', at: resumeAt - 1 }], open).state.breakers.api_errors.status).toBe('open');
    const probing = run([{ type: 'tick', at: resumeAt }], open);
    expect(probing.transitions.map((t) => t.to)).toEqual(['half_open']);
    expect(entryAllowed(probing.state).allowed).toBe(true);
    const ok = run([{ type: 'api_success', at: resumeAt + 1 }], probing.state);
    expect([ok.state.breakers.api_errors.status, ok.state.apiErrorTimes]).toEqual(['closed', []]);
    const bad = run([apiError(resumeAt + 1)], probing.state);
    expect(bad.transitions.map((t) => [t.from, t.to, t.reason])).toEqual([
      ['half_open', 'open', 'API error while probing: 503'],
    ]);
  });
  it('a reset of a closed breaker records nothing; success while closed changes nothing', () => {
    const s = initialRiskState();
    expect(
      run([{ type: 'reset', at: DAY, breaker: 'api_errors', actor: 'x', reason: 'y' }], s).transitions,
    ).toEqual([]);
    expect(run([{ type: 'api_success', at: DAY }], s).state.breakers).toEqual(s.breakers);
    const manual = run([
      ...five,
      { type: 'reset', at: DAY + 1e6, breaker: 'api_errors', actor: 'x', reason: 'y' },
    ]);
    expect([manual.state.breakers.api_errors.status, manual.state.apiErrorTimes]).toEqual(['closed', []]);
  });
  it('does not change its input state', () => {
    const s = initialRiskState();
    reduceRisk(s, closed(DAY, '-1000'));
    expect(s).toEqual(initialRiskState());
    expect(DEFAULT_CIRCUIT_BREAKER_CONFIG.dailyLossLimit.toString()).toBe('500');
  });
});
