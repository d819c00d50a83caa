// The hand-written interfaces each table's definition replaced (kept here, and only here): the
// types derived from the definitions must equal them.
import type Decimal from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { AccountBalance, AccountBalanceInput } from '../repositories/account-balance';
import type { EloHistoryEntry, EloHistoryInput } from '../repositories/elo-history';
import type { ExitAttempt, ExitAttemptInput } from '../repositories/exit-attempts';
import type { GameState, GameStateInput } from '../repositories/game-states';
import type { Market, MarketInput } from '../repositories/markets';
import type { PositionExit, PositionExitInput } from '../repositories/position-exits';
import type { Position, PositionInput } from '../repositories/positions';
import type { FillInput, Trade } from '../repositories/trades';
import type { DecimalInput, Json } from '../repositories/types';

interface OldGameStateInput {
  externalGameId: string;
  sport: string;
  status: string;
  eventId?: string | null;
  homeTeam?: string | null;
  awayTeam?: string | null;
  homeScore?: number | null;
  awayScore?: number | null;
  period?: string | null;
  timeRemaining?: string | null;
  possession?: string | null;
  scheduledStart?: Date | null;
  sportMetadata?: Json | null;
}

interface OldGameState {
  externalGameId: string;
  sport: string;
  status: string;
  eventId: string | null;
  homeTeam: string | null;
  awayTeam: string | null;
  homeScore: number | null;
  awayScore: number | null;
  period: string | null;
  timeRemaining: string | null;
  possession: string | null;
  scheduledStart: Date | null;
  sportMetadata: Json | null;
}

interface OldAccountBalanceInput {
  balance: DecimalInput;
  portfolioValue?: DecimalInput | null;
  currency?: string;
  platformId?: string;
  subaccount?: number;
}

interface OldAccountBalance {
  platformId: string;
  subaccount: number;
  balance: Decimal;
  portfolioValue: Decimal | null;
  currency: string;
}

interface OldMarketInput {
  ticker: string;
  eventTicker: string;
  title?: string | null;
  status: string;
  yesBid?: DecimalInput | null;
  yesAsk?: DecimalInput | null;
  noBid?: DecimalInput | null;
  noAsk?: DecimalInput | null;
  lastPrice?: DecimalInput | null;
  volume?: DecimalInput | null;
  openInterest?: DecimalInput | null;
  result?: string;
  metadata?: Json | undefined;
  platformId?: string;
}

interface OldMarket {
  platformId: string;
  ticker: string;
  eventTicker: string;
  title: string | null;
  status: string;
  yesBid: Decimal | null;
  yesAsk: Decimal | null;
  noBid: Decimal | null;
  noAsk: Decimal | null;
  lastPrice: Decimal | null;
  volume: Decimal | null;
  openInterest: Decimal | null;
  result: string;
  metadata: Json | null;
}

interface OldPositionInput {
  positionKey: string;
  ticker: string;
  side?: string | null;
  quantity: DecimalInput;
  status?: string;
  platformId?: string;
  subaccount?: number;
  entryPrice?: DecimalInput | null;
  currentPrice?: DecimalInput | null;
  marketExposure?: DecimalInput | null;
  totalTraded?: DecimalInput | null;
  feesPaid?: DecimalInput | null;
  realizedPnl?: DecimalInput | null;
  unrealizedPnl?: DecimalInput | null;
  unrealizedPnlPct?: DecimalInput | null;
  strategyId?: number | null;
  modelId?: number | null;
  methodId?: number | null;
  targetPrice?: DecimalInput | null;
  stopLossPrice?: DecimalInput | null;
  trailingStopState?: Json | null;
  entryTime?: Date | null;
  exitTime?: Date | null;
  exitPrice?: DecimalInput | null;
  exitReason?: string | null;
  exitPriority?: string | null;
  initialOrderId?: string | null;
  lastCheckTime?: Date | null;
  metadata?: Json | null;
}

interface OldPosition {
  positionKey: string;
  platformId: string;
  subaccount: number;
  ticker: string;
  side: string | null;
  quantity: Decimal;
  status: string;
  entryPrice: Decimal | null;
  currentPrice: Decimal | null;
  marketExposure: Decimal | null;
  totalTraded: Decimal | null;
  feesPaid: Decimal | null;
  realizedPnl: Decimal | null;
  unrealizedPnl: Decimal | null;
  unrealizedPnlPct: Decimal | null;
  strategyId: number | null;
  modelId: number | null;
  methodId: number | null;
  targetPrice: Decimal | null;
  stopLossPrice: Decimal | null;
  trailingStopState: Json | null;
  entryTime: Date | null;
  exitTime: Date | null;
  exitPrice: Decimal | null;
  exitReason: string | null;
  exitPriority: string | null;
  initialOrderId: string | null;
  lastCheckTime: Date | null;
  metadata: Json | null;
}

interface OldPositionExitInput {
  positionKey: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  quantityExited: DecimalInput;
  exitPrice: DecimalInput;
  realizedPnl?: DecimalInput | null;
  unrealizedPnlAtExit?: DecimalInput | null;
  externalTradeId?: string | null;
  orderId?: string | null;
  exitedAt?: Date;
  metadata?: Json | null;
  platformId?: string;
}

interface OldPositionExit {
  exitId: number;
  positionKey: string;
  platformId: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  quantityExited: Decimal;
  exitPrice: Decimal;
  realizedPnl: Decimal | null;
  unrealizedPnlAtExit: Decimal | null;
  externalTradeId: string | null;
  orderId: string | null;
  exitedAt: Date;
  metadata: Json | null;
}

interface OldExitAttemptInput {
  positionKey: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  orderType: string;
  quantity: DecimalInput;
  attemptNumber: number;
  limitPrice?: DecimalInput | null;
  fillPrice?: DecimalInput | null;
  timeoutSeconds?: number | null;
  success?: boolean | null;
  orderId?: string | null;
  attemptedAt?: Date;
  metadata?: Json | null;
  platformId?: string;
}

interface OldExitAttempt {
  attemptId: number;
  positionKey: string;
  platformId: string;
  ticker: string;
  exitCondition: string;
  exitPriority: string;
  orderType: string;
  limitPrice: Decimal | null;
  fillPrice: Decimal | null;
  quantity: Decimal;
  attemptNumber: number;
  timeoutSeconds: number | null;
  success: boolean | null;
  orderId: string | null;
  attemptedAt: Date;
  metadata: Json | null;
}

interface OldEloHistoryInput {
  teamId: number;
  gameResult: string;
  ratingBefore: DecimalInput;
  ratingAfter: DecimalInput;
  kFactor: DecimalInput;
  opponentTeamId?: number | null;
  externalGameId?: string | null;
  eventId?: string | null;
  modelId?: number | null;
  gameAt?: Date | null;
  metadata?: Json | null;
}

interface OldEloHistoryEntry {
  historyId: number;
  recordedAt: Date;
  teamId: number;
  opponentTeamId: number | null;
  externalGameId: string | null;
  eventId: string | null;
  modelId: number | null;
  gameResult: string;
  ratingBefore: Decimal;
  ratingAfter: Decimal;
  kFactor: Decimal;
  gameAt: Date | null;
  metadata: Json | null;
}

interface OldFillInput {
  externalTradeId: string;
  ticker: string;
  side: string;
  action: string;
  price: DecimalInput;
  quantity: DecimalInput;
  executedAt: Date;
  fees?: DecimalInput;
  orderId?: string | null;
  isTaker?: boolean | null;
  orderType?: string | null;
  positionKey?: string | null;
  strategyId?: number | null;
  modelId?: number | null;
  methodId?: number | null;
  edgeAtExecution?: DecimalInput | null;
  confidenceAtExecution?: string | null;
  metadata?: Json | null;
  platformId?: string;
  subaccount?: number;
}

interface OldTrade {
  tradeId: number;
  recordedAt: Date;
  externalTradeId: string;
  platformId: string;
  subaccount: number;
  ticker: string;
  side: string;
  action: string;
  price: Decimal;
  quantity: Decimal;
  fees: Decimal;
  executedAt: Date;
  orderId: string | null;
  isTaker: boolean | null;
  orderType: string | null;
  positionKey: string | null;
  strategyId: number | null;
  modelId: number | null;
  methodId: number | null;
  edgeAtExecution: Decimal | null;
  confidenceAtExecution: string | null;
  metadata: Json | null;
}

describe('row types derived from the table definitions', () => {
  it('game-states: input and row equal the hand-written interfaces', () => {
    expectTypeOf<GameStateInput>().toEqualTypeOf<OldGameStateInput>();
    expectTypeOf<GameState>().toEqualTypeOf<OldGameState>();
  });
  it('account-balance: input and row equal the hand-written interfaces', () => {
    expectTypeOf<AccountBalanceInput>().toEqualTypeOf<OldAccountBalanceInput>();
    expectTypeOf<AccountBalance>().toEqualTypeOf<OldAccountBalance>();
  });
  it('markets: input and row equal the hand-written interfaces', () => {
    expectTypeOf<MarketInput>().toEqualTypeOf<OldMarketInput>();
    expectTypeOf<Market>().toEqualTypeOf<OldMarket>();
  });
  it('positions: input and row equal the hand-written interfaces', () => {
    expectTypeOf<PositionInput>().toEqualTypeOf<OldPositionInput>();
    expectTypeOf<Position>().toEqualTypeOf<OldPosition>();
  });
  it('position-exits: input and row equal the hand-written interfaces', () => {
    expectTypeOf<PositionExitInput>().toEqualTypeOf<OldPositionExitInput>();
    expectTypeOf<PositionExit>().toEqualTypeOf<OldPositionExit>();
  });
  it('exit-attempts: input and row equal the hand-written interfaces', () => {
    expectTypeOf<ExitAttemptInput>().toEqualTypeOf<OldExitAttemptInput>();
    expectTypeOf<ExitAttempt>().toEqualTypeOf<OldExitAttempt>();
  });
  it('elo-history: input and row equal the hand-written interfaces', () => {
    expectTypeOf<EloHistoryInput>().toEqualTypeOf<OldEloHistoryInput>();
    expectTypeOf<EloHistoryEntry>().toEqualTypeOf<OldEloHistoryEntry>();
  });
  it('trades: input and row equal the hand-written interfaces', () => {
    expectTypeOf<FillInput>().toEqualTypeOf<OldFillInput>();
    expectTypeOf<Trade>().toEqualTypeOf<OldTrade>();
  });
});
