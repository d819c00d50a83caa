import { syncBalance } from './balance';
import { syncFills } from './fills';
import { syncMarkets } from './markets';
import { syncPositions } from './positions';
import { syncSettlements } from './settlements';
import type { SyncClient, SyncMarketsOptions, SyncResult, SyncStage, SyncStore } from './types';

/** Options of {@link syncAll}: the shared options plus the market filters. */
export interface SyncAllOptions extends SyncMarketsOptions {
  /** Stages to run, in this order: balance, positions, fills, settlements, markets. Default: all. */
  stages?: readonly SyncStage[] | undefined;
}

/** What {@link syncAll} did, stage by stage (stages not run are absent). */
export interface SyncAllResult {
  balance?: SyncResult;
  positions?: SyncResult;
  fills?: SyncResult;
  settlements?: SyncResult;
  markets?: SyncResult;
  /** The results in the order they ran. */
  results: SyncResult[];
}

/**
 * Runs every sync one after the other: balance, positions, fills, settlements, then markets
 * (filtered by `status`, `seriesTicker`, `eventTicker`). Stops at the first failure; stages
 * that finished stay written, and running it again completes the rest.
 */
export async function syncAll(
  client: SyncClient,
  store: SyncStore,
  options: SyncAllOptions = {},
): Promise<SyncAllResult> {
  const { stages, status, seriesTicker, eventTicker, ...shared } = options;
  const wanted = new Set(stages ?? ['balance', 'positions', 'fills', 'settlements', 'markets']);
  const out: SyncAllResult = { results: [] };
  const run = async (stage: SyncStage, fn: () => Promise<SyncResult>) => {
    if (!wanted.has(stage)) return;
    const result = await fn();
    out[stage] = result;
    out.results.push(result);
  };
  await run('balance', () => syncBalance(client, store, shared));
  await run('positions', () => syncPositions(client, store, shared));
  await run('fills', () => syncFills(client, store, shared));
  await run('settlements', () => syncSettlements(client, store, shared));
  await run('markets', () => syncMarkets(client, store, { ...shared, status, seriesTicker, eventTicker }));
  return out;
}
