// The offline demo's exchange: a fake Kalshi exchange on loopback with a week of NFL markets and
// an account (balance, positions from generated fills, a few past settlements), signed with an
// RSA key pair made in memory for this run only.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  createFakeExchange,
  type FakeExchange,
  type FakeExchangeServer,
  type FakeSettlementInput,
  nflMarkets,
} from '@precog/kalshi-client/testing';

/** Games of the demo week (away at home, kickoff UTC, home win probability). */
const GAMES: ReadonlyArray<[string, string, string, string]> = [
  ['DET', 'GB', '2026-11-26T17:30:00Z', '0.46'],
  ['KC', 'DAL', '2026-11-26T21:30:00Z', '0.41'],
  ['CIN', 'BAL', '2026-11-27T01:20:00Z', '0.63'],
  ['NYG', 'NE', '2026-11-29T18:00:00Z', '0.58'],
  ['MIN', 'SEA', '2026-11-29T18:00:00Z', '0.52'],
  ['ATL', 'NYJ', '2026-11-29T18:00:00Z', '0.44'],
  ['LA', 'CAR', '2026-11-29T18:00:00Z', '0.31'],
  ['HOU', 'IND', '2026-11-29T18:00:00Z', '0.55'],
  ['ARI', 'TB', '2026-11-29T18:00:00Z', '0.61'],
  ['PIT', 'BUF', '2026-11-29T21:25:00Z', '0.66'],
  ['SF', 'CLE', '2026-11-29T21:25:00Z', '0.35'],
  ['LV', 'LAC', '2026-11-29T21:25:00Z', '0.72'],
  ['DEN', 'WAS', '2026-11-30T01:20:00Z', '0.49'],
  ['PHI', 'CHI', '2026-11-30T01:20:00Z', '0.42'],
  ['NO', 'MIA', '2026-12-01T01:15:00Z', '0.57'],
  ['TEN', 'JAC', '2026-11-29T18:00:00Z', '0.53'],
];

/** Last week's games the account held and that settled (stored by ticker; no market needed). */
const PAST_SETTLEMENTS: FakeSettlementInput[] = [
  {
    ticker: 'KXNFLGAME-26NOV22KCIND-KC',
    eventTicker: 'KXNFLGAME-26NOV22KCIND',
    result: 'yes',
    yesCount: '12',
    yesTotalCost: '7.32',
    feeCost: '0',
    settledTime: Date.parse('2026-11-23T02:10:00Z'),
  },
  {
    ticker: 'KXNFLGAME-26NOV23GBNYG-NYG',
    eventTicker: 'KXNFLGAME-26NOV23GBNYG',
    result: 'no',
    yesCount: '8',
    yesTotalCost: '3.44',
    feeCost: '0',
    settledTime: Date.parse('2026-11-24T01:05:00Z'),
  },
];

/** The running demo exchange and the credentials that sign for its account. */
export interface OfflineExchange {
  exchange: FakeExchange;
  server: FakeExchangeServer;
  apiKeyId: string;
  privateKey: KeyObject;
}

/** Starts the demo exchange on 127.0.0.1 (any free port). */
export async function startOfflineExchange(): Promise<OfflineExchange> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const apiKeyId = 'demo-key-offline';
  const nfl = nflMarkets({
    games: GAMES.map(([away, home, kickoff, p]) => ({
      away,
      home,
      kickoff: Date.parse(kickoff),
      homeWinProbability: p,
    })),
    fillsPerGame: 9,
    seed: 2026,
  });
  const exchange = createFakeExchange({
    ...nfl,
    settlements: PAST_SETTLEMENTS,
    balance: '2500.00',
    keys: [{ id: apiKeyId, publicKey }],
  });
  const server = await exchange.listen();
  return { exchange, server, apiKeyId, privateKey };
}
