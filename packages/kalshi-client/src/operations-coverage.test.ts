import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rsaKeys } from './__fixtures__/helpers';
import { KalshiClient } from './client';
import { OPERATIONS } from './generated/operations';

/** Which client method serves each operation of the spec (`resource.method`). */
const METHODS: Record<string, string> = {
  getAccountApiLimits: 'account.getLimits',
  getAccountEndpointCosts: 'account.getEndpointCosts',
  getExchangeStatus: 'exchange.getStatus',
  getExchangeSchedule: 'exchange.getSchedule',
  getSeriesFeeChanges: 'series.getFeeChanges',
  getEvents: 'events.list',
  getEvent: 'events.get',
  getEventFeeChanges: 'events.getFeeChanges',
  getMarkets: 'markets.list',
  getMarket: 'markets.get',
  getMarketOrderbook: 'markets.getOrderbook',
  getTrades: 'markets.listTrades',
  getMarketCandlesticks: 'markets.getCandlesticks',
  getSeriesList: 'series.list',
  getSeries: 'series.get',
  getBalance: 'portfolio.getBalance',
  getPositions: 'portfolio.getPositions',
  getFills: 'portfolio.getFills',
  getSettlements: 'portfolio.getSettlements',
  getOrders: 'portfolio.listOrders',
  getOrder: 'portfolio.getOrder',
  getOrderQueuePositions: 'portfolio.getQueuePositions',
  getOrderQueuePosition: 'portfolio.getOrderQueuePosition',
  createOrderV2: 'orders.create',
  cancelOrderV2: 'orders.cancel',
  amendOrderV2: 'orders.amend',
  decreaseOrderV2: 'orders.decrease',
  batchCreateOrdersV2: 'orders.batchCreate',
  batchCancelOrdersV2: 'orders.batchCancel',
  cancelAllOrders: 'orders.cancelAll',
  createOrderGroup: 'orderGroups.create',
  getOrderGroup: 'orderGroups.get',
  getOrderGroups: 'orderGroups.list',
  triggerOrderGroup: 'orderGroups.trigger',
  resetOrderGroup: 'orderGroups.reset',
  updateOrderGroupLimit: 'orderGroups.updateLimit',
  deleteOrderGroup: 'orderGroups.delete',
  getCommunicationsID: 'communications.getId',
  getRFQs: 'communications.listRfqs',
  getRFQ: 'communications.getRfq',
  createRFQ: 'communications.createRfq',
  deleteRFQ: 'communications.deleteRfq',
  getQuotes: 'communications.listQuotes',
  getQuote: 'communications.getQuote',
  createQuote: 'communications.createQuote',
  deleteQuote: 'communications.deleteQuote',
  acceptQuote: 'communications.acceptQuote',
  confirmQuote: 'communications.confirmQuote',
  getRFQQuote: 'communications.getRfqQuote',
  deleteRFQQuote: 'communications.deleteRfqQuote',
  acceptRFQQuote: 'communications.acceptRfqQuote',
  confirmRFQQuote: 'communications.confirmRfqQuote',
  getBlockTradeProposals: 'communications.listBlockTradeProposals',
  proposeBlockTrade: 'communications.proposeBlockTrade',
  acceptBlockTradeProposal: 'communications.acceptBlockTradeProposal',
  getHistoricalCutoff: 'historical.getCutoff',
  getFillsHistorical: 'historical.getFills',
  getHistoricalOrders: 'historical.getOrders',
  getHistoricalPositions: 'historical.getPositions',
  getHistoricalMarkets: 'historical.getMarkets',
  getHistoricalMarket: 'historical.getMarket',
  getMarketCandlesticksHistorical: 'historical.getMarketCandlesticks',
  getTradesHistorical: 'historical.getTrades',
  getMilestones: 'milestones.list',
  getMilestone: 'milestones.get',
  getLiveDataByMilestone: 'liveData.getByMilestone',
  getLiveData: 'liveData.get',
  getLiveDatas: 'liveData.getBatch',
  createSubaccount: 'subaccounts.create',
  getSubaccountBalances: 'subaccounts.getBalances',
  applySubaccountTransfer: 'subaccounts.transfer',
  getSubaccountTransfers: 'subaccounts.listTransfers',
  getSubaccountNetting: 'subaccounts.getNetting',
  updateSubaccountNetting: 'subaccounts.updateNetting',
  getMarketOrderbooks: 'markets.getOrderbooks',
  batchGetMarketCandlesticks: 'markets.getCandlesticksBatch',
  getUserDataTimestamp: 'exchange.getUserDataTimestamp',
  getFiltersForSports: 'search.getFiltersBySport',
  getTagsForSeriesCategories: 'search.getTagsByCategories',
  getStructuredTargets: 'structuredTargets.list',
  getStructuredTarget: 'structuredTargets.get',
  getIncentivePrograms: 'incentivePrograms.list',
  getDeposits: 'funding.listDeposits',
  getWithdrawals: 'funding.listWithdrawals',
  getPortfolioRestingOrderTotalValue: 'funding.getRestingOrderValue',
  getEventMetadata: 'events.getMetadata',
  getMultivariateEvents: 'events.listMultivariate',
  getMarketCandlesticksByEvent: 'events.getCandlesticks',
  getEventForecastPercentilesHistory: 'events.getForecastHistory',
  getAccountApiUsageLevelVolumeProgress: 'account.getVolumeProgress',
  upgradeAccountApiUsageLevel: 'account.upgradeUsageLevel',
  // Issue #12: API keys, FCM, more live data, multivariate collections, transfers.
  getApiKeys: 'apiKeys.list',
  createApiKey: 'apiKeys.create',
  generateApiKey: 'apiKeys.generate',
  deleteApiKey: 'apiKeys.delete',
  getFCMOrders: 'fcm.listOrders',
  getFCMPositions: 'fcm.getPositions',
  listFCMSubtraders: 'fcm.listSubtraders',
  createFCMSubtrader: 'fcm.createSubtrader',
  getFCMEventContractDailyCap: 'fcm.getDailyCap',
  updateFCMEventContractDailyCap: 'fcm.updateDailyCap',
  deleteFCMEventContractDailyCap: 'fcm.deleteDailyCap',
  getEventLiveData: 'liveData.getByEvent',
  getGameStats: 'liveData.getGameStats',
  getWeatherIndex: 'liveData.getWeatherIndex',
  getWeatherIndexCalibrations: 'liveData.getWeatherCalibrations',
  getMultivariateEventCollections: 'multivariate.list',
  getMultivariateEventCollection: 'multivariate.get',
  createMarketInMultivariateEventCollection: 'multivariate.createMarket',
  intraExchangeInstanceTransfer: 'transfers.create',
  getIntraExchangeInstanceTransfers: 'transfers.list',
  getIntraExchangeInstanceTransfer: 'transfers.get',
  getTargetBalanceAllocation: 'transfers.getTargetAllocation',
  setTargetBalanceAllocation: 'transfers.setTargetAllocation',
};

/** Contract tests written before `contract()` existed: the file and the start of the test's name. */
const NAMED_TESTS: Record<string, [file: string, title: string]> = {
  getExchangeStatus: ['client.contract.test.ts', 'reads the status'],
  getExchangeSchedule: ['client.contract.test.ts', 'reads the schedule with split sessions'],
  getMarkets: ['client.contract.test.ts', 'lists one page with filters in the query string'],
  getMarket: ['client.contract.test.ts', 'gets one market, settled'],
  getMarketOrderbook: ['client.contract.test.ts', 'reads the order book as price/count levels'],
  getTrades: ['client.contract.test.ts', 'lists public trades'],
  getMarketCandlesticks: ['client.contract.test.ts', 'reads candlesticks, tolerating null prices'],
  getEvents: ['client.contract.test.ts', 'lists events'],
  getEvent: ['client.contract.test.ts', 'gets one event with its markets'],
  getSeriesList: ['client.contract.test.ts', 'lists series with their fee settings'],
  getSeries: ['client.contract.test.ts', 'gets one series'],
  getBalance: ['client.contract.test.ts', 'returns the balance in dollars from balance_dollars'],
  getPositions: ['client.contract.test.ts', 'lists positions with event positions'],
  getFills: ['client.contract.test.ts', 'collects every fill across pages with toArray'],
  getSettlements: ['client.contract.test.ts', 'lists settlements with revenue'],
  getOrders: ['client.contract.test.ts', 'lists and gets orders'],
  getOrder: ['client.contract.test.ts', 'lists and gets orders'],
  getOrderQueuePositions: ['client.contract.test.ts', 'reads queue positions'],
  getOrderQueuePosition: ['client.contract.test.ts', 'reads queue positions'],
  createOrderV2: ['client.contract.test.ts', 'creates an order with string count and price'],
  cancelOrderV2: ['client.contract.test.ts', 'cancels an order'],
  amendOrderV2: ['client.contract.test.ts', 'amends an order'],
  decreaseOrderV2: ['client.contract.test.ts', 'decreases an order by or to a count'],
  batchCreateOrdersV2: ['client.contract.test.ts', 'creates a batch, each order with its own client id'],
  batchCancelOrdersV2: ['client.contract.test.ts', 'cancels a batch'],
  cancelAllOrders: ['client.contract.test.ts', 'cancels all resting orders'],
  getAccountApiLimits: ['client.contract.test.ts', 'syncs rate limits and endpoint costs'],
  getAccountEndpointCosts: ['client.contract.test.ts', 'syncs rate limits and endpoint costs'],
  getHistoricalCutoff: ['resources/historical.contract.test.ts', 'getCutoff reads'],
  getFillsHistorical: ['resources/historical.contract.test.ts', 'getFills sends'],
  getHistoricalOrders: ['resources/historical.contract.test.ts', 'getOrders reads'],
  getHistoricalPositions: ['resources/historical.contract.test.ts', 'getPositions reads'],
  getHistoricalMarkets: ['resources/historical.contract.test.ts', 'getMarkets joins'],
  getHistoricalMarket: ['resources/historical.contract.test.ts', 'getMarket reads'],
  getMarketCandlesticksHistorical: ['resources/historical.contract.test.ts', 'getMarketCandlesticks reads'],
  getTradesHistorical: ['resources/historical.contract.test.ts', 'getTrades passes'],
};

/**
 * Operations of 3.30 the client does not serve yet (issue #12). A ratchet: the test fails when
 * one of these gains a method and a contract test without leaving this list, and for any other
 * operation that lacks either.
 */
const NOT_YET_COVERED = new Set<string>([]);

const SRC = fileURLToPath(new URL('.', import.meta.url));

function contractFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return contractFiles(path);
    return entry.name.endsWith('.contract.test.ts') ? [path] : [];
  });
}

const contractText = contractFiles(SRC)
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');
const client = new KalshiClient({ apiKeyId: 'key-123', privateKey: rsaKeys().privateKey });

function hasMethod(operationId: string): boolean {
  const target = METHODS[operationId];
  if (target === undefined) return false;
  const [resource, method] = target.split('.') as [string, string];
  const holder = (client as unknown as Record<string, Record<string, unknown> | undefined>)[resource];
  return typeof holder?.[method] === 'function';
}

function hasContractTest(operationId: string): boolean {
  if (new RegExp(`contract\\(\\s*'${operationId}'`).test(contractText)) return true;
  const named = NAMED_TESTS[operationId];
  if (named === undefined) return false;
  return readFileSync(join(SRC, named[0]), 'utf8').includes(`it('${named[1]}`);
}

describe('every operation of API 3.30', () => {
  it('has a client method and a contract test, apart from the listed gaps', () => {
    const missing = OPERATIONS.filter((op) => !NOT_YET_COVERED.has(op.operationId))
      .filter((op) => !hasMethod(op.operationId) || !hasContractTest(op.operationId))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
  });

  it('lists as a gap only operations that really lack a method or a contract test', () => {
    const nowCovered = [...NOT_YET_COVERED].filter((id) => hasMethod(id) && hasContractTest(id));
    expect(nowCovered).toEqual([]);
    const unknown = [...NOT_YET_COVERED].filter((id) => !OPERATIONS.some((op) => op.operationId === id));
    expect(unknown).toEqual([]);
  });

  it('maps only operation ids the spec knows', () => {
    expect(Object.keys(METHODS).filter((id) => !OPERATIONS.some((op) => op.operationId === id))).toEqual([]);
  });
});
