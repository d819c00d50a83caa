import Decimal from 'decimal.js';
import { takerFee } from '../trading-rules/fees';
import { roundToPriceGrid } from '../trading-rules/prices';
import type {
  FakeEventInput,
  FakeFillInput,
  FakeMarketInput,
  FakePositionInput,
  FakeSeriesInput,
} from './types';

/** Kalshi's short names for the 32 NFL teams, as its KXNFLGAME markets title them. */
export const NFL_TEAM_NAMES: Readonly<Record<string, string>> = Object.freeze({
  ARI: 'Arizona',
  ATL: 'Atlanta',
  BAL: 'Baltimore',
  BUF: 'Buffalo',
  CAR: 'Carolina',
  CHI: 'Chicago',
  CIN: 'Cincinnati',
  CLE: 'Cleveland',
  DAL: 'Dallas',
  DEN: 'Denver',
  DET: 'Detroit',
  GB: 'Green Bay',
  HOU: 'Houston',
  IND: 'Indianapolis',
  JAC: 'Jacksonville',
  KC: 'Kansas City',
  LV: 'Las Vegas',
  LAC: 'Los Angeles C',
  LA: 'Los Angeles R',
  MIA: 'Miami',
  MIN: 'Minnesota',
  NE: 'New England',
  NO: 'New Orleans',
  NYG: 'New York G',
  NYJ: 'New York J',
  PHI: 'Philadelphia',
  PIT: 'Pittsburgh',
  SF: 'San Francisco',
  SEA: 'Seattle',
  TB: 'Tampa Bay',
  TEN: 'Tennessee',
  WAS: 'Washington',
});

/** One game to list. */
export interface NflGameInput {
  /** Away team abbreviation (`KC`, `NYJ`, ...; see {@link NFL_TEAM_NAMES}). */
  away: string;
  /** Home team abbreviation. */
  home: string;
  /** Kickoff (ms since epoch, or Date). */
  kickoff: number | Date;
  /** Fair probability that the home team wins, between 0 and 1. Default 0.5. */
  homeWinProbability?: Decimal.Value;
  /** Market status of both markets. Default `active`. */
  status?: FakeMarketInput['status'];
}

/** Options of {@link nflMarkets}. */
export interface NflMarketsOptions {
  games: NflGameInput[];
  /** Bid–ask spread around the fair price, in dollars. Default 0.02. */
  spread?: Decimal.Value;
  /** Contracts offered at the best bid and ask. Default 250. */
  size?: Decimal.Value;
  /** Price levels behind the touch. Default 4. */
  extraLevels?: number;
  /** Historical taker buys generated per game (for fills and positions). Default 0. */
  fillsPerGame?: number;
  /** Seed of the generator behind the fills (same seed, same fills). Default 1. */
  seed?: number;
}

/** What {@link nflMarkets} builds: spread it into `createFakeExchange({ ...nfl, keys })`. */
export interface NflMarketsResult {
  series: FakeSeriesInput[];
  events: FakeEventInput[];
  markets: FakeMarketInput[];
  fills: FakeFillInput[];
  positions: FakePositionInput[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `26NOV29` for 29 November 2026 (UTC), as Kalshi's event tickers date games. */
export function kalshiDateCode(ms: number): string {
  const d = new Date(ms);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${yy}${MONTHS[d.getUTCMonth()]}${dd}`;
}

/** The KXNFLGAME event ticker of a game: `KXNFLGAME-26NOV29KCLV` (away then home). */
export function nflEventTicker(game: Pick<NflGameInput, 'away' | 'home' | 'kickoff'>): string {
  const ms = game.kickoff instanceof Date ? game.kickoff.getTime() : game.kickoff;
  return `KXNFLGAME-${kalshiDateCode(ms)}${game.away}${game.home}`;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function teamName(abbr: string): string {
  const name = NFL_TEAM_NAMES[abbr];
  if (!name) throw new Error(`unknown NFL team abbreviation ${abbr}`);
  return name;
}

/**
 * Builds KXNFLGAME-style data for a set of games: the `KXNFLGAME` series, one event per game
 * (`KXNFLGAME-26NOV29KCLV`, "Kansas City at Las Vegas Winner?") and one market per team
 * (`...-KC`, `...-LV`) quoted around the given win probability; optionally historical taker fills
 * with the positions they add up to.
 */
export function nflMarkets(options: NflMarketsOptions): NflMarketsResult {
  const spread = new Decimal(options.spread ?? '0.02');
  const size = new Decimal(options.size ?? 250);
  const rand = random(options.seed ?? 1);
  const result: NflMarketsResult = {
    series: [
      {
        ticker: 'KXNFLGAME',
        title: 'Professional Football Game',
        category: 'Sports',
        tags: ['Football'],
        feeType: 'quadratic',
        feeMultiplier: 1,
        frequency: 'custom',
      },
    ],
    events: [],
    markets: [],
    fills: [],
    positions: [],
  };
  const positions = new Map<string, { count: Decimal; cost: Decimal; fees: Decimal }>();
  for (const game of options.games) {
    const kickoff = game.kickoff instanceof Date ? game.kickoff.getTime() : game.kickoff;
    const eventTicker = nflEventTicker(game);
    const awayName = teamName(game.away);
    const homeName = teamName(game.home);
    const title = `${awayName} at ${homeName} Winner?`;
    result.events.push({
      eventTicker,
      seriesTicker: 'KXNFLGAME',
      title,
      subTitle: `${game.away} at ${game.home} (${kalshiDateCode(kickoff)})`,
      category: 'Sports',
      mutuallyExclusive: true,
      strikeDate: kickoff,
    });
    // Keep both quotes inside the one-cent grid, whatever the probability.
    const pHome = Decimal.min(Decimal.max(new Decimal(game.homeWinProbability ?? '0.5'), '0.02'), '0.98');
    const quotes: Array<{ ticker: string; ask: Decimal }> = [];
    for (const [abbr, name, fair] of [
      [game.away, awayName, new Decimal(1).minus(pHome)],
      [game.home, homeName, pHome],
    ] as const) {
      const half = spread.div(2);
      const bid = roundToPriceGrid(Decimal.max(fair.minus(half), '0.01'), null, 'down');
      const ask = roundToPriceGrid(Decimal.min(fair.plus(half), '0.99'), null, 'up');
      const ticker = `${eventTicker}-${abbr}`;
      result.markets.push({
        ticker,
        eventTicker,
        seriesTicker: 'KXNFLGAME',
        title,
        yesSubTitle: name,
        noSubTitle: name,
        status: game.status ?? 'active',
        yesBid: bid,
        yesAsk: ask.gt(bid) ? ask : bid.plus('0.01'),
        yesBidSize: size,
        yesAskSize: size,
        extraLevels: options.extraLevels ?? 4,
        openTime: kickoff - 14 * 86_400_000,
        closeTime: kickoff + 4 * 3_600_000,
        expirationTime: kickoff + 4 * 3_600_000,
        rulesPrimary: `If ${name} wins the ${awayName} at ${homeName} professional football game originally scheduled for ${new Date(kickoff).toISOString().slice(0, 10)}, then the market resolves to Yes.`,
      });
      quotes.push({ ticker, ask: ask.gt(bid) ? ask : bid.plus('0.01') });
    }
    for (let i = 0; i < (options.fillsPerGame ?? 0); i++) {
      // A taker buy of one team's YES at the ask or up to two cents through it.
      const quote = quotes[rand() < 0.5 ? 0 : 1] as { ticker: string; ask: Decimal };
      const count = new Decimal(1 + Math.floor(rand() * 20));
      const price = Decimal.min(quote.ask.plus(new Decimal(Math.floor(rand() * 3)).div(100)), '0.99');
      const fee = takerFee(price, count);
      result.fills.push({
        ticker: quote.ticker,
        side: 'bid',
        count,
        price,
        isTaker: true,
        fee,
        time: kickoff - 86_400_000 + i * 60_000,
      });
      const p = positions.get(quote.ticker) ?? {
        count: new Decimal(0),
        cost: new Decimal(0),
        fees: new Decimal(0),
      };
      positions.set(quote.ticker, {
        count: p.count.plus(count),
        cost: p.cost.plus(count.times(price)),
        fees: p.fees.plus(fee),
      });
    }
  }
  for (const [ticker, p] of positions) {
    result.positions.push({
      ticker,
      position: p.count,
      marketExposure: p.cost,
      feesPaid: p.fees,
      totalTraded: p.cost,
    });
  }
  return result;
}
