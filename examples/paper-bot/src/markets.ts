// The exchange the bot trades on (the fake one offline, quoting each game off its Elo price by
// the scenario's mispricing), which NFL game and team each market is about, and the offline
// price moves.
import { generateKeyPairSync } from 'node:crypto';
import { KalshiClient, type Market } from '@precog/kalshi-client';
import { createFakeExchange, type FakeExchange, nflMarkets } from '@precog/kalshi-client/testing';
import { type EloModelConfig, nflMarketTeam, parseGameTicker } from '@precog/managers';
import Decimal from 'decimal.js';
import { KICKOFF, priceMove, SLATE } from './scenario';
import { homeProbability } from './setup';

/** One market's game, and the YES side's Elo probability. */
export interface GameInfo {
  /** The event ticker: a game's two markets are one bet. */
  key: string;
  home: string;
  away: string;
  yesProbability: Decimal;
  /** Direction of the offline scenario's late pullback for this market. */
  pullback: 1 | -1;
}

/** Starts the fake exchange quoting the scenario's slate, with a signed client for it. */
export async function startFakeExchange(
  fairHome: Map<string, Decimal>,
  balance: string,
): Promise<{ exchange: FakeExchange; client: KalshiClient; close: () => Promise<void> }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const exchange = createFakeExchange({
    ...nflMarkets({
      games: SLATE.map((g) => {
        const quoted = fairHome.get(`${g.away}@${g.home}`)!.plus(g.mispricing).toDecimalPlaces(2);
        return {
          away: g.away,
          home: g.home,
          kickoff: KICKOFF,
          homeWinProbability: Decimal.max(0.05, Decimal.min(0.95, quoted)),
        };
      }),
    }),
    balance,
    keys: [{ id: 'paper-bot', publicKey }],
  });
  const server = await exchange.listen();
  const client = new KalshiClient({ baseUrl: server.url, apiKeyId: 'paper-bot', privateKey });
  return { exchange, client, close: () => server.close() };
}

/** The open NFL markets whose two teams are rated, with each one's game and YES probability. */
export async function discoverGames(
  client: Pick<KalshiClient, 'markets'>,
  ratings: Map<string, Decimal>,
  model: EloModelConfig,
): Promise<{ tradable: Market[]; gameOf: Map<string, GameInfo> }> {
  const markets: Market[] = [];
  for await (const m of client.markets.list({ series_ticker: 'KXNFLGAME', status: 'open', limit: 200 }))
    markets.push(m);
  const gameOf = new Map<string, GameInfo>();
  const codes = new Set(ratings.keys());
  for (const m of markets) {
    const parsed = parseGameTicker(m.event_ticker, codes);
    if (parsed === null) continue;
    const team = nflMarketTeam(m.ticker);
    if (team !== parsed.home && team !== parsed.away) continue;
    const pHome = homeProbability(ratings, parsed.home, parsed.away, model);
    const isHome = team === parsed.home;
    // Offline, the late pullback runs against the direction the scenario's mispricing corrects.
    const scenario = SLATE.find((g) => g.home === parsed.home && g.away === parsed.away);
    const sign = scenario !== undefined && new Decimal(scenario.mispricing).isNegative() ? -1 : 1;
    gameOf.set(m.ticker, {
      key: m.event_ticker,
      home: parsed.home,
      away: parsed.away,
      yesProbability: isHome ? pHome : new Decimal(1).minus(pHome),
      pullback: (isHome ? sign : -sign) as 1 | -1,
    });
  }
  return { tradable: markets.filter((m) => gameOf.has(m.ticker)), gameOf };
}

/** Moves every market's book on the fake exchange for one offline tick (kept inside 0.02..0.98). */
export function moveBooks(
  exchange: FakeExchange,
  tradable: readonly Market[],
  gameOf: Map<string, GameInfo>,
  tick: number,
  ticks: number,
  random: () => number,
): void {
  for (const m of tradable) {
    const info = gameOf.get(m.ticker)!;
    const book = exchange.marketBody(m.ticker) as { yes_bid_dollars: string; yes_ask_dollars: string };
    const mid = new Decimal(book.yes_bid_dollars).plus(book.yes_ask_dollars).div(2);
    let by = priceMove({ tick, ticks, mid, fair: info.yesProbability, pullback: info.pullback, random });
    const bid = new Decimal(book.yes_bid_dollars);
    if (bid.plus(by).lt(0.02)) by = new Decimal(0.02).minus(bid);
    if (new Decimal(book.yes_ask_dollars).plus(by).gt(0.98))
      by = new Decimal(0.98).minus(book.yes_ask_dollars);
    if (!by.isZero()) exchange.movePrices(m.ticker, by);
  }
}
