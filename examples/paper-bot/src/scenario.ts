// The offline scenario: one NFL Sunday on the fake exchange. The market misprices some games
// against our Elo ratings; over the session the prices drift back toward the Elo fair value
// (our edge being right), with seeded noise and a late pullback that trips trailing stops.
import Decimal from 'decimal.js';

/** One game of the slate. `mispricing` is added to the Elo home probability to quote the market. */
export interface ScenarioGame {
  away: string;
  home: string;
  /** Market home price minus Elo home probability, dollars (negative: home underpriced). */
  mispricing: string;
}

/** Kickoff of the slate: Sunday 29 November 2026, 18:00 UTC. */
export const KICKOFF = Date.UTC(2026, 10, 29, 18);

/** The bot's session starts four hours before kickoff; one tick is five minutes. */
export const SESSION_START = KICKOFF - 4 * 3_600_000;
export const TICK_MS = 5 * 60_000;

export const SLATE: readonly ScenarioGame[] = [
  { away: 'KC', home: 'LV', mispricing: '0.09' },
  { away: 'BUF', home: 'MIA', mispricing: '-0.10' },
  { away: 'PHI', home: 'DAL', mispricing: '0.02' },
  { away: 'DET', home: 'GB', mispricing: '-0.08' },
  { away: 'SF', home: 'SEA', mispricing: '0.11' },
  { away: 'BAL', home: 'PIT', mispricing: '-0.01' },
  { away: 'CIN', home: 'CLE', mispricing: '0.07' },
  { away: 'MIN', home: 'CHI', mispricing: '-0.12' },
];

/** Finished games of the previous week, applied by the Elo service before trading. */
export const LAST_WEEK: readonly {
  id: string;
  away: string;
  home: string;
  awayScore: number;
  homeScore: number;
}[] = [
  { id: 'paper-2026w12-kc-den', away: 'KC', home: 'DEN', awayScore: 27, homeScore: 20 },
  { id: 'paper-2026w12-buf-nyj', away: 'BUF', home: 'NYJ', awayScore: 17, homeScore: 23 },
  { id: 'paper-2026w12-gb-min', away: 'GB', home: 'MIN', awayScore: 31, homeScore: 30 },
  { id: 'paper-2026w12-sea-ari', away: 'SEA', home: 'ARI', awayScore: 10, homeScore: 24 },
];

/** A small seeded generator (mulberry32), so every run moves prices the same way. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The YES move of one market at one tick, in whole cents: during the first two thirds of the
 * session the price closes a share of its gap to the fair value (plus noise of ±1 cent); in
 * the last third it pulls back by 1–3 cents a tick against the earlier drift.
 */
export function priceMove(params: {
  tick: number;
  ticks: number;
  mid: Decimal;
  fair: Decimal;
  /** Direction of the late pullback: +1 up, −1 down (against the correction). */
  pullback: 1 | -1;
  random: () => number;
}): Decimal {
  const noise = Math.floor(params.random() * 3) - 1; // -1, 0, +1
  const gapCents = params.fair.minus(params.mid).times(100).toNumber();
  let cents: number;
  if (params.tick < Math.ceil((params.ticks * 2) / 3)) {
    cents = Math.round(gapCents * 0.35) + noise;
  } else {
    cents = params.pullback * (1 + Math.floor(params.random() * 3)) + noise;
  }
  return new Decimal(cents).div(100);
}
